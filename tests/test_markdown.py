from generator.site.markdown import render_markdown


def test_raw_html_is_shown_as_text() -> None:
    html = render_markdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_script_links_are_not_linked() -> None:
    html = render_markdown("[bấm](javascript:alert(1)) [x](data:text/html;base64,PHNjcmlwdD4=)")
    assert 'href="javascript' not in html and 'href="data:' not in html


def test_heading_ids_are_ascii_vietnamese_slugs() -> None:
    html = render_markdown("## II. MỤC TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2018\n\n### 1. Đẩy mạnh")
    assert '<h2 id="ii-muc-tieu-cai-cach-hanh-chinh-nam-2018">' in html
    assert '<h3 id="1-day-manh">' in html


def test_plan_links_resolve_and_pelican_links_survive() -> None:
    html = render_markdown("[a]({plan}ag-792-kh-ubnd-2018) [b]({filename}/pages/gioi-thieu.md)")
    assert '<a href="/ke-hoach/ag-792-kh-ubnd-2018/">a</a>' in html
    assert '<a href="{filename}/pages/gioi-thieu.md">b</a>' in html


def test_tables_and_lists() -> None:
    html = render_markdown("| STT | Nhiệm vụ |\n|---|---|\n| 1 | Rà soát |\n\n- một\n- hai\n")
    assert "<table>" in html and "<td>Rà soát</td>" in html
    assert "<li>một</li>" in html


def test_text_is_nfc_and_size_is_bounded() -> None:
    assert "Đà" in render_markdown("Đa\u0300")
    assert len(render_markdown("a" * 3_000_000)) < 1_100_000


def test_headings_can_be_nested_under_the_page_outline() -> None:
    html = render_markdown("# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\n###### sâu", heading_shift=1)
    assert "<h2>KẾ HOẠCH</h2>" in html
    assert '<h3 id="i-muc-dich">I. MỤC ĐÍCH</h3>' in html
    assert "<h6" in html and "<h7" not in html
