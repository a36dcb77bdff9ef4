"""status/<id>.md: the recorded state of a measure and its signed, dated log.

A file is TOML front matter between `+++` lines (the current state, edited with tomlkit so that
comments and layout survive) followed by an append-only log, newest entry first:

    ## 2026-11-27T10:15:00+01:00 · anna
    - status: in-umsetzung → umgesetzt

    ~~~
    The note, byte for byte, inside a fence longer than any run of ~ in it.
    ~~~

Saving holds an advisory lock on `status/.<id>.lock` (never the data file, which each save
replaces), merges with what another session saved meanwhile, and refuses to overwrite a state
field the other side changed: the caller gets a Conflict to show.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import hashlib
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.items

from monitor_tui.catalogue import PEOPLE_FILE, read_toml
from monitor_tui.i18n import _, os_error
from monitor_tui.model import (
    MEASURE_ID,
    Catalogue,
    Change,
    LogEntry,
    Measure,
    MeasureStatus,
    Vocabulary,
)
from monitor_tui.problems import (
    LineIndex,
    Problem,
    ProblemsError,
    decode_utf8,
    toml_error_problem,
)

FRONT_MATTER = "+++"
NONE = "—"
"""How an unset value (no assessment yet, never reviewed) is written in a change line."""

STATE_FIELDS = ("status", "assessment", "priority", "reviewed")
_FRONT_KEYS = {"measure", "rev", "status", "assessment", "priority", "reviewed", "targets"}
_HEADER = re.compile(r"^## (?P<time>\S+) · (?P<author>\S+)(?P<internal> · intern)?[ \t]*$")
_CHANGE = re.compile(r"^- (?P<field>[a-z:.\-]+): (?P<old>.*?) → (?P<new>.*?)[ \t]*$")
_FENCE = re.compile(r"^(~{3,})[ \t]*$")


class InvalidEdit(ValueError):
    """An edit names an unknown value; the message (German or English) lists the valid ones."""


@dataclass(frozen=True)
class Edit:
    """One change a user makes. None (or empty) leaves a field as it is."""

    status: str | None = None
    targets: Mapping[str, str] = field(default_factory=dict)
    """Target key ("kurz", "mittel-lang") or a term it covers → target state."""
    assessment: str | None = None
    """An assessment key; "" clears it."""
    priority: str | None = None
    """A priority key; "" clears it."""
    reviewed: date | None = None
    note: str = ""
    internal: bool = False


@dataclass(frozen=True)
class Conflict:
    """Another session changed `field` from `base` to `theirs`; this edit wanted `mine`."""

    field: str
    base: str
    theirs: str
    mine: str


@dataclass(frozen=True)
class SaveResult:
    status: MeasureStatus
    """The state now on disk."""
    conflicts: tuple[Conflict, ...] = ()
    """Fields not written because the other side changed them. Notes are always saved."""


@dataclass(frozen=True)
class Person:
    login: str
    name: str
    office: str = ""

    def display(self) -> str:
        return f"{self.name} ({self.office})" if self.office else self.name


@dataclass
class StatusLoad:
    """All statuses of a workspace, and what could not be read."""

    statuses: dict[str, MeasureStatus]
    """Every catalogue measure whose file is readable or missing (then: nothing recorded)."""
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    """Measure id → problems of its file; such files are never rewritten."""
    orphans: list[Path] = field(default_factory=list)
    """Status files whose measure id is not in the catalogue; kept, reported by `check`."""

    def problems(self) -> list[Problem]:
        found = [p for problems in self.broken.values() for p in problems]
        found += [Problem(path, 1, _("status_orphan", id=path.stem)) for path in self.orphans]
        return found


# --- paths and people ---------------------------------------------------------------------


def status_path(workspace: Any, measure_id: str) -> Path:
    """status/<id>.md; the id is checked first so that it can never leave the folder."""
    if not MEASURE_ID.match(measure_id):
        raise InvalidEdit(_("measure_id_invalid", id=measure_id))
    folder: Path = workspace.status_dir
    return folder / f"{measure_id}.md"


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.stem}.lock")


def current_login() -> str:
    """The login name of the person running the program: it signs their entries."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a bare container
        return str(os.getuid())


def load_people(workspace: Any) -> dict[str, Person]:
    """Login → Person from the optional `catalogue/people.toml` ([people.<login>] name, office)."""
    people, _problems = read_people(workspace)
    return people


