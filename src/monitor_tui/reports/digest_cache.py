"""The digests of report data already worked out, `.cache/export-digests.json`.

A report prints the digest of its data (`synopse.snapshot_digest`): a SHA-256 over every log
entry up to its Berichtsstand, a fifth of an export of 5,000 measures. Exporting the same data
again (another format, the same day) gives the same digest, so it is kept, addressed by what
the data is made of: the catalogue's text, each status file's content hash (its stamp, taken
when the file was read), the day and the people printed. A status that was not read from a file
as it is (no stamp, a log read later) makes the digest be worked out; nothing else is trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from functools import cache

from monitor_tui.cachefile import code_key, read_cache, write_cache
from monitor_tui.catalogue import catalogue_to_json
from monitor_tui.model import MeasureStatus
from monitor_tui.reports.synopse import Snapshot, snapshot_digest
from monitor_tui.workspace import Workspace

EXPORT_DIGESTS = "export-digests.json"
KIND = "export-digests"
KEEP = 32
"""Digests kept (the latest): a few report days in a few languages and filters."""


@cache
def _code_key() -> str:
    """The modules that decide what a snapshot holds and how its digest is made."""
    from monitor_tui import catalogue, model
    from monitor_tui.reports import synopse
    from monitor_tui.status import edits, replay

    modules = (synopse, replay, edits, model, catalogue)
    return code_key(__file__, *(module.__file__ or "" for module in modules))


def data_key(snapshot: Snapshot, sources: Mapping[str, MeasureStatus], today: date) -> str | None:
    """What the snapshot was taken from, as one hash; None when a status's content is not
    known by its stamp (then only working the digest out is right).

    `sources` are the statuses `take_snapshot` got; `today` decides, for a file edited by hand,
    whether its front matter or its replay is the state of the day.
    """
    catalogue = snapshot.catalogue
    stamps = []
    for measure in catalogue.measures():
        status = sources.get(measure.id)
        if status is None or (not status.stamp and status == MeasureStatus(measure.id)):
            stamps.append("")  # no file: the state nothing was recorded for
        elif status.stamp and type(status.log) is tuple:
            stamps.append(status.stamp)
        else:
            return None
    text = json.dumps(catalogue_to_json(catalogue), ensure_ascii=True, sort_keys=True)
    parts = [
        snapshot.report_date.isoformat(),
        snapshot.report_date >= today,
        hashlib.sha256(text.encode("ascii")).hexdigest(),
        sorted(snapshot.people.items()),
        sorted(snapshot.hand_edited),
        stamps,
    ]
    return hashlib.sha256(json.dumps(parts).encode("ascii")).hexdigest()


def cached_digest(
    workspace: Workspace, snapshot: Snapshot, sources: Mapping[str, MeasureStatus], today: date
) -> str:
    """`snapshot_digest(snapshot)`, from the workspace's cache when the same data had it
    worked out before (see `data_key`); kept there when it had to be worked out."""
    key = data_key(snapshot, sources, today)
    if key is None:
        return snapshot_digest(snapshot)
    path = workspace.cache_dir / EXPORT_DIGESTS
    known = read_cache(path, KIND, _code_key()) or {}
    digest = known.get(key)
    if isinstance(digest, str):
        return digest
    digest = snapshot_digest(snapshot)
    kept = {k: v for k, v in known.items() if isinstance(v, str)}
    kept[key] = digest
    write_cache(path, KIND, _code_key(), dict(list(kept.items())[-KEEP:]))
    return digest
