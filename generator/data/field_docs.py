"""Vietnamese descriptions and examples of every data field, for the JSON Schemas and the docs.

Kept beside the models rather than inside them so the models stay short; `schemas` puts
the descriptions into the published JSON Schemas (editors show them on hover) and writes
the field tables of docs/data-format.md from the same text. A test keeps every field of
every model described here.
"""

from __future__ import annotations

# model name → Vietnamese description of the model
MODELS: dict[str, str] = {
    "AreasFile": "Danh mục lĩnh vực cải cách: data/areas.yaml.",
    "Area": "Một lĩnh vực cải cách hành chính.",
    "OrganisationsFile": "Cơ quan, đơn vị của một tỉnh: data/organisations/<tỉnh>.yaml.",
    "Organisation": "Một cơ quan, đơn vị, hoặc một nhóm cơ quan được văn bản gọi chung.",
    "Level": "Cấp của cơ quan.",
    "Plan": "Một kế hoạch: data/plans/<mã-kế-hoạch>.yaml.",
    "PlanStatus": "Tình trạng hiệu lực của văn bản.",
    "Citation": "Một căn cứ pháp lý (Căn cứ …, Thực hiện …).",
    "Signer": "Người ký văn bản.",
    "Source": "Nguồn của văn bản.",
    "Indicator": "Một chỉ tiêu (mục tiêu đo được) của kế hoạch.",
    "Section": "Một phần nhiệm vụ của kế hoạch (I, II, …), gắn một lĩnh vực.",
    "Task": "Một nhiệm vụ trong bảng nhiệm vụ của kế hoạch.",
    "Assignment": "Trách nhiệm của một cơ quan trong mục Tổ chức thực hiện.",
    "ReportingItem": "Một kỳ báo cáo kế hoạch yêu cầu.",
    "NewsMeta": "Phần đầu (front matter) của một tin: content/news/*.md.",
    "PageMeta": "Phần đầu (front matter) của một trang tĩnh: content/pages/*.md.",
    "Report": "Báo cáo kết quả một kỳ của một kế hoạch: data/reports/<mã-kế-hoạch>/<mã-kỳ>.yaml.",
    "TaskStatus": "Trạng thái nhiệm vụ trong báo cáo.",
    "TaskResult": "Kết quả một nhiệm vụ trong báo cáo.",
    "IndicatorResult": "Kết quả một chỉ tiêu trong báo cáo.",
    "Evidence": "Minh chứng: số văn bản, đường dẫn, hoặc tệp trong content/files/.",
}

_AS_WRITTEN = "ghi đúng như văn bản"
_AGENCY_TEXT = ("ghi như văn bản; Minh Bạch tự tìm cơ quan theo tên và aliases (không phân biệt "
                "dấu, hoa thường, khoảng trắng), khỏi cần ghi mã")
_AGENCY_IDS = "mã cơ quan (không bắt buộc khi đã ghi tên ở trường _text tương ứng)"