def read_people(workspace: Any) -> tuple[dict[str, Person], list[Problem]]:
    path: Path = workspace.catalogue_dir / PEOPLE_FILE
    if not path.exists():
        return {}, []
    problems: list[Problem] = []
    parsed = read_toml(path, problems)
    if parsed is None:
        return {}, problems
    data, lines = parsed
    people: dict[str, Person] = {}
    table = data.get("people", {})
    if not isinstance(table, dict) or set(data) - {"people"}:
        return {}, [Problem(path, 1, _("people_format"))]
    for login, entry in table.items():
        name = entry.get("name") if isinstance(entry, dict) else None
        office = entry.get("office", "") if isinstance(entry, dict) else ""
        if not isinstance(name, str) or not name.strip() or not isinstance(office, str):
            line = lines.table(f"people.{login}")
            problems.append(Problem(path, line, _("people_entry", login=login)))
            continue
        people[login] = Person(login, name, office)
    return people, problems


# --- reading ------------------------------------------------------------------------------


def load_all_statuses(workspace: Any, catalogue: Catalogue) -> StatusLoad:
    """Every measure's status; unreadable files are listed, not guessed at."""
    result = StatusLoad(statuses={})
    folder: Path = workspace.status_dir
    on_disk = {p.stem: p for p in _status_files(folder)}
    for measure in catalogue.measures():
        path = on_disk.pop(measure.id, None)
        if path is None:
            result.statuses[measure.id] = MeasureStatus(measure.id)
            continue
        try:
            result.statuses[measure.id] = read_status_file(path, measure, catalogue)
        except ProblemsError as error:
            result.broken[measure.id] = error.problems
    result.orphans = sorted(on_disk.values())
    return result


def _status_files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if entry.suffix == ".md" and not entry.name.startswith("."):
            yield entry


def load_status(workspace: Any, catalogue: Catalogue, measure_id: str) -> MeasureStatus:
    """The status of one measure; raises ProblemsError when its file cannot be read."""
    measure = _measure(catalogue, measure_id)
    path = status_path(workspace, measure_id)
    if not os.path.lexists(path):
        return MeasureStatus(measure_id)
    return read_status_file(path, measure, catalogue)


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


def _read_text(path: Path) -> tuple[str, str]:
    """(text, stamp) of a status file, refusing symlinks: the folder is shared, a link could
    point anywhere. The stamp comes from the descriptor that was read, so it matches the text
    even if another session replaces the file meanwhile."""
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
    return decode_utf8(path, data), _stamp(info, data)


