"""What Pagefind will read from a page, and the `đ`-words it cannot find without help.

Pagefind 1.5 folds Vietnamese tone and vowel marks but not `đ` (a letter of its own,
with no Unicode decomposition), so "duong" never finds "đường". We give every indexed
page a hidden, searchable field holding its `đ`-words folded to plain `d`; the words
are taken from exactly the text Pagefind indexes (the `data-pagefind-body` parts,
minus what it ignores), so a page only answers for words a reader can see on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape
from html.parser import HTMLParser
from typing import NamedTuple

from ..reading.vietnamese import fold, nfc

# Elements Pagefind never indexes (its REMOVE_SELECTORS), and the ones whose end tag
# never comes.
_SKIPPED = frozenset({"head", "style", "script", "noscript", "label", "form", "svg", "footer",
                      "nav", "iframe", "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_WORD = re.compile(r"\w+")
# Pagefind separates words at the end of block elements it knows (p, td, li, div…) but
# not at these, so "<dt>Số hiệu</dt><dd>792/KH-UBND</dd>" would index "hiệu792/kh-ubnd";
# our <small> notes are shown as blocks too ("…KH-UBND</a><small>Năm 2018").
_UNSPACED = re.compile(r"</(?:dt|dd|th|caption|figcaption|summary|small)>|(?=<small\b)",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Exclusion:
    """A simple `tag.class` selector, as passed to Pagefind's `exclude_selectors`."""

    tag: str
    css_class: str

    @property
    def selector(self) -> str:
        return f"{self.tag}.{self.css_class}"

    def matches(self, tag: str, attrs: dict[str, str]) -> bool:
        return tag == self.tag and self.css_class in attrs.get("class", "").split()


@dataclass
class PageText:
    """The indexed text of one page and the search keys the page declares itself."""

    has_body: bool = False
    text: list[str] = field(default_factory=list)
    first_time: str | None = None  # `datetime` of the first <time> in the body
    declared_filters: set[str] = field(default_factory=set)
    declared_sorts: set[str] = field(default_factory=set)
    # The first h1 without its `.doc-type` label ("Kế hoạch 792/KH-UBND"), when it has one.
    h1_text: list[str] = field(default_factory=list)
    h1_labelled: bool = False
    h1_done: bool = False

    def joined(self) -> str:
        return " ".join(self.text)

    def words(self) -> int:
        return len(self.joined().split())

    def short_title(self) -> str | None:
        """The h1 without its document-type label, which results show on their own line."""
        title = " ".join("".join(self.h1_text).split())
        return title if self.h1_labelled and title else None


class _Open(NamedTuple):  # a NamedTuple: one is made per tag, and it is made faster
    """An open element and what it means for the text inside it."""

    tag: str
    in_body: bool = False
    skipped: bool = False
    in_h1: bool = False
    in_label: bool = False


def _declared_keys(value: str) -> set[str]:
    """Keys of a `data-pagefind-filter`/`-sort` value: "a, b[attr], c:literal" → {a, b, c}."""
    head, _, _ = value.partition(":")
    keys = {part.split("[", 1)[0].strip() for part in head.split(",")}
    return {key for key in keys if key}


