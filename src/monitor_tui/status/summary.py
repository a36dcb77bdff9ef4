"""The status cache, `.cache/status.json`: each status file's state and the outline of its log.

What the first screens need of 5,000 measures — the front matter's state, how many entries, the
days of the first and last entry and of each public note — without reading 5,000 files. Only
files that were read without a problem and whose log fits their front matter are kept; each
record holds the key of its file (size, mtime_ns, inode, ctime_ns, see `cachefile`) and counts
only while the file has that key and the measure still has the same targets and the concept
the same vocabularies (what reading a file checks against). A record that does not fit is
ignored and the file read; the cache is never trusted over the files.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from monitor_tui.cachefile import FileKey, code_key, read_cache, write_cache
from monitor_tui.model import (
    Catalogue,
    LazyLog,
    LogEntry,
    LogOutline,
    Measure,
    MeasureStatus,
    log_outline,
)
from monitor_tui.workspace import Workspace

STATUS_CACHE = "status.json"
KIND = "status"

Record = dict[str, Any]


@cache
def _code_key() -> str:
    """The modules whose rules decide what a file holds and whether it is consistent (named by
    their files: importing them here would make the store and this module import each other)."""
    status = Path(__file__).parent
    rules = ("format", "verify", "replay", "edits", "store")
    files = [status.parent / "model.py", *(status / f"{name}.py" for name in rules)]
    return code_key(__file__, *map(str, files))


def vocabularies_key(catalogue: Catalogue) -> str:
    """The concept's vocabularies as reading a status file checks against them."""
    concept = catalogue.concept
    vocabularies = (concept.statuses, concept.target_states, concept.assessments)
    return json.dumps([list(v.keys()) for v in (*vocabularies, concept.priorities)])


def read_records(workspace: Workspace, catalogue: Catalogue) -> dict[str, Record]:
    """Measure id → record, as far as the cache fits this program and these vocabularies."""
    data = read_cache(workspace.cache_dir / STATUS_CACHE, KIND, _code_key())
    if data is None or data.get("vocabularies") != vocabularies_key(catalogue):
        return {}
    records = data.get("measures")
    if not isinstance(records, dict):
        return {}
    return {key: value for key, value in records.items() if isinstance(value, dict)}


def write_records(
    workspace: Workspace, catalogue: Catalogue, records: Mapping[str, Record]
) -> None:
    data = {"vocabularies": vocabularies_key(catalogue), "measures": dict(records)}
    write_cache(workspace.cache_dir / STATUS_CACHE, KIND, _code_key(), data)


def record_of(status: MeasureStatus, measure: Measure, key: FileKey) -> Record:
    """The record of a status read from a file with `key` (consistent, without problems)."""
    outline = log_outline(status.log)
    return {
        "key": list(key),
        "targets_of_measure": [target.key for target in measure.targets],
        "stamp": status.stamp,
        "status": status.status,
        "targets": dict(status.targets),
        "assessment": status.assessment,
        "priority": status.priority,
        "reviewed": _iso(status.reviewed),
        "next_step": status.next_step,
        "next_step_due": _iso(status.next_step_due),
        "rev": status.rev,
        "count": outline.count,
        "earliest": _iso(outline.earliest),
        "latest": _iso(outline.latest),
        "notes": [day.isoformat() for day in outline.note_days],
    }


def status_of_record(
    record: Record,
    measure: Measure,
    key: FileKey,
    load: Callable[[], Sequence[LogEntry]],
    log: tuple[LogEntry, ...] | None = None,
) -> MeasureStatus | None:
    """The status a record holds, with a log read by `load` on first use (or `log`, where the
    caller has read it already: then the record's outline of the log is not needed); None when
    the record is not for a file with `key` and this measure's targets, or is malformed."""
    if not record_fits(record, measure, key):
        return None
    try:
        targets = record["targets"]
        if not isinstance(targets, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in targets.items()
        ):
            return None
        entries: Sequence[LogEntry] = log if log is not None else _lazy_log(record, load)
        return MeasureStatus(
            measure_id=measure.id,
            status=_text(record["status"]),
            targets=dict(targets),
            assessment=_optional_text(record["assessment"]),
            priority=_optional_text(record["priority"]),
            reviewed=_day(record["reviewed"]),
            next_step=_optional_text(record["next_step"]),
            next_step_due=_day(record["next_step_due"]),
            rev=_count(record["rev"]),
            log=entries,
            stamp=_text(record["stamp"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _lazy_log(record: Record, load: Callable[[], Sequence[LogEntry]]) -> LazyLog:
    """The log of a record, read by `load` on first use; its outline answers until then."""
    outline = LogOutline(
        _count(record["count"]),
        _day(record["earliest"]),
        _day(record["latest"]),
        _days(record["notes"]),
    )
    return LazyLog(outline, load)


def record_fits(record: Record, measure: Measure, key: FileKey) -> bool:
    """Whether `record` was made from a file with `key`, for a measure with these targets."""
    try:
        return tuple(record["key"]) == key and record["targets_of_measure"] == [
            target.key for target in measure.targets
        ]
    except (KeyError, TypeError):
        return False


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(value)
    return value


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(_text(value))


def _days(value: Any) -> tuple[date, ...]:
    """A list of ISO days (date.fromisoformat refuses anything but a string with TypeError)."""
    if not isinstance(value, list):
        raise TypeError(value)
    return tuple(map(date.fromisoformat, value))
