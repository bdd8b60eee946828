"""Reading pages for the search index: the fast reader of our own markup must see exactly
what html.parser sees, and hand anything else to html.parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search.search_index import EXCLUDED
from generator.search.search_text import PageText, _read_plain_markup, _Reader, read_page


def _by_html_parser(html: str, exclusions=()) -> PageText:
    reader = _Reader(exclusions)
    reader.feed(html)
    reader.close()
    return reader.page


def _read_fast(html: str, exclusions=()) -> PageText | None:
    reader = _Reader(exclusions)
    return reader.page if _read_plain_markup(html, reader) else None


def test_every_page_of_the_example_site_reads_the_same_without_html_parser(
        example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for exclusions in (EXCLUDED, ()):
            assert _read_fast(html, exclusions) == _by_html_parser(html, exclusions), path


BODY = '<html><body><main data-pagefind-body><h1><span class="doc-type">Kế hoạch</span> {}</h1>'


@pytest.mark.parametrize("html", [
    BODY.format("<p>Đường &amp; cầu &#273;iện</p><br/><DIV CLASS=\"a\">Đổi</DIV>"),
    BODY.format('<time datetime="2024-01-02">2/1</time><!-- <h1>x</h1> --><p>a</p>'),
    BODY.format('<script>if (a<b) {"</p>"}</script><p>đạt</p><style>p{}</style>'),
    BODY.format('<table class="tasks"><tr><td>ẩn<td>đi</table><p>Đẩy <b>mạnh</p>'),
    BODY.format('<span data-pagefind-filter="năm:2024, loại">x</span>'),
])
def test_our_own_markup_is_read_without_html_parser_and_the_same(html: str) -> None:
    fast = _read_fast(html, EXCLUDED)
    assert fast is not None
    assert fast == _by_html_parser(html, EXCLUDED)
    assert fast.has_body and fast.text


@pytest.mark.parametrize("html", [
    BODY.format("<p class=unquoted>đi</p>"),
    BODY.format("<p class='single'>đi</p>"),
    BODY.format("<p>a < b, đi</p>"),
    BODY.format("<?php echo 1 ?><p>đi</p>"),
    BODY.format('<p title="a>b">đi</p>'),
    BODY.format("<p>đi</p><svg:rect/>"),
    BODY.format("<script>never closed"),
    BODY.format("<p>đi</p><"),
])
def test_other_markup_goes_to_html_parser(html: str) -> None:
    assert _read_fast(html, EXCLUDED) is None
    assert read_page(html, EXCLUDED) == _by_html_parser(html, EXCLUDED)
    assert read_page(html, EXCLUDED).has_body
