"""When a file read before can be taken as unchanged without reading it again.

A process that reads a project again and again (`serve`, on every save) compares what
`stat` says of each file with what it said the last time. The inode change time moves on
every write and cannot be set back; but two writes within one tick of the file system's
clock leave the same times, so a file changed shortly before it was read is read again
every time (as git treats "racily clean" files).
"""

from __future__ import annotations

import os

Signature = tuple[int, int, int, int]  # inode, size, modified and changed (ns)
RACY_NS = 2_000_000_000


def signature(info: os.stat_result) -> Signature:
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def settled(info: os.stat_result, read_at_ns: int) -> bool:
    """Whether a file with these times, read at `read_at_ns`, may be remembered by its
    signature: it was last changed well before it was read."""
    return max(info.st_mtime_ns, info.st_ctime_ns) < read_at_ns - RACY_NS