def _stamp(info: os.stat_result, data: bytes) -> str:
    """inode, size, mtime_ns and a content hash: a change shows even if mtime alone would not."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    return f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{digest}"


def split_front_matter(path: Path, text: str) -> tuple[str, str, int]:
    """(front matter, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != FRONT_MATTER:
        raise ProblemsError([Problem(path, 1, _("status_no_front_matter"))])
    for number in range(1, len(lines)):
        if lines[number].rstrip("\r") == FRONT_MATTER:
            front = "\n".join(lines[1:number])
            body = "\n".join(lines[number + 1 :])
            return front, body, number + 2
    raise ProblemsError([Problem(path, 1, _("status_front_matter_open"))])


def parse_status(
    path: Path, text: str, measure: Measure, catalogue: Catalogue, stamp: str = ""
) -> MeasureStatus:
    front, body, body_line = split_front_matter(path, text)
    problems: list[Problem] = []
    try:
        data = tomllib.loads(front)  # reading is tomllib's job (fast); tomlkit only writes
    except tomllib.TOMLDecodeError as error:
        raise ProblemsError([toml_error_problem(path, front, error, line_offset=1)]) from error
    lines = LineIndex(front, line_offset=1)
    status = _state_from_front_matter(path, data, lines, measure, catalogue, problems)
    log = _parse_log(path, body, body_line, problems)
    if problems:
        raise ProblemsError(problems)
    return replace(status, log=tuple(log), stamp=stamp)


def _state_from_front_matter(
    path: Path,
    data: dict[str, Any],
    lines: LineIndex,
    measure: Measure,
    catalogue: Catalogue,
    problems: list[Problem],
) -> MeasureStatus:
    concept = catalogue.concept

    def report(key: str, message: str, header: str | None = None) -> None:
        problems.append(Problem(path, lines.key(header, 0, key), message))

    for key in data:
        if key not in _FRONT_KEYS:
            report(key, _("key_unknown", key=key))
    if data.get("measure", measure.id) != measure.id:
        report("measure", _("status_wrong_measure", found=data.get("measure"), id=measure.id))
    rev = data.get("rev", 0)
    if not isinstance(rev, int) or isinstance(rev, bool) or rev < 0:
        report("rev", _("key_not_positive_int", key="rev"))
        rev = 0

    def choice(key: str, vocabulary: Vocabulary, required: bool) -> str | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if value is None:
            return vocabulary.default.key
        if not isinstance(value, str) or vocabulary.get(value) is None:
            report(
                key,
                _(
                    "value_unknown",
                    value=value,
                    key=field_label(key),
                    known=", ".join(vocabulary.keys()),
                ),
            )
            return vocabulary.default.key if required else None
        return value

    reviewed = data.get("reviewed")
    if reviewed is not None and (not isinstance(reviewed, date) or isinstance(reviewed, datetime)):
        report("reviewed", _("status_reviewed_not_date"))
        reviewed = None
    targets: dict[str, str] = {}
    raw_targets = data.get("targets", {})
    if not isinstance(raw_targets, dict):
        report("targets", _("status_targets_not_table"))
        raw_targets = {}
    states = concept.target_states
    for key, value in raw_targets.items():
        target = measure.target(key)
        if target is None or target.key != key:  # a term alone ("lang") is not a stored key
            known = ", ".join(t.key for t in measure.targets)
            report(key, _("status_target_unknown", key=key, known=known), "targets")
        elif not isinstance(value, str) or states.get(value) is None:
            known = ", ".join(states.keys())
            message = _("value_unknown", value=value, key=field_label(key), known=known)
            report(key, message, "targets")
        else:
            targets[key] = value
    return MeasureStatus(
        measure_id=measure.id,
        status=choice("status", concept.statuses, required=True) or concept.statuses.default.key,
        targets=targets,
        assessment=choice("assessment", concept.assessments, required=False),
        priority=choice("priority", concept.priorities, required=False),
        reviewed=reviewed,
        rev=rev,
    )


def _parse_log(path: Path, body: str, first_line: int, problems: list[Problem]) -> list[LogEntry]:
    """The entries of the body in file order (newest first, as written)."""
    lines = body.split("\n")
    entries: list[LogEntry] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        header = _HEADER.match(line)
        if header is None:
            problems.append(Problem(path, first_line + index, _("status_log_expected_entry")))
            return entries
        entry, index = _parse_entry(path, lines, index, first_line, header, problems)
        if entry is None:
            return entries
        entries.append(entry)
    return entries


def _parse_entry(
    path: Path,
    lines: list[str],
    start: int,
    first_line: int,
    header: re.Match[str],
    problems: list[Problem],
) -> tuple[LogEntry | None, int]:
    """One entry from its `## time · author` line up to the next one; (entry, next index)."""
    try:
        timestamp = datetime.fromisoformat(header["time"])
    except ValueError:
        timestamp = None
    if timestamp is None or timestamp.tzinfo is None:
        problems.append(
            Problem(path, first_line + start, _("status_bad_timestamp", value=header["time"]))
        )
        return None, len(lines)
    changes: list[Change] = []
    text_lines: list[str] = []
    index = start + 1
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence and not text_lines:
            closing = _find_closing_fence(lines, index + 1, fence.group(1))
            if closing is None:
                problems.append(Problem(path, first_line + index, _("status_fence_open")))
                return None, len(lines)
            text = "\n".join(lines[index + 1 : closing])
            return _entry(header, timestamp, changes, text), closing + 1
        if _HEADER.match(line):
            break
        change = _CHANGE.match(line)
        if change and not text_lines:
            changes.append(Change(change["field"], change["old"], change["new"]))
        elif line.strip() or text_lines:
            text_lines.append(line)  # a note written by hand, without a fence
        index += 1
    text = "\n".join(text_lines).strip("\n")
    return _entry(header, timestamp, changes, text), index


def _find_closing_fence(lines: list[str], start: int, fence: str) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].rstrip(" \t") == fence:
            return index
    return None


