"""Hostile and broken content: each case a located Vietnamese error, or rendered harmless.

The corpus in tests/hostile/ holds one input per file with its expected messages beside
it (see its README); the cases below it need a setup that a single file cannot give.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from generator.data.content_checks import MAX_HEADINGS
from generator.data.dataset import MAX_ROWS, load_dataset
from generator.data.loading import MAX_FILE_BYTES
from generator.site.markdown import outline
from tests.conftest import FIXTURE_SITE, PROJECT_ROOT, build_leftovers, snapshot

HOSTILE = Path(__file__).parent / "hostile"
CASES = sorted(p.stem for p in HOSTILE.glob("*.input"))
PLAN = "data/plans/tn-10-kh-ubnd-2024.yaml"


def _published(site: Path) -> dict[str, bytes]:
    """A stand-in for the last good site: what a failed build must leave as it was."""
    output = site / "output"
    (output / "ke-hoach").mkdir(parents=True, exist_ok=True)
    (output / "index.html").write_text("<p>trang cũ</p>", encoding="utf-8")
    (output / "ke-hoach/index.html").write_text("<p>kế hoạch cũ</p>", encoding="utf-8")
    return snapshot(output)


def _refused(site: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problem lines, after checking that check and build agree and nothing changed."""
    before = _published(site)
    assert main(["--root", str(site), "check"]) == 1
    checked = capsys.readouterr().err
    assert main(["--root", str(site), "build"]) == 1
    built = capsys.readouterr().err
    assert checked == built
    assert "Traceback" not in built
    assert snapshot(site / "output") == before
    assert not build_leftovers(site)
    # Warnings (a task without a lead…) may come alongside; these cases are about errors.
    problems = [line for line in built.split("\n\n")[0].splitlines()
                if ": cảnh báo: " not in line]
    for line in problems:  # Vietnamese, located: "path:line:column: message" or "path: message"
        assert any(not c.isascii() for c in line.split(": ", 1)[1]), line
    return problems


