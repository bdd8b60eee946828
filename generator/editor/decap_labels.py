"""Vietnamese labels the editor shows for the data model's field names and fixed values."""

from __future__ import annotations

from ..facts.derive import PLAN_STATUS_LABELS
from ..facts.progress import STATUS_LABELS

FIELD_LABELS = {
    "achieved": "Kết quả đạt được", "agencies": "Cơ quan", "aliases": "Tên gọi khác",
    "area": "Lĩnh vực cải cách", "areas": "Lĩnh vực", "assignments": "Tổ chức thực hiện",
    "category": "Chuyên mục", "completed": "Ngày hoàn thành", "coordinating": "Cơ quan phối hợp",
    "coordinating_text": "Cơ quan phối hợp (như văn bản ghi)", "cutoff": "Ngày chốt số liệu",
    "date": "Ngày", "description": "Mô tả", "due": "Thời hạn", "duties": "Nhiệm vụ",
    "effective": "Ngày hiệu lực", "evidence": "Minh chứng", "field": "Lĩnh vực văn bản",
    "file": "Tệp trong content/files/", "group": "Nhóm", "heading": "Tiêu đề",
    "id": "Mã (chữ thường không dấu, gạch ngang)", "implementing": "Cơ quan thực hiện",
    "implementing_text": "Cơ quan thực hiện (như văn bản ghi)", "indicator": "Chỉ tiêu",
    "indicators": "Chỉ tiêu", "issued": "Ngày ban hành",
    "issued_text": "Ngày ban hành (như văn bản ghi)", "issuer": "Cơ quan ban hành",
    "issuer_text": "Cơ quan ban hành (như văn bản ghi)", "lead": "Cơ quan chủ trì",
    "lead_text": "Cơ quan chủ trì (như văn bản ghi)", "legal_basis": "Căn cứ",
    "level": "Cấp", "modified": "Ngày sửa", "monitoring": "Cơ quan theo dõi",
    "monitoring_text": "Cơ quan theo dõi (như văn bản ghi)", "name": "Họ tên / tên",
    "note": "Ghi chú", "notes": "Ghi chú", "number": "Số hiệu / số thứ tự",
    "number_text": "Số hiệu (như văn bản ghi)", "order": "Thứ tự", "organisations": "Cơ quan",
    "parent": "Mã mục cha", "period": "Kỳ báo cáo (ví dụ 2024-quy-1, 2024-6-thang, 2024-nam)",
    "place": "Nơi ban hành", "plan": "Kế hoạch", "product": "Sản phẩm / kết quả",
    "province": "Tỉnh, thành phố", "reason": "Lý do (bắt buộc khi không thực hiện)",
    "recipients": "Nơi nhận", "report": "Báo cáo", "reporting_schedule": "Chế độ báo cáo",
    "sample": "Dữ liệu mẫu minh họa", "sections": "Các phần nhiệm vụ", "seed": "Tệp gốc",
    "short_name": "Tên ngắn", "signer": "Người ký", "slug": "Địa chỉ (slug)",
    "source": "Nguồn", "status": "Trạng thái", "summary": "Tóm tắt", "target": "Chỉ tiêu cần đạt",
    "task": "Nhiệm vụ", "tasks": "Nhiệm vụ", "text": "Nội dung", "timeline": "Thời gian thực hiện",
    "title": "Tiêu đề", "type": "Loại văn bản", "url": "Đường dẫn", "year": "Năm",
    "body": "Nội dung",
}

ENUM_LABELS = {
    **{f"TaskStatus.{value}": text for value, text in STATUS_LABELS.items()},
    **{f"PlanStatus.{status.value}": text for status, text in PLAN_STATUS_LABELS.items()},
    "Level.trung-uong": "Trung ương", "Level.tinh": "Tỉnh", "Level.so": "Sở, ngành",
    "Level.huyen": "Huyện", "Level.xa": "Xã", "Level.don-vi": "Đơn vị",
    "Level.doan-the": "Đoàn thể", "Level.nhom": "Nhóm",
}


def label(key: str) -> str:
    """The label of a field name or of `Enum.value`; the key itself if none is known."""
    return FIELD_LABELS.get(key) or ENUM_LABELS.get(key) or key
