"""The first screen's record, `.cache/first-screen.json`: what the app shows before all else.

At thousands of measures, reading the whole catalogue and every status (even from their caches)
takes longer than Textual takes to start. The app's first screen shows only the Handlungsfelder
with their roll-ups and the first one's goals; this record holds what that takes — the concept,
the fields and goals with their texts, each measure's id and status, a small part of the
catalogue cache — and the key (see `cachefile`) of every catalogue and status file it was made
from. It counts while every catalogue file still has its key; a status file that is new or
whose key changed since (another session saved) is read, one that is gone counts as nothing
recorded. The app then draws its first screen from the record and loads everything right after
it (see `WorkspaceSession.start`). It is never trusted over the files: a record whose catalogue
files changed, or with more changed status files than CHANGED_LIMIT, or where a changed file
cannot be read or its log does not fit, is ignored (the full load reports such a file); a
record is only written from a full load during which no file changed, that found no broken or
inconsistent status file, and whose files had not changed shortly before.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from monitor_tui.cachefile import FileKey, code_key, file_key, read_cache, settled, write_cache
from monitor_tui.catalogue import catalogue_file_keys, concept_from_json, concept_to_json
from monitor_tui.model import Catalogue, Field, Goal, Measure, MeasureStatus, Target
from monitor_tui.problems import ProblemsError
from monitor_tui.status.paths import measure_id_of
from monitor_tui.workspace import Workspace

FIRST_SCREEN_CACHE = "first-screen.json"
KIND = "first-screen"
CHANGED_LIMIT = 100
"""More status files changed since the record was made: the full load is about as fast."""


@dataclass(frozen=True)
class FileKeys:
    """The key of each catalogue file and of each status file, by file name."""

    catalogue: Mapping[str, FileKey]
    status: Mapping[str, FileKey]

    def as_json(self) -> dict[str, dict[str, list[int]]]:
        return {"catalogue": _keys_json(self.catalogue), "status": _keys_json(self.status)}

    def settled(self, read_at_ns: int) -> bool:
        """Whether no file had changed shortly before `read_at_ns` (see `cachefile.settled`)."""
        keys = [*self.catalogue.values(), *self.status.values()]
        return all(settled(key, read_at_ns) for key in keys)


def _keys_json(keys: Mapping[str, FileKey]) -> dict[str, list[int]]:
    return {name: list(key) for name, key in keys.items()}


@dataclass(frozen=True)
class FirstScreen:
    """The first screen's data: a catalogue whose measures carry only their ids (no texts,
    no targets), each measure's status (only which one), and the files' keys."""

    catalogue: Catalogue
    statuses: dict[str, MeasureStatus]
    keys: FileKeys
    """The files' keys now."""
    current: bool
    """Whether the record was made from exactly these files (else it is worth writing anew)."""


@cache
def _code_key() -> str:
    """This module and those whose rules decide what the catalogue and a status file hold."""
    src = Path(__file__).parent
    rules = ("format", "verify", "replay", "edits", "store", "summary")
    files = [src / "catalogue.py", src / "model.py", *(src / "status" / f"{r}.py" for r in rules)]
    return code_key(__file__, *map(str, files))


def current_keys(workspace: Workspace) -> FileKeys | None:
    """The keys of the workspace's catalogue and status files now; None when one cannot be
    read, is not a regular file, or `status/` is a symbolic link (then the full load reports
    it, and no record applies)."""
    catalogue = catalogue_file_keys(workspace.catalogue_dir)
    status = _status_keys(workspace.status_dir)
    if catalogue is None or status is None:
        return None
    return FileKeys(catalogue, status)


def _status_keys(folder: Path) -> dict[str, FileKey] | None:
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return {}
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    keys = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if measure_id_of(entry.name) is None:
                    continue
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode):
                    return None
                keys[entry.name] = file_key(info)
    except OSError:
        return None
    return keys


def read_first_screen(workspace: Workspace) -> FirstScreen | None:
    """The first screen from the record and the status files changed since it was made; None
    when the record is missing, malformed or does not apply (see the module's docstring)."""
    data = read_cache(workspace.cache_dir / FIRST_SCREEN_CACHE, KIND, _code_key())
    keys = current_keys(workspace) if data is not None else None
    if data is None or keys is None:
        return None
    try:
        recorded = data["keys"]
        if recorded["catalogue"] != _keys_json(keys.catalogue):
            return None
        changed = _changed_names(recorded["status"], keys.status)
        if len(changed) > CHANGED_LIMIT:
            return None
        catalogue, statuses, targets = _first_screen_from_json(data)
        for name in changed:
            measure_id = measure_id_of(name) or ""
            if measure_id not in statuses:  # a file of no measure: the full load names it
                continue
            path = workspace.status_dir / name
            status = _read_state(path, catalogue, measure_id, targets[measure_id])
            if status is None:
                return None
            statuses[measure_id] = status
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return FirstScreen(catalogue, statuses, keys, not changed)


