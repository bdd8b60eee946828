"""File paths typed by staff (attachments, evidence) must stay inside the project.

A path is accepted only when it is relative, names an existing file, and still
lies under the allowed folder after symlinks and ".." are resolved.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..reading.vietnamese import nfc

ATTACHMENTS = "content/files"


def safe_path(root: Path, value: str, base: str = ATTACHMENTS) -> Path:
    """The file `value` (relative to `base`) names; ValueError in Vietnamese otherwise."""
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or (pure.parts and ":" in pure.parts[0]):
        raise ValueError(f"đường dẫn “{value}” phải là đường dẫn tương đối trong {base}/")
    allowed = (root / base).resolve()
    target = _as_stored(allowed, pure).resolve()
    if target != allowed and allowed not in target.parents:
        raise ValueError(f"đường dẫn “{value}” trỏ ra ngoài thư mục {base}/")
    if not target.is_file():
        raise ValueError(f"không tìm thấy tệp “{value}” trong {base}/")
    return target


def _as_stored(folder: Path, pure: PurePosixPath) -> Path:
    """`pure` under `folder` as the disk spells it: a name saved in NFD (macOS) is found
    by its NFC spelling, the one YAML values are read in."""
    current = folder
    for part in pure.parts:
        candidate = current / part
        if not candidate.exists() and current.is_dir():
            wanted = nfc(part)
            candidate = next((c for c in sorted(current.iterdir()) if nfc(c.name) == wanted),
                             candidate)
        current = candidate
    return current
