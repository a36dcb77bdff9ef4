"""Export time per format for the Mainz workspace (prints numbers; not a test).

    python benchmarks/bench_export.py [WORKSPACE]

Without WORKSPACE a temporary copy of the repository's catalogue is used, with a status and
three public notes recorded for every measure, so that the report is as full as in use.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import FORMAT_NAMES, build_report, render
from monitor_tui.model import LogEntry, MeasureStatus
from monitor_tui.report.build import ReportOptions
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 3


def sample_statuses(workspace: Workspace) -> dict[str, MeasureStatus]:
    catalogue = load_catalogue(workspace.catalogue_dir)
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    statuses = {}
    for number, measure in enumerate(catalogue.measures()):
        notes = tuple(
            LogEntry(start + timedelta(days=30 * k + number), "anna", f"Stand {k}: **gut** voran.")
            for k in range(3, 0, -1)
        )
        statuses[measure.id] = MeasureStatus(
            measure.id, status="in-umsetzung", assessment="im-plan", rev=3, log=notes
        )
    return statuses


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        if len(sys.argv) > 1:
            workspace = Workspace(Path(sys.argv[1]))
            catalogue = load_catalogue(workspace.catalogue_dir)
            statuses = load_all_statuses(workspace, catalogue).statuses
        else:
            workspace = Workspace(Path(folder))
            shutil.copytree(REPO / "catalogue", workspace.catalogue_dir)
            catalogue = load_catalogue(workspace.catalogue_dir)
            statuses = sample_statuses(workspace)
        started = time.perf_counter()
        synopsis = build_report(workspace, catalogue, statuses, _options())
        print(f"{'synopsis':<10}{(time.perf_counter() - started) * 1000:8.1f} ms")
        for format_name in FORMAT_NAMES:
            timings = []
            for _round in range(ROUNDS):
                started = time.perf_counter()
                data = render(format_name, synopsis)
                timings.append(time.perf_counter() - started)
            print(
                f"{format_name:<10}{min(timings) * 1000:8.1f} ms  (best of {ROUNDS}, "
                f"first {timings[0] * 1000:.1f} ms, {len(data) / 1024:.0f} KiB)"
            )


def _options() -> ReportOptions:
    return ReportOptions(report_date=date(2026, 3, 31), with_summary=True)


if __name__ == "__main__":
    main()