def _entry(
    header: re.Match[str], timestamp: datetime, changes: list[Change], text: str
) -> LogEntry:
    return LogEntry(
        timestamp=timestamp,
        author=header["author"],
        text=text,
        changes=tuple(changes),
        internal=bool(header["internal"]),
    )


# --- writing ------------------------------------------------------------------------------


def save_edit(
    workspace: Any,
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
    wanted = _validated_changes(edit, measure, catalogue)
    if not re.fullmatch(r"\S+", author):
        raise InvalidEdit(_("author_invalid", author=author))
    path = status_path(workspace, measure_id)
    folder: Path = workspace.status_dir
    if folder.is_symlink():  # writes must stay inside the workspace's own status/
        raise ProblemsError([Problem(folder, 1, _("status_folder_symlink"))])
    folder.mkdir(parents=True, exist_ok=True)
    default_target = catalogue.concept.target_states.default.key
    with _locked(path):
        current, document, old_body = _load_for_update(path, measure, catalogue)
        conflicts = _conflicts(wanted, base, current, default_target) if base is not None else []
        refused = {c.field for c in conflicts}
        changes = [
            Change(name, old, new)
            for name, new in wanted.items()
            if name not in refused and (old := _value_of(current, name, default_target)) != new
        ]
        if not changes and not edit.note.strip():
            return SaveResult(current, tuple(conflicts))
        moment = _timestamp(now)
        has_note = bool(edit.note.strip())
        entry = LogEntry(
            moment,
            author,
            edit.note if has_note else "",
            tuple(changes),
            edit.internal and has_note,
        )
        if document is None:
            document = _new_front_matter(measure)
        data = _render_file(document, current, changes, entry, old_body)
        _write(path, data)
        saved = read_status_file(path, measure, catalogue)
    return SaveResult(saved, tuple(conflicts))


_FIELD_LABELS = {
    "status": "label_status",
    "assessment": "label_assessment",
    "priority": "label_priority",
    "reviewed": "label_reviewed",
}


def field_label(name: str) -> str:
    """A state field as users know it, with the name it has in files: "Bewertung (assessment)";
    any other name is a target key: "Zeithorizont „kurz“"."""
    if name in _FIELD_LABELS:
        return f"{_(_FIELD_LABELS[name])} ({name})"
    return f"{_('label_targets')} „{name}“"


def field_name(name: str) -> str:
    """A state field's name on screen: "Umsetzungsstand", "Zeithorizont kurz"."""
    kind, _sep, target = name.partition(":")
    return _(_FIELD_LABELS[kind]) if kind in _FIELD_LABELS else f"{_('label_targets')} {target}"


def value_word(name: str, value: str, catalogue: Catalogue, lang: str) -> str:
    """A stored value as a word: "in-umsetzung" → "in Umsetzung", "—" → "nicht gesetzt"."""
    if value == NONE:
        return _("status_not_set")
    concept = catalogue.concept
    vocabulary = {
        "status": concept.statuses,
        "assessment": concept.assessments,
        "priority": concept.priorities,
        "target": concept.target_states,
    }.get(name.partition(":")[0])
    choice = vocabulary.get(value) if vocabulary else None
    return choice.label(lang) if choice else value


def describe_change(change: Change, catalogue: Catalogue, lang: str) -> str:
    """A change line for people: "Umsetzungsstand: in Umsetzung → umgesetzt"."""
    old = value_word(change.field, change.old, catalogue, lang)
    new = value_word(change.field, change.new, catalogue, lang)
    return f"{field_name(change.field)}: {old} → {new}"


def _timestamp(now: datetime | None) -> datetime:
    """Whole seconds with the UTC offset of the server's local time (Europe/Berlin in Mainz)."""
    moment = (
        now if now is not None and now.tzinfo is not None else (now or datetime.now()).astimezone()
    )
    return moment.replace(microsecond=0)


def _validated_changes(edit: Edit, measure: Measure, catalogue: Catalogue) -> dict[str, str]:
    """field name → new value (as written in files), after checking every value."""
    concept = catalogue.concept
    wanted: dict[str, str] = {}

    def check(option: str, value: str, vocabulary: Vocabulary, may_clear: bool) -> str:
        if (value == "" and may_clear) or vocabulary.get(value) is not None:
            return value or NONE
        known = ", ".join(vocabulary.keys())
        raise InvalidEdit(_("value_unknown", value=value, key=field_label(option), known=known))

    if edit.status is not None:
        wanted["status"] = check("status", edit.status, concept.statuses, may_clear=False)
    if edit.assessment is not None:
        wanted["assessment"] = check("assessment", edit.assessment, concept.assessments, True)
    if edit.priority is not None:
        wanted["priority"] = check("priority", edit.priority, concept.priorities, True)
    if edit.reviewed is not None:
        wanted["reviewed"] = edit.reviewed.isoformat()
    for key, state in edit.targets.items():
        target = measure.target(key)
        if target is None:
            known = ", ".join(t.key for t in measure.targets)
            raise InvalidEdit(_("status_target_unknown", key=key, known=known))
        wanted[f"target:{target.key}"] = check(target.key, state, concept.target_states, False)
    return wanted


def _value_of(status: MeasureStatus, name: str, default_target: str) -> str:
    """A state field's value as written in change lines ("—" when unset)."""
    if name.startswith("target:"):
        return status.targets.get(name[len("target:") :], default_target)
    value = getattr(status, name)
    if value is None:
        return NONE
    return value.isoformat() if isinstance(value, date) else str(value)


def _conflicts(
    wanted: dict[str, str], base: MeasureStatus, current: MeasureStatus, default_target: str
) -> list[Conflict]:
    """Fields this edit sets that the other side changed to something else since `base`."""
    if current.rev == base.rev and current.stamp == base.stamp:
        return []
    conflicts = []
    for name, mine in wanted.items():
        before = _value_of(base, name, default_target)
        theirs = _value_of(current, name, default_target)
        if theirs != before and theirs != mine:
            conflicts.append(Conflict(name, before, theirs, mine))
    return conflicts


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on the measure's lock file (which is never deleted)."""
    lock = _lock_path(path)
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
    front, body, _line = split_front_matter(path, text)
    return status, tomlkit.parse(front), body


def _new_front_matter(measure: Measure) -> tomlkit.TOMLDocument:
    document = tomlkit.document()
    document.add(tomlkit.comment(_("status_file_comment", id=measure.id)))
    document["measure"] = measure.id
    return document


def _render_file(
    document: tomlkit.TOMLDocument,
    current: MeasureStatus,
    changes: list[Change],
    entry: LogEntry,
    old_body: str,
) -> bytes:
    """The new file: updated front matter, the new entry on top of the old body, kept verbatim."""
    if "measure" not in document:  # a file written by hand without it
        document["measure"] = current.measure_id
    document["rev"] = current.rev + 1
    for change in changes:
        _apply(document, change)
    front = tomlkit.dumps(document)
    if not front.endswith("\n"):
        front += "\n"
    body = render_entry(entry)
    if old_body.strip():
        body += "\n" + old_body.lstrip("\n")
    return f"{FRONT_MATTER}\n{front}{FRONT_MATTER}\n\n{body}".encode()


def _apply(document: tomlkit.TOMLDocument, change: Change) -> None:
    if change.field.startswith("target:"):
        targets = document.get("targets")
        if not isinstance(targets, tomlkit.items.Table):
            targets = tomlkit.table()
            document["targets"] = targets
        targets[change.field[len("target:") :]] = change.new
        return
    if change.new == NONE:
        document.pop(change.field, None)
    elif change.field == "reviewed":
        document["reviewed"] = date.fromisoformat(change.new)
    else:
        document[change.field] = change.new


def render_entry(entry: LogEntry) -> str:
    """One log entry as written in the file."""
    header = f"## {entry.timestamp.isoformat()} · {entry.author}"
    if entry.internal:
        header += " · intern"
    parts = [header]
    parts += [f"- {c.field}: {c.old} → {c.new}" for c in entry.changes]
    if entry.text:
        fence = "~" * max(3, _longest_tilde_run(entry.text) + 1)
        parts += ["", fence, entry.text, fence]
    return "\n".join(parts) + "\n"


def _longest_tilde_run(text: str) -> int:
    runs = re.findall(r"~+", text)
    return max((len(r) for r in runs), default=0)


def _write(path: Path, data: bytes) -> None:
    """Replace the file atomically; called with the measure's lock held."""
    from monitor_tui.fileio import atomic_write, remove_stale_temp_files

    if os.path.islink(path):
        raise ProblemsError([Problem(path, 1, _("status_symlink"))])
    remove_stale_temp_files(path)
    atomic_write(path, data)
