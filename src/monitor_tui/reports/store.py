"""Frozen reports on disk: `reports/<id>/` with `report.toml`, `synopse.json` and the rendered
files. The only code that touches `reports/`.

A report is never rewritten: freezing holds a lock (`reports/.freeze.lock`), writes into a temp
folder and renames it into place, and makes every file read-only; freezing the same day again
gives `<day>-2`. Withdrawing adds a signed, dated `[withdrawn]` table to `report.toml` (the
checksums cover every other file). New folders and files follow the workspace's group rules
like `status/`: the process umask, the group of a setgid folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import stat
import tomllib
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor_tui.cachefile import (
    FileKey,
    code_key,
    file_key,
    now_ns,
    read_cache,
    settled,
    write_cache,
)
from monitor_tui.fileio import atomic_write, fsync_folder
from monitor_tui.i18n import _, os_error
from monitor_tui.problems import Problem, ProblemsError, decode_utf8, toml_error_problem
from monitor_tui.reports.record import REPORT_ID, FrozenReport, Withdrawal
from monitor_tui.reports.synopse import (
    Snapshot,
    SnapshotError,
    document_digest,
    document_from_bytes,
    snapshot_digest,
    snapshot_from_bytes,
    snapshot_from_json,
)
from monitor_tui.workspace import Workspace

if TYPE_CHECKING:  # tomlkit writes; imported where used
    import tomlkit

SCHEMA_VERSION = 1
"""Version of the layout of `report.toml`."""
REPORT_FILE = "report.toml"
SYNOPSE_FILE = "synopse.json"
LOCK_FILE = ".freeze.lock"
_TEMP = re.compile(r"^\.[^/]+\.tmp$")
READ_ONLY = 0o444


class ReportError(Exception):
    """A report cannot be found, frozen or withdrawn; the message is for the user."""


def reports_dir(workspace: Workspace) -> Path:
    return workspace.reports_dir


# --- reading ----------------------------------------------------------------------------------


def list_reports(workspace: Workspace) -> tuple[list[FrozenReport], list[Problem]]:
    """Every frozen report, oldest first, and the problems of folders that cannot be read."""
    folder = reports_dir(workspace)
    reports: list[FrozenReport] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return reports, problems
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir() or entry.is_symlink():
            continue
        try:
            reports.append(read_report(entry))
        except ProblemsError as error:
            problems += error.problems
    reports.sort(key=FrozenReport.sort_key)
    return reports, problems


def read_report(folder: Path) -> FrozenReport:
    """The report in `folder`; raises ProblemsError (`path:line: message`)."""
    path = folder / REPORT_FILE
    try:
        text = decode_utf8(path, path.read_bytes())
    except OSError as error:
        raise ProblemsError(
            [Problem(path, 0, _("file_unreadable", reason=os_error(error)))]
        ) from None

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProblemsError([toml_error_problem(path, text, error)]) from None
    try:
        return _report_from(folder, data)
    except (KeyError, TypeError, ValueError) as error:
        detail = error.args[0] if isinstance(error, KeyError) else error
        raise ProblemsError([Problem(path, 1, _("reports_toml_invalid", detail=detail))]) from None


def _report_from(folder: Path, data: dict[str, Any]) -> FrozenReport:
    version = data["schema_version"]
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValueError(_("reports_schema_newer", version=version, known=SCHEMA_VERSION))
    report_id = str(data["id"])
    if report_id != folder.name:
        raise ValueError(_("reports_id_mismatch", id=report_id, folder=folder.name))
    withdrawn = data.get("withdrawn")
    return FrozenReport(
        id=report_id,
        path=folder,
        report_date=_date(data["report_date"]),
        title=str(data.get("title", "")),
        frozen_at=_datetime(data["frozen_at"]),
        frozen_by=str(data["frozen_by"]),
        digest=str(data["digest"]),
        program_version=str(data.get("program_version", "")),
        compared_to=str(data.get("compared_to", "")),
        options=dict(data.get("options", {})),
        files={str(k): str(v) for k, v in data["files"].items()},
        withdrawn=Withdrawal(
            _datetime(withdrawn["at"]), str(withdrawn["by"]), str(withdrawn["reason"])
        )
        if isinstance(withdrawn, dict)
        else None,
    )


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    return date.fromisoformat(str(value))


def _datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def find_report(workspace: Workspace, report_id: str) -> FrozenReport:
    """The report named `report_id`; raises ReportError listing the ids there are."""
    reports, problems = list_reports(workspace)
    for report in reports:
        if report.id == report_id.strip():
            return report
    for problem in problems:
        if problem.path.parent.name == report_id.strip():
            raise ReportError(str(problem))
    known = ", ".join(r.id for r in reports) or _("reports_none_yet")
    raise ReportError(_("reports_unknown", id=report_id, known=known))


def load_snapshot(report: FrozenReport, logs: bool = True) -> Snapshot:
    """The data of a frozen report (`logs` False: the states without the entries, enough to
    compare with); raises ProblemsError."""
    path = report.path / SYNOPSE_FILE
    with _read_problems(path):
        return snapshot_from_bytes(path.read_bytes(), logs)


@contextlib.contextmanager
def _read_problems(path: Path) -> Iterator[None]:
    """A synopse.json that cannot be read, or holds no report's data, as the user's problem."""
    try:
        yield
    except OSError as error:
        problem = Problem(path, 0, _("file_unreadable", reason=os_error(error)))
        raise ProblemsError([problem]) from None
    except SnapshotError as error:
        raise ProblemsError([Problem(path, 1, str(error))]) from None


def load_states(workspace: Workspace, report: FrozenReport) -> Snapshot:
    """`load_snapshot(report, logs=False)`, from the workspace's cache while synopse.json is
    the file the states were read from: a synopse.json holds every log entry up to its day,
    and the states (what a later report is compared with) are a fraction of it to read.
    Raises ProblemsError."""
    path = report.path / SYNOPSE_FILE
    key = _regular_file_key(path) if REPORT_ID.match(report.id) else None
    cache_path = workspace.cache_dir / f"report-states-{report.id}.json"
    if key is not None:
        known = read_cache(cache_path, "report-states", _states_code_key())
        if known is not None and known.get("key") == list(key):
            with contextlib.suppress(SnapshotError):
                return snapshot_from_json(known.get("states"), logs=False)
    read_at = now_ns()
    with _read_problems(path):
        document = document_from_bytes(path.read_bytes())
        snapshot = snapshot_from_json(document, logs=False)
    if key is not None and settled(key, read_at) and key == _regular_file_key(path):
        with contextlib.suppress(KeyError, TypeError, AttributeError):
            data = {"key": list(key), "states": _states_only(document, snapshot)}
            write_cache(cache_path, "report-states", _states_code_key(), data)
    return snapshot


def _states_only(document: dict[str, Any], snapshot: Snapshot) -> dict[str, Any]:
    """The members of a synopse.json that `snapshot_from_json(…, logs=False)` reads."""
    measures = document["measures"]
    return {
        "schema_version": document["schema_version"],
        "report_date": document["report_date"],
        "catalogue": document["catalogue"],
        "people": document.get("people", {}),
        "measures": {
            measure.id: {
                "state": measures[measure.id]["state"],
                "hand_edited": measures[measure.id].get("hand_edited", False),
                "entries": [],
            }
            for measure in snapshot.catalogue.measures()
        },
    }


def _regular_file_key(path: Path) -> FileKey | None:
    """The key of a regular file; None for a symlink or a file that is gone."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return file_key(info) if stat.S_ISREG(info.st_mode) else None


