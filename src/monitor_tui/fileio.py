"""Atomic file writes: a reader sees the old file or the new one, never a part of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temp files of `path` are `.<name>.<random>.tmp` beside it."""
    return f".{path.name}."


def remove_stale_temp_files(path: Path) -> None:
    """Delete temp files a killed writer of `path` left behind.

    Only safe while holding the lock that every writer of `path` holds, so that no live
    writer's temp file can be among them.
    """
    for leftover in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same folder, fsync, rename, fsync the folder.

    An existing file's permission bits and group are carried over, since the workspace is shared
    by a group of staff; a new file gets the process umask, like any other file.
    """
    folder = path.parent
    try:
        previous = os.stat(path)
    except FileNotFoundError:
        previous = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    except OSError as error:  # name the file the user asked for, not our temp file
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if previous is not None:
            os.chmod(temp_name, previous.st_mode & 0o7777)
            with contextlib.suppress(PermissionError):  # only the owner or root may chgrp
                os.chown(temp_name, -1, previous.st_gid)
        else:
            os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
