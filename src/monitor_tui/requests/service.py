"""Writing the update requests of a day: one file per office in
`exports/abfragen/<YYYY-MM-DD>/<office>.<ext>`.

A file already there is never replaced, since it may be an office's filled-in answer saved back
into the folder: the new request gets the next free name (`<office>-2.docx`). Files are written
completely under a temp name and then linked into place, which fails rather than overwrite.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from monitor_tui.export import load_statuses_for_report
from monitor_tui.fileio import fsync_folder
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.offices import office_slug
from monitor_tui.people import Directory
from monitor_tui.requests.letter import RequestLetter, build_letter
from monitor_tui.workspace import Workspace

RequestFormat = Literal["docx", "pdf", "markdown"]
EXTENSIONS: dict[str, str] = {"docx": "docx", "pdf": "pdf", "markdown": "md"}
REPLY_DAYS = 14
"""Default time to answer: two weeks."""
REQUESTS_FOLDER = "abfragen"


@dataclass(frozen=True)
class WrittenRequest:
    office: str
    path: Path
    measures: int
    renamed: bool
    """The usual name was taken (perhaps by a filled-in answer): written under the next one."""


def default_reply_by(today: date) -> date:
    return today + timedelta(days=REPLY_DAYS)


def requests_folder(workspace: Workspace, day: date) -> Path:
    return workspace.exports_dir / REQUESTS_FOLDER / day.isoformat()


def render_letter(letter: RequestLetter, format_name: str) -> bytes:
    """The letter in one format; the renderers are imported on use (python-docx, ReportLab)."""
    if format_name == "docx":
        from monitor_tui.requests.docx_form import render_request_docx

        return render_request_docx(letter)
    if format_name == "pdf":
        from monitor_tui.requests.pdf import render_request_pdf

        return render_request_pdf(letter)
    from monitor_tui.requests.markdown import render_request_markdown

    return render_request_markdown(letter)


def write_requests(
    workspace: Workspace,
    catalogue: Catalogue,
    directory: Directory,
    format_name: str,
    reply_by: date,
    lang: str,
    offices: Collection[str] | None = None,
    statuses: Mapping[str, MeasureStatus] | None = None,
    now: datetime | None = None,
) -> list[WrittenRequest]:
    """One request per office (all, or those in `offices`). Raises ExportRefused when a status
    file cannot be read (a request must not show a wrong state) and OSError."""
    if statuses is None:
        statuses = load_statuses_for_report(workspace, catalogue)
    moment = (now or datetime.now().astimezone()).replace(microsecond=0)
    folder = requests_folder(workspace, moment.date())
    folder.mkdir(parents=True, exist_ok=True)
    names = directory.names()
    written = []
    for office in catalogue.offices():
        if offices is not None and office not in offices:
            continue
        letter = build_letter(
            catalogue, office, directory.contact(office), statuses, names, moment, reply_by, lang
        )
        data = render_letter(letter, format_name)
        path = write_new_file(folder, office_slug(office), EXTENSIONS[format_name], data)
        renamed = path.name != f"{office_slug(office)}.{EXTENSIONS[format_name]}"
        written.append(WrittenRequest(office, path, len(letter.measures), renamed))
    return written


def write_new_file(folder: Path, stem: str, extension: str, data: bytes) -> Path:
    """Write `data` as `<stem>.<ext>`, or `<stem>-2.<ext>` … when that exists; never replaces
    a file. The data are complete and on disk before the name appears."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())
        number = 1
        while True:
            name = f"{stem}.{extension}" if number == 1 else f"{stem}-{number}.{extension}"
            try:
                _link_or_create(temp_name, folder / name, data)
            except FileExistsError:
                number += 1
                continue
            break
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
    fsync_folder(folder)
    return folder / name


def _link_or_create(temp_name: str, path: Path, data: bytes) -> None:
    """Give the written temp file its name; raises FileExistsError when the name is taken.
    Where the file system has no hard links (some network shares), the file is created
    exclusively and written instead."""
    try:
        os.link(temp_name, path)
    except FileExistsError:
        raise
    except OSError:
        with path.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
