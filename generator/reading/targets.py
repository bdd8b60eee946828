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
* A negation before the comparator turns it round: "Không để cơ quan nào có kết quả dưới
  75%" is GE 75.
* "8/12 sở đạt loại khá trở lên" counts bodies: 8 of 12 "sở", with the grade they reach
  kept in `qualitative`.
* A band "từ 80% đến dưới 90%" keeps both bounds (`value`/GE and `upper`/LT or LE).
* Several targets in one phrase ("cấp tỉnh đạt 100%, cấp huyện đạt 90%") are `parts`,
  split at ";", ", " and brackets; `is_met` judges each against its own result or says
  it cannot decide, never the first part alone.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from .vietnamese import fold, nfc


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
    # A band ("từ 80% đến dưới 90%"): the upper bound, LT or LE; `value` is the lower, GE.
    upper: float | None = None
    upper_comparator: Comparator | None = None
    # Several targets in one phrase ("cấp tỉnh đạt 100%, cấp huyện đạt 90%"), each with its
    # `label`. The fields above then read the first part, as a headline; `is_met` judges
    # the parts, each against its own result, or not at all.
    parts: tuple[Target, ...] = field(default=(), compare=False)
    label: str | None = field(default=None, compare=False)

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

# Counted nouns, bodies among them: "8/12 sở đạt loại khá trở lên" counts bodies.
_UNITS = ("đơn vị", "sản phẩm", "sáng kiến", "mô hình", "hồ sơ", "văn bản", "thủ tục",
          "cơ quan", "chuyên mục", "tin bài", "tiêu chí", "dịch vụ", "cuộc", "đợt", "lượt",
          "lớp", "người", "buổi", "bài", "lần", "ngày", "giờ", "phút", "sở", "ban", "ngành",
          "huyện", "xã", "phường", "phòng", "trường", "địa phương", "điểm", "bậc")
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_PER = r"(?: ?/ ?(?:quý|năm|tháng|lần|kỳ|đợt))?"

_RANK = re.compile(r"\b(?:nhóm|hạng|top|thứ)(?: thứ| hạng)?(?: từ 1 ?(?:-|đến|tới))? ?(\d+)"
                   r"(?: ?/ ?(\d+))?\b")
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
    "hơn": Comparator.GT, "vượt": Comparator.GT, "vượt quá": Comparator.GT, "quá": Comparator.GT,
    ">": Comparator.GT,
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

# "từ 80% đến dưới 90%": both bounds.
_BAND = re.compile(rf"(?:(?<!\w)(từ|trên) )?({_NUM}) ?(?:%|điểm)? ?(?:đến|tới|-) ?"
                   rf"(dưới |không quá |không vượt quá )?({_NUM}) ?(%|điểm)")
# Where one target of a phrase ends and the next begins ("95,5%" keeps its comma).
_CLAUSE = re.compile(r";|,\s|\(|\)|\n")
_CONTEXT = re.compile(r"\([^()]*\b(?:19|20)\d{2}\b[^()]*\)")
# "Không để cơ quan nào có kết quả dưới 75%": the comparator after it is negated.
_NEGATION = re.compile(r"(?<!\w)không (?:để|có|còn)(?!\w)")
_NEGATED = {Comparator.LT: Comparator.GE, Comparator.LE: Comparator.GT,
            Comparator.GT: Comparator.LE, Comparator.GE: Comparator.LT}

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
        if _NEGATION.search(_CLAUSE.split(text[:start])[-1]):
            comparator = _NEGATED.get(comparator, comparator)
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
    if value == 0 and comparator == Comparator.GE and not _RUN.search(text[:match.start(1)]):
        comparator = Comparator.LE  # "0% hồ sơ trễ hạn": none at all, not "at least none"
    return Target(original, comparator, value, unit,
                  int(of) if of else None, change=change)


def _rank(original: str, text: str, match: re.Match[str]) -> Target:
    of = int(match.group(2)) if match.group(2) else None
    return Target(original, Comparator.RANK_WITHIN, float(match.group(1)), "rank", of)


def _percent(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, "%", None)


def _fraction(original: str, text: str, match: re.Match[str]) -> Target:
    # "8/12 sở đạt loại khá trở lên": a count of bodies, and the grade they reach.
    grade = _GRADE.search(text, match.end())
    counted = _measured(original, text, match, match.group(3), match.group(2))
    return replace(counted, qualitative=grade.group()) if grade else counted


def _count(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, match.group(2), None)


