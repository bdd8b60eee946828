"""Make Pagefind's filter files byte-identical from one build to the next.

Pagefind 1.5 keeps filter values in a Rust `HashMap` whose order is random per process
(its source carries a to-do note about moving filter indexes to a BTree for a stable hash;
upstream issue Pagefind/pagefind#638 fixed fragments only). The same site therefore gives
differently ordered filter files, hence different file names, a different `pf_meta` and
a different `pagefind-entry.json` on every build. Our builds must be reproducible, so
after Pagefind writes its bundle we sort each filter file's values, sort the filter list
in the meta file, and rename the files after their new content.

The files are gzip-compressed CBOR behind a `pagefind_dcd` signature; order carries no
meaning in them (pagefind.js reads them into maps), so sorting changes no search result.
Only the subset of CBOR that Pagefind writes (unsigned integers, text, arrays) is read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"

Cbor = int | str | list[Any]


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(f"CBOR: số quá lớn: {n}")


def encode(value: Cbor) -> bytes:
    """Shortest-form definite-length CBOR, as Pagefind's `minicbor` writes it."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"CBOR: kiểu không hỗ trợ: {value!r}")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    return _head(4, len(value)) + b"".join(encode(item) for item in value)


def _decode(data: bytes, at: int) -> tuple[Cbor, int]:
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError(f"CBOR: độ dài không xác định tại byte {at - 1}")
    if major == 0:
        return n, at
    if major == 3:
        return data[at:at + n].decode("utf-8"), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR: kiểu {major} không hỗ trợ tại byte {at - 1}")


def decode(data: bytes) -> Cbor:
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError("CBOR: còn dữ liệu thừa")
    return value


def read_file(path: Path) -> Cbor:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: không phải tệp Pagefind")
    return decode(raw[len(SIGNATURE):])


def _payload(value: Cbor) -> bytes:
    return SIGNATURE + encode(value)


def _write(path: Path, payload: bytes) -> None:
    # mtime=0 keeps the gzip header free of the build time.
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))


def _short_hash(payload: bytes, length: int) -> str:
    return hashlib.sha256(payload).hexdigest()[:length]


def stabilise(bundle: Path) -> None:
    """Rewrite the filter files and the meta file of `bundle` in a canonical order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        language["hash"] = _stabilise_language(bundle, language["hash"])
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _stabilise_language(bundle: Path, meta_hash: str) -> str:
    prefix = meta_hash.split("_", 1)[0]
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_file(meta_path)
    assert isinstance(meta, list) and isinstance(meta[3], list)
    filters = []
    for name, file_hash in meta[3]:
        old = bundle / "filter" / f"{file_hash}.pf_filter"
        filters.append([name, _rewrite_filter(old, prefix)])
    meta[3] = sorted(filters)
    payload = _payload(meta)
    new_hash = f"{prefix}_{_short_hash(payload, 10)}"
    meta_path.unlink()
    _write(bundle / f"pagefind.{new_hash}.pf_meta", payload)
    return new_hash


def _rewrite_filter(path: Path, prefix: str) -> str:
    name, values = read_file(path)  # type: ignore[misc]
    payload = _payload([name, sorted(values)])
    new_hash = f"{prefix}_{_short_hash(payload, 7)}"
    path.unlink()
    _write(path.with_name(f"{new_hash}.pf_filter"), payload)
    return new_hash
