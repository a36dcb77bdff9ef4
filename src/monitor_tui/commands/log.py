"""`monitor-tui log [--since DATE] [--office NAME]`: every entry of every measure, newest first."""

from __future__ import annotations

import argparse

from monitor_tui.commands.common import (
    USAGE_ERROR,
    fail,
    format_entry,
    load_catalogue_or_report,
    report_problems,
)
from monitor_tui.commands.options import parse_date_option
from monitor_tui.i18n import _
from monitor_tui.people import load_directory
from monitor_tui.selection import SelectionError, resolve_office
from monitor_tui.status.store import load_all_statuses
from monitor_tui.text import visible_controls
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    try:
        since = parse_date_option(args.since, "--since")
        office = resolve_office(catalogue, args.office) if args.office else None
    except (ValueError, SelectionError) as error:
        return fail(str(error), USAGE_ERROR)
    loaded = load_all_statuses(workspace, catalogue)
    entries = []
    for measure in catalogue.measures():
        if office and office not in measure.offices:
            continue
        status = loaded.statuses.get(measure.id)
        for entry in status.log if status else ():
            if since is None or entry.timestamp.date() >= since:
                entries.append((entry, measure.id))
    entries.sort(key=lambda item: item[0].timestamp, reverse=True)
    directory = load_directory(workspace.catalogue_dir)
    for entry, measure_id in entries:
        lines = format_entry(entry, directory, catalogue, prefix=f"{measure_id} · ")
        print(visible_controls("\n".join(lines)))
    if not entries:
        print(_("log_empty"))
    report_problems(loaded.problems())
    return 1 if loaded.broken else 0
