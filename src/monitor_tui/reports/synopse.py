"""The as-of data of a Berichtsstand, and its JSON form (`synopse.json`).

A Snapshot holds everything a report shows: the catalogue as it was (text, vocabularies,
legend), every measure's state on the day and its log up to the day with internal notes left
out, and the names printed under the notes. Old reports are rendered and compared from it alone,
never from today's catalogue. No I/O happens here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from json.encoder import encode_basestring_ascii as _quoted
from typing import Any

from monitor_tui.catalogue import catalogue_from_json as catalogue_from_json
from monitor_tui.catalogue import catalogue_to_json as catalogue_to_json
from monitor_tui.i18n import _
from monitor_tui.jsontext import escape_c1, indented_json
from monitor_tui.model import (
    UNSET,
    Catalogue,
    Change,
    LogEntry,
    Measure,
    MeasureStatus,
)
from monitor_tui.status.replay import (
    entries_until,
    replay_values,
    state_values,
    status_from_values,
    status_on,
)

SCHEMA_VERSION = 1
"""Version of the layout of `synopse.json`; a newer file is refused, not misread."""


class SnapshotError(ValueError):
    """`synopse.json` cannot be read as a snapshot; the message is for the user."""


@dataclass(frozen=True)
class Snapshot:
    """A report's data: the catalogue and each measure's state as of `report_date`."""

    report_date: date
    catalogue: Catalogue
    statuses: Mapping[str, MeasureStatus]
    """Every measure of the catalogue; logs hold the entries up to the day, no internal text."""
    hand_edited: frozenset[str] = frozenset()
    """Measures whose log does not replay to their front matter (edited by hand) on a past
    Berichtsstand: their state on the day cannot be vouched for."""
    people: Mapping[str, str] = field(default_factory=dict)
    """Login → name printed under a note, as it was."""

    def status(self, measure_id: str) -> MeasureStatus:
        return self.statuses.get(measure_id) or MeasureStatus(measure_id)


# --- taking a snapshot ------------------------------------------------------------------------


def take_snapshot(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    day: date,
    today: date,
    people: Mapping[str, str] | None = None,
) -> Snapshot:
    """The state of every measure at the end of `day`, replayed from its log.

    A measure whose log does not replay to its front matter keeps its front matter on today's
    date (then that is the state); on a past day its replay is used and it is listed in
    `hand_edited`, so that the report can warn. Internal note text never enters a snapshot.
    """
    as_of: dict[str, MeasureStatus] = {}
    hand_edited: set[str] = set()
    for measure in catalogue.measures():
        status = statuses.get(measure.id) or MeasureStatus(measure.id)
        replayed = replay_values(status.log, measure, catalogue)
        if replayed == state_values(status, measure, catalogue):  # it replays to its front matter
            state = status_on(status, measure, catalogue, day, replayed)
        elif day >= today:
            state = replace(status, log=tuple(entries_until(status.log, day)))
        else:
            state = status_on(status, measure, catalogue, day, replayed)
            hand_edited.add(measure.id)
        as_of[measure.id] = _without_internal_text(state)
    authors = {entry.author for status in as_of.values() for entry in status.public_notes()}
    names = {login: name for login, name in (people or {}).items() if login in authors}
    return Snapshot(day, catalogue, as_of, frozenset(hand_edited), names)


def _without_internal_text(status: MeasureStatus) -> MeasureStatus:
    """Internal notes leave no text; an internal entry that changed nothing leaves nothing."""
    kept = []
    for entry in status.log:
        if not entry.internal:
            kept.append(entry)
        elif entry.changes:
            kept.append(replace(entry, text=""))
    return replace(status, log=tuple(kept), stamp="")


# --- JSON -------------------------------------------------------------------------------------


def snapshot_to_json(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot as plain data (the content of `synopse.json`)."""
    catalogue = snapshot.catalogue
    return {
        "schema_version": SCHEMA_VERSION,
        "report_date": snapshot.report_date.isoformat(),
        "catalogue": catalogue_to_json(catalogue),
        "people": dict(sorted(snapshot.people.items())),
        "measures": {
            measure.id: _status_to_json(snapshot, measure, catalogue)
            for measure in catalogue.measures()
        },
    }


def snapshot_bytes(snapshot: Snapshot) -> bytes:
    """`synopse.json`: UTF-8, umlauts as they are, every control character escaped."""
    text = indented_json(snapshot_to_json(snapshot), " ") + "\n"
    return escape_c1(text).encode("utf-8")


def snapshot_digest(snapshot: Snapshot) -> str:
    """First 12 hex digits of a SHA-256 over the report's data (its JSON form, with sorted
    keys and only ASCII): two copies made from different data can be told apart, and a report
    re-made later from the same history prints the same digest."""
    return _digest(canonical_text(snapshot))


def document_digest(document: Mapping[str, Any]) -> str:
    """`snapshot_digest` of the snapshot whose JSON form (`snapshot_to_json`) is `document`."""
    return _digest(_canonical_json(document))


def _digest(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:12]


