"""`monitor-tui check`: validate the catalogue, people.toml and every status file."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from monitor_tui.catalogue import load_catalogue
from monitor_tui.commands.common import report_problems
from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.model import earliest_entry
from monitor_tui.people import read_directory
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.reports.store import list_reports, verify_reports
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace


@dataclass
class CheckResult:
    problems: list[Problem]
    summary: str | None
    """The counts, when the catalogue loaded."""
    notes: list[str] = field(default_factory=list)
    """Hints that are no problem (exit 0), e.g. a missing monitoring_start."""


def collect_problems(workspace: Workspace) -> CheckResult:
    """Every problem in the workspace, the summary line and the hints."""
    # Frozen reports carry their own catalogue: they are checked even if today's is broken.
    frozen = verify_reports(workspace)
    try:
        catalogue = load_catalogue(workspace.catalogue_dir, workspace.cache_dir)
    except ProblemsError as error:
        return CheckResult(error.problems + frozen, None)
    _directory, problems = read_directory(workspace.catalogue_dir, catalogue.offices())
    loaded = load_all_statuses(workspace, catalogue)
    problems += loaded.problems()
    problems += frozen
    fields, goals, measures = catalogue.counts()
    summary = _("check_summary", fields=fields, goals=goals, measures=measures)
    reports = len(list_reports(workspace)[0])
    if reports:
        summary += "\n" + _("reports_check_summary", count=reports)
    notes = []
    if catalogue.concept.monitoring_start is None:
        earliest = earliest_entry(loaded.statuses.values())
        start = format_date(earliest, get_language()) if earliest else _("check_no_entries_yet")
        notes.append(_("check_no_monitoring_start", start=start))
    return CheckResult(problems, summary, notes)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    result = collect_problems(workspace)
    report_problems(result.problems)
    if result.problems:
        print(_("check_failed", count=len(result.problems)), file=sys.stderr)
        return 1
    for note in result.notes:
        print(note, file=sys.stderr)
    print(result.summary)
    return 0
