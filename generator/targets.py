"""Machine readings of indicator targets as written: comparator, value, unit.

Plans write targets as phrases: "Tối thiểu từ 40% trở lên", "trong nhóm 15/63 tỉnh,
thành", "ít nhất 05 đơn vị/quý", "xếp loại tốt". `parse_target` reads the first measurable
target in the phrase (so a whole objective sentence works too) and keeps the text as
written. Readings:

* Comparators come from the words next to the number: "tối thiểu", "ít nhất", "từ … trở
  lên", "không dưới" → GE; "không quá", "tối đa", "trở xuống" → LE; "trên", "hơn" → GT;
  "dưới", "ít hơn" → LT (strict, so "dưới 5%" is not met by 5%); "bằng" → EQ. A bare
  number ("80%", "đạt 100%") is GE: plans name a level to reach, and doing better meets it.
* Ranks ("trong nhóm 15/63", "xếp hạng 10/63", "top 10") are RANK_WITHIN: value is the
  rank to reach, `of` how many are ranked; unit "rank".
* "6/6 đơn vị" is a count out of a whole: value 6, of 6, unit "đơn vị"; it is compared as
  a share (6/6 = 100%), so "100%" or "6/6" achieved meet it and "5/6" does not.
* "Giảm 10%"/"tăng 3% so với năm 2020" are changes, not levels: `change` is "decrease" or
  "increase" and the value is the size of the change, at least 10% unless a comparator
  says otherwise. "Giảm xuống dưới 5%"/"giảm còn 5%" are levels again (LT 5, LE 5), as
  is "tăng lên 90%" (GE 90).
* Without any number the target is qualitative: `qualitative` holds the grade phrase
  ("xếp loại tốt", "nhóm tốt", "mức tốt") or, without a grade, the whole text.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from .vietnamese import nfc


class Comparator(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="
    RANK_WITHIN = "rank<="  # rank ≤ value, out of `of`


@dataclass(frozen=True)
class Target:
    """A target as written (`text`) and as read; see the module docstring for the rules."""

    text: str
    comparator: Comparator | None = None
    value: float | None = None
    unit: str | None = None  # "%", "rank", a counted noun ("đơn vị", "đơn vị/quý") or None
    of: int | None = None
    qualitative: str | None = None
    change: str | None = None  # "increase" | "decrease" for "tăng/giảm X%"
    # False when the phrase gives neither a number nor a grade: never judged automatically.
    understood: bool = field(default=True, compare=False)

    @property
    def percent(self) -> float | None:
        """The value as a share in percent: the "%" value, or a count over its whole."""
        if self.value is None or self.unit == "rank":
            return None
        if self.unit == "%":
            return self.value
        return self.value / self.of * 100 if self.of else None


_NUM = r"(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_NUMBER = re.compile(rf"[+-]?{_NUM}")
_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+")

_UNITS = ("đơn vị", "sản phẩm", "sáng kiến", "mô hình", "hồ sơ", "văn bản", "thủ tục",
          "cơ quan", "chuyên mục", "tin bài", "tiêu chí", "dịch vụ", "cuộc", "đợt", "lượt",
          "lớp", "người", "buổi", "bài", "lần", "ngày", "giờ", "phút")
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_PER = r"(?: ?/ ?(?:quý|năm|tháng|lần|kỳ|đợt))?"

_RANK = re.compile(r"\b(?:nhóm|hạng|top|thứ)(?: thứ)? (\d+)(?: ?/ ?(\d+))?\b")
_PERCENT = re.compile(rf"(?<![\d.,])({_NUM}) ?%")
_FRACTION = re.compile(rf"(?<![\d/])(\d+) ?/ ?(\d+) ((?:{_UNIT}){_PER})\b")
# Small counts are often spelled out: "có ít nhất một sáng kiến". "Năm" (five) is left out:
# it is far more often "year".
_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10}
_WORD_NUMBER = "|".join(_WORD_NUMBERS)
_COUNT = re.compile(rf"(?<![\d/.,\w])({_NUM}|{_WORD_NUMBER}) ((?:{_UNIT}){_PER})\b")

# Words that may stand right before the number, with what they give: a comparator, a
# change ("increase"/"decrease"), a level cut or raised to ("giảm còn 5%", "tăng lên 90%":
# not a change, and at most/at least that level), or nothing (None).
_DOWN_TO, _UP_TO = "down to", "up to"
_TERMS: dict[str, Comparator | str | None] = {
    "không vượt quá": Comparator.LE, "không quá": Comparator.LE, "tối đa": Comparator.LE,
    "nhiều nhất": Comparator.LE, "không cao hơn": Comparator.LE, "không nhiều hơn": Comparator.LE,
    "≤": Comparator.LE, "<=": Comparator.LE,
    "không dưới": Comparator.GE, "không thấp hơn": Comparator.GE, "không ít hơn": Comparator.GE,
    "tối thiểu": Comparator.GE, "ít nhất": Comparator.GE, "≥": Comparator.GE, ">=": Comparator.GE,
    "từ": Comparator.GE,
    "trên": Comparator.GT, "cao hơn": Comparator.GT, "nhiều hơn": Comparator.GT,
    "hơn": Comparator.GT, "vượt": Comparator.GT, ">": Comparator.GT,
    "dưới": Comparator.LT, "thấp hơn": Comparator.LT, "ít hơn": Comparator.LT, "<": Comparator.LT,
    "bằng": Comparator.EQ, "=": Comparator.EQ,
    "tăng": "increase", "giảm": "decrease",
    "giảm xuống": _DOWN_TO, "giảm còn": _DOWN_TO, "xuống còn": _DOWN_TO, "còn": _DOWN_TO,
    "tăng lên": _UP_TO,
    "đạt": None, "đạt mức": None, "ở mức": None, "phấn đấu": None, "là": None, "duy trì": None,
}
_TERM = "|".join(re.escape(t) for t in sorted(_TERMS, key=len, reverse=True))
_TERM_RE = re.compile(rf"(?<!\w)(?:{_TERM})(?!\w)")
# Possessive, since terms overlap ("giảm còn" = "giảm" + "còn") and backtracking over a
# long run of them would never end.
_RUN = re.compile(rf"(?:(?<!\w)(?>{_TERM}) ?)++$")
_SUFFIX = re.compile(r"^ ?(trở lên|trở xuống)\b")
_BARE = re.compile(rf"^(?:(?<!\w)(?>{_TERM}) ?)*+({_NUM})(?: ?/ ?(\d+))?"
                   r"(?: ?(?:trở lên|trở xuống))?$")

_GRADES = {"xuất sắc": 5, "tốt": 4, "khá": 3, "trung bình": 2, "yếu": 1, "kém": 0}
_GRADE = re.compile(r"(?:(?:xếp loại|xếp hạng|nhóm|mức|loại) )?\b(xuất sắc|tốt|khá|trung bình|yếu|kém)"
                    r"\b(?! nhất| hơn)")

# "Hoàn thành chỉ tiêu theo Kế hoạch …": the measure is in another document, on purpose.
_DEFERS = re.compile(r"\btheo (?:kế hoạch|quyết định|chỉ thị|nghị quyết|kết luận|chương trình"
                     r"|văn bản|quy định|lộ trình|hướng dẫn)\b")

_COMPARE: dict[Comparator, Callable[[float, float], bool]] = {
    Comparator.GE: operator.ge, Comparator.GT: operator.gt, Comparator.LE: operator.le,
    Comparator.LT: operator.lt, Comparator.RANK_WITHIN: operator.le,
    Comparator.EQ: lambda a, b: abs(a - b) < 1e-9,
}


def parse_number(text: str) -> float:
    """Read a number written the Vietnamese way: "55,5" → 55.5, "1.234,5" → 1234.5.

    Dots group thousands only in groups of three ("1.234" → 1234); a lone dot before one
    or two digits is taken as an English decimal point ("95.5" → 95.5).
    """
    compact = re.sub(r"\s", "", text)
    if not _NUMBER.fullmatch(compact):
        raise ValueError(f"không đọc được số: “{text}”")
    if "," in compact or _GROUPED.fullmatch(compact):
        compact = compact.replace(".", "").replace(",", ".")
    return float(compact)


def _normalise(text: str) -> str:
    return " ".join(nfc(text).lower().split())


def _change(terms: list[str]) -> str | None:
    change = None
    for term in terms:
        meaning = _TERMS[term]
        if meaning in ("increase", "decrease"):
            change = str(meaning)
        elif meaning in (_DOWN_TO, _UP_TO):
            change = None
    return change


def _default(terms: list[str]) -> Comparator:
    """Without comparator words a level is to be reached: at least it, or at most when cut to it."""
    levels = [_TERMS[t] for t in terms if _TERMS[t] in (_DOWN_TO, _UP_TO)]
    return Comparator.LE if levels and levels[-1] == _DOWN_TO else Comparator.GE


def _comparator(text: str, start: int, end: int) -> tuple[Comparator, str | None]:
    """The comparator and change that the words around text[start:end] give.

    A stated comparator wins; "từ" alone is weak, so "từ 5% trở xuống" is LE.
    """
    run = _RUN.search(text[:start])
    terms = _TERM_RE.findall(run.group()) if run else []
    stated = [c for t in terms if isinstance(c := _TERMS[t], Comparator) and t != "từ"]
    suffix = _SUFFIX.match(text[end:])
    if stated:
        comparator = stated[-1]
    elif suffix:
        comparator = Comparator.GE if suffix.group(1) == "trở lên" else Comparator.LE
    else:
        comparator = _default(terms)
    return comparator, _change(terms)


def _measured(original: str, text: str, match: re.Match[str], unit: str | None,
              of: str | None) -> Target:
    comparator, change = _comparator(text, match.start(1), match.end())
    number = match.group(1)
    value = float(_WORD_NUMBERS[number]) if number in _WORD_NUMBERS else parse_number(number)
    return Target(original, comparator, value, unit,
                  int(of) if of else None, change=change)


def _rank(original: str, text: str, match: re.Match[str]) -> Target:
    of = int(match.group(2)) if match.group(2) else None
    return Target(original, Comparator.RANK_WITHIN, float(match.group(1)), "rank", of)


def _percent(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, "%", None)


def _fraction(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, match.group(3), match.group(2))


def _count(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, match.group(2), None)


def _bare(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, None, match.group(2))


_Reader = Callable[[str, str, re.Match[str]], Target]
_READINGS: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (_RANK, _rank), (_PERCENT, _percent), (_FRACTION, _fraction), (_COUNT, _count))


def parse_target(text: str | None) -> Target | None:
    """Read a target as written; None when there is none. See the module docstring."""
    if text is None or not text.strip():
        return None
    normalised = _normalise(text)
    found = [(m.start(), read, m) for pattern, read in _READINGS
             for m in pattern.finditer(normalised)]
    if found:
        _, read, match = min(found, key=lambda f: f[0])
        return read(text, normalised, match)
    bare = _BARE.match(normalised)
    if bare:
        return _bare(text, normalised, bare)
    grade = _GRADE.search(normalised)
    if grade:
        return Target(text, qualitative=grade.group())
    return Target(text, qualitative=" ".join(nfc(text).split()),
                  understood=bool(_DEFERS.search(normalised)))


def _grade(phrase: str | None) -> int | None:
    match = _GRADE.search(_normalise(phrase)) if phrase else None
    return _GRADES[match.group(1)] if match else None


def _achieved_value(target: Target, got: Target) -> float | None:
    """The achieved value in the target's terms, or None when they do not compare."""
    if got.value is None or (got.unit == "rank" and target.unit != "rank"):
        return None
    if target.unit == "rank":
        return got.value if got.unit in ("rank", None) else None
    if target.of or target.unit == "%":
        if got.percent is not None:
            return got.percent
        if got.unit is None or got.unit == target.unit:
            return got.value / target.of * 100 if target.of else got.value
        return None
    base = target.unit.split("/")[0] if target.unit else None
    return got.value if got.unit in (None, target.unit, base) else None


def is_met(target: Target, achieved: str) -> bool | None:
    """Whether the achieved result as written ("96,5%", "hạng 12/63", "12") meets the target.

    None when it cannot be decided: no number achieved, units that do not compare (a rank
    against a percentage), or a qualitative target without grades on both sides. Grades
    compare in the order xuất sắc > tốt > khá > trung bình > yếu > kém. A change achieved
    the wrong way ("tăng 2%" for "giảm 10%") is not met; a bare achieved number is read as
    a change the way the target wants.
    """
    got = parse_target(achieved)
    if got is None:
        return None
    if target.comparator is None or target.value is None:
        wanted, reached = _grade(target.qualitative), _grade(got.qualitative or achieved)
        return None if wanted is None or reached is None else reached >= wanted
    if target.change and got.change and got.change != target.change:
        return False
    value = _achieved_value(target, got)
    if value is None:
        return None
    wanted_value = target.percent if target.of and target.unit != "rank" else target.value
    assert wanted_value is not None
    return _COMPARE[target.comparator](value, wanted_value)
