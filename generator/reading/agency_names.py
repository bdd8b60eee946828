"""Agencies as documents write them: find the known organisations named in a cell's text.

A plan's cell reads "Sở Nội vụ; UBND các huyện, thành phố". Matching works on the
words of the text with accents, case, punctuation and spacing folded away, so
"UBND cac huyen thanh pho" and "UBND các huyện, thành phố" are the same name. The
longest known name wins at each place, and the pieces of the original text are kept
so a page can show the text as written with each body linked inside it.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..data.models import Organisation
from .vietnamese import fold

_WORD = re.compile(r"\w+")
# Words that join names in a cell or give a body's role, and name no body themselves.
_JOINERS = frozenset({("va",), ("voi",), ("chu", "tri"), ("phoi", "hop")})
_SEPARATOR = re.compile(r"[,;\n]")
# Kind words that lists leave out after the first body: "Sở Y tế, Giáo dục và Đào tạo".
_HEADS = frozenset({"so", "phong", "ban", "cuc"})

Words = tuple[str, ...]


@dataclass(frozen=True)
class Span:
    """A piece of a cell's text; `org` is the organisation id when the piece names one."""

    text: str
    org: str | None = None


@dataclass(frozen=True)
class Unknown:
    """Words of a cell that name no known organisation, with the closest names."""

    text: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    spans: tuple[Span, ...]
    unknown: tuple[Unknown, ...]
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # (text, organisation ids)

    @property
    def orgs(self) -> list[str]:
        """Organisation ids named, in order of first mention."""
        return list(dict.fromkeys(s.org for s in self.spans if s.org))


class _CharFolds(dict[int, str]):
    """Each character's fold, made on first sight: folding one character at a time was
    the largest cost of reading agency cells at size L."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char)
        self[code] = folded if len(folded) == 1 else char.lower()
        return self[code]


_CHAR_FOLDS = _CharFolds()


def _fold_chars(text: str) -> str:
    """Fold character by character so every position still points into the original."""
    return text.translate(_CHAR_FOLDS)


@lru_cache(maxsize=8192)
def words(text: str) -> Words:
    # Every agency cell builds a small index of the bodies it lists, folding the same
    # few hundred names again: 7,800 calls at size S, folded character by character.
    return tuple(_WORD.findall(_fold_chars(text)))


def names_of(org: Organisation) -> list[str]:
    return [org.name, *([org.short_name] if org.short_name else []), *org.aliases]


_PROVINCE_PREFIXES = (("tinh",), ("thanh", "pho"))


def _keys(name: str, province: Words) -> set[Words]:
    """The name's words, and without the province it ends with: plans say "Sở Nội vụ tỉnh"."""
    key = words(name)
    keys = {key}
    if province and len(key) > len(province) and key[-len(province):] == province:
        short = key[:-len(province)]
        keys.add(short)
        keys.update(short[:-len(p)] for p in _PROVINCE_PREFIXES
                    if len(short) > len(p) and short[-len(p):] == p)
    return keys


def _province_words(province: str) -> Words:
    key = words(province)
    for prefix in _PROVINCE_PREFIXES:
        if key[:len(prefix)] == prefix:
            return key[len(prefix):]
    return key


