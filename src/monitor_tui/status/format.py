"""The file format of `status/<id>.md`: parse and render, pure (text in, objects out).

A file is TOML front matter between `+++` lines (the current state, edited with tomlkit so that
comments and layout survive) followed by an append-only log, newest entry first:

    ## 2026-11-27T10:15:00+01:00 · anna
    - status: in-umsetzung → umgesetzt

    ~~~
    The note, byte for byte, inside a fence longer than any run of ~ in it.
    ~~~
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor_tui.i18n import _
from monitor_tui.model import (
    DATE_FIELDS,
    STATE_FIELDS,
    TEXT_FIELDS,
    UNSET,
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
    toml_error_problem,
    too_deep_problem,
)
from monitor_tui.status.wording import field_label

# tomlkit writes files and tomllib reads them: imported where used, as the app's first screen
# needs neither (the status cache holds what it shows).
if TYPE_CHECKING:
    import tomlkit


FRONT_MATTER = "+++"
FRONT_KEYS = {"measure", "rev", "targets", *STATE_FIELDS}
INTERNAL_TAG = "intern"
"""The header mark of a note that never appears in the printed report."""
HAND_EDIT_TAG = "von-hand"
"""The header mark of an entry that records a change made by hand in the front matter."""
CORRECTION_TAG = "korrektur"
"""The header mark of an entry that undoes a wrong one (which stays in the log)."""
MAX_REV = 2**63 - 1
"""TOML integers are 64-bit: `rev` must stay within 1 … 2^63−1."""
_HEADER = re.compile(r"^## (?P<time>\S+) · (?P<author>\S+)(?P<tags>(?: · [^\s·]+)*)[ \t]*$")
_QUOTED = r'"(?:[^"\\\n]|\\.)*"'
_CHANGE = re.compile(
    rf"^- (?P<field>[a-z_:.\-]+): (?P<old>{_QUOTED}|.*?) → (?P<new>{_QUOTED}|.*?)[ \t]*$"
)
_ATTRIBUTE = re.compile(rf"^- @(?P<name>[a-z_]+): (?P<value>{_QUOTED}|.*?)[ \t]*$")
_FENCE = re.compile(r"^(~{3,})[ \t]*$")
_BARE_VALUE = re.compile(r"[\w.:\-—]+")
"""Values written as they are in change lines (keys, dates, "—"); anything else is quoted."""
_BARE_CHANGE = re.compile(r"- ([a-z_:.\-]+): ([\w.:\-—]+) → ([\w.:\-—]+)")
"""A change line with both values bare, as most are: read as `_CHANGE` reads it, quicker."""


# --- parsing ----------------------------------------------------------------------------------


def split_front_matter(path: Path, text: str) -> tuple[str, str, int]:
    """(front matter, body, line number where the body starts)."""
    first_end = text.find("\n")
    if text[: first_end if first_end >= 0 else len(text)].rstrip("\r") != FRONT_MATTER:
        raise ProblemsError([Problem(path, 1, _("status_no_front_matter"))])
    closing = _CLOSING.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        raise ProblemsError([Problem(path, 1, _("status_front_matter_open"))])
    start, end = closing.start(), closing.end()
    front = text[first_end + 1 : max(start - 1, first_end + 1)]
    body = text[end + 1 :] if end < len(text) else ""
    return front, body, text.count("\n", 0, start) + 2


_CLOSING = re.compile(r"^\+\+\+\r*$", re.MULTILINE)
"""The line that ends the front matter ($ before a line end, or at the end of the text)."""


def parse_status(
    path: Path, text: str, measure: Measure, catalogue: Catalogue, stamp: str = ""
) -> MeasureStatus:
    """The status a file's text holds; every problem is raised at once, as `path:line: message`.

    `path` only names the file in messages.
    """
    return parse_status_and_front(path, text, measure, catalogue, stamp)[0]


def parse_status_and_front(
    path: Path, text: str, measure: Measure, catalogue: Catalogue, stamp: str = ""
) -> tuple[MeasureStatus, str]:
    """`parse_status`, and the front matter's text (to name lines in findings)."""
    import tomllib  # here: the app starts without reading any status file (see `summary`)

    front, body, body_line = split_front_matter(path, text)
    problems: list[Problem] = []
    try:
        data = tomllib.loads(front)  # reading is tomllib's job (fast); tomlkit only writes
        lines = LineIndex(front, line_offset=1)
        status = _state_from_front_matter(path, data, lines, measure, catalogue, problems)
    except tomllib.TOMLDecodeError as error:
        raise ProblemsError([toml_error_problem(path, front, error, line_offset=1)]) from error
    except RecursionError:  # nesting thousands deep: tomllib (or printing a value) gives up
        raise ProblemsError([too_deep_problem(path, front, line_offset=1)]) from None
    log = _parse_log(path, body, body_line, problems)
    if problems:
        raise ProblemsError(problems)
    return replace(status, log=tuple(log), stamp=stamp), front


