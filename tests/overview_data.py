"""A workspace with varied hand-made statuses for the overview (`o`): every status, assessment
and priority somewhere, targets reached, reviews old and new, next steps past due, a frozen
report and changes after it, and one unreadable status file.

`python -m tests.overview_data FOLDER` makes such a workspace in FOLDER (to look at the
overview in a terminal); the tests call `record_before_report` / `record_after_report`.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue, Measure, MeasureStatus
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import save_edit
from monitor_tui.workspace import Workspace

TODAY = date(2026, 11, 27)
REPORT_DAY = date(2026, 6, 30)
BEFORE = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))
AFTER = datetime(2026, 10, 5, 9, 0, tzinfo=timezone(timedelta(hours=2)))
STATUSES = (
    "offen",
    "in-planung",
    "in-vorbereitung",
    "in-umsetzung",
    "umgesetzt",
    "verstetigt",
    "zurueckgestellt",
    "entfallen",
)
ASSESSMENTS = ("", "im-plan", "gefaehrdet", "kritisch")
PRIORITIES = ("", "hoch", "mittel", "niedrig")
BROKEN = "4.2.2"
"""Its status file is made unreadable after the report."""


def _edit(index: int, measure: Measure, later: bool) -> Edit | None:
    """The state of the `index`th measure: a pattern that touches every value; after the
    report a few measures move on."""
    if later:
        if index % 5 != 1:
            return None
        return Edit(
            status=STATUSES[(index + 3) % len(STATUSES)],
            assessment=ASSESSMENTS[(index + 1) % len(ASSESSMENTS)],
            targets={t.key: "erreicht" for t in measure.targets},
            reviewed=AFTER.date(),
            note="Stand nach dem Bericht.",
        )
    if index % 7 == 6:
        return None  # never touched: offen, never reviewed
    targets = {t.key: "erreicht" for t in measure.targets} if index % 4 == 0 else {}
    return Edit(
        status=STATUSES[(index * 3) % len(STATUSES)],
        assessment=ASSESSMENTS[index % len(ASSESSMENTS)],
        priority=PRIORITIES[(index // 2) % len(PRIORITIES)],
        targets=targets,
        reviewed=BEFORE.date() if index % 3 else None,
        next_step="Gespräch mit dem Amt" if index % 6 == 2 else None,
        next_step_due=date(2026, 11, 1) if index % 6 == 2 else None,
        note="Begründung und Stand.",
    )


def record(workspace: Workspace, later: bool) -> None:
    """The states before the report (`later` False) or the changes after it."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    moment = AFTER if later else BEFORE
    for index, measure in enumerate(catalogue.measures()):
        edit = _edit(index, measure, later)
        if edit is None or (later and measure.id == BROKEN):
            continue
        save_edit(workspace, catalogue, measure.id, edit, "anna", now=moment)


def record_before_report(workspace: Workspace) -> None:
    record(workspace, later=False)


def record_after_report(workspace: Workspace) -> None:
    """The changes after the report, and one status file that cannot be read."""
    record(workspace, later=True)
    status_path(workspace.status_dir, BROKEN).write_text("+++\nstatus = \n", encoding="utf-8")


# --- the numbers, counted by hand ---------------------------------------------------------

REVIEW_DAYS = 180
"""concept.toml's review_period_days, as the city wrote it (not read through the app)."""


def expected_numbers(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str],
    before: Mapping[str, MeasureStatus] | None = None,
) -> tuple[dict[str, set[str]], dict[str, int]]:
    """Every number of the overview as the set of measures it counts (keyed as
    `dashboard.Number.id`), and its change since `before` (the report's statuses), counted
    straight from the recorded statuses: no filter, no counting code of the app."""
    start = min(e.timestamp.date() for s in statuses.values() for e in s.log)
    sets: dict[str, set[str]] = {}
    changes: dict[str, int] = {}
    groups = [("*", list(catalogue.measures()))]
    groups += [(f.id, list(f.measures())) for f in catalogue.fields]
    for prefix, measures in groups:
        readable = [m for m in measures if m.id not in broken]

        def now(m: Measure) -> MeasureStatus:
            return statuses.get(m.id) or MeasureStatus(m.id)

        def then(m: Measure) -> MeasureStatus:
            return (before or {}).get(m.id) or MeasureStatus(m.id)

        sets[f"{prefix}/measures"] = {m.id for m in measures}
        sets[f"{prefix}/unreadable"] = {m.id for m in measures if m.id in broken}
        for status in STATUSES:
            sets[f"{prefix}/status/{status}"] = {m.id for m in readable if now(m).status == status}
            if before is not None:
                old = sum(1 for m in readable if then(m).status == status)
                changes[f"{prefix}/status/{status}"] = len(sets[f"{prefix}/status/{status}"]) - old
        for name, values in (("assessment", ASSESSMENTS), ("priority", PRIORITIES)):
            for value in values:
                key = f"{prefix}/{name}/{value or '-'}"
                sets[key] = {m.id for m in readable if (getattr(now(m), name) or "") == value}
                if before is not None:
                    old = sum(1 for m in readable if (getattr(then(m), name) or "") == value)
                    changes[key] = len(sets[key]) - old

        def fulfilled(m: Measure, state: MeasureStatus) -> bool:
            return bool(m.targets) and all(
                state.targets.get(t.key) == "erreicht" for t in m.targets
            )

        sets[f"{prefix}/fulfilled"] = {m.id for m in readable if fulfilled(m, now(m))}
        if before is not None:
            old = sum(1 for m in readable if fulfilled(m, then(m)))
            changes[f"{prefix}/fulfilled"] = len(sets[f"{prefix}/fulfilled"]) - old
        sets[f"{prefix}/overdue"] = {
            m.id for m in readable if (TODAY - (now(m).reviewed or start)).days > REVIEW_DAYS
        }
        if before is not None:
            sets[f"{prefix}/changed"] = {
                m.id for m in readable if any(e.timestamp.date() > REPORT_DAY for e in now(m).log)
            }
    everything = [statuses.get(m.id) or MeasureStatus(m.id) for m in catalogue.measures()]
    readable_states = [s for s in everything if s.measure_id not in broken]
    for value in ("kritisch", "gefaehrdet"):
        sets[f"attention/assessment/{value}"] = {
            s.measure_id for s in readable_states if s.assessment == value
        }
    sets["attention/priority/hoch"] = {
        s.measure_id for s in readable_states if s.priority == "hoch"
    }
    sets["attention/overdue/ja"] = set(sets["*/overdue"])
    sets["attention/next_step_due/ja"] = {
        s.measure_id
        for s in readable_states
        if s.next_step_due is not None and s.next_step_due <= TODAY
    }
    return sets, changes


def main(folder: str) -> int:
    """A workspace in `folder` with the statuses, a frozen report and the later changes."""
    from monitor_tui.reporting import freeze_report

    repo = Path(__file__).resolve().parents[1]
    root = Path(folder)
    shutil.copytree(repo / "catalogue", root / "catalogue")
    (root / "status").mkdir()
    workspace = Workspace(root)
    record_before_report(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    freeze_report(workspace, catalogue, REPORT_DAY, "Halbjahr", "anna", today=TODAY)
    record_after_report(workspace)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