class NameIndex:
    """Every name and alias of some organisations, by their folded words.

    `provinces` (organisation id → province) lets "Sở Nội vụ tỉnh Bình Định" also be
    found as "Sở Nội vụ tỉnh" and "Sở Nội vụ".
    """

    def __init__(self, organisations: Iterable[Organisation],
                 provinces: dict[str, str] | None = None) -> None:
        self._ids: dict[Words, set[str]] = defaultdict(set)
        self._labels: dict[str, str] = {}
        for org in organisations:
            self._labels[org.id] = org.label
            province = _province_words((provinces or {}).get(org.id, ""))
            for key in {k for name in names_of(org) for k in _keys(name, province)}:
                if key:
                    self._ids[key].add(org.id)
        self._longest = max((len(k) for k in self._ids), default=0)
        self._readings: dict[str, Reading] = {}

    def read(self, text: str) -> Reading:
        """The bodies `text` names; a cell written the same way is read once (readings
        are immutable)."""
        reading = self._readings.get(text)
        if reading is None:
            reading = self._readings[text] = self._read(text)
        return reading

    def _read(self, text: str) -> Reading:
        folded = _fold_chars(text)
        tokens = list(_WORD.finditer(folded))
        spans: list[Span] = []
        unknown: list[tuple[int, int]] = []  # token index ranges
        ambiguous: list[tuple[str, tuple[str, ...]]] = []
        words_ = [t.group() for t in tokens]
        cursor, i, head = 0, 0, None
        while i < len(tokens):
            size, ids = self._match_at(words_, i, head)
            if not size:
                skip = _joiner(words_[i:i + 2]) or _intro(words_, i, tokens, text)
                if not skip:
                    apart = i and _SEPARATOR.search(text, tokens[i - 1].end(), tokens[i].start())
                    _extend(unknown, i, together=not apart)
                head = next((w for w in words_[i:i + (skip or 1)] if w in _HEADS), head)
                i += skip or 1
                continue
            head = words_[i] if words_[i] in _HEADS else head
            start, end = tokens[i].start(), tokens[i + size - 1].end()
            if start > cursor:
                spans.append(Span(text[cursor:start]))
            piece = text[start:end]
            if len(ids) > 1:
                ambiguous.append((piece, tuple(sorted(ids))))
                spans.append(Span(piece))
            else:
                spans.append(Span(piece, next(iter(ids))))
            cursor, i = end, i + size
        if cursor < len(text):
            spans.append(Span(text[cursor:]))
        return Reading(tuple(spans), tuple(self._unknown(text, tokens, unknown)), tuple(ambiguous))

    def _match_at(self, words_: list[str], i: int, head: str | None) -> tuple[int, set[str]]:
        """The longest name at word `i`; in "Sở Y tế, Giáo dục và Đào tạo" the second body
        is found as "Sở Giáo dục và Đào tạo", the kind word carried over from before."""
        size, ids = self._match(words_[i:i + self._longest])
        if size or head is None or words_[i] in _HEADS:
            return size, ids
        size, ids = self._match([head, *words_[i:i + self._longest - 1]])
        return (size - 1, ids) if size > 1 else (0, set())

    def _match(self, tokens: list[str]) -> tuple[int, set[str]]:
        for size in range(len(tokens), 0, -1):
            ids = self._ids.get(tuple(tokens[:size]))
            if ids:
                return size, ids
        return 0, set()

    def _unknown(self, text: str, tokens: list[re.Match[str]],
                 runs: list[tuple[int, int]]) -> list[Unknown]:
        result = []
        for first, last in runs:
            phrase = text[tokens[first].start():tokens[last].end()]
            result.append(Unknown(phrase, self.suggest(phrase)))
        return result

    def suggest(self, phrase: str, count: int = 3) -> tuple[str, ...]:
        """The closest known names to `phrase`, as organisations are labelled."""
        keys = {" ".join(k): k for k in self._ids}
        close = difflib.get_close_matches(" ".join(words(phrase)), list(keys), n=count * 2,
                                          cutoff=0.5)
        labels = [self._labels[i] for key in close for i in sorted(self._ids[keys[key]])]
        return tuple(list(dict.fromkeys(labels))[:count])


def _intro(words_: list[str], i: int, tokens: list[re.Match[str]], text: str) -> int:
    """ "Các sở: Tài chính, Nội vụ" opens a list of bodies of one kind; 2 words to skip."""
    if words_[i:i + 1] != ["cac"] or i + 1 >= len(words_) or words_[i + 1] not in _HEADS:
        return 0
    after = text[tokens[i + 1].end():tokens[i + 2].start()] if i + 2 < len(tokens) else ""
    return 2 if ":" in after else 0


def _joiner(tokens: list[str]) -> int:
    """How many of the next words are a joiner (0 when they are not)."""
    return next((len(j) for j in _JOINERS if tuple(tokens[:len(j)]) == j), 0)


def _extend(runs: list[tuple[int, int]], index: int, together: bool) -> None:
    """Group unknown words that stand next to each other, between separators, into one phrase."""
    if together and runs and runs[-1][1] == index - 1:
        runs[-1] = (runs[-1][0], index)
    else:
        runs.append((index, index))


def cell_spans(ids: list[str], text: str | None, organisations: dict[str, Organisation],
               provinces: dict[str, str]) -> list[Span]:
    """The cell as written with each listed body linked where the text names it.

    A body listed by id but not named in the text is still shown, after the text.
    """
    listed = [organisations[i] for i in dict.fromkeys(ids) if i in organisations]
    spans = list(NameIndex(listed, provinces).read(text).spans) if text else []
    named = {s.org for s in spans if s.org}
    for org in listed:
        if org.id not in named:
            if spans:
                spans.append(Span("; "))
            spans.append(Span(org.label, org.id))
    return spans
