"""Notice when other sessions change `status/`: a cheap poll of the folder's file stamps.

A scandir of a few dozen files costs well under a millisecond, works on every file system
(including network mounts, where inotify stays silent) and needs no extra dependency.
"""

from __future__ import annotations

import os
from pathlib import Path

from monitor_tui.status.paths import measure_id_of

FileStamp = tuple[int, int, int]
"""(modification time in ns, size, inode): an atomic rename changes at least the inode."""


def scan_status_folder(folder: Path) -> dict[str, FileStamp]:
    """Measure id → stamp of every `status/<id>.md`; an absent folder holds no files."""
    stamps: dict[str, FileStamp] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return stamps
    for entry in entries:
        measure_id = measure_id_of(entry.name)
        if measure_id is None:
            continue
        try:
            info = entry.stat()
        except OSError:  # removed between listing and stat
            continue
        stamps[measure_id] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return stamps


class StatusFolderWatcher:
    """Remembers the stamps of `status/*.md` and reports which measure ids changed since."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stamps = scan_status_folder(folder)

    def remember(self, measure_id: str, stamp: FileStamp | None) -> None:
        """Take `stamp` as the known state of a file this session just wrote (or removed):
        the next poll then reports any later change, even one that restores the state seen
        at the last poll."""
        if stamp is None:
            self._stamps.pop(measure_id, None)
        else:
            self._stamps[measure_id] = stamp

    def changed(self) -> set[str]:
        """Ids whose file appeared, disappeared or changed since the last call."""
        current = scan_status_folder(self.folder)
        previous = self._stamps
        self._stamps = current
        ids = current.keys() | previous.keys()
        return {
            measure_id for measure_id in ids if current.get(measure_id) != previous.get(measure_id)
        }
