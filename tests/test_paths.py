from pathlib import Path

import pytest

from generator.data.paths import safe_path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "content/files/bao-cao").mkdir(parents=True)
    (tmp_path / "content/files/bao-cao/q1.pdf").write_bytes(b"%PDF")
    (tmp_path / "secret.txt").write_text("x")
    return tmp_path


def test_a_file_inside_the_folder_is_accepted(root: Path) -> None:
    assert safe_path(root, "bao-cao/q1.pdf") == (root / "content/files/bao-cao/q1.pdf").resolve()


@pytest.mark.parametrize("value, message", [
    ("../../secret.txt", "trỏ ra ngoài thư mục content/files/"),
    ("bao-cao/../../../secret.txt", "trỏ ra ngoài thư mục content/files/"),
    ("/etc/passwd", "phải là đường dẫn tương đối"),
    ("C:/Windows/win.ini", "phải là đường dẫn tương đối"),
    ("..\\..\\secret.txt", "trỏ ra ngoài thư mục content/files/"),
    ("bao-cao/q2.pdf", "không tìm thấy tệp"),
])
def test_paths_outside_or_missing_are_refused(root: Path, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        safe_path(root, value)


def test_a_symlink_pointing_outside_is_refused(root: Path) -> None:
    (root / "content/files/link.txt").symlink_to(root / "secret.txt")
    with pytest.raises(ValueError, match="trỏ ra ngoài"):
        safe_path(root, "link.txt")
