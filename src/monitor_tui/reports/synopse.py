"""The as-of data of a Berichtsstand, and its JSON form (`synopse.json`).

A Snapshot holds everything a report shows: the catalogue as it was (text, vocabularies,
legend), every measure's state on the day and its log up to the day with internal notes left
out, and the names printed under the notes. Old reports are rendered and compared from it alone,
never from today's catalogue. No I/O happens here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from monitor_tui.i18n import _
from monitor_tui.model import (
    UNSET,
    Catalogue,
    Change,
    Choice,
    Concept,
    Field,
    Goal,
    Horizon,
    LogEntry,
    Measure,
    MeasureStatus,
    Target,
    Vocabulary,
)
from monitor_tui.status.replay import (
    entries_until,
    replays_to_front_matter,
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
        if replays_to_front_matter(status, measure, catalogue):
            state = status_on(status, measure, catalogue, day)
        elif day >= today:
            state = replace(status, log=tuple(entries_until(status.log, day)))
        else:
            state = status_on(status, measure, catalogue, day)
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
    text = json.dumps(snapshot_to_json(snapshot), ensure_ascii=False, indent=1) + "\n"
    return _escape_c1(text).encode("utf-8")


def snapshot_digest(snapshot: Snapshot) -> str:
    """First 12 hex digits of a SHA-256 over the report's data: two copies made from
    different data can be told apart, and a report re-made later from the same history
    prints the same digest."""
    canonical = json.dumps(snapshot_to_json(snapshot), ensure_ascii=True, sort_keys=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:12]


def _escape_c1(text: str) -> str:
    """DEL and C1 controls escaped too (json escapes C0 only): `cat` must not drive a terminal."""
    return "".join(f"\\u{ord(c):04x}" if "\x7f" <= c <= "\x9f" else c for c in text)


def catalogue_to_json(catalogue: Catalogue) -> dict[str, Any]:
    concept = catalogue.concept
    # Only when set: reports frozen before it existed keep their digest.
    start = (
        {"monitoring_start": concept.monitoring_start.isoformat()}
        if concept.monitoring_start
        else {}
    )
    return {
        "concept": {
            **start,
            "title": concept.title,
            "issuer": concept.issuer,
            "publisher": concept.publisher,
            "contact": concept.contact,
            "indicator_rule": concept.indicator_rule,
            "summary_intro": concept.summary_intro,
            "review_period_days": concept.review_period_days,
            "horizons": [
                {"term": h.term, "label": h.label, "text": h.text} for h in concept.horizons
            ],
            "statuses": _vocabulary(concept.statuses),
            "target_states": _vocabulary(concept.target_states),
            "assessments": _vocabulary(concept.assessments),
            "priorities": _vocabulary(concept.priorities),
        },
        "fields": [
            {
                "id": f.id,
                "number": f.number,
                "heading": f.heading,
                "title": f.title,
                "summary": f.summary,
                "summary_numeral": f.summary_numeral,
                "goals": [
                    {"id": g.id, "title": g.title, "measures": [_measure(m) for m in g.measures]}
                    for g in f.goals
                ],
            }
            for f in catalogue.fields
        ],
    }


def _vocabulary(vocabulary: Vocabulary) -> list[dict[str, Any]]:
    return [
        {
            "key": c.key,
            "de": c.de,
            "en": c.en,
            "color": c.color,
            "symbol": c.symbol,
            "counts": c.counts,
            # only when set: reports frozen before the flag existed keep their digest
            **({"needs_reason": True} if c.needs_reason else {}),
        }
        for c in vocabulary
    ]


def _measure(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "label": measure.label,
        "text": measure.text,
        "indicator": measure.indicator,
        "responsible": measure.responsible,
        "offices": list(measure.offices),
        "targets": [
            {"terms": list(t.terms), "label": t.label, "text": t.text} for t in measure.targets
        ],
    }


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


def snapshot_from_bytes(data: bytes) -> Snapshot:
    """Read `synopse.json`; raises SnapshotError with a message for the user."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SnapshotError(_("reports_synopse_unreadable", reason=error)) from None
    return snapshot_from_json(document)


def snapshot_from_json(document: Any) -> Snapshot:
    """The snapshot `document` holds; raises SnapshotError."""
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
            log = tuple(_entry_from_json(e) for e in record["entries"])
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


def catalogue_from_json(data: Mapping[str, Any]) -> Catalogue:
    """The Catalogue `catalogue_to_json` wrote (raises KeyError, TypeError on bad data)."""
    c = data["concept"]
    concept = Concept(
        title=str(c["title"]),
        issuer=str(c["issuer"]),
        publisher=str(c["publisher"]),
        contact=str(c["contact"]),
        indicator_rule=str(c["indicator_rule"]),
        summary_intro=str(c["summary_intro"]),
        review_period_days=int(c["review_period_days"]),
        horizons=tuple(
            Horizon(str(h["term"]), str(h["label"]), str(h["text"])) for h in c["horizons"]
        ),
        statuses=_vocabulary_from_json("statuses", c["statuses"]),
        target_states=_vocabulary_from_json("target_states", c["target_states"]),
        assessments=_vocabulary_from_json("assessments", c["assessments"]),
        priorities=_vocabulary_from_json("priorities", c["priorities"]),
        monitoring_start=date.fromisoformat(c["monitoring_start"])
        if c.get("monitoring_start")
        else None,
    )
    fields = tuple(_field_from_json(f) for f in data["fields"])
    return Catalogue(concept=concept, fields=fields)


def _vocabulary_from_json(name: str, choices: Iterable[Mapping[str, Any]]) -> Vocabulary:
    return Vocabulary(
        name,
        tuple(
            Choice(
                str(c["key"]),
                str(c["de"]),
                str(c["en"]),
                str(c["color"]),
                str(c["symbol"]),
                bool(c["counts"]),
                bool(c.get("needs_reason", False)),
            )
            for c in choices
        ),
    )


def _field_from_json(data: Mapping[str, Any]) -> Field:
    field_id = str(data["id"])
    goals = tuple(
        Goal(
            str(g["id"]),
            str(g["title"]),
            tuple(_measure_from_json(m, str(g["id"]), field_id) for m in g["measures"]),
        )
        for g in data["goals"]
    )
    return Field(
        field_id,
        str(data["number"]),
        str(data["heading"]),
        str(data["title"]),
        goals,
        str(data.get("summary", "")),
        str(data.get("summary_numeral", "")),
    )


def _measure_from_json(data: Mapping[str, Any], goal_id: str, field_id: str) -> Measure:
    return Measure(
        id=str(data["id"]),
        label=str(data["label"]),
        text=str(data["text"]),
        indicator=str(data["indicator"]),
        responsible=str(data["responsible"]),
        offices=tuple(str(o) for o in data["offices"]),
        targets=tuple(
            Target(
                tuple(str(t) for t in target["terms"]), str(target["label"]), str(target["text"])
            )
            for target in data["targets"]
        ),
        goal_id=goal_id,
        field_id=field_id,
    )


def _entry_from_json(data: Mapping[str, Any]) -> LogEntry:
    return LogEntry(
        timestamp=datetime.fromisoformat(str(data["timestamp"])),
        author=str(data["author"]),
        text=str(data.get("text", "")),
        changes=tuple(Change(str(f), str(o), str(n)) for f, o, n in data.get("changes", [])),
        internal=bool(data.get("internal", False)),
    )
