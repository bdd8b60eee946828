"""`minhbach import`: Word plans in the layouts plans use, read into files that pass `check`."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.cli import main
from generator.data.dataset import load_dataset

from . import word_documents as w

TASK_HEADER = ["STT", "Nội dung nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
               "Thời gian hoàn thành", "Ghi chú"]


def _layout_a(path: Path) -> Path:
    """Header and signature as borderless tables; merged section rows; a header repeated
    inside the table with a cell cut by the page; line breaks in cells; a "Ghi chú" column."""
    d = w.new()
    w.header_block(d, ["ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM"], "Số: 25/KH-UBND",
                   "Thử Nghiệm, ngày 05 tháng 01 năm 2024")
    w.paragraphs(d, [
        "KẾ HOẠCH", "Cải cách hành chính tỉnh Thử Nghiệm năm 2024",
        ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương "
        "trình tổng thể cải cách hành chính;"),
        "Căn cứ Quyết định số 5/QĐ-UBND ngày 05/01/2023 của UBND tỉnh về việc ban hành quy chế;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Nâng cao hiệu quả.", "- Tăng cường kỷ luật.",
        "II. NHIỆM VỤ", "Căn cứ tình hình thực tế, các cơ quan triển khai theo Phụ lục."])
    w.signature_block(d, ["Sở Nội vụ;", "Lưu: VT."],
                      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn B")
    w.paragraphs(d, ["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
                     "(Kèm theo Kế hoạch số 25/KH-UBND ngày 05/01/2024)"])
    w.add_table(d, [TASK_HEADER], [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        ["1", "Ban hành kế hoạch kiểm tra", "Kế hoạch", "Sở Nội vụ", "Các sở, ban, ngành",
         "Quý I/2024", ""],
        ["1.1", "Kiểm tra tại các sở", "Báo cáo", "Sở Nội vụ", "Sở Tư pháp",
         "Quý II, quý III/2024", "Ưu tiên"],
        TASK_HEADER,
        ["", "trên địa bàn tỉnh", "", "", "", "", ""],
        ["2", "Báo cáo định kỳ", "Báo cáo\nđịnh kỳ", "- Sở Nội vụ\n- Sở Tư pháp", "Báo Thử Nghiệm",
         "Trước ngày 15 hàng quý", ""],
        "II. CẢI CÁCH THỂ CHẾ",
        ["3", "Rà soát văn bản", "Danh mục", "Sở Tư pháp", "", "Cả năm", ""],
        ["a)", "Rà soát văn bản cấp tỉnh", "", "Sở Tư pháp", "", "Tháng 6/2024", ""],
    ])
    return w.save(d, path)


def _layout_b(path: Path) -> Path:
    """Header and signature as paragraphs; a title opening like a body ("Thực hiện…");
    columns in another order under other names; an indicator table with a two-row header
    and unnumbered sub-rows; a task table cut at page breaks, once repeating its header and
    once not; a section row written in one cell; an "a)" row with only its title."""
    d = w.new()
    w.paragraphs(d, ["UBND TỈNH THỬ NGHIỆM", "SỞ NỘI VỤ", "Số: /KH-SNV",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Thử Nghiệm, ngày tháng năm", "KẾ HOẠCH",
                     "Thực hiện cải cách hành chính của Sở Nội vụ",
                     "năm 2025", "I. MỤC TIÊU", "1. Chỉ tiêu tại Phụ lục I.", "Nơi nhận:",
                     "- UBND tỉnh;", "- Lưu: VT.", "GIÁM ĐỐC", "(Đã ký)", "Lê Thị C",
                     "PHỤ LỤC I", "CHỈ TIÊU NĂM 2025"])
    table = d.add_table(rows=0, cols=5)
    first, second = table.add_row().cells, table.add_row().cells
    for cell, text in zip(first[:3], ["TT", "Chỉ tiêu", "Mức phấn đấu"], strict=True):
        w.fill(cell, text)
    w.fill(first[3].merge(first[4]), "Trách nhiệm")
    w.fill(second[3], "Đơn vị theo dõi")
    w.fill(second[4], "Đơn vị thực hiện")
    for col in range(3):
        table.cell(0, col).merge(table.cell(1, col))
    for spec in [["1", "Hồ sơ đúng hạn", "từ 95% trở lên", "Sở Nội vụ", "Sở Tư pháp"],
                 ["2", "Dịch vụ công trực tuyến:", "", "Sở Nội vụ", ""],
                 ["", "- Hồ sơ trực tuyến", "60%", "", ""],
                 ["", "- Thanh toán trực tuyến", "50%", "", ""]]:
        for cell, text in zip(table.add_row().cells, spec, strict=True):
            if text:
                w.fill(cell, text)
    w.paragraphs(d, ["PHỤ LỤC II", "NHIỆM VỤ NĂM 2025"])
    header = [["Thời gian thực hiện", "Đơn vị chủ trì", "STT", "Nhiệm vụ", "Kết quả",
               "Đơn vị phối hợp"]]
    w.add_table(d, header, [
        ["", "", "", "II CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
        ["Tháng 3/2025", "Sở Tư pháp", "1", "Công bố thủ tục", "Quyết định", "Sở Nội vụ"],
        ["Hàng quý", "Sở Nội vụ", "2", "Kiểm soát thủ tục", "Báo cáo", ""],
    ])
    d.add_page_break()
    w.add_table(d, header, [
        ["Thường xuyên", "Sở Nội vụ", "", "Việc không đánh số", "", ""],
        ["", "", "III", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "", ""],
        ["Quý IV/2025", "Sở Nội vụ; Sở Tư pháp", "3", "Chuyển đổi số", "Phần mềm", "UBND tỉnh"],
    ])
    d.add_page_break()  # Word split the table here without repeating its header
    w.add_table(d, [], [["", "", "a)", "Số hóa hồ sơ", "", ""],
                        ["Tuần 2", "Sở Tư pháp", "4", "Rà soát quy trình nội bộ", "Báo cáo", ""]],
                width=6)
    return w.save(d, path)


def _import(site: Path, document: Path, plan_id: str, *extra: str) -> int:
    return main(["--root", str(site), "import", str(document), "--id", plan_id, *extra])


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_layout_a_every_attribute_and_row(site: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(site, _layout_a(tmp_path / "a.docx"), "tn-25-kh-ubnd-2024") == 0
    plan = _yaml(site / "data/plans/tn-25-kh-ubnd-2024.yaml")
    sections = plan.pop("sections")
    assert plan == {
        "id": "tn-25-kh-ubnd-2024", "number": "25/KH-UBND", "number_text": "Số: 25/KH-UBND",
        "type": "Kế hoạch", "title": "Cải cách hành chính tỉnh Thử Nghiệm năm 2024",
        "issuer": "tn-ubnd-tinh", "place": "Thử Nghiệm", "issued": dt.date(2024, 1, 5),
        "issued_text": "Thử Nghiệm, ngày 05 tháng 01 năm 2024",
        "signer": {"name": "Nguyễn Văn B",
                   "title": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
        "year": 2024, "status": "con-hieu-luc",
        "source": {"description": "Nhập từ tệp a.docx bằng lệnh minhbach import"},
        "legal_basis": [
            {"text": "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành "
                     "Chương trình tổng thể cải cách hành chính", "type": "Nghị quyết",
             "number": "76/NQ-CP", "date": dt.date(2021, 7, 15), "issuer_text": "Chính phủ"},
            {"text": "Quyết định số 5/QĐ-UBND ngày 05/01/2023 của UBND tỉnh về việc ban hành "
                     "quy chế", "type": "Quyết định", "number": "5/QĐ-UBND",
             "date": dt.date(2023, 1, 5), "issuer_text": "UBND tỉnh"}],
        "recipients": ["Sở Nội vụ;", "Lưu: VT."],
        "indicators": [],
    }
    assert [(s["id"], s["number"], s["title"], s["area"]) for s in sections] == [
        ("i", "I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "chi-dao-dieu-hanh"),
        ("ii", "II", "CẢI CÁCH THỂ CHẾ", "cai-cach-the-che")]
    assert sections[0]["tasks"] == [
        {"id": "i-1", "number": "1", "title": "Ban hành kế hoạch kiểm tra", "product": "Kế hoạch",
         "lead_text": "Sở Nội vụ", "coordinating_text": "Các sở, ban, ngành",
         "timeline": "Quý I/2024"},
        {"id": "i-1-1", "number": "1.1", "parent": "i-1",
         "title": "Kiểm tra tại các sở trên địa bàn tỉnh", "product": "Báo cáo",
         "lead_text": "Sở Nội vụ", "coordinating_text": "Sở Tư pháp",
         "timeline": "Quý II, quý III/2024", "note": "Ghi chú: Ưu tiên"},
        {"id": "i-2", "number": "2", "title": "Báo cáo định kỳ", "product": "Báo cáo định kỳ",
         "lead_text": "Sở Nội vụ; Sở Tư pháp", "coordinating_text": "Báo Thử Nghiệm",
         "timeline": "Trước ngày 15 hàng quý"}]
    assert sections[1]["tasks"] == [
        {"id": "ii-3", "number": "3", "title": "Rà soát văn bản", "product": "Danh mục",
         "lead_text": "Sở Tư pháp", "timeline": "Cả năm"},
        {"id": "ii-a", "number": "a)", "parent": "ii-3", "title": "Rà soát văn bản cấp tỉnh",
         "product": None, "lead_text": "Sở Tư pháp", "timeline": "Tháng 6/2024"}]
    text = (site / "content/plans/tn-25-kh-ubnd-2024.md").read_text(encoding="utf-8")
    assert text.startswith("Căn cứ Nghị quyết số 76/NQ-CP")
    assert "## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n- Nâng cao hiệu quả.\n- Tăng cường" in text
    for clutter in ("CỘNG HÒA", "Độc lập", "Nơi nhận", "Nguyễn Văn B", "PHỤ LỤC", "Số: 25"):
        assert clutter not in text
    proposals = _yaml(site / "data/organisations/de-xuat-tn-25-kh-ubnd-2024.yaml")
    assert proposals == {"province": "Tỉnh Thử Nghiệm", "organisations": [
        {"id": "tn-bao-thu-nghiem", "name": "Báo Thử Nghiệm", "level": "don-vi"}]}
    out = capsys.readouterr().out
    assert "2 phần, 5 nhiệm vụ, 0 chỉ tiêu, 2 căn cứ, 2 nơi nhận" in out
    assert "1 tên mới" in out
    assert "bảng 3, dòng 7, cột “Cơ quan phối hợp”: cơ quan chưa có “Báo Thử Nghiệm”" in out
    assert "bảng 3, dòng 6: dòng không số chỉ có chữ ngay sau tiêu đề trang" in out
    # Written as the document writes them, the agencies resolve when the project loads.
    data = load_dataset(site)
    tasks = {t.id: t for _, t in data.plans["tn-25-kh-ubnd-2024"].tasks()}
    assert tasks["i-1"].coordinating == ["tn-cac-so-nganh"]
    assert tasks["i-2"].lead == ["tn-so-noi-vu", "tn-so-tu-phap"]
    assert tasks["i-2"].coordinating == ["tn-bao-thu-nghiem"]


def test_layout_b_columns_by_header_text_and_tables_across_pages(
        site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(site, _layout_b(tmp_path / "b.docx"), "tn-kh-snv-2025") == 0
    plan = _yaml(site / "data/plans/tn-kh-snv-2025.yaml")
    assert (plan["number"], plan["number_text"], plan["issued"], plan["issued_text"]) == (
        None, "Số: /KH-SNV", None, "Thử Nghiệm, ngày tháng năm")
    assert (plan["issuer"], plan["status"], plan["year"]) == ("tn-so-noi-vu", "du-thao", 2025)
    assert plan["title"] == "Thực hiện cải cách hành chính của Sở Nội vụ năm 2025"
    assert plan["signer"] == {"name": "Lê Thị C", "title": "GIÁM ĐỐC"}
    assert plan["recipients"] == ["UBND tỉnh;", "Lưu: VT."]
    assert plan["indicators"] == [
        {"id": "ct-1", "number": "1", "group": "Phụ lục I CHỈ TIÊU NĂM 2025",
         "text": "Hồ sơ đúng hạn", "target": "từ 95% trở lên", "monitoring_text": "Sở Nội vụ",
         "implementing_text": "Sở Tư pháp"},
        {"id": "ct-2", "number": "2", "group": "Phụ lục I CHỈ TIÊU NĂM 2025",
         "text": "Dịch vụ công trực tuyến:", "target": None, "monitoring_text": "Sở Nội vụ"},
        {"id": "ct-dong-5", "number": None, "parent": "ct-2",
         "group": "Phụ lục I CHỈ TIÊU NĂM 2025", "text": "- Hồ sơ trực tuyến", "target": "60%"},
        {"id": "ct-dong-6", "number": None, "parent": "ct-2",
         "group": "Phụ lục I CHỈ TIÊU NĂM 2025", "text": "- Thanh toán trực tuyến",
         "target": "50%"}]
    rows = [(s["id"], s["area"], [(t["id"], t.get("parent"), t["title"], t.get("product"),
                                   t.get("lead_text"), t.get("coordinating_text"), t.get("timeline"))
                                  for t in s["tasks"]]) for s in plan["sections"]]
    assert rows == [
        ("ii", "cai-cach-thu-tuc-hanh-chinh", [
            ("ii-1", None, "Công bố thủ tục", "Quyết định", "Sở Tư pháp", "Sở Nội vụ",
             "Tháng 3/2025"),
            ("ii-2", None, "Kiểm soát thủ tục", "Báo cáo", "Sở Nội vụ", None, "Hàng quý"),
            ("ii-dong-2", None, "Việc không đánh số", None, "Sở Nội vụ", None, "Thường xuyên")]),
        ("iii", "hien-dai-hoa-hanh-chinh", [
            ("iii-3", None, "Chuyển đổi số", "Phần mềm", "Sở Nội vụ; Sở Tư pháp", "UBND tỉnh",
             "Quý IV/2025"),
            ("iii-a", "iii-3", "Số hóa hồ sơ", None, None, None, None),
            ("iii-4", None, "Rà soát quy trình nội bộ", "Báo cáo", "Sở Tư pháp", None,
             "Tuần 2")])]
    out = capsys.readouterr().out
    assert "bảng 3, dòng 2: dòng không có số thứ tự; để là một dòng độc lập" in out
    assert ("bảng 4, dòng 2, cột “Thời gian thực hiện”: “Tuần 2” có số nhưng không đọc ra hạn "
            "nào") in out
    assert out.count("\n  - ") == 4  # two lines of counts, the two doubts above, nothing else
    assert "0 tên mới" in out


def test_round_trip_check_build_and_every_row_on_the_page(site: Path, tmp_path: Path) -> None:
    assert _import(site, _layout_a(tmp_path / "a.docx"), "tn-25-kh-ubnd-2024") == 0
    assert main(["--root", str(site), "check"]) == 0
    build(site, site / "output")
    page = (site / "output/ke-hoach/tn-25-kh-ubnd-2024/index.html").read_text(encoding="utf-8")
    for title in ("Ban hành kế hoạch kiểm tra", "Kiểm tra tại các sở trên địa bàn tỉnh",
                  "Báo cáo định kỳ", "Rà soát văn bản", "Rà soát văn bản cấp tỉnh"):
        assert f"<summary>{title}</summary>" in page
    assert ('<a href="/co-quan/tn-so-noi-vu/">Sở Nội vụ</a>; '
            '<a href="/co-quan/tn-so-tu-phap/">Sở Tư pháp</a>') in page
    assert "Từ 01/01/2024 đến 31/03/2024" in page  # "Quý I/2024" read by the timeline reader
    assert "<h2" in page and "MỤC ĐÍCH, YÊU CẦU" in page
    # An unknown column is kept as the row's note, and published with the open data.
    tasks_csv = (site / "output/du-lieu/tn-25-kh-ubnd-2024/nhiem-vu.csv").read_text("utf-8-sig")
    assert "Ghi chú: Ưu tiên" in tasks_csv
    assert "Ghi chú: Ưu tiên" in page


def test_existing_files_are_never_overwritten_without_force(
        site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = _layout_a(tmp_path / "a.docx")
    assert _import(site, document, "tn-25-kh-ubnd-2024") == 0
    plan_file = site / "data/plans/tn-25-kh-ubnd-2024.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    capsys.readouterr()
    assert _import(site, document, "tn-25-kh-ubnd-2024") == 1
    assert "không ghi đè. Thêm --force" in capsys.readouterr().err
    assert plan_file.read_text(encoding="utf-8").endswith("# sửa tay\n")
    assert _import(site, document, "tn-25-kh-ubnd-2024", "--force") == 0
    assert not plan_file.read_text(encoding="utf-8").endswith("# sửa tay\n")


@pytest.mark.parametrize(("content", "plan_id", "message"), [
    (b"not a zip", "tn-1-kh-2024", "không phải tệp Word .docx đọc được"),
    (None, "tn-1-kh-2024", "không tìm thấy tệp"),
    (b"", "TN 1", "chỉ gồm chữ thường không dấu"),
])
def test_bad_input_is_a_vietnamese_message(site: Path, tmp_path: Path, content: bytes | None,
                                           plan_id: str, message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "plan.docx"
    if content is not None:
        document.write_bytes(content)
    assert _import(site, document, plan_id) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (site / f"data/plans/{plan_id}.yaml").exists()


def test_a_document_that_is_not_a_plan_is_refused(site: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    d = w.new()
    w.paragraphs(d, ["Thư mời họp", "Kính gửi các đồng chí."])
    assert _import(site, w.save(d, tmp_path / "thu-moi.docx"), "tn-1-kh-2024") == 1
    assert "“thu-moi.docx” không giống một kế hoạch" in capsys.readouterr().err
    assert not (site / "data/plans/tn-1-kh-2024.yaml").exists()


def test_an_unknown_province_code_names_the_known_ones(site: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(site, _layout_a(tmp_path / "a.docx"), "zz-25-kh-2024") == 1
    assert "chưa có cơ quan nào mã “zz-…”" in capsys.readouterr().err


def test_old_doc_files_need_libreoffice(site: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "plan.doc"
    document.write_bytes(b"\xd0\xcf\x11\xe0")  # the start of an old binary Word file
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert _import(site, document, "tn-25-kh-ubnd-2024") == 1
    assert "cần LibreOffice để chuyển sang .docx nhưng máy này chưa cài" in capsys.readouterr().err


def test_old_doc_files_are_converted_with_libreoffice(site: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    converted = _layout_a(tmp_path / "converted.docx")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "libreoffice"  # stands in for LibreOffice: same arguments, same output
    fake.write_text('#!/bin/sh\n[ "$1 $2 $3" = "--headless --convert-to docx" ] || exit 2\n'
                    f'cp "{converted}" "$5/$(basename "$6" .doc).docx"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    document = tmp_path / "plan.doc"
    document.write_bytes(b"\xd0\xcf\x11\xe0")
    assert _import(site, document, "tn-25-kh-ubnd-2024") == 0
    assert _yaml(site / "data/plans/tn-25-kh-ubnd-2024.yaml")["number"] == "25/KH-UBND"


def test_layout_c_a_plain_task_list_without_numbers_or_sections(
        site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only "Nội dung công việc | Đơn vị thực hiện | Thời gian": no STT, no section rows."""
    d = w.new()
    w.paragraphs(d, ["SỞ TƯ PHÁP", "Số: 7/KH-STP", "Thử Nghiệm, ngày 10 tháng 12 năm 2013",
                     "KẾ HOẠCH", "Cải cách hành chính năm 2014", "I. NHIỆM VỤ"])
    w.add_table(d, [["Nội dung công việc", "Đơn vị thực hiện", "Thời gian"]], [
        ["Rà soát thủ tục", "Sở Tư pháp", "Quý I/2014"],
        ["Tuyên truyền", "Sở Tư pháp\nSở Nội vụ", "Thường xuyên"]])
    assert _import(site, w.save(d, tmp_path / "c.docx"), "tn-7-kh-stp-2014") == 0
    plan = _yaml(site / "data/plans/tn-7-kh-stp-2014.yaml")
    # Issued in December for the next year: the year is the one the title names.
    assert (plan["issuer"], plan["issued"], plan["year"]) == (
        "tn-so-tu-phap", dt.date(2013, 12, 10), 2014)
    [section] = plan["sections"]
    assert (section["title"], section["area"]) == ("Bảng 1", "khac")
    assert [(t["id"], t["title"], t["lead_text"], t["timeline"]) for t in section["tasks"]] == [
        ("phan-1-dong-2", "Rà soát thủ tục", "Sở Tư pháp", "Quý I/2014"),
        ("phan-1-dong-3", "Tuyên truyền", "Sở Tư pháp; Sở Nội vụ", "Thường xuyên")]
    out = capsys.readouterr().out
    assert "bảng 1, dòng 2: dòng nhiệm vụ trước mọi dòng tên phần" in out
    assert out.count("dòng không có số thứ tự") == 2
