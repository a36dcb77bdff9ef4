"""Reading and saving a workspace's status files: the only code that touches `status/`.

Saving holds an advisory lock on `status/.<id>.lock` (never the data file, which each save
replaces), merges with what another session saved meanwhile, and refuses to overwrite a state
field the other side changed: the caller gets the conflicts to show.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from monitor_tui.cachefile import FileKey, file_key, now_ns, settled
from monitor_tui.fileio import atomic_write, remove_stale_temp_files
from monitor_tui.i18n import _, os_error
from monitor_tui.model import Catalogue, LogEntry, Measure, MeasureStatus, log_outline
from monitor_tui.problems import Problem, ProblemsError, decode_utf8
from monitor_tui.status.edits import (
    Conflict,
    Edit,
    InvalidEdit,
    changes_to_write,
    check_texts,
    find_conflicts,
    validated_changes,
)
from monitor_tui.status.format import (
    HAND_EDIT_TAG,
    MAX_REV,
    new_front_matter,
    parse_front_matter_document,
    parse_log_only,
    parse_status,
    parse_status_and_front,
    render_file,
)
from monitor_tui.status.paths import lock_path, measure_id_of, status_path
from monitor_tui.status.summary import (
    Record,
    read_records,
    record_fits,
    record_of,
    status_of_record,
    write_records,
)
from monitor_tui.status.verify import differences, log_findings
from monitor_tui.workspace import Workspace

if TYPE_CHECKING:  # tomlkit writes; imported where used
    import tomlkit


@dataclass(frozen=True)
class SaveResult:
    status: MeasureStatus
    """The state now on disk."""
    conflicts: tuple[Conflict, ...] = ()
    """Fields not written because the other side changed them. Notes are always saved."""
    findings: tuple[Problem, ...] = ()
    """What is inconsistent in the file's log now (see `verify`)."""
    written: bool = False
    """Whether an entry was added (False: nothing to save)."""


@dataclass
class StatusLoad:
    """All statuses of a workspace, and what could not be read."""

    statuses: dict[str, MeasureStatus]
    """Every catalogue measure whose file is readable or missing (then: nothing recorded)."""
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    """Measure id → problems of its file; such files are never rewritten."""
    orphans: list[Path] = field(default_factory=list)
    """Status files whose measure id is not in the catalogue; kept, reported by `check`."""
    inconsistent: dict[str, list[Problem]] = field(default_factory=dict)
    """Measure id → findings of a readable file whose log does not fit (see `verify`): its
    state is in `statuses`, but was edited by hand."""

    def problems(self) -> list[Problem]:
        found = list(dict.fromkeys(p for problems in self.broken.values() for p in problems))
        found += [p for problems in self.inconsistent.values() for p in problems]
        found += [Problem(path, 1, _("status_orphan", id=path.stem)) for path in self.orphans]
        return found