def parse_log_only(path: Path, text: str) -> list[LogEntry] | None:
    """The log of a file whose front matter is known (from the status cache); None when the
    file has a problem (the caller then reads it in full, to report it)."""
    try:
        _front, body, body_line = split_front_matter(path, text)
    except ProblemsError:
        return None
    problems: list[Problem] = []
    log = _parse_log(path, body, body_line, problems)
    return None if problems else log


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
        if key not in FRONT_KEYS:
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
            known = ", ".join(vocabulary.keys())
            report(key, _("value_unknown", value=value, key=field_label(key), known=known))
            return vocabulary.default.key if required else None
        return value

    def day(key: str) -> date | None:
        value = data.get(key)
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            report(key, _("status_value_not_date", key=key))
            return None
        return value

    next_step = data.get("next_step")
    if next_step is not None and not isinstance(next_step, str):
        report("next_step", _("key_not_text", key="next_step"))
        next_step = None
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
        reviewed=day("reviewed"),
        next_step=next_step,
        next_step_due=day("next_step_due"),
        rev=rev,
    )


def _parse_log(path: Path, body: str, first_line: int, problems: list[Problem]) -> list[LogEntry]:
    """The entries of the body in file order (newest first, as written)."""
    entries = _parse_written_log(body, first_line)
    if entries is not None:
        return entries
    return _parse_any_log(path, body, first_line, problems)


_WRITTEN_ENTRY = re.compile(
    r"(?P<blank>\n*)"
    r"## (?P<time>\S+) · (?P<author>\S+)(?P<tags>(?: · [^\s·]+)*)\n"
    r"(?P<lines>(?:- [^\n]*\n)*)"
    r"(?:\n(?P<fence>~{3,})\n)?"
)
"""The head of an entry exactly as `render_entry` writes it, with the blank lines before it:
header, change and attribute lines, the opening fence of its note."""


def _parse_written_log(body: str, first_line: int) -> list[LogEntry] | None:
    """The entries of a log laid out exactly as the tool writes it, read fast (most of the
    time goes here when thousands of files are read); None for anything else — a hand edit,
    a problem, a line end with CR outside a note — which `_parse_any_log` then reads line by
    line. Both give the same entries for a log this one accepts."""
    entries: list[LogEntry] = []
    position, line, end = 0, first_line, len(body)
    match_head = _WRITTEN_ENTRY.match
    while position < end:
        match = match_head(body, position)
        if match is None:
            return entries if not body[position:].strip("\n") else None
        header_line = line + len(match["blank"])
        position = match.end()
        fence, note = match["fence"], ""
        if fence is not None:
            closing = body.find(f"\n{fence}\n", position - 1)
            if closing < 0:
                return None
            note = body[position:closing]
            if fence in note:  # the careful reader closes the fence earlier
                return None
            position = closing + len(fence) + 2
        entry = _written_entry(match, header_line, note)
        if entry is None:
            return None
        entries.append(entry)
        line = header_line + body.count("\n", match.end("blank"), position)
    return entries


