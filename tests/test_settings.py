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
