"""`monitor-tui log [--since DATE] [--office NAME]`: every entry of every measure, newest first."""

from __future__ import annotations

import argparse
from datetime import date

from monitor_tui.commands import fail, load_catalogue_or_report, report_problems
from monitor_tui.commands.status import format_entry
from monitor_tui.i18n import _
from monitor_tui.notes import load_all_statuses, load_people
from monitor_tui.text import visible_controls
from monitor_tui.workspace import Workspace

USAGE_ERROR = 2


def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("date_invalid", value=text, option=option)) from None


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    try:
        since = parse_date(args.since, "--since") if args.since else None
    except ValueError as error:
        return fail(str(error), USAGE_ERROR)
    offices = None
    if args.office:
        offices = catalogue.find_offices(args.office)
        if len(offices) != 1:
            known = "; ".join(catalogue.offices())
            return fail(_("office_unknown", name=args.office, known=known), USAGE_ERROR)
    loaded = load_all_statuses(workspace, catalogue)
    entries = []
    for measure in catalogue.measures():
        if offices and offices[0] not in measure.offices:
            continue
        status = loaded.statuses.get(measure.id)
        for entry in status.log if status else ():
            if since is None or entry.timestamp.date() >= since:
                entries.append((entry, measure.id))
    entries.sort(key=lambda item: item[0].timestamp, reverse=True)
    people = load_people(workspace)
    for entry, measure_id in entries:
        print(
            visible_controls(
                "\n".join(format_entry(entry, people, catalogue, prefix=f"{measure_id} · "))
            )
        )
    if not entries:
        print(_("log_empty"))
    report_problems(loaded.problems())
    return 1 if loaded.broken else 0