# model name → field → (description, example as YAML)
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "AreasFile": {"areas": ("các lĩnh vực, theo thứ tự", "- id: cai-cach-the-che …")},
    "Area": {
        "id": ("mã lĩnh vực", "cai-cach-the-che"),
        "name": ("tên lĩnh vực", "Cải cách thể chế"),
        "order": ("thứ tự hiển thị", "2"),
        "description": ("mô tả ngắn", "Xây dựng, hoàn thiện và tổ chức thi hành pháp luật"),
    },
    "OrganisationsFile": {
        "province": ("tỉnh, thành phố của mọi cơ quan trong tệp", "An Giang"),
        "organisations": ("các cơ quan, đơn vị", "- id: ag-so-noi-vu …"),
    },
    "Organisation": {
        "id": ("mã cơ quan, bắt đầu bằng mã tỉnh", "ag-so-noi-vu"),
        "name": ("tên đầy đủ", "Sở Nội vụ tỉnh An Giang"),
        "short_name": ("tên ngắn như trong kế hoạch", "Sở Nội vụ"),
        "level": (("cấp: trung-uong, tinh, so, huyen, xa, don-vi, doan-the, nhom (nhóm cơ quan "
                  "văn bản gọi chung)"), "so"),
        "parent": ("mã cơ quan cấp trên", "ag-ubnd-tinh"),
        "aliases": (("các cách viết khác của tên, dùng để nhận ra cơ quan trong ô chủ trì, phối "
                    "hợp"), '["SNV", "Sở Nội vụ tỉnh"]'),
    },
    "Plan": {
        "id": ("mã kế hoạch, trùng tên tệp, bắt đầu bằng mã tỉnh", "ag-792-kh-ubnd-2018"),
        "number": (f"số hiệu, {_AS_WRITTEN}; null khi dự thảo chưa có số", "792/KH-UBND"),
        "number_text": ("dòng số hiệu như văn bản khi chưa đủ", '"Số: /KH-SNN"'),
        "type": ("loại văn bản", "Kế hoạch"),
        "title": (f"tên (trích yếu) văn bản, {_AS_WRITTEN}", ("Cải cách hành chính tỉnh An Giang "
                  "năm 2018")),
        "issuer": ("mã cơ quan ban hành", "ag-ubnd-tinh"),
        "place": ("nơi ban hành", "An Giang"),
        "issued": ("ngày ban hành (YYYY-MM-DD); null khi văn bản để trống", "2017-12-29"),
        "issued_text": (f"dòng địa danh, ngày tháng, {_AS_WRITTEN}",
                        '"An Giang, ngày 29 tháng 12 năm 2017"'),
        "effective": ("ngày có hiệu lực", "2017-12-29"),
        "signer": ("người ký và chức danh", "name: Lê Văn Nưng"),
        "field": ("lĩnh vực văn bản theo thư viện pháp luật", "Bộ máy hành chính"),
        "year": ("năm của kế hoạch", "2018"),
        "status": ("tình trạng: du-thao, con-hieu-luc, het-hieu-luc, chua-xac-dinh",
                   "con-hieu-luc"),
        "source": ("nguồn văn bản", "description: Thư viện pháp luật"),
        "legal_basis": ("các căn cứ, theo thứ tự", "- text: Quyết định số 4935/QĐ-UBND …"),
        "recipients": (f"nơi nhận, {_AS_WRITTEN}, theo thứ tự", "- Bộ Nội vụ;"),
        "indicators": ("các chỉ tiêu, theo thứ tự văn bản", "- id: ct-1 …"),
        "sections": ("các phần nhiệm vụ, theo thứ tự văn bản", "- id: i …"),
        "assignments": ("trách nhiệm từng cơ quan (Tổ chức thực hiện)", ("- heading: 3. Sở Tài "
                        "chính …")),
        "reporting_schedule": ("lịch báo cáo kế hoạch yêu cầu", "- report: Báo cáo quý"),
        "notes": ("ghi chú của người nhập, hiện trên trang", "Phụ lục chưa được công bố."),
    },
    "Citation": {
        "text": (f"căn cứ, {_AS_WRITTEN} (bỏ chữ “Căn cứ”)", ("Quyết định số 4935/QĐ-UBND ngày "
                 "29 tháng 12 năm 2023 của Ủy ban nhân dân tỉnh …")),
        "type": ("loại văn bản được dẫn", "Quyết định"),
        "number": ("số hiệu văn bản được dẫn; null khi dẫn theo tên (luật)", "4935/QĐ-UBND"),
        "date": ("ngày của văn bản được dẫn", "2023-12-29"),
        "issuer_text": ("cơ quan ban hành văn bản được dẫn, như văn bản", "Ủy ban nhân dân tỉnh"),
    },
    "Signer": {
        "name": ("họ tên người ký", "Lê Văn Nưng"),
        "title": (f"chức danh ký, {_AS_WRITTEN}", '"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"'),
    },
    "Source": {
        "description": ("mô tả nguồn", "Thư viện pháp luật (trang văn bản)"),
        "seed": ("tệp gốc của trang ví dụ", '"001"'),
        "url": ("địa chỉ trang đã chép", "https://…"),
        "file": ("bản gốc (PDF, Word) trong content/files/, trang kế hoạch cho tải về",
                 "ke-hoach/792-kh-ubnd.pdf"),
    },
    "Indicator": {
        "id": ("mã chỉ tiêu, duy nhất trong kế hoạch", "ct-1-1"),
        "number": (f"số thứ tự, {_AS_WRITTEN}; null khi không có", '"1.1"'),
        "parent": ("mã chỉ tiêu cha (dòng con)", "ct-1"),
        "group": ("tiêu đề nhóm chỉ tiêu", "Phụ lục I"),
        "text": (f"nội dung chỉ tiêu, {_AS_WRITTEN}", "Chỉ số cải cách hành chính (Par Index)"),
        "target": (f"mức phấn đấu, {_AS_WRITTEN} (Minh Bạch tự đọc ra số)", '"từ 80% trở lên"'),
        "monitoring": (f"đơn vị theo dõi: {_AGENCY_IDS}", "[bd-snn-phong-tccb]"),
        "monitoring_text": (f"đơn vị theo dõi, {_AGENCY_TEXT}", "Phòng Tổ chức cán bộ"),
        "implementing": (f"đơn vị thực hiện: {_AGENCY_IDS}", "[bd-snn-cac-phong]"),
        "implementing_text": (f"đơn vị thực hiện, {_AGENCY_TEXT}", "Các phòng chuyên môn"),
        "note": ("ghi chú (cột lạ của bảng được giữ ở đây khi nhập từ Word)", "Ghi chú: …"),
    },
    "Section": {
        "id": ("mã phần, duy nhất trong kế hoạch", "i"),
        "number": (f"số phần, {_AS_WRITTEN}", "I"),
        "title": (f"tên phần, {_AS_WRITTEN}", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        "area": ("mã lĩnh vực trong data/areas.yaml", "chi-dao-dieu-hanh"),
        "tasks": ("các nhiệm vụ của phần, theo thứ tự", "- id: i-1 …"),
    },
    "Task": {
        "id": ("mã nhiệm vụ, duy nhất trong kế hoạch", "i-12"),
        "number": (f"số thứ tự, {_AS_WRITTEN}; null khi không có", '"12"'),
        "parent": ("mã nhiệm vụ cha (nhiệm vụ con 1.1, a)…)", "i-1"),
        "title": (f"nội dung nhiệm vụ, {_AS_WRITTEN}", "Khảo sát mức độ hài lòng …"),
        "product": ("sản phẩm, kết quả", "Kế hoạch"),
        "lead": (f"cơ quan chủ trì: {_AGENCY_IDS}", "[ag-so-noi-vu]"),
        "lead_text": (f"cơ quan chủ trì, {_AGENCY_TEXT}", '"Sở Nội vụ; UBND cấp huyện"'),
        "coordinating": (f"cơ quan phối hợp: {_AGENCY_IDS}", "[ag-cac-so-ban-nganh]"),
        "coordinating_text": (f"cơ quan phối hợp, {_AGENCY_TEXT}", '"Các sở, ban, ngành"'),
        "timeline": (f"thời gian thực hiện, {_AS_WRITTEN} (Minh Bạch tự đọc ra hạn)",
                     '"Quý II, quý III/2018"'),
        "note": ("ghi chú (cột lạ của bảng được giữ ở đây khi nhập từ Word)", "Ghi chú: …"),
    },
    "Assignment": {
        "agencies": ("mã các cơ quan được giao", "[ag-so-tai-chinh]"),
        "heading": (f"tiêu đề mục, {_AS_WRITTEN}", '"3. Sở Tài chính"'),
        "duties": ("các nhiệm vụ được giao, mỗi gạch đầu dòng một mục", "- Chủ trì, phối hợp …"),
    },
    "ReportingItem": {
        "report": ("tên kỳ báo cáo", "Báo cáo quý"),
        "due": (f"hạn nộp, {_AS_WRITTEN}", "Trước ngày 10 của tháng cuối quý"),
    },
    "NewsMeta": {
        "title": ("tiêu đề tin", "Ban hành kế hoạch cải cách hành chính năm 2019"),
        "date": ("ngày giờ đăng (YYYY-MM-DD HH:MM)", "2019-01-23 08:30"),
        "category": ("chuyên mục", "Chương trình - báo cáo"),
        "plan": ("mã kế hoạch tin nói tới", "hcm-178-kh-snn-2019"),
        "slug": ("địa chỉ tin (chữ thường không dấu)", "ke-hoach-cai-cach-hanh-chinh-2019"),
        "summary": ("một câu tóm tắt", "Sở ban hành Kế hoạch số 178/KH-SNN …"),
        "note": ("ghi chú của người biên tập, hiện trên đầu tin", "Tin được cập nhật …"),
        "modified": ("lần sửa gần nhất (YYYY-MM-DD HH:MM)", "2019-01-24 10:00"),
    },
    "PageMeta": {
        "title": ("tiêu đề trang", "Giới thiệu"),
        "slug": ("địa chỉ trang", "gioi-thieu"),
        "summary": ("một câu tóm tắt", "Về Minh Bạch"),
    },
    "Report": {
        "plan": ("mã kế hoạch, trùng tên thư mục", "ag-792-kh-ubnd-2018"),
        "period": ("mã kỳ, trùng tên tệp", "2018-quy-1"),
        "sample": ("dữ liệu mẫu minh họa (có nhãn trên trang)", "true"),
        "title": ("tên báo cáo", "Báo cáo kết quả … quý I năm 2018"),
        "number": (f"số hiệu báo cáo, {_AS_WRITTEN}", "45/BC-UBND"),
        "date": ("ngày báo cáo", "2018-03-14"),
        "cutoff": ("ngày chốt số liệu; trễ hạn được tính đến ngày này", "2018-03-10"),
        "issuer": ("mã cơ quan báo cáo", "ag-ubnd-tinh"),
        "summary": ("tóm tắt, hiện trên đầu trang báo cáo", "…"),
        "source": ("nguồn báo cáo", "description: …"),
        "tasks": ("kết quả từng nhiệm vụ", "- task: i-1 …"),
        "indicators": ("kết quả từng chỉ tiêu", "- indicator: ct-1 …"),
    },
    "TaskResult": {
        "task": ("mã nhiệm vụ của kế hoạch", "v-1"),
        "status": (("trạng thái: hoan-thanh, hoan-thanh-tre-han, dang-thuc-hien, chua-thuc-hien, "
                   "khong-thuc-hien"), "dang-thuc-hien"),
        "completed": ("ngày hoàn thành (chỉ khi đã hoàn thành)", "2018-04-20"),
        "note": ("ghi chú", "Dự thảo đang trình UBND tỉnh"),
        "reason": ("lý do (bắt buộc khi khong-thuc-hien)", "…"),
        "evidence": ("minh chứng", "- number: 905/KH-UBND"),
    },
    "IndicatorResult": {
        "indicator": ("mã chỉ tiêu của kế hoạch", "mt-11"),
        "achieved": (f"kết quả đạt được, {_AS_WRITTEN}", '"42,3%"'),
        "note": ("ghi chú", "…"),
        "evidence": ("minh chứng", "[]"),
    },
    "Evidence": {
        "number": ("số văn bản", "905/KH-UBND"),
        "title": ("tên văn bản", "Kế hoạch rà soát thủ tục hành chính năm 2018"),
        "date": ("ngày văn bản", "2018-04-20"),
        "url": ("đường dẫn http(s)", "https://…"),
        "file": ("tệp trong content/files/", "minh-chung/ke-hoach-905.pdf"),
    },
}