@cache
def _states_code_key() -> str:
    """The states are read by `reports.synopse` (and the catalogue's JSON form)."""
    from monitor_tui import catalogue
    from monitor_tui.reports import synopse

    return code_key(__file__, synopse.__file__ or "", catalogue.__file__ or "")


# --- checking ---------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


DigestMemo = dict[str, str]
"""SHA-256 of a synopse.json → the digest of its data (see `data_digest`)."""
DIGEST_CACHE = "report-digests.json"


def verify_report(report: FrozenReport, memo: DigestMemo | None = None) -> list[Problem]:
    """Every file changed, missing or added after freezing, and data that does not match the
    digest in report.toml. `memo` holds the digests of synopse.json files already worked out
    and gets the new ones (see `verify_reports`)."""
    import hashlib

    problems: list[Problem] = []
    synopse: tuple[str, bytes] | None = None
    for name, expected in sorted(report.files.items()):
        path = report.path / name
        try:
            if name == SYNOPSE_FILE:  # read once: checked, then parsed
                data = path.read_bytes()
                actual = hashlib.sha256(data).hexdigest()
                synopse = (actual, data)
            else:
                actual = file_sha256(path)
        except OSError as error:
            problems.append(Problem(path, 0, _("reports_file_missing", reason=os_error(error))))
            continue
        if actual != expected:
            problems.append(Problem(path, 0, _("reports_file_changed", id=report.id)))
    for path in sorted(report.path.iterdir()):
        if path.name not in report.files and path.name != REPORT_FILE:
            problems.append(Problem(path, 0, _("reports_file_added", id=report.id)))
    if problems or synopse is None:
        return problems
    sha, data = synopse
    known = memo.get(sha) if memo is not None else None
    try:  # the memo may only confirm: a problem is always worked out from the file
        digest = known if known == report.digest else data_digest(data, report.digest)
    except SnapshotError as error:
        return [Problem(report.path / SYNOPSE_FILE, 1, str(error))]
    if memo is not None:
        memo[sha] = digest
    if digest != report.digest:
        path = report.path / SYNOPSE_FILE
        message = _("reports_digest_mismatch", digest=digest, expected=report.digest)
        problems.append(Problem(path, 0, message))
    return problems