@pytest.mark.parametrize("case", CASES)
def test_corpus_case_gives_its_located_vietnamese_errors(case: str, site: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target, *expected = (HOSTILE / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    path = site / target.removeprefix("# ")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((HOSTILE / f"{case}.input").read_bytes())
    assert _refused(site, capsys) == expected


def test_symlink_out_of_the_project_is_refused(site: Path, capsys) -> None:
    (site / "content/files").mkdir(parents=True)
    os.symlink("/etc", site / "content/files/etc-dir")
    os.symlink("/etc/passwd", site / "content/plans/tn-20-kh-snn-2024.md")
    outside = ("liên kết tượng trưng (symlink) trỏ ra ngoài dự án; hãy chép tệp vào dự án thay "
               "cho liên kết")
    assert _refused(site, capsys) == [f"content/files/etc-dir: {outside}",
                                      f"content/plans/tn-20-kh-snn-2024.md: {outside}"]


def test_a_whole_folder_linked_out_of_the_project_is_refused(site: Path, tmp_path: Path,
                                                            capsys) -> None:
    elsewhere = tmp_path / "elsewhere"
    (site / "content").rename(elsewhere)
    os.symlink(elsewhere, site / "content")
    assert _refused(site, capsys) == [
        ("content: liên kết tượng trưng (symlink) trỏ ra ngoài dự án; hãy chép tệp vào dự án "
        "thay cho liên kết")]


def test_dangling_symlink_is_refused(site: Path, capsys) -> None:
    os.symlink("khong-co.md", site / "content/news/mat.md")
    assert _refused(site, capsys) == [
        "content/news/mat.md: không đọc được tệp (không tồn tại hoặc không có quyền đọc)",
        "content/news/mat.md: liên kết tượng trưng (symlink) trỏ tới tệp không tồn tại"]


def test_symlink_loops_are_refused_without_walking_them(site: Path, capsys) -> None:
    os.symlink(".", site / "content/news/a")
    os.symlink(".", site / "content/news/b")
    os.symlink("../..", site / "themes/minhbach/vong")
    loop = ("liên kết tượng trưng (symlink) trỏ về thư mục chứa nó, tạo vòng lặp vô tận; "
            "hãy xóa liên kết")
    assert _refused(site, capsys) == [f"content/news/a: {loop}", f"content/news/b: {loop}",
                                      f"themes/minhbach/vong: {loop}"]


def test_symlink_inside_the_project_is_allowed(site: Path, capsys) -> None:
    (site / "content/files").mkdir(parents=True)
    (site / "content/files/a.pdf").write_bytes(b"%PDF-1.4\n")
    os.symlink("a.pdf", site / "content/files/b.pdf")
    assert main(["--root", str(site), "check"]) == 0


def test_flood_of_tasks_is_refused(site: Path, capsys) -> None:
    tasks = "".join(f"      - id: t{i}\n        title: Việc {i}\n" for i in range(MAX_ROWS + 1))
    (site / "data/plans/tn-99-kh-ubnd-2024.yaml").write_text(
        "id: tn-99-kh-ubnd-2024\ntype: Kế hoạch\ntitle: Lũ nhiệm vụ\nissuer: tn-ubnd-tinh\n"
        "year: 2024\nstatus: du-thao\nsections:\n  - id: i\n    title: Một\n"
        "    area: cai-cach-the-che\n    tasks:\n" + tasks, encoding="utf-8")
    assert _refused(site, capsys) == [(
        f"data/plans/tn-99-kh-ubnd-2024.yaml:7:1: kế hoạch có {MAX_ROWS + 1} nhiệm vụ; tối đa "
        f"{MAX_ROWS} (hãy tách thành nhiều kế hoạch)")]


def test_thousands_of_unknown_references_are_each_located(site: Path, capsys) -> None:
    """Suggestions ("có phải: …?") are skipped among too many similar ids, or this took minutes."""
    tasks = "".join(f"      - id: t{i}\n        title: Việc {i}\n        parent: t{i}x\n"
                    for i in range(MAX_ROWS))
    (site / "data/plans/tn-99-kh-ubnd-2024.yaml").write_text(
        "id: tn-99-kh-ubnd-2024\ntype: Kế hoạch\ntitle: Lũ nhiệm vụ\nissuer: tn-ubnd-tinh\n"
        "year: 2024\nstatus: du-thao\nsections:\n  - id: i\n    title: Một\n"
        "    area: cai-cach-the-che\n    tasks:\n" + tasks, encoding="utf-8")
    problems = _refused(site, capsys)
    assert len(problems) == MAX_ROWS
    assert problems[0] == ("data/plans/tn-99-kh-ubnd-2024.yaml:14:17: không tìm thấy nhiệm vụ cha "
                           "“t0x” trong kế hoạch này")


def test_file_too_big_is_refused(site: Path, capsys) -> None:
    (site / "content/news/lon.md").write_text("---\ntitle: Lớn\ndate: 2024-03-01\n---\n"
                                              + "a" * MAX_FILE_BYTES, encoding="utf-8")
    size = (site / "content/news/lon.md").stat().st_size
    assert _refused(site, capsys) == [
        f"content/news/lon.md: tệp quá lớn ({size} byte); tối đa {MAX_FILE_BYTES} byte"]


def test_limits_are_well_above_the_seed_plans() -> None:
    data = load_dataset(PROJECT_ROOT)
    assert max(len(p.tasks()) for p in data.plans.values()) * 10 < MAX_ROWS
    texts = (PROJECT_ROOT / "content").rglob("*.md")
    assert max(len(outline(p.read_text(encoding="utf-8"))[1]) for p in texts) * 10 < MAX_HEADINGS


def test_unexpected_failure_is_one_vietnamese_line_naming_the_file(site: Path, capsys,
                                                                   monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise MemoryError("giả lập")

    monkeypatch.setattr("generator.data.loading.parse_yaml", broken)
    assert main(["--root", str(site), "check"]) == 1
    err = capsys.readouterr().err
    assert err == ("Lỗi không lường trước khi xử lý data/areas.yaml (MemoryError); trang đã xuất "
                   "bản trước đó được giữ nguyên. Chạy lại với --debug để xem chi tiết và báo "
                   "cho người phát triển.\n")
    assert main(["--root", str(site), "--debug", "check"]) == 1
    assert "Traceback" in capsys.readouterr().err


@pytest.fixture(scope="module")
def harmless(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with inputs that must be published as written, yet harmless."""


    site = tmp_path_factory.mktemp("harmless") / "site"
    shutil.copytree(FIXTURE_SITE, site)
    shutil.copytree(PROJECT_ROOT / "themes", site / "themes")
    plan = site / PLAN
    text = plan.read_text(encoding="utf-8")
    text = text.replace("title: Rà soát văn bản quy phạm pháp luật",
                        "title: =HYPERLINK(\"http://x.vn\",\"bấm\")", 1)
    text = text.replace("number: 10/KH-UBND", "number: 012", 1)
    plan.write_text(text, encoding="utf-8")
    files = site / "content/files"
    files.mkdir()
    nfd = unicodedata.normalize("NFD", "tệp minh chứng.pdf")
    (files / nfd).write_bytes(b"%PDF-1.4\n")
    report = site / "data/reports/tn-10-kh-ubnd-2024"
    report.mkdir(parents=True)
    (report / "2024-quy-1.yaml").write_text(
        "plan: tn-10-kh-ubnd-2024\nperiod: 2024-quy-1\ndate: 2024-04-05\ncutoff: 2024-03-31\n"
        "tasks:\n  - task: i-1\n    status: dang-thuc-hien\n    note: \"- ghi chú bắt đầu bằng gạch\"\n"
        "    evidence:\n      - file: tệp minh chứng.pdf\n", encoding="utf-8")
    (files / "bieu-mau.pdf").write_bytes(b"%PDF-1.4 a\n")
    (files / "dinh-kem.pdf").write_bytes(b"%PDF-1.4 b\n")
    (site / "content/pages").mkdir()
    (site / "content/pages/gioi-thieu.md").write_text("---\ntitle: Giới thiệu\n---\n## Mục\n",
                                                      encoding="utf-8")
    (site / "content/news/lien-ket.md").write_text(
        "---\ntitle: Liên kết\ndate: 2024-03-01\n---\n[a]({filename}/pages/gioi-thieu.md#muc) "
        "[b]({static}/files/bieu-mau.pdf) [c]({attach}../files/dinh-kem.pdf) [d]({index})\n",
        encoding="utf-8")
    build(site, site / "output")
    return site / "output"


def test_link_markers_resolve_inside_the_site_and_nothing_else_is_published(harmless: Path) -> None:
    page = (harmless / "tin-tuc/2024/lien-ket/index.html").read_text(encoding="utf-8")
    assert '<a href="https://thu-nghiem.example/gioi-thieu/#muc">a</a>' in page
    assert '<a href="https://thu-nghiem.example/files/bieu-mau.pdf">b</a>' in page
    # content/files/ is already static, so Pelican keeps an {attach}ed file where it is.
    assert '<a href="https://thu-nghiem.example/files/dinh-kem.pdf">c</a>' in page
    assert '<a href="https://thu-nghiem.example/tin-tuc/index.html">d</a>' in page
    copied = sorted(p.name for p in harmless.rglob("*.pdf"))
    assert copied == ["bieu-mau.pdf", "dinh-kem.pdf", unicodedata.normalize("NFC",
                                                                            "tệp minh chứng.pdf")]


def test_csv_cells_that_could_be_formulas_are_neutralised(harmless: Path) -> None:
    tasks = (harmless / "du-lieu/tn-10-kh-ubnd-2024/nhiem-vu.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(\"\"http://x.vn\"\",\"\"bấm\"\")" in tasks
    assert ",=HYPERLINK" not in tasks and "\n=" not in tasks
    progress = (harmless / "du-lieu/tn-10-kh-ubnd-2024/tien-do-nhiem-vu.csv").read_text(
        encoding="utf-8-sig")
    assert ",'- ghi chú bắt đầu bằng gạch," in progress
    plan = (harmless / "du-lieu/tn-10-kh-ubnd-2024/ke-hoach.json").read_text(encoding="utf-8")
    assert '"=HYPERLINK(\\"http://x.vn\\",\\"bấm\\")"' in plan  # JSON keeps the text


def test_number_like_values_are_kept_as_written(harmless: Path) -> None:
    page = (harmless / "ke-hoach/tn-10-kh-ubnd-2024/index.html").read_text(encoding="utf-8")
    assert "<dd>012</dd>" in page


def test_nfd_file_is_found_and_published_under_its_nfc_name(harmless: Path) -> None:
    name = unicodedata.normalize("NFC", "tệp minh chứng.pdf")
    assert (harmless / "files" / name).read_bytes() == b"%PDF-1.4\n"
    page = (harmless / "ke-hoach/tn-10-kh-ubnd-2024/bao-cao/2024-quy-1/index.html").read_text(
        encoding="utf-8")
    assert 'href="/files/t%E1%BB%87p%20minh%20ch%E1%BB%A9ng.pdf"' in page


def test_published_site_is_readable_by_other_users(harmless: Path) -> None:
    assert harmless.stat().st_mode & 0o777 == 0o777 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