def _bare(original: str, text: str, match: re.Match[str]) -> Target:
    return _measured(original, text, match, None, match.group(2))


# A part's label: its words before the number ("cấp huyện"), else those after it ("văn
# bản điện tử"), without comparator words, numbers and units.
_LABEL_NOISE = re.compile(rf"(?<!\w)(?:{_TERM}|trở lên|trở xuống|nhóm|hạng|top|{_WORD_NUMBER})(?!\w)"
                          rf"|[+-]?{_NUM} ?(?:%|/ ?\d+)?")


def _label(clause: str) -> str | None:
    first = re.search(r"\d", clause)
    before, after = (clause[:first.start()], clause[first.start():]) if first else (clause, "")
    for words in (before, after):
        label = " ".join(_LABEL_NOISE.sub(" ", words).split()).strip(" .:-")
        if label:
            return label
    return None

_Reader = Callable[[str, str, re.Match[str]], Target]
_READINGS: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (_RANK, _rank), (_PERCENT, _percent), (_FRACTION, _fraction), (_COUNT, _count))


def _band(original: str, text: str, match: re.Match[str]) -> Target:
    lower = Comparator.GT if match.group(1) == "trên" else Comparator.GE
    below = (match.group(3) or "").startswith("dưới")
    return Target(original, lower, parse_number(match.group(2)), match.group(5),
                  upper=parse_number(match.group(4)),
                  upper_comparator=Comparator.LT if below else Comparator.LE)


def _measure(original: str, text: str, bare: bool = True) -> Target | None:
    """The first measurable target in the text, or None; a bare number only if `bare`."""
    found = [(m.start(), read, m) for pattern, read in _READINGS
             for m in pattern.finditer(text)]
    if found:
        start, read, match = min(found, key=lambda f: f[0])
        band = _BAND.search(text)
        if band and band.start() <= start:
            return _band(original, text, band)
        return read(original, text, match)
    alone = _BARE.match(text) if bare else None
    return _bare(original, text, alone) if alone else None


def _parts(text: str) -> tuple[Target, ...]:
    """The targets of each clause, labelled with the words before their number.

    A bracket naming a year ("(năm 2023 đạt 80%)") gives context, not another target.
    """
    parts = []
    for clause in _CLAUSE.split(_CONTEXT.sub(" ", text)):
        clause = clause.strip()
        part = _measure(clause, clause, bare=False)
        if part is not None:
            parts.append(replace(part, label=_label(clause)))
    return tuple(parts)


# Reports repeat their results ("100%", "Đạt") and every report of a plan is judged
# against the same targets: at size L, 74,000 readings of far fewer phrases.
@lru_cache(maxsize=16384)
def parse_target(text: str | None) -> Target | None:
    """Read a target as written; None when there is none. See the module docstring."""
    if text is None or not text.strip():
        return None
    normalised = _normalise(text)
    measured = _measure(text, normalised)
    if measured is not None:
        parts = _parts(normalised)
        return replace(measured, parts=parts) if len(parts) > 1 else measured
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
    a change the way the target wants. A band needs both bounds met. A target of several
    parts is met when each part is met by the result written for it ("cấp tỉnh 100%, cấp
    huyện 85%"); one number for all of them decides nothing.
    """
    got = parse_target(achieved)
    if got is None:
        return None
    if target.parts:
        return _parts_met(target.parts, got.parts)
    return _met(target, got, achieved)


def _met(target: Target, got: Target, achieved: str) -> bool | None:
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
    met = _COMPARE[target.comparator](value, wanted_value)
    if target.upper is not None and target.upper_comparator is not None:
        met = met and _COMPARE[target.upper_comparator](value, target.upper)
    return met


def _parts_met(wanted: tuple[Target, ...], got: tuple[Target, ...]) -> bool | None:
    """Each wanted part against the achieved part of the same label, or in the same place."""
    pairs: list[tuple[Target, Target | None]] = [(p, _same_label(p, got)) for p in wanted]
    if any(found is None for _, found in pairs) and len(got) == len(wanted):
        pairs = list(zip(wanted, got, strict=True))
    verdicts = [_met(part, found, found.text) if found else None for part, found in pairs]
    if False in verdicts:  # one part missed is enough, whatever the others say
        return False
    return None if None in verdicts else True


def _same_label(part: Target, candidates: tuple[Target, ...]) -> Target | None:
    if not part.label:
        return None
    label = fold(part.label)
    found = [c for c in candidates if c.label and (fold(c.label) in label or label in fold(c.label))]
    return found[0] if len(found) == 1 else None