def current_login() -> str:
    """The login name of the person running the program: it signs their entries."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a bare container
        return str(os.getuid())


# --- reading ----------------------------------------------------------------------------------


def load_all_statuses(
    workspace: Workspace, catalogue: Catalogue, cached: bool = False, lazy: bool = False
) -> StatusLoad:
    """Every measure's status; unreadable files are listed, not guessed at.

    `cached`: for a file the status cache (see `summary`) holds as it is now, the state and
    its consistency come from the cache and only the log is read. `lazy` (implies `cached`):
    such a file is not read at all, its log is read on first use (LazyLog). Either way the
    cache is brought up to date with what had to be read. Without either, every file is read
    and checked (what `check` does).
    """
    result = StatusLoad(statuses={})
    folder_problem = _folder_link_problem(workspace)
    if folder_problem is not None:  # every measure's state is unknown, not "offen"
        result.broken = {measure.id: [folder_problem] for measure in catalogue.measures()}
        return result
    on_disk = dict(_status_files(workspace.status_dir))
    cache = _StatusCache(workspace, catalogue) if cached or lazy else None
    for measure in catalogue.measures():
        path = on_disk.pop(measure.id, None)
        if path is None:
            result.statuses[measure.id] = MeasureStatus(measure.id)
            continue
        known = None
        if cache is not None:
            known = cache.lookup(path, measure) if lazy else cache.read(path, measure)
        if known is not None:
            result.statuses[measure.id] = known
            continue
        try:
            status, findings, key = _read_checked_keyed(path, measure, catalogue)
        except ProblemsError as error:
            result.broken[measure.id] = error.problems
            continue
        result.statuses[measure.id] = status
        if findings:
            result.inconsistent[measure.id] = findings
        elif cache is not None and key is not None:
            cache.remember(measure, status, key)
    result.orphans = sorted(on_disk.values())
    if cache is not None:
        cache.save()
    return result


def earliest_entry_day(workspace: Workspace, catalogue: Catalogue) -> date | None:
    """The day of the oldest entry of any readable status file (the stand-in for a missing
    `monitoring_start`), from the status cache where it holds a file as it is now: a stat per
    file instead of reading them all."""
    if _folder_link_problem(workspace) is not None:
        return None
    cache = _StatusCache(workspace, catalogue)
    days = []
    for measure_id, path in _status_files(workspace.status_dir):
        measure = catalogue.measure(measure_id)
        if measure is None:
            continue
        cached = cache.earliest(path, measure)
        if cached is not None:
            days += [cached] if isinstance(cached, date) else []
            continue
        try:
            status, findings, key = _read_checked_keyed(path, measure, catalogue)
        except ProblemsError:
            continue  # unreadable: no entries to count, as when all statuses are loaded
        days += [day] if (day := log_outline(status.log).earliest) else []
        if not findings and key is not None:
            cache.remember(measure, status, key)
    cache.save(keep_unseen=True)
    return min(days, default=None)


class _StatusCache:
    """The records of the status cache while the statuses are read, and the new ones."""

    def __init__(self, workspace: Workspace, catalogue: Catalogue) -> None:
        self.workspace = workspace
        self.catalogue = catalogue
        self.records = read_records(workspace, catalogue)
        self.fresh: dict[str, Record] = {}

    def lookup(self, path: Path, measure: Measure) -> MeasureStatus | None:
        """The cached status of `path`, if the cache holds the file as it is now."""
        record = self.records.get(measure.id)
        key = _regular_file_key(path) if record is not None else None
        if record is None or key is None:
            return None
        loader = _log_loader(path, measure, self.catalogue)
        status = status_of_record(record, measure, key, loader)
        if status is not None:
            self.fresh[measure.id] = record
        return status

    def read(self, path: Path, measure: Measure) -> MeasureStatus | None:
        """The status of `path` with its log read from the file and its state from the
        cache, if the cache holds the file as it was read."""
        record = self.records.get(measure.id)
        if record is None:
            return None
        try:
            text, _stamp, info = _read_text_and_info(path, stamped=False)  # the record's
        except ProblemsError:
            return None  # read again in full, to report it
        key = file_key(info)
        log = parse_log_only(path, text) if record_fits(record, measure, key) else None
        known = None if log is None else status_of_record(record, measure, key, tuple, tuple(log))
        if known is None:
            return None
        self.fresh[measure.id] = record
        return known

    def earliest(self, path: Path, measure: Measure) -> date | bool | None:
        """The day of the oldest entry of `path` as the cache holds it (False: no entries);
        None when the cache does not hold the file as it is now."""
        record = self.records.get(measure.id)
        key = _regular_file_key(path) if record is not None else None
        if record is None or key is None or not record_fits(record, measure, key):
            return None
        try:
            day = date.fromisoformat(record["earliest"]) if record["earliest"] else False
        except (KeyError, TypeError, ValueError):
            return None
        self.fresh[measure.id] = record
        return day

    def remember(self, measure: Measure, status: MeasureStatus, key: FileKey) -> None:
        self.fresh[measure.id] = record_of(status, measure, key)

    def save(self, keep_unseen: bool = False) -> None:
        """Write the cache if it changed; `keep_unseen` keeps the records of files that were
        not looked at (they are checked against their files when used)."""
        records = {**self.records, **self.fresh} if keep_unseen else self.fresh
        if records != self.records:
            write_records(self.workspace, self.catalogue, records)


def _regular_file_key(path: Path) -> FileKey | None:
    """The key of a regular file; None for a symlink (reading refuses it, with a message) or
    a file that is gone."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return file_key(info) if stat.S_ISREG(info.st_mode) else None