def _written_entry(match: re.Match[str], line: int, note: str) -> LogEntry | None:
    """One entry of `_WRITTEN_ENTRY` with its note; None where the careful reader must look
    (a timestamp without offset, a line that is no change or attribute)."""
    try:
        timestamp = datetime.fromisoformat(match["time"])
    except ValueError:
        return None
    if timestamp.tzinfo is None:
        return None
    author, header_tags, lines = match.group("author", "tags", "lines")
    changes: tuple[Change, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    if lines:  # a note alone has none: most entries
        parsed = _written_lines(lines, line)
        if parsed is None:
            return None
        changes, attributes = parsed
    tags: tuple[str, ...] = ()
    internal = False
    if header_tags:
        tags = tuple(tag for tag in header_tags.split(" · ") if tag)
        internal = INTERNAL_TAG in tags
        tags = tuple(tag for tag in tags if tag != INTERNAL_TAG)
    return LogEntry(timestamp, author, note, changes, internal, tags, attributes, line)


def _written_lines(
    lines: str, line: int
) -> tuple[tuple[Change, ...], tuple[tuple[str, str], ...]] | None:
    """The change and attribute lines of an entry whose header is on `line`; None for a line
    that is neither."""
    changes: list[Change] = []
    attributes: list[tuple[str, str]] = []
    number = line
    for text in lines.split("\n")[:-1]:
        number += 1
        bare = _BARE_CHANGE.fullmatch(text)
        if bare:
            name, old, new = bare.groups()
            changes.append(Change(name, old, new, number))
            continue
        change = _CHANGE.match(text)
        if change:
            old, new = unquote_value(change["old"]), unquote_value(change["new"])
            changes.append(Change(change["field"], old, new, number))
            continue
        attribute = _ATTRIBUTE.match(text)
        if attribute is None:
            return None
        attributes.append((attribute["name"], unquote_value(attribute["value"])))
    return tuple(changes), tuple(attributes)


def _parse_any_log(
    path: Path, body: str, first_line: int, problems: list[Problem]
) -> list[LogEntry]:
    """The entries of any log, line by line; what does not fit is added to `problems`."""
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
    parts = _EntryParts(header, timestamp, first_line + start)
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
            return parts.entry("\n".join(lines[index + 1 : closing])), closing + 1
        if _HEADER.match(line):
            break
        taken = not text_lines and parts.add_line(line, first_line + index)
        if not taken and (line.strip() or text_lines):
            text_lines.append(line)  # a note written by hand, without a fence
        index += 1
    return parts.entry("\n".join(text_lines).strip("\n")), index


def _find_closing_fence(lines: list[str], start: int, fence: str) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].rstrip(" \t") == fence:
            return index
    return None


class _EntryParts:
    """What has been read of one entry so far: its header, attribute lines and change lines."""

    def __init__(self, header: re.Match[str], timestamp: datetime, line: int) -> None:
        self.header = header
        self.timestamp = timestamp
        self.line = line
        self.changes: list[Change] = []
        self.attributes: list[tuple[str, str]] = []

    def add_line(self, line: str, number: int) -> bool:
        """Take a change or attribute line (`number`: its line in the file); False for anything
        else (the note begins)."""
        change = _CHANGE.match(line)
        if change:
            old, new = unquote_value(change["old"]), unquote_value(change["new"])
            self.changes.append(Change(change["field"], old, new, number))
            return True
        attribute = _ATTRIBUTE.match(line)
        if attribute:
            self.attributes.append((attribute["name"], unquote_value(attribute["value"])))
            return True
        return False

    def entry(self, text: str) -> LogEntry:
        tags = tuple(tag for tag in self.header["tags"].split(" · ") if tag)
        return LogEntry(
            timestamp=self.timestamp,
            author=self.header["author"],
            text=text,
            changes=tuple(self.changes),
            internal=INTERNAL_TAG in tags,
            tags=tuple(tag for tag in tags if tag != INTERNAL_TAG),
            attributes=tuple(self.attributes),
            line=self.line,
        )


