"""`monitor-tui check`: validate the catalogue, people.toml and every status file."""

from __future__ import annotations

import argparse
import sys

from monitor_tui.catalogue import load_catalogue
from monitor_tui.commands.common import report_problems
from monitor_tui.i18n import _
from monitor_tui.people import read_people
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.reports.store import list_reports, verify_reports
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace


def collect_problems(workspace: Workspace) -> tuple[list[Problem], str | None]:
    """Every problem in the workspace, and the summary line when the catalogue loaded."""
    # Frozen reports carry their own catalogue: they are checked even if today's is broken.
    frozen = verify_reports(workspace)
    try:
        catalogue = load_catalogue(workspace.catalogue_dir)
    except ProblemsError as error:
        return error.problems + frozen, None
    _people, problems = read_people(workspace.catalogue_dir)
    problems += load_all_statuses(workspace, catalogue).problems()
    problems += frozen
    fields, goals, measures = catalogue.counts()
    summary = _("check_summary", fields=fields, goals=goals, measures=measures)
    reports = len(list_reports(workspace)[0])
    if reports:
        summary += "\n" + _("reports_check_summary", count=reports)
    return problems, summary


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    problems, summary = collect_problems(workspace)
    report_problems(problems)
    if problems:
        print(_("check_failed", count=len(problems)), file=sys.stderr)
        return 1
    print(summary)
    return 0