def data_digest(data: bytes, expected: str) -> str:
    """The digest (`snapshot_digest`) of the snapshot in synopse.json `data`.

    A synopse.json as freezing wrote it holds the snapshot's JSON as it is, so that the digest
    of the parsed document is the snapshot's: worked out so first (it costs a fraction of
    building the snapshot), and only when it is not `expected`, the long way, which also names
    what cannot be read. Raises SnapshotError."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        document = None
    if document is not None and document_digest(document) == expected:
        return expected
    return snapshot_digest(snapshot_from_bytes(data))


def verify_reports(workspace: Workspace) -> list[Problem]:
    """The problems of every frozen report (for `check`). The digest of each synopse.json
    whose checksum was seen before comes from the workspace's cache (content-addressed by the
    SHA-256 of the file, which is read and checked all the same)."""
    reports, problems = list_reports(workspace)
    path = workspace.cache_dir / DIGEST_CACHE
    cached = read_cache(path, "report-digests", _digest_code_key()) or {}
    memo: DigestMemo = {sha: digest for sha, digest in cached.items() if isinstance(digest, str)}
    before = dict(memo)
    for report in reports:
        problems += verify_report(report, memo)
    if memo != before:
        write_cache(path, "report-digests", _digest_code_key(), dict(memo))
    return problems


def remember_digest(workspace: Workspace, synopse_sha256: str, digest: str) -> None:
    """Keep the digest of a synopse.json just frozen, so that `check` need not work it out."""
    path = workspace.cache_dir / DIGEST_CACHE
    cached = read_cache(path, "report-digests", _digest_code_key()) or {}
    write_cache(path, "report-digests", _digest_code_key(), {**cached, synopse_sha256: digest})


@cache
def _digest_code_key() -> str:
    """The digest is worked out by `reports.synopse` (and the catalogue's JSON form)."""
    from monitor_tui import catalogue
    from monitor_tui.reports import synopse

    return code_key(__file__, synopse.__file__ or "", catalogue.__file__ or "")


# --- freezing ---------------------------------------------------------------------------------


def next_report_id(folder: Path, report_date: date) -> str:
    """`<day>`, or `<day>-2`, `<day>-3` … when that day was frozen before (even if withdrawn)."""
    day = report_date.isoformat()
    candidate, number = day, 1
    while os.path.lexists(folder / candidate):
        number += 1
        candidate = f"{day}-{number}"
    return candidate


class FreezeSlot:
    """A report being written: files go into a temp folder until `commit` renames it."""

    def __init__(self, folder: Path, report_id: str) -> None:
        self.folder = folder
        self.id = report_id
        import secrets  # here, like hashlib: loading OpenSSL is no cost for the app's start

        self.temp = folder / f".{report_id}.{secrets.token_hex(4)}.tmp"
        self.sums: dict[str, str] = {}
        os.mkdir(self.temp)  # mode from the umask, group from a setgid parent, as in status/

    def write(self, name: str, data: bytes) -> None:
        """One file of the report, synced to disk and read-only."""
        import hashlib

        path = self.temp / name
        with open(path, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(path, READ_ONLY & ~_umask())
        self.sums[name] = hashlib.sha256(data).hexdigest()

    def commit(self, meta: Mapping[str, Any]) -> Path:
        """Write report.toml (with the checksums of every file written) and rename the folder
        into place; returns the report's folder."""
        import tomlkit

        document = report_document(self.id, meta, self.sums)
        self.write(REPORT_FILE, tomlkit.dumps(document).encode("utf-8"))
        fsync_folder(self.temp)
        final = self.folder / self.id
        os.rename(self.temp, final)  # the id was free under the lock; a report appears whole
        fsync_folder(self.folder)
        return final

    def discard(self) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)


def report_document(
    report_id: str, meta: Mapping[str, Any], sums: Mapping[str, str]
) -> tomlkit.TOMLDocument:
    import tomlkit

    document = tomlkit.document()
    document.add(tomlkit.comment(_("reports_toml_comment")))
    document["schema_version"] = SCHEMA_VERSION
    document["id"] = report_id
    for key in ("report_date", "title", "frozen_at", "frozen_by", "digest", "program_version"):
        document[key] = meta[key]
    document["compared_to"] = meta.get("compared_to", "")
    options = tomlkit.table()
    for key, value in meta.get("options", {}).items():
        options[key] = value
    document["options"] = options
    files = tomlkit.table()
    for name, digest in sorted(sums.items()):
        files[name] = digest
    document["files"] = files
    return document


@contextlib.contextmanager
def freezing(workspace: Workspace, report_date: date) -> Iterator[FreezeSlot]:
    """Hold the freeze lock and give a slot with the next free id for `report_date`.

    Leaving without `commit` (an error while rendering) removes the temp folder.
    """
    folder = _reports_folder(workspace)
    with _locked(folder):
        _remove_stale_temp_folders(folder)
        slot = FreezeSlot(folder, next_report_id(folder, report_date))
        try:
            yield slot
        finally:
            slot.discard()  # after a commit the temp folder is gone already


def _reports_folder(workspace: Workspace) -> Path:
    folder = reports_dir(workspace)
    if folder.is_symlink():  # writes must stay inside the workspace
        raise ReportError(_("reports_folder_symlink", path=folder))
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise ReportError(_("reports_folder_failed", reason=os_error(error))) from None
    return folder


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    lock = folder / LOCK_FILE
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError as error:
        raise ReportError(_("reports_lock_failed", reason=os_error(error))) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _remove_stale_temp_folders(folder: Path) -> None:
    """Temp folders a killed freeze left behind (safe only under the lock)."""
    for entry in folder.iterdir():
        if _TEMP.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- withdrawing ------------------------------------------------------------------------------


def withdraw_report(
    workspace: Workspace, report_id: str, reason: str, by: str, at: datetime
) -> FrozenReport:
    """Mark a report withdrawn (signed, dated, with the reason); it is never deleted.

    Raises ReportError for an unknown or already withdrawn report or an empty reason.
    """
    if not reason.strip():
        raise ReportError(_("reports_withdraw_no_reason"))
    folder = _reports_folder(workspace)
    with _locked(folder):
        report = find_report(workspace, report_id)
        if report.withdrawn is not None:
            raise ReportError(
                _(
                    "reports_already_withdrawn",
                    id=report.id,
                    at=report.withdrawn.at.date().isoformat(),
                )
            )
        import tomlkit

        path = report.path / REPORT_FILE
        document = tomlkit.parse(path.read_text("utf-8"))
        table = tomlkit.table()
        table["at"] = at.replace(microsecond=0)
        table["by"] = by
        table["reason"] = reason.strip()
        document["withdrawn"] = table
        atomic_write(path, tomlkit.dumps(document).encode("utf-8"))  # keeps the read-only mode
        return read_report(report.path)
