"""The workspace's `.cache/`: derived data kept between runs, never trusted over the files.

A cache file is JSON (never pickle: any member of the group can write the folder, and a pickle
would run what they planted). Each entry records the key of the file it was derived from —
size, mtime_ns, inode and ctime_ns — and counts only while the file still has that key; a cache
that cannot be read, is of another version or does not match is ignored and written anew.
Writes are atomic (temp file and rename), so that two sessions writing at once leave one whole
file; the folder and files follow the workspace's group and umask like `status/`. Deleting
`.cache/` is always safe: it only costs the next start the time to read everything.

Racy entries are never stored: a file changed less than RACY_NS before it was read may be
changed again within the same timestamp tick, which its key could not tell apart.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

from monitor_tui.fileio import TEMP_SUFFIX, atomic_write, temp_prefix

RACY_NS = 2_000_000_000
"""A file modified this shortly before it was read is not cached (coarse timestamps)."""
STALE_TEMP_SECONDS = 600
"""A writer's temp file this old was left by a killed process."""

FileKey = tuple[int, int, int, int]
"""(size, mtime_ns, inode, ctime_ns) of a file."""


def file_key(info: os.stat_result) -> FileKey:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def settled(key: FileKey, read_at_ns: int) -> bool:
    """Whether the file had not changed for RACY_NS when it was read at `read_at_ns`: only
    then can a later change be told from its key."""
    return max(key[1], key[3]) <= read_at_ns - RACY_NS


def now_ns() -> int:
    return time.time_ns()


def code_key(*module_files: str) -> str:
    """What cached data was derived with: the modules that derive it (size and mtime), so
    that another release or an edited source tree, whose rules may differ, never reads an
    old cache (installing a release writes its files anew)."""
    parts = []
    for name in module_files:
        try:
            info = os.stat(name)
        except OSError:
            parts.append("?")
            continue
        parts.append(f"{info.st_size}:{info.st_mtime_ns}")
    return "/".join(parts)


def read_cache(path: Path, kind: str, version: str) -> dict[str, Any] | None:
    """The data of a cache file written by `write_cache` with this kind and version; None when
    it is missing, unreadable, not JSON or of another kind or version (it is then ignored)."""
    try:
        with open(path, "rb") as handle:
            document = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    if document.get("kind") != kind or document.get("version") != version:
        return None
    data = document.get("data")
    return data if isinstance(data, dict) else None


def write_cache(path: Path, kind: str, version: str, data: dict[str, Any]) -> bool:
    """Write a cache file atomically; False when it could not be written (a read-only
    workspace, a full disk): a cache is never worth an error."""
    document = {"kind": kind, "version": version, "data": data}
    encoded = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        folder = path.parent
        if folder.is_symlink():  # like status/: the cache stays inside the workspace
            return False
        folder.mkdir(exist_ok=True)
        _remove_stale_temp_files(path)
        atomic_write(path, encoded)
    except OSError:
        return False
    return True


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files a killed writer left; a live writer's are young and stay."""
    limit = time.time() - STALE_TEMP_SECONDS
    for leftover in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < limit:
                leftover.unlink()
