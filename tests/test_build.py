"""Building the fixture site end to end: pages, safety, atomic publishing, determinism."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main

from .conftest import build_leftovers, snapshot


@pytest.fixture
def built(site: Path) -> Path:
    build(site, site / "output")
    return site / "output"


def _page(output: Path, url: str) -> str:
    return (output / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_pages_exist_for_every_plan_agency_area_and_news(built: Path) -> None:
    for url in ["/", "/ke-hoach/", "/ke-hoach/tn-10-kh-ubnd-2024/", "/ke-hoach/tn-20-kh-snn-2024/",
                "/co-quan/", "/co-quan/tn-so-noi-vu/", "/linh-vuc/", "/linh-vuc/cai-cach-the-che/",
                "/tin-tuc/", "/tin-tuc/2024/", "/tin-tuc/luu-tru/", "/tim-kiem/",
                "/tin-tuc/2024/ban-hanh-ke-hoach-cai-cach-hanh-chinh-nam-2024/"]:
        assert '<html lang="vi">' in _page(built, url), url
    assert (built / "404.html").exists()
    assert (built / "feeds/atom.xml").exists()
    assert (built / "schema/plan.schema.json").exists()


def test_every_url_is_ascii(built: Path) -> None:
    for path in built.rglob("*"):
        assert path.relative_to(built).as_posix().isascii(), path


def test_script_typed_in_data_or_markdown_is_shown_as_text(built: Path) -> None:
    plan = _page(built, "/ke-hoach/tn-10-kh-ubnd-2024/")
    assert "<script>" not in plan
    assert "Tuyên truyền &lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt; pháp luật" in plan
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in plan  # from the Markdown


def test_plan_page_golden_facts(built: Path) -> None:
    plan = _page(built, "/ke-hoach/tn-10-kh-ubnd-2024/")
    assert "<dt>Số hiệu</dt><dd>10/KH-UBND</dd>" in plan
    assert "<dt>Ngày ban hành</dt><dd>ngày 29 tháng 12 năm 2023</dd>" in plan
    assert 'id="nhiem-vu-ii-khong-so"' in plan
    assert 'id="chi-tieu-mt-1-1" class="depth-1"' in plan
    assert "Từ 01/08/2024 đến 30/11/2024" in plan  # "Tháng 8 đến 11/2024" read
    assert "Thường xuyên, không có hạn cố định" in plan
    assert '<a href="/co-quan/tn-so-tu-phap/">Sở Tư pháp</a>' in plan
    # The draft cites this plan by number: the link goes both ways.
    draft = _page(built, "/ke-hoach/tn-20-kh-snn-2024/")
    assert '<a href="/ke-hoach/tn-10-kh-ubnd-2024/">Căn cứ Kế hoạch số 10/KH-UBND' in draft
    assert "Được viện dẫn bởi" in plan and "/ke-hoach/tn-20-kh-snn-2024/" in plan
    # A draft says so, without the blanks of its source ("Số: /KH-SNV").
    assert "<dt>Số hiệu</dt><dd>Dự thảo, chưa có số</dd>" in draft
    assert "<dt>Hiệu lực</dt><dd>chưa có (dự thảo)</dd>" in draft
    assert "Số: /KH-SNV" not in draft


def test_heading_ids_are_ascii_slugs_and_plan_links_resolve(built: Path) -> None:
    plan = _page(built, "/ke-hoach/tn-10-kh-ubnd-2024/")
    # The full text sits under the page's "Toàn văn" <h2>: its "##" headings become <h3>.
    assert '<h3 id="i-muc-dich-yeu-cau">I. MỤC ĐÍCH, YÊU CẦU</h3>' in plan
    assert '<a href="/ke-hoach/tn-20-kh-snn-2024/">Kế hoạch của Sở</a>' in plan


def test_agency_page_lists_what_it_leads_and_supports(built: Path) -> None:
    page = _page(built, "/co-quan/tn-so-noi-vu/")
    assert 'Chủ trì <span class="count">(2)</span>' in page
    assert "Ban hành kế hoạch kiểm tra cải cách hành chính" in page
    assert "Theo dõi chỉ tiêu (1)" in page
    group = _page(built, "/co-quan/tn-cac-so-nganh/")
    assert 'Phối hợp <span class="count">(1)</span>' in group


def test_news_has_newer_older_links_and_feed(built: Path) -> None:
    older = _page(built, "/tin-tuc/2024/ban-hanh-ke-hoach-cai-cach-hanh-chinh-nam-2024/")
    assert 'rel="next" href="/tin-tuc/2024/day-manh-chuyen-doi-so/"' in older
    feed = (built / "feeds/atom.xml").read_text(encoding="utf-8")
    assert "https://thu-nghiem.example/tin-tuc/2024/day-manh-chuyen-doi-so/" in feed


def test_sitemap_lists_pages_with_absolute_urls(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://thu-nghiem.example/ke-hoach/tn-10-kh-ubnd-2024/</loc>" in sitemap


def test_failed_build_leaves_last_good_output_untouched(site: Path, capsys) -> None:
    output = site / "output"
    build(site, output)
    before = snapshot(output)
    plan = site / "data/plans/tn-10-kh-ubnd-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("area: cai-cach-the-che", "area: x"),
                    encoding="utf-8")
    assert main(["--root", str(site), "build"]) == 1
    err = capsys.readouterr().err
    assert "data/plans/tn-10-kh-ubnd-2024.yaml:59:11: không tìm thấy lĩnh vực “x”" in err
    assert snapshot(output) == before
    assert not build_leftovers(site)


def test_same_input_gives_byte_identical_output(site: Path, tmp_path: Path) -> None:
    build(site, tmp_path / "a")
    build(site, tmp_path / "b")
    compared = filecmp.dircmp(tmp_path / "a", tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b"), compared.diff_files


def test_no_absolute_build_paths_leak_into_output(built: Path, site: Path) -> None:
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".css", ".js", ".csv"}:
            assert str(site) not in path.read_text(encoding="utf-8", errors="ignore"), path


def test_check_command_reports_counts(site: Path, capsys) -> None:
    assert main(["--root", str(site), "check"]) == 0
    assert re.search(r"2 kế hoạch, 5 nhiệm vụ, 4 cơ quan", capsys.readouterr().out)


def test_a_build_keeps_nothing_of_itself_alive(site: Path, tmp_path: Path) -> None:
    """`serve` builds again on every save in one process: no build may outlive itself
    (Pelican memoized every post's content on its class, and with it the whole site)."""
    import gc

    from generator.facts.derive import Facts

    for _ in range(2):
        build(site, tmp_path / "output", fresh=True)
    gc.collect()
    # Only this site's: other tests may hold facts of theirs.
    assert [o for o in gc.get_objects() if isinstance(o, Facts) and o.data.root == site.resolve()] == []