def quote_value(value: str) -> str:
    """A value as written in a change or attribute line: keys, dates and "—" as they are,
    anything else as a TOML basic string, so that " → " or a line break inside cannot break
    the line."""
    if _BARE_VALUE.fullmatch(value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


def unquote_value(written: str) -> str:
    """The value a change or attribute line holds (the inverse of `quote_value`)."""
    if not written.startswith('"'):
        return written
    import tomllib

    try:
        value = tomllib.loads(f"v = {written}")["v"]
    except tomllib.TOMLDecodeError:
        return written  # written by hand and not valid TOML: keep it as it stands
    return value if isinstance(value, str) else written


# --- rendering --------------------------------------------------------------------------------


def parse_front_matter_document(path: Path, text: str) -> tuple[tomlkit.TOMLDocument, str]:
    """The front matter as a tomlkit document (keeps comments and layout) and the body."""
    import tomlkit

    front, body, _line = split_front_matter(path, text)
    try:
        return tomlkit.parse(front), body
    except RecursionError:
        raise ProblemsError([too_deep_problem(path, front, line_offset=1)]) from None


def new_front_matter(measure: Measure) -> tomlkit.TOMLDocument:
    import tomlkit

    document = tomlkit.document()
    document.add(tomlkit.comment(_("status_file_comment", id=measure.id)))
    document["measure"] = measure.id
    return document


def render_file(
    document: tomlkit.TOMLDocument,
    current: MeasureStatus,
    changes: list[Change],
    entry: LogEntry,
    old_body: str,
    apply: bool = True,
) -> bytes:
    """The new file: updated front matter, the new entry on top of the old body, kept verbatim.

    `apply` False leaves the state fields as they are (an entry that records a hand edit:
    the front matter already holds the new values, exactly as the person wrote them).
    """
    import tomlkit

    if "measure" not in document:  # a file written by hand without it
        document["measure"] = current.measure_id
    document["rev"] = next_rev(current)
    for change in changes if apply else ():
        _apply(document, change)
    front = tomlkit.dumps(document)
    if not front.endswith("\n"):
        front += "\n"
    body = render_entry(entry)
    if old_body.strip():
        body += "\n" + old_body.lstrip("\n")
    return f"{FRONT_MATTER}\n{front}{FRONT_MATTER}\n\n{body}".encode()


def next_rev(current: MeasureStatus) -> int:
    """`rev` after the next save: one more, and at least the number of entries then, so that a
    `rev` lowered or pushed out of range by hand is repaired by the next save."""
    rev = current.rev if 0 <= current.rev < MAX_REV else 0
    return max(rev, len(current.log)) + 1


def _apply(document: tomlkit.TOMLDocument, change: Change) -> None:
    import tomlkit
    import tomlkit.items

    if change.field.startswith("target:"):
        targets = document.get("targets")
        if not isinstance(targets, tomlkit.items.Table):
            targets = tomlkit.table()
            document["targets"] = targets
        targets[change.field.removeprefix("target:")] = change.new
        return
    if change.new == UNSET:
        document.pop(change.field, None)
    elif change.field in DATE_FIELDS:
        document[change.field] = date.fromisoformat(change.new)
    elif change.field in TEXT_FIELDS:
        document[change.field] = tomlkit.string(change.new)
    else:
        document[change.field] = change.new


def render_entry(entry: LogEntry) -> str:
    """One log entry as written in the file."""
    tags = ([INTERNAL_TAG] if entry.internal else []) + list(entry.tags)
    parts = [" · ".join([f"## {entry.timestamp.isoformat()}", entry.author, *tags])]
    parts += [f"- @{name}: {quote_value(value)}" for name, value in entry.attributes]
    parts += [f"- {c.field}: {quote_value(c.old)} → {quote_value(c.new)}" for c in entry.changes]
    if entry.text:
        fence = "~" * max(3, _longest_tilde_run(entry.text) + 1)
        parts += ["", fence, entry.text, fence]
    return "\n".join(parts) + "\n"


def _longest_tilde_run(text: str) -> int:
    runs = re.findall(r"~+", text)
    return max((len(r) for r in runs), default=0)