def _changed_names(recorded: Mapping[str, Any], now: Mapping[str, FileKey]) -> list[str]:
    """Status files that are new, gone or changed since the record was made."""
    if not isinstance(recorded, Mapping):
        raise TypeError(recorded)
    changed = [name for name, key in now.items() if recorded.get(name) != list(key)]
    return changed + [name for name in recorded if name not in now]


def _read_state(
    path: Path, catalogue: Catalogue, measure_id: str, targets: Any
) -> MeasureStatus | None:
    """The status a changed file holds now (nothing recorded when it is gone), for the first
    screen; None when it cannot be read or its log does not fit (the full load reports it)."""
    if not path.exists():
        return MeasureStatus(measure_id)
    from monitor_tui.status.store import read_checked  # here: only when a file changed

    measure = catalogue.measure(measure_id)
    if measure is None or not isinstance(targets, list):
        return None
    # Reading checks the file's targets against the measure's (their terms, not their texts).
    terms = [tuple(_text(term) for term in target) for target in targets]
    measure = dataclasses.replace(measure, targets=tuple(Target(t, "", "") for t in terms))
    try:
        status, findings = read_checked(path, measure, catalogue)
    except (ProblemsError, OSError):
        return None
    return None if findings else MeasureStatus(measure_id, status.status)


def _first_screen_from_json(
    data: Mapping[str, Any],
) -> tuple[Catalogue, dict[str, MeasureStatus], dict[str, Any]]:
    """The catalogue and statuses of the record, and each measure's targets (their terms)."""
    statuses: dict[str, MeasureStatus] = {}
    targets: dict[str, Any] = {}
    fields = []
    for f in data["fields"]:
        field_id = _text(f["id"])
        goals = []
        for g in f["goals"]:
            goal_id = _text(g["id"])
            measures = []
            for measure_id, status, terms in g["measures"]:
                measure_id = _text(measure_id)
                measures.append(Measure(measure_id, "", "", "", "", (), (), goal_id, field_id))
                statuses[measure_id] = MeasureStatus(measure_id, _text(status))
                targets[measure_id] = terms
            goals.append(Goal(goal_id, _text(g["title"]), tuple(measures)))
        number, heading, title = (_text(f[name]) for name in ("number", "heading", "title"))
        summary, numeral = _text(f["summary"]), _text(f["summary_numeral"])
        fields.append(Field(field_id, number, heading, title, tuple(goals), summary, numeral))
    return Catalogue(concept_from_json(data["concept"]), tuple(fields)), statuses, targets


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def keep_first_screen(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    keys: FileKeys,
    read_at_ns: int,
) -> bool:
    """Write the record of what a full load read from files with `keys` (taken at
    `read_at_ns`, before the load began), unless a file changed since or shortly before, or
    the record could not be written. The caller makes sure no status file was broken or
    inconsistent (the record holds no problems)."""
    if not keys.settled(read_at_ns) or current_keys(workspace) != keys:
        return False
    data = {
        "keys": keys.as_json(),
        "concept": concept_to_json(catalogue.concept, app_config=True),
        "fields": [_field_json(f, statuses) for f in catalogue.fields],
    }
    return write_cache(workspace.cache_dir / FIRST_SCREEN_CACHE, KIND, _code_key(), data)


def _field_json(item: Field, statuses: Mapping[str, MeasureStatus]) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "heading": item.heading,
        "title": item.title,
        "summary": item.summary,
        "summary_numeral": item.summary_numeral,
        "goals": [
            {
                "id": g.id,
                "title": g.title,
                "measures": [
                    [m.id, _status_key(statuses, m.id), [list(t.terms) for t in m.targets]]
                    for m in g.measures
                ],
            }
            for g in item.goals
        ],
    }


def _status_key(statuses: Mapping[str, MeasureStatus], measure_id: str) -> str:
    status = statuses.get(measure_id)
    return status.status if status is not None else MeasureStatus(measure_id).status
