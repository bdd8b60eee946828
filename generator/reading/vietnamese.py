"""Vietnamese text helpers: normalisation, ASCII folding, slugs, alphabetical order, formatting.

Everything here is pure. Formatting goes through Babel with the "vi" locale because the
build machines have no Vietnamese OS locale, so `strftime("%B")`/`setlocale` are never used.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

LOCALE = "vi"

# Nghị định 30/2020/NĐ-CP (Phụ lục I) pads days below 10 and only months 1 and 2, so that
# "tháng 1"/"tháng 2" cannot be misread as "tháng 10"/"tháng 11"/"tháng 12" once written by
# hand: "ngày 05 tháng 01 năm 2021", "ngày 31 tháng 5 năm 2021".
_DAY_MONTH = {True: "'ngày' dd 'tháng' MM 'năm' y", False: "'ngày' dd 'tháng' M 'năm' y"}
_DATE_SHORT = "dd/MM/y"
_PERCENT_PATTERN = "#,##0.#"

# Vietnamese order, with the foreign letters f, j, w, z at their Latin places so that
# names such as "Jrai" or "Wasi" still sort sensibly.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: 20 + i for i, letter in enumerate(_ALPHABET)}

# Combining marks that make a different letter (ă â ê ô ơ ư), not a tone.
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")
# Dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_NON_SLUG = re.compile(r"[^a-z0-9]+")

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form every data file is stored in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase and strip every tone and vowel mark, with đ → d ("Đẩy mạnh" → "day manh")."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # đ has no decomposition: it is a letter of its own, not d plus a mark.
    return nfc(bare.replace("đ", "d"))


def slugify(text: str) -> str:
    """ASCII slug: folded words joined by "-" ("792/KH-UBND" → "792-kh-ubnd")."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def _split_char(char: str) -> tuple[str, int]:
    """Split one lowercase character into its Vietnamese letter and its tone rank."""
    decomposed = unicodedata.normalize("NFD", char)
    marks = decomposed[1:]
    letter = nfc(decomposed[0] + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = max((_TONE_RANK.get(m, 0) for m in marks), default=0)
    return letter, tone


def _letter_rank(letter: str) -> int:
    if letter.isdigit():
        return 1 + int(letter) if letter.isascii() else 1000 + ord(letter)
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter]
    # Spaces and punctuation separate words and sort before any letter ("An Giang" < "Ana").
    return 0 if not letter.isalnum() else 1000 + ord(letter)


def sort_key(text: str) -> SortKey:
    """Key for Vietnamese alphabetical order.

    Letters are compared first in the order a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
    u ư v x y (digits before letters, case ignored); tones only break ties, in dictionary
    order ngang < huyền < hỏi < ngã < sắc < nặng; then lowercase before uppercase.
    Runs of spaces and punctuation count as one separator.
    """
    letters: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for char in nfc(text.strip()):
        letter, tone = _split_char(char.lower())
        rank = _letter_rank(letter)
        if rank == 0 and letters and letters[-1] == 0:
            continue
        letters.append(rank)
        tones.append(tone)
        cases.append(int(char != char.lower()))
    return tuple(letters), tuple(tones), tuple(cases), text


def _long_pattern(d: date) -> str:
    return _DAY_MONTH[d.month < 3]


def format_date_long(d: date) -> str:
    """"ngày 29 tháng 12 năm 2017", "ngày 05 tháng 01 năm 2021", "ngày 31 tháng 5 năm 2021"."""
    return format_date(d, _long_pattern(d), locale=LOCALE)


def format_date_short(d: date) -> str:
    """"29/12/2017"."""
    return format_date(d, _DATE_SHORT, locale=LOCALE)


def format_datetime_long(dt: datetime) -> str:
    """"08:30, ngày 23 tháng 01 năm 2019", in the clock time the value carries."""
    return format_datetime(dt, "HH:mm, " + _long_pattern(dt), tzinfo=dt.tzinfo, locale=LOCALE)


def format_number(x: float | Decimal) -> str:
    """Vietnamese grouping and decimal comma: 1234.5 → "1.234,5"."""
    # Zero floats are not remembered: 0.0 == -0.0, but they read "0" and "-0".
    if type(x) is int or (type(x) is float and x):
        return _format_remembered(x)
    return format_decimal(x, locale=LOCALE)


@lru_cache(maxsize=4096, typed=True)
def _format_remembered(x: float) -> str:
    # Pages print the same few counts and targets tens of thousands of times (37,000 at
    # size S), at about 8 µs each through Babel.
    return format_decimal(x, locale=LOCALE)


@lru_cache(maxsize=4096, typed=True)  # equal values of one type always read the same
def format_percent(value: float | Decimal) -> str:
    """Format a percentage number (95.5 → "95,5%", 100 → "100%", 33.333 → "33,3%").

    `value` is already in percent, not a fraction. One decimal at most, rounded half up as
    people do by hand (Babel alone would round half to even, and its default percent
    pattern drops the decimal: 0.955 → "96%").
    """
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    # Avoid printing "-0%" for tiny negative values.
    rounded = abs(rounded) if rounded == 0 else rounded
    return format_decimal(rounded, _PERCENT_PATTERN, locale=LOCALE) + "%"