def _canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


def canonical_text(snapshot: Snapshot) -> str:
    """`_canonical_json(snapshot_to_json(snapshot))`, written piece by piece: the log entries,
    tens of thousands in a large workspace, straight from the entries instead of through a
    dictionary each."""
    catalogue = snapshot.catalogue
    measures = {measure.id: measure for measure in catalogue.measures()}
    parts = ['{"catalogue": ', _canonical_json(catalogue_to_json(catalogue)), ', "measures": {']
    for number, measure_id in enumerate(sorted(measures)):
        status = snapshot.status(measure_id)
        values = state_values(status, measures[measure_id], catalogue)
        state = {name: None if value == UNSET else value for name, value in values.items()}
        parts += [
            ", " if number else "",
            _quoted(measure_id),
            ': {"entries": [',
            ", ".join(map(_canonical_entry, status.log)),
            '], "hand_edited": ',
            _canonical_json(measure_id in snapshot.hand_edited),
            ', "state": ',
            _canonical_json(state),
            "}",
        ]
    parts += [
        '}, "people": ',
        _canonical_json(snapshot.people),
        ', "report_date": ',
        _quoted(snapshot.report_date.isoformat()),
        ', "schema_version": ',
        _canonical_json(SCHEMA_VERSION),
        "}",
    ]
    return "".join(parts)


def _canonical_entry(entry: LogEntry) -> str:
    """`_canonical_json(_entry(entry))` (keys in sorted order)."""
    changes = (
        ", ".join(
            f"[{_quoted(c.field)}, {_quoted(c.old)}, {_quoted(c.new)}]" for c in entry.changes
        )
        if entry.changes
        else ""
    )
    internal = entry.internal
    flag = (
        ("true" if internal else "false") if type(internal) is bool else _canonical_json(internal)
    )
    # isoformat() writes digits, "-", ":", "T", "+" and ".": nothing to escape
    return (
        f'{{"author": {_quoted(entry.author)}, "changes": [{changes}], "internal": {flag}, '
        f'"text": {_quoted("" if internal else entry.text)}, '
        f'"timestamp": "{entry.timestamp.isoformat()}"}}'
    )


def _status_to_json(snapshot: Snapshot, measure: Measure, catalogue: Catalogue) -> dict[str, Any]:
    status = snapshot.status(measure.id)
    values = state_values(status, measure, catalogue)
    return {
        "state": {name: None if value == UNSET else value for name, value in values.items()},
        "hand_edited": measure.id in snapshot.hand_edited,
        "entries": [_entry(entry) for entry in status.log],
    }


def _entry(entry: LogEntry) -> dict[str, Any]:
    return {
        "timestamp": entry.timestamp.isoformat(),
        "author": entry.author,
        "internal": entry.internal,
        "changes": [[c.field, c.old, c.new] for c in entry.changes],
        "text": "" if entry.internal else entry.text,
    }


def snapshot_from_bytes(data: bytes, logs: bool = True) -> Snapshot:
    """Read `synopse.json`; raises SnapshotError with a message for the user. `logs` False:
    the states without the entries (enough to compare with; a fraction of the work)."""
    return snapshot_from_json(document_from_bytes(data), logs)


def document_from_bytes(data: bytes) -> Any:
    """The JSON document of a `synopse.json`; raises SnapshotError."""
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SnapshotError(_("reports_synopse_unreadable", reason=error)) from None


def snapshot_from_json(document: Any, logs: bool = True) -> Snapshot:
    """The snapshot `document` holds (`logs` False: without the entries); raises
    SnapshotError."""
    if not isinstance(document, dict):
        raise SnapshotError(_("reports_synopse_unreadable", reason="no object"))
    version = document.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise SnapshotError(_("reports_schema_newer", version=version, known=SCHEMA_VERSION))
    try:
        catalogue = catalogue_from_json(document["catalogue"])
        measures = document["measures"]
        statuses: dict[str, MeasureStatus] = {}
        hand_edited = set()
        for measure in catalogue.measures():
            record = measures[measure.id]
            log = tuple(_entry_from_json(e) for e in record["entries"]) if logs else ()
            values = {k: UNSET if v is None else str(v) for k, v in record["state"].items()}
            statuses[measure.id] = status_from_values(measure.id, values, log)
            if record.get("hand_edited"):
                hand_edited.add(measure.id)
        people = {str(k): str(v) for k, v in document.get("people", {}).items()}
        return Snapshot(
            date.fromisoformat(document["report_date"]),
            catalogue,
            statuses,
            frozenset(hand_edited),
            people,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SnapshotError(_("reports_synopse_unreadable", reason=repr(error))) from None


def _entry_from_json(data: Mapping[str, Any]) -> LogEntry:
    return LogEntry(
        timestamp=datetime.fromisoformat(str(data["timestamp"])),
        author=str(data["author"]),
        text=str(data.get("text", "")),
        changes=tuple(Change(str(f), str(o), str(n)) for f, o, n in data.get("changes", [])),
        internal=bool(data.get("internal", False)),
    )