def _log_loader(
    path: Path, measure: Measure, catalogue: Catalogue
) -> Callable[[], Sequence[LogEntry]]:
    """Reads the log of a status that came from the cache, when it is first needed. If the
    file changed meanwhile, its log is read as it is now (the session re-reads the status
    within seconds); a file that cannot be read any more has no entries to show."""

    def load() -> Sequence[LogEntry]:
        try:
            return read_status_file(path, measure, catalogue).log
        except (ProblemsError, OSError):
            return ()

    return load


def status_files(workspace: Workspace) -> list[Path]:
    """Every status file of the workspace, by name."""
    return [path for _id, path in _status_files(workspace.status_dir)]


def _status_files(folder: Path) -> Iterator[tuple[str, Path]]:
    if not folder.is_dir():
        return
    for name in sorted(os.listdir(folder)):  # names: sorting paths costs more
        measure_id = measure_id_of(name)
        if measure_id is not None:
            yield measure_id, folder / name


def load_status(workspace: Workspace, catalogue: Catalogue, measure_id: str) -> MeasureStatus:
    """The status of one measure; raises ProblemsError when its file cannot be read."""
    return load_status_checked(workspace, catalogue, measure_id)[0]


def load_status_checked(
    workspace: Workspace, catalogue: Catalogue, measure_id: str
) -> tuple[MeasureStatus, list[Problem]]:
    """The status of one measure and what is inconsistent in its log; raises ProblemsError
    when its file cannot be read."""
    measure = _measure(catalogue, measure_id)
    path = status_path(workspace.status_dir, measure_id)
    folder_problem = _folder_link_problem(workspace)
    if folder_problem is not None:
        raise ProblemsError([folder_problem])
    if not os.path.lexists(path):
        return MeasureStatus(measure_id), []
    return read_checked(path, measure, catalogue)


def _folder_link_problem(workspace: Workspace) -> Problem | None:
    """status/ must be the workspace's own folder: through a link, reading and saving could
    reach files anywhere (saving refuses it too)."""
    folder = workspace.status_dir
    if folder.is_symlink():
        return Problem(folder, 1, _("status_folder_symlink_read"))
    return None


def _measure(catalogue: Catalogue, measure_id: str) -> Measure:
    measure = catalogue.measure(measure_id)
    if measure is None:
        known = ", ".join(m.id for m in catalogue.measures())
        raise InvalidEdit(_("measure_unknown", id=measure_id, known=known))
    return measure


def read_status_file(path: Path, measure: Measure, catalogue: Catalogue) -> MeasureStatus:
    """Parse one file; every problem is raised at once, as `path:line: message`."""
    text, stamp = _read_text(path)
    return parse_status(path, text, measure, catalogue, stamp)


def read_checked(
    path: Path, measure: Measure, catalogue: Catalogue
) -> tuple[MeasureStatus, list[Problem]]:
    """Parse one file and check its log (see `verify`): (status, findings)."""
    status, findings, _key = _read_checked_keyed(path, measure, catalogue)
    return status, findings


def _read_checked_keyed(
    path: Path, measure: Measure, catalogue: Catalogue
) -> tuple[MeasureStatus, list[Problem], FileKey | None]:
    """`read_checked`, and the key of the file as it was read (None: it changed shortly
    before, so that the status cache cannot tell a later change from its key)."""
    read_at = now_ns()
    text, stamp, info = _read_text_and_info(path)
    status, front = parse_status_and_front(path, text, measure, catalogue, stamp)
    key = file_key(info)
    findings = log_findings(path, status, measure, catalogue, front)
    return status, findings, key if settled(key, read_at) else None