class _Reader(HTMLParser):
    def __init__(self, exclusions: tuple[Exclusion, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.exclusions = exclusions
        self.excluded_tags = frozenset(e.tag for e in exclusions)
        self.page = PageText()
        self.stack: list[_Open] = []

    def _top(self) -> _Open:
        return self.stack[-1] if self.stack else _Open("")

    def handle_starttag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        page = self.page
        if "data-pagefind-filter" in values:
            page.declared_filters |= _declared_keys(values["data-pagefind-filter"])
        if "data-pagefind-sort" in values:
            page.declared_sorts |= _declared_keys(values["data-pagefind-sort"])
        if tag in _VOID:
            return
        top = self._top()
        in_body = top.in_body or "data-pagefind-body" in values
        page.has_body = page.has_body or in_body
        if tag == "time" and in_body and page.first_time is None:
            page.first_time = values.get("datetime") or None
        skipped = top.skipped or tag in _SKIPPED or "data-pagefind-ignore" in values or (
            tag in self.excluded_tags and any(e.matches(tag, values) for e in self.exclusions))
        in_h1 = top.in_h1 or (tag == "h1" and in_body and not page.h1_done)
        in_label = top.in_label or (in_h1 and "doc-type" in values.get("class", "").split())
        page.h1_labelled = page.h1_labelled or in_label
        self.stack.append(_Open(tag, in_body, skipped, in_h1, in_label))

    def handle_endtag(self, tag: str) -> None:
        # Browsers close unclosed children with their parent; so do we.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                if tag == "h1" and self.stack[depth].in_h1:
                    self.page.h1_done = True
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        top = self._top()
        if top.in_body and not top.skipped:
            self.page.text.append(data)
            if top.in_h1 and not top.in_label:
                self.page.h1_text.append(data)


def read_page(html: str, exclusions: tuple[Exclusion, ...] = ()) -> PageText:
    reader = _Reader(exclusions)
    if not _read_plain_markup(html, reader):
        reader = _Reader(exclusions)
        reader.feed(html)
        reader.close()
    return reader.page


# The markup our templates and Markdown renderer write: tags with double-quoted attribute
# values, plain end tags, comments and a doctype. html.parser reads it into exactly these
# events, but spends most of indexing doing so; anything else goes to html.parser.
_SPACE = "[ \t\n\r\f]"
_ATTRIBUTE = re.compile(f'{_SPACE}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"<>]*)")?')
_MARKUP = re.compile(
    f'<(?:(?P<start>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:{_ATTRIBUTE.pattern})*){_SPACE}*'
    '(?P<empty>/?)>'
    '|/(?P<end>[a-zA-Z][a-zA-Z0-9-]*)>'
    '|!--(?:[^-]|-(?!-))*-->'
    f'|!(?i:doctype)(?:{_SPACE}|[a-zA-Z])*>)')
# Their text is not markup (html.parser's CDATA_CONTENT_ELEMENTS).
_RAW_TEXT_END = {tag: re.compile(f"</{_SPACE}*{tag}{_SPACE}*>", re.IGNORECASE)
                 for tag in HTMLParser.CDATA_CONTENT_ELEMENTS}


@lru_cache(maxsize=4096)  # pages repeat the same few attribute lists thousands of times
def _attributes(written: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((a[1].lower(), None if a[2] is None else unescape(a[2]))
                 for a in _ATTRIBUTE.finditer(written))


def _read_plain_markup(html: str, reader: _Reader) -> bool:
    """Feed `reader` the events html.parser would give, or say False at the first markup
    outside the plain subset (the reader is then half-fed and must be thrown away)."""
    at = 0
    while (opening := html.find("<", at)) >= 0:
        if opening > at:
            text = html[at:opening]
            reader.handle_data(unescape(text) if "&" in text else text)
        markup = _MARKUP.match(html, opening)
        if markup is None:
            return False
        at = markup.end()
        tag, attrs, empty, end = markup.group("start", "attrs", "empty", "end")
        if end is not None:
            reader.handle_endtag(end.lower())
        elif tag is not None:
            tag = tag.lower()
            reader.handle_starttag(tag, _attributes(attrs))
            if empty:
                reader.handle_endtag(tag)
            elif tag in _RAW_TEXT_END:
                raw_end = _RAW_TEXT_END[tag].search(html, at)
                if raw_end is None:
                    return False
                if raw_end.start() > at:
                    reader.handle_data(html[at:raw_end.start()])
                reader.handle_endtag(tag)
                at = raw_end.end()
    if at < len(html):
        reader.handle_data(unescape(html[at:]))
    return True


def dd_words(text: str) -> list[str]:
    """Folded forms of the words that contain đ/Đ, sorted and once each ("Đẩy" → "day")."""
    # NFC first: in decomposed text the marks are not word characters and split words.
    return sorted({fold(word) for word in _WORD.findall(nfc(text)) if "đ" in word.lower()})


@dataclass(frozen=True)
class Annotation:
    """Search data added to a page at indexing time; never shown to readers."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


def _span(attribute: str, key: str, value: str) -> str:
    # Inline "key:value" form: Pagefind splits at the first colon only, so values may
    # hold colons and commas.
    return f'<span {attribute}="{escape(key)}:{escape(" ".join(value.split()))}"></span>'


def annotation_html(annotation: Annotation) -> str:
    spans = [_span("data-pagefind-filter", key, value)
             for key, values in annotation.filters.items() for value in values]
    spans += [_span("data-pagefind-sort", key, value) for key, value in annotation.sort.items()]
    spans += [_span("data-pagefind-meta", key, value) for key, value in annotation.meta.items()]
    return f'<div hidden data-pagefind-ignore>{"".join(spans)}</div>'


def spaced(html: str) -> str:
    """`html` with a space after the block ends Pagefind would glue to the next word."""
    return _UNSPACED.sub(lambda m: m[0] + " ", html)


def annotate(html: str, annotation: Annotation) -> str:
    """The page, spaced, with `annotation` placed before `</body>` (filters, sort and meta
    apply wherever they sit in the page, even outside `data-pagefind-body`)."""
    html = spaced(html)
    block = annotation_html(annotation)
    at = html.rfind("</body>")
    return html + block if at < 0 else html[:at] + block + html[at:]
