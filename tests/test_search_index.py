"""The search index: what is indexed, the đ-folding, filters, and a reproducible bundle.

Searching itself runs in the browser (Pagefind's WebAssembly); see tests/browser/.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.build import build, check
from generator.facts.derive import derive
from generator.search.pagefind_stable import SIGNATURE, decode, encode, read_file, stabilise
from generator.search.search_entries import (
    AGENCY,
    AREA,
    DOCUMENT,
    FORCE,
    ISSUER,
    NO_DATE,
    NUMBER,
    SORT_DATE,
    STATUS,
    TYPE,
    YEAR,
    Entries,
    Entry,
    row_records,
)
from generator.search.search_index import (
    EXCLUDED,
    FOLDED,
    MIN_CHUNK,
    SEARCH_PAGE,
    TARGET_CHUNKS,
    annotation,
    chunk_size,
    indexed_documents,
    write_index,
)
from generator.search.search_text import Annotation, annotate, dd_words, read_page, spaced
from generator.site.i18n import catalogue_path

from .conftest import PROJECT_ROOT

PAGE = """<!DOCTYPE html><html lang="vi"><head><title>T</title><script>var đường;</script></head>
<body><nav>Tiến độ</nav><form><label>Tìm đường</label></form>
<article data-pagefind-body data-pagefind-filter="trạng thái:Hoàn thành">
<h1><span class="doc-type">Kế hoạch 10/KH-UBND</span> Đẩy mạnh cải cách</h1>
<p>Nâng cấp đường truyền, <time datetime="2024-01-05T08:30:00+07:00">5/1</time></p>
<table class="rows tasks"><tr><td>Điện tử hóa</td></tr></table>
<aside data-pagefind-ignore>Đổi mới</aside>
<dl><dt>Số hiệu</dt><dd>10/KH-UBND</dd></dl>
</article><footer>Địa chỉ</footer></body></html>"""


def test_dd_words_are_folded_once_each_and_sorted() -> None:
    text = "Đẩy mạnh chuyển đổi số; ĐƯỜNG điện, đường. Dương không có đ-chữ: cải cách"
    assert dd_words(text) == ["d", "day", "dien", "doi", "duong"]


def test_dd_words_of_decomposed_text() -> None:
    # Text typed with combining marks (NFD) folds the same way.
    assert dd_words("đu\u031bo\u031b\u0300ng") == ["duong"]


def test_read_page_keeps_only_what_pagefind_indexes() -> None:
    page = read_page(PAGE, EXCLUDED)
    text = page.joined()
    assert page.has_body
    assert "Nâng cấp đường truyền" in text and "Đẩy mạnh" in text
    for hidden in ["Tiến độ", "Tìm đường", "var đường", "Điện tử", "Đổi mới", "Địa chỉ"]:
        assert hidden not in text, hidden
    assert dd_words(text) == ["day", "duong"]
    assert page.first_time == "2024-01-05T08:30:00+07:00"
    assert page.declared_filters == {"trạng thái"}
    assert page.short_title() == "Đẩy mạnh cải cách"


def test_page_without_body_mark_is_not_indexed() -> None:
    page = read_page("<html><body><main><h1>Danh sách</h1></main></body></html>")
    assert not page.has_body and page.short_title() is None


def test_declared_keys_of_every_syntax() -> None:
    html = ('<div data-pagefind-body><span data-pagefind-filter="năm, cơ quan[data-x], '
            'loại:Báo cáo" data-x="A"></span><i data-pagefind-sort="ngày[datetime]"></i></div>')
    page = read_page(html)
    assert page.declared_filters == {"năm", "cơ quan", "loại"}
    assert page.declared_sorts == {"ngày"}


def test_spaced_separates_words_pagefind_would_glue() -> None:
    assert spaced("<dt>Số hiệu</dt><dd>792/KH-UBND</dd>") == "<dt>Số hiệu</dt> <dd>792/KH-UBND</dd> "
    assert spaced("<a>KH-UBND</a><small>Năm 2018</small>") == \
        "<a>KH-UBND</a> <small>Năm 2018</small> "


def test_annotation_block_is_hidden_escaped_and_before_body_end() -> None:
    note = Annotation(filters={"cơ quan": ['Sở "A" <b>', "Sở B, C: D"]},
                      sort={"ngày": "2024-01-05"}, meta={"khong_dau": "duong"})
    html = annotate("<html><body><p>x</p></body></html>", note)
    block = html[html.index("<div hidden"):html.index("</body>")]
    assert block.startswith('<div hidden data-pagefind-ignore>')
    assert 'data-pagefind-filter="cơ quan:Sở &quot;A&quot; &lt;b&gt;"' in block
    assert 'data-pagefind-filter="cơ quan:Sở B, C: D"' in block
    assert 'data-pagefind-sort="ngày:2024-01-05"' in block
    assert 'data-pagefind-meta="khong_dau:duong"' in block
    assert html.endswith("</body></html>")


def test_a_page_declaration_wins_over_ours() -> None:
    entry = Entry(sort="2024-01-05")
    entry.add(STATUS, "Đang thực hiện")
    entry.add(YEAR, "2024")
    note = annotation(entry, read_page(PAGE, EXCLUDED))
    assert STATUS not in note.filters  # the page declares trạng thái itself
    assert note.filters[YEAR] == ["2024"]
    assert note.sort == {SORT_DATE: "2024-01-05"}
    assert note.meta[FOLDED] == "day duong"
    assert note.meta["title"] == "Đẩy mạnh cải cách"


@pytest.fixture
def facts(site: Path):
    _, data = check(site)
    return derive(data)


def test_plan_entry_has_every_filter_and_its_number(facts) -> None:
    entry = Entries(facts).plan(facts.plans["tn-10-kh-ubnd-2024"])
    assert entry.filters[TYPE] == ["Kế hoạch"]
    assert entry.filters[YEAR] == ["2024"]
    assert entry.filters[ISSUER] == ["Ủy ban nhân dân tỉnh Thử Nghiệm"]
    assert entry.filters[DOCUMENT] == ["Kế hoạch 10/KH-UBND"]
    assert entry.filters[FORCE] == ["Còn hiệu lực"]
    assert "Sở Tư pháp tỉnh Thử Nghiệm" in entry.filters[AGENCY]
    areas = facts.data.areas
    assert entry.filters[AREA] == [areas["chi-dao-dieu-hanh"].name, areas["cai-cach-the-che"].name]
    assert entry.meta == {NUMBER: "10/KH-UBND"}
    assert entry.sort == "2023-12-29"


def test_draft_without_number_or_date_is_named_by_title_and_sorted_by_year(facts) -> None:
    entry = Entries(facts).plan(facts.plans["tn-20-kh-snn-2024"])
    assert entry.filters[DOCUMENT][0].startswith("Kế hoạch: ")
    assert NUMBER not in entry.meta
    assert entry.sort == "2024-00-00"


def test_one_record_per_task_and_indicator_at_its_anchor(facts) -> None:
    records = {url: (html, entry) for url, html, entry in row_records(facts)}
    plan = facts.plans["tn-10-kh-ubnd-2024"].plan
    for _, task in plan.tasks():
        assert f"/ke-hoach/tn-10-kh-ubnd-2024/#nhiem-vu-{task.id}" in records
    for indicator in plan.indicators:
        assert f"/ke-hoach/tn-10-kh-ubnd-2024/#chi-tieu-{indicator.id}" in records
    html, entry = records["/ke-hoach/tn-10-kh-ubnd-2024/#nhiem-vu-i-1"]
    assert "<h1>Ban hành kế hoạch kiểm tra cải cách hành chính</h1>" in html
    assert "<p>Chủ trì: Sở Nội vụ</p>" in html
    assert entry.filters[TYPE] == ["Nhiệm vụ"]
    assert entry.filters[AGENCY] == ["Sở Nội vụ tỉnh Thử Nghiệm", "Các sở, ban, ngành tỉnh Thử Nghiệm"]
    assert entry.filters[AREA] == [facts.data.areas["chi-dao-dieu-hanh"].name]


def test_row_documents_escape_what_staff_typed(facts) -> None:
    html = next(h for url, h, _ in row_records(facts) if url.endswith("#nhiem-vu-ii-khong-so"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_undated_pages_still_sort(facts) -> None:
    # Pagefind drops a page without the sort key from sorted results.
    entries = Entries(facts)
    assert entries.agency("tn-so-noi-vu").sort == NO_DATE
    assert entries.area("cai-cach-the-che").sort == NO_DATE
    news = entries.other_page("/tin-tuc/2024/bai-viet/", "2024-02-01T09:00:00+07:00")
    assert news.sort == "2024-02-01" and news.filters[TYPE] == ["Tin tức"]


@pytest.fixture
def built(site: Path) -> Path:
    build(site, site / "output")
    return site / "output"


def test_indexes_pages_with_a_body_and_rows_but_not_lists(built: Path, facts) -> None:
    urls = [d.url for d in indexed_documents(built, facts)]
    rows = [url for url, _, _ in row_records(facts)]
    assert urls[-len(rows):] == rows  # pages first, then rows, always in the same order
    pages = set(urls[: -len(rows)])
    for url in ["/ke-hoach/tn-10-kh-ubnd-2024/", "/co-quan/tn-so-noi-vu/",
                "/linh-vuc/cai-cach-the-che/", "/tin-tuc/2024/day-manh-chuyen-doi-so/"]:
        assert url in pages, url
    for url in ["/", "/ke-hoach/", "/co-quan/", "/tin-tuc/", "/tim-kiem/", "/tin-tuc/luu-tru/"]:
        assert url not in pages, url
    assert not [u for u in pages if "/nhiem-vu/" in u]


def test_every_indexed_document_is_annotated(built: Path, facts) -> None:
    for url, html, words, _ in indexed_documents(built, facts):
        assert f'data-pagefind-filter="{TYPE}:' in html, url
        assert f'data-pagefind-sort="{SORT_DATE}:' in html, url
        assert words > 0, url


def test_news_post_folds_its_dd_words(built: Path, facts) -> None:
    docs = {d.url: d.html for d in indexed_documents(built, facts)}
    html = docs["/tin-tuc/2024/day-manh-chuyen-doi-so/"]
    assert f'data-pagefind-meta="{FOLDED}:' in html
    meta = html.split(f'data-pagefind-meta="{FOLDED}:')[1].split('"')[0].split()
    assert {"day", "doi"} <= set(meta)


def test_build_writes_a_lean_bundle(built: Path) -> None:
    bundle = built / "pagefind"
    for name in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json",
                 "wasm.unknown.pagefind"]:
        assert (bundle / name).is_file(), name
    assert list((bundle / "fragment").iterdir()) and list((bundle / "index").iterdir())
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] > 10


def test_index_is_byte_identical_across_runs(built: Path, facts, tmp_path: Path) -> None:
    copies = []
    for name in ["a", "b"]:
        copy = tmp_path / name
        shutil.copytree(built, copy)
        write_index(copy, facts)
        copies.append({p.relative_to(copy).as_posix(): p.read_bytes()
                       for p in sorted((copy / "pagefind").rglob("*")) if p.is_file()})
    assert copies[0] == copies[1]


def test_search_can_be_switched_off(site: Path) -> None:
    config = site / "minhbach.toml"
    config.write_text(config.read_text(encoding="utf-8") + "search = false\n", encoding="utf-8")
    build(site, site / "output")
    assert not (site / "output" / "pagefind").exists()
    page = (site / "output" / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert "search.js" not in page and "<noscript>" not in page  # browse links, shown
    assert 'href="/ke-hoach/#ghi-chu-tim-kiem"' in page


def test_cbor_round_trip() -> None:
    value = ["1.5.2", [["vi_abc", 223], ["vi_d", 70000]], [], ["ngày", [0, 1, 2]], "đường"]
    assert decode(encode(value)) == value
    assert encode(23) == b"\x17" and encode(24) == b"\x18\x18" and encode(256) == b"\x19\x01\x00"


def _write(path: Path, value: object) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + encode(value), mtime=0))  # type: ignore[arg-type]


def test_stabilise_sorts_filter_values_and_renames_files(tmp_path: Path) -> None:
    (tmp_path / "filter").mkdir()
    _write(tmp_path / "filter" / "vi_1111111.pf_filter", ["năm", [["2024", [1]], ["2018", [0]]]])
    _write(tmp_path / "pagefind.vi_aaaaaaaaaa.pf_meta",
           ["1.5.2", [], [], [["năm", "vi_1111111"]], [], []])
    (tmp_path / "pagefind-entry.json").write_text(
        '{"version":"1.5.2","languages":{"vi":{"hash":"vi_aaaaaaaaaa","wasm":null}}}')
    stabilise(tmp_path)
    entry = json.loads((tmp_path / "pagefind-entry.json").read_text())
    meta = read_file(tmp_path / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta")
    [[_, filter_hash]] = meta[3]  # type: ignore[index, misc]
    values = read_file(tmp_path / "filter" / f"{filter_hash}.pf_filter")
    assert values == ["năm", [["2018", [0]], ["2024", [1]]]]
    assert len(list(tmp_path.rglob("*.pf_*"))) == 2


def test_every_filter_label_is_translated() -> None:
    with catalogue_path(PROJECT_ROOT / "themes" / "minhbach").open("rb") as handle:
        translated = {m.id: m.string for m in read_po(handle) if m.id and m.string}
    for search_filter in SEARCH_PAGE.filters:
        assert search_filter.label in translated, search_filter.label


def test_search_page_loads_its_script_from_a_file(built: Path) -> None:
    page = (built / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="module" src="/theme/js/search\.js\?v=[0-9a-f]{12}"></script>',
                     page)  # fingerprinted: cached for a year
    assert 'id="search" class="search" hidden' in page  # no dead form without JavaScript
    assert "<noscript>" in page and 'href="/ke-hoach/#ghi-chu-tim-kiem"' in page
    assert 'href="/ke-hoach/tn-10-kh-ubnd-2024/"' in page  # the plans, for Ctrl+F
    for f in SEARCH_PAGE.filters:
        assert f'name="{f.param}" data-filter="{f.key}"' in page
    assert (built / "theme" / "js" / "search.js").is_file()


def test_no_page_has_an_inline_script(built: Path) -> None:
    # The Content-Security-Policy (generator/headers.py) blocks inline scripts.
    for path in built.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in html.split("<script")[1:]:
            assert tag.split(">", 1)[0].find("src=") >= 0, path


def test_index_chunks_follow_the_size_of_the_site() -> None:
    # Small chunks keep a query's download small; a bounded number keeps the chunk list
    # (loaded before every first search) short on big sites.
    assert chunk_size(1_000) == MIN_CHUNK
    assert chunk_size(600_000) == 300
    assert chunk_size(3_000_000) == 3_000_000 // TARGET_CHUNKS