def _read_text(path: Path) -> tuple[str, str]:
    """(text, stamp) of a status file (see `_read_text_and_info`)."""
    text, stamp, _info = _read_text_and_info(path)
    return text, stamp


def _read_text_and_info(path: Path, stamped: bool = True) -> tuple[str, str, os.stat_result]:
    """(text, stamp, stat) of a status file, refusing symlinks: the folder is shared, a link
    could point anywhere. Stamp and stat come from the descriptor that was read, so they match
    the text even if another session replaces the file meanwhile. `stamped` False: no stamp
    (""), for a caller that has it from the status cache (hashing every file is not free)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as error:
        if os.path.islink(path):
            raise ProblemsError([Problem(path, 1, _("status_symlink"))]) from error
        reason = _("file_unreadable", reason=os_error(error))
        raise ProblemsError([Problem(path, 1, reason)]) from error
    with os.fdopen(fd, "rb") as handle:
        data = handle.read()
        info = os.fstat(handle.fileno())
    return decode_utf8(path, data), _stamp(info, data) if stamped else "", info


def _stamp(info: os.stat_result, data: bytes) -> str:
    """inode, size, mtime_ns and a content hash: a change shows even if mtime alone would not."""
    import hashlib  # here: loading OpenSSL is a cost the app's start need not pay

    digest = hashlib.sha256(data).hexdigest()[:16]
    return f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{digest}"


def file_stamp(status: MeasureStatus) -> tuple[int, int, int] | None:
    """(mtime_ns, size, inode) of the file `status` was read from, as the watcher compares
    files; None for a status that was not read from a file."""
    parts = status.stamp.split(":")
    if len(parts) != 4 or not all(part.isdigit() for part in parts[:3]):
        return None
    inode, size, mtime_ns = (int(part) for part in parts[:3])
    return mtime_ns, size, inode


# --- writing ----------------------------------------------------------------------------------


def save_edit(
    workspace: Workspace,
    catalogue: Catalogue,
    measure_id: str,
    edit: Edit,
    author: str,
    base: MeasureStatus | None = None,
    now: datetime | None = None,
) -> SaveResult:
    """Apply `edit` to the measure's file under its lock.

    `base` is the status the caller showed the user. If the file changed since, fields the other
    side changed are left as they are and reported as conflicts; notes are always added.
    Raises InvalidEdit for unknown values and ProblemsError for a file that cannot be parsed
    (which is then left exactly as it is).
    """
    measure = _measure(catalogue, measure_id)
    wanted = validated_changes(edit, measure, catalogue)
    path = _prepare_save(workspace, measure_id, author)
    default_target = catalogue.concept.target_states.default.key
    with _locked(path):
        current, document, old_body = _load_for_update(path, measure, catalogue)
        conflicts = (
            find_conflicts(wanted, base, current, default_target) if base is not None else []
        )
        refused = {c.field for c in conflicts}
        changes = changes_to_write(wanted, current, refused, default_target)
        if not changes and not edit.has_note:
            return SaveResult(current, tuple(conflicts))
        entry = LogEntry(
            _timestamp(now),
            author,
            edit.note if edit.has_note else "",
            tuple(changes),
            edit.internal and edit.has_note,
            tags=edit.tags,
            attributes=edit.attributes,
        )
        data = render_file(document or new_front_matter(measure), current, changes, entry, old_body)
        _write(path, data)
        saved, findings = read_checked(path, measure, catalogue)
    return SaveResult(saved, tuple(conflicts), tuple(findings), written=True)


def adopt_hand_edit(
    workspace: Workspace,
    catalogue: Catalogue,
    measure_id: str,
    author: str,
    note: str = "",
    now: datetime | None = None,
) -> SaveResult:
    """Put a hand edit of the front matter on the record: append an entry tagged `von-hand`
    whose change lines go from the replayed state to the front matter's, so that the log
    replays to the front matter again. The front matter itself is left exactly as written.

    Nothing is written when the two agree, `rev` is right and there is no note. Raises ProblemsError for a
    file that cannot be parsed (left as it is) and InvalidEdit for a bad note.
    """
    measure = _measure(catalogue, measure_id)
    check_texts(Edit(note=note))
    path = _prepare_save(workspace, measure_id, author)
    with _locked(path):
        current, document, old_body = _load_for_update(path, measure, catalogue)
        changes = differences(current, measure, catalogue)
        if document is None:  # no file: nothing was edited
            return SaveResult(current)
        rev_wrong = not len(current.log) <= current.rev <= MAX_REV  # the entry repairs it
        written = bool(changes or note.strip() or rev_wrong)
        if written:
            entry = LogEntry(
                _timestamp(now), author, note.strip("\n"), tuple(changes), tags=(HAND_EDIT_TAG,)
            )
            _write(path, render_file(document, current, changes, entry, old_body, apply=False))
        saved, findings = read_checked(path, measure, catalogue)
    return SaveResult(saved, findings=tuple(findings), written=written)


def read_file_text(workspace: Workspace, measure_id: str) -> str:
    """The status file as text, for editing it by hand in the app; raises ProblemsError."""
    return _read_text(status_path(workspace.status_dir, measure_id))[0]


def replace_file_text(workspace: Workspace, measure_id: str, text: str, expected: str) -> bool:
    """Write `text` as the measure's file (an edit by hand in the app), under the measure's lock
    and atomically, but only if the file still holds `expected`, the text the user started
    from: False, and nothing written, when someone saved meanwhile."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # lone surrogates: no file can store them
        raise InvalidEdit(
            _("text_not_utf8", field=_("field_file_text"), position=error.start + 1)
        ) from None
    path = status_path(workspace.status_dir, measure_id)
    with _locked(path):
        if _read_text(path)[0] != expected:
            return False
        _write(path, data)
    return True


