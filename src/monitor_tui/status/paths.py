"""The one naming rule of the status folder: `status/<id>.md`, locked by `status/.<id>.lock`."""

from __future__ import annotations

from pathlib import Path

from monitor_tui.i18n import _
from monitor_tui.model import MEASURE_ID

STATUS_SUFFIX = ".md"


def status_path(status_dir: Path, measure_id: str) -> Path:
    """status/<id>.md; the id is checked first so that it can never leave the folder."""
    if not MEASURE_ID.fullmatch(measure_id):
        from monitor_tui.status.edits import InvalidEdit  # here: the app starts without it

        raise InvalidEdit(_("measure_id_invalid", id=measure_id))
    return status_dir / f"{measure_id}{STATUS_SUFFIX}"


def measure_id_of(file_name: str) -> str | None:
    """The measure id a file name in `status/` stands for; None for anything else (hidden lock
    and temp files, notes someone keeps there)."""
    if file_name.startswith(".") or not file_name.endswith(STATUS_SUFFIX):
        return None
    return file_name[: -len(STATUS_SUFFIX)]


def lock_path(path: Path) -> Path:
    """The lock beside a status file; it is never deleted, so every writer locks the same inode."""
    return path.with_name(f".{path.stem}.lock")
