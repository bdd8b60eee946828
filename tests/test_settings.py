from pathlib import Path

import pytest

from generator.errors import InvalidProject
from generator.settings import SiteConfig, load_config


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    assert load_config(tmp_path) == SiteConfig()


def test_values_are_read(tmp_path: Path) -> None:
    (tmp_path / "minhbach.toml").write_text('[site]\nname = "Sở A"\nsample_data_label = false\n',
                                           encoding="utf-8")
    config = load_config(tmp_path)
    assert config.name == "Sở A" and config.sample_data_label is False


def _problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "minhbach.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidProject) as caught:
        load_config(tmp_path)
    return [str(p) for p in caught.value.problems.sorted()]


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path, '[site]\nname = "Sở A\n')
    assert problem.startswith("minhbach.toml:2:") and "lỗi cú pháp TOML" in problem


def test_unknown_setting_and_wrong_type(tmp_path: Path) -> None:
    problems = _problems(tmp_path, '[site]\nnews_per_page = "mười"\nsample_label = true\n')
    assert problems == [
        "minhbach.toml:2:1: mục [site], khóa “news_per_page”: cần một số nguyên, nhưng gặp “mười”",
        ("minhbach.toml:3:1: mục [site], khóa “sample_label”: trường “sample_label” không có trong "
         "định dạng; các trường hợp lệ: " + ", ".join(SiteConfig.model_fields)),
    ]


def test_publisher_settings_are_read(tmp_path: Path) -> None:
    (tmp_path / "content" / "files" / "logo").mkdir(parents=True)
    (tmp_path / "content" / "files" / "logo" / "so.png").write_bytes(b"\x89PNG")
    (tmp_path / "minhbach.toml").write_text(
        '[site]\npublisher = "Sở Nội vụ tỉnh A"\npublisher_logo = "logo/so.png"\n'
        'publisher_email = "vanphong@snv.a.gov.vn"\nfeedback_url = "https://dichvucong.a.gov.vn/"\n',
        encoding="utf-8")
    config = load_config(tmp_path)
    assert config.publisher == "Sở Nội vụ tỉnh A" and config.publisher_logo == "logo/so.png"


@pytest.mark.parametrize(("line", "expected"), [
    ('publisher_logo = "../../etc/passwd.png"', "cần tên một tệp ảnh (.png, .jpg, .webp)"),
    ('publisher_logo = "logo.svg"', "cần tên một tệp ảnh (.png, .jpg, .webp)"),
    ('publisher_logo = "/abs/logo.png"', "cần tên một tệp ảnh"),
    ('publisher_logo = "logo.exe"', "cần tên một tệp ảnh"),
    ('publisher_email = "van phong"', "cần một địa chỉ thư điện tử"),
    ('feedback_url = "javascript:alert(1)"', "cần một địa chỉ bắt đầu bằng https://"),
    ('url = "minhbach.example"', "cần một địa chỉ bắt đầu bằng https://"),
])
def test_publisher_settings_refuse_unsafe_values(tmp_path: Path, line: str, expected: str) -> None:
    [problem] = _problems(tmp_path, f"[site]\nname = \"A\"\n{line}\n")
    assert problem.startswith("minhbach.toml:3:1: mục [site], khóa “") and expected in problem


def test_a_missing_logo_file_is_named(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path, '[site]\npublisher_logo = "logo.png"\n')
    assert problem == ("minhbach.toml:2:1: mục [site], khóa “publisher_logo”: không tìm thấy "
                       "tệp “logo.png” trong content/files/")
