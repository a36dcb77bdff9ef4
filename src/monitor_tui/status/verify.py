"""Is a status file's log consistent, in itself and with its front matter? Pure: no files.

A file the tool wrote holds its entries newest first; the change lines form a chain (each
`old` is the value the entries below it left, starting from "offen" and nothing set), replaying
the whole log gives exactly the front matter, and `rev` counts at least one save per entry.

This finds what a hand edit leaves behind: an entry inserted or moved, a change line altered,
a front matter edited without an entry, `rev` lowered. It is no protection against someone who
rewrites the file consistently: plain files can be rewritten by their owner, and there is no
hash chain. The audit trail that resists that is a version history of the workspace.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from monitor_tui.i18n import _
from monitor_tui.model import UNSET, Catalogue, Change, LogEntry, Measure, MeasureStatus
from monitor_tui.problems import LineIndex, Problem
from monitor_tui.status.format import MAX_REV
from monitor_tui.status.replay import (
    StateValues,
    initial_values,
    replay_values,
    state_values,
)
from monitor_tui.status.wording import field_label


def log_findings(
    path: Path,
    status: MeasureStatus,
    measure: Measure,
    catalogue: Catalogue,
    front_matter: str = "",
) -> list[Problem]:
    """Every inconsistency of a parsed file, as `path:line: message`.

    `front_matter` (the TOML text between the `+++` lines) only serves to name the line of a
    front matter key; without it such findings point at the file's first line.
    """
    lines = LineIndex(front_matter, line_offset=1)
    findings = _order(path, status.log)
    findings += _chain(path, status.log, measure, catalogue)
    findings += _replay(path, status, measure, catalogue, lines)
    findings += _rev(path, status, lines)
    return sorted(findings, key=lambda problem: problem.line)


def _order(path: Path, log: Sequence[LogEntry]) -> list[Problem]:
    """Newest first: an entry may not be newer than the one above it."""
    return [
        Problem(
            path,
            lower.line,
            _(
                "log_not_newest_first",
                time=lower.timestamp.isoformat(),
                above=upper.timestamp.isoformat(),
            ),
        )
        for upper, lower in itertools.pairwise(log)
        if lower.timestamp > upper.timestamp
    ]


def _chain(
    path: Path, log: Sequence[LogEntry], measure: Measure, catalogue: Catalogue
) -> list[Problem]:
    """Oldest first, each change's `old` must be the value the entries before it left."""
    values = initial_values(measure, catalogue)
    default_target = catalogue.concept.target_states.default.key
    findings = []
    for entry in reversed(log):
        for change in entry.changes:
            before = values.get(change.field, _initial(change, default_target))
            if change.old != before:
                findings.append(
                    Problem(
                        path,
                        change.line or entry.line,
                        _(
                            "log_chain_broken",
                            field=field_label(change.field),
                            old=change.old,
                            before=before,
                        ),
                    )
                )
            values[change.field] = change.new
    return findings


def _initial(change: Change, default_target: str) -> str:
    """The starting value of a field the measure does not know (a target since removed)."""
    return default_target if change.field.startswith("target:") else UNSET


def _replay(
    path: Path,
    status: MeasureStatus,
    measure: Measure,
    catalogue: Catalogue,
    lines: LineIndex,
) -> list[Problem]:
    """Replaying the whole log must give the front matter, field by field."""
    replayed: StateValues = replay_values(status.log, measure, catalogue)
    findings = []
    for name, value in state_values(status, measure, catalogue).items():
        if replayed.get(name) != value:
            findings.append(
                Problem(
                    path,
                    _key_line(lines, name),
                    _(
                        "log_replay_differs",
                        field=field_label(name),
                        value=value,
                        replayed=replayed.get(name, UNSET),
                    ),
                )
            )
    return findings


def _key_line(lines: LineIndex, name: str) -> int:
    if name.startswith("target:"):
        return lines.key("targets", 0, name.removeprefix("target:"))
    return lines.key(None, 0, name)


def _rev(path: Path, status: MeasureStatus, lines: LineIndex) -> list[Problem]:
    rev, count = status.rev, len(status.log)
    if rev > MAX_REV:
        message = _("log_rev_range", rev=rev, max=MAX_REV)
    elif rev < count:
        message = _("log_rev_below_entries", rev=rev, count=count)
    else:
        return []
    return [Problem(path, lines.key(None, 0, "rev"), message)]


def differences(status: MeasureStatus, measure: Measure, catalogue: Catalogue) -> list[Change]:
    """Where the front matter differs from the replay of the log, as changes from the replayed
    value to the front matter's: the lines of an entry that records a hand edit."""
    replayed = replay_values(status.log, measure, catalogue)
    return [
        Change(name, replayed.get(name, UNSET), value)
        for name, value in state_values(status, measure, catalogue).items()
        if replayed.get(name, UNSET) != value
    ]