def _prepare_save(workspace: Workspace, measure_id: str, author: str) -> Path:
    """The file a save writes; checks the author and that status/ is the workspace's own."""
    if not re.fullmatch(r"\S+", author):
        raise InvalidEdit(_("author_invalid", author=author))
    path = status_path(workspace.status_dir, measure_id)
    folder = workspace.status_dir
    if folder.is_symlink():  # writes must stay inside the workspace's own status/
        raise ProblemsError([Problem(folder, 1, _("status_folder_symlink"))])
    folder.mkdir(parents=True, exist_ok=True)
    return path


def _timestamp(now: datetime | None) -> datetime:
    """Whole seconds with the UTC offset of the server's local time (Europe/Berlin in Mainz)."""
    moment = (
        now if now is not None and now.tzinfo is not None else (now or datetime.now()).astimezone()
    )
    return moment.replace(microsecond=0)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on the measure's lock file (which is never deleted)."""
    lock = lock_path(path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError as error:
        raise ProblemsError(
            [Problem(lock, 1, _("status_lock_failed", reason=os_error(error)))]
        ) from error
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _load_for_update(
    path: Path, measure: Measure, catalogue: Catalogue
) -> tuple[MeasureStatus, tomlkit.TOMLDocument | None, str]:
    """Current status, its front matter as a tomlkit document (None: no file yet) and its body."""
    if not os.path.lexists(path):
        return MeasureStatus(measure.id), None, ""
    text, stamp = _read_text(path)
    status = parse_status(path, text, measure, catalogue, stamp)
    document, body = parse_front_matter_document(path, text)
    return status, document, body


def _write(path: Path, data: bytes) -> None:
    """Replace the file atomically; called with the measure's lock held."""
    if os.path.islink(path):
        raise ProblemsError([Problem(path, 1, _("status_symlink"))])
    remove_stale_temp_files(path)
    atomic_write(path, data)
