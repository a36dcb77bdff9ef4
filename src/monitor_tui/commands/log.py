"""`monitor-tui log [--since DATE] [--office NAME]`: every entry of every measure, newest first."""

from __future__ import annotations

import argparse
import sys
from functools import cache

from monitor_tui.commands.common import (
    USAGE_ERROR,
    fail,
    format_entry,
    load_catalogue_or_report,
    report_problems,
)
from monitor_tui.commands.options import parse_date_option
from monitor_tui.i18n import _, get_language
from monitor_tui.people import load_directory
from monitor_tui.selection import SelectionError, resolve_office
from monitor_tui.status.store import load_all_statuses
from monitor_tui.status.wording import describe_change
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
    loaded = load_all_statuses(workspace, catalogue, cached=True)
    entries = []
    for measure in catalogue.measures():
        if office and office not in measure.offices:
            continue
        status = loaded.statuses.get(measure.id)
        for entry in status.log if status else ():
            if since is None or entry.timestamp.date() >= since:
                entries.append((entry.timestamp.timestamp(), entry, measure.id))
    # A number sorts much faster than an aware datetime; equal moments keep their order.
    entries.sort(key=lambda item: item[0], reverse=True)
    directory = load_directory(workspace.catalogue_dir)
    lang = get_language()
    describe = cache(lambda change: describe_change(change, catalogue, lang))
    out = sys.stdout
    for start in range(0, len(entries), CHUNK):
        chunk = []
        for _moment, entry, measure_id in entries[start : start + CHUNK]:
            lines = format_entry(entry, directory, catalogue, f"{measure_id} · ", describe)
            chunk.append(visible_controls("\n".join(lines)))
        out.write("\n".join(chunk) + "\n")
    if not entries:
        print(_("log_empty"))
    out.flush()
    report_problems(loaded.problems())
    return 1 if loaded.broken else 0


CHUNK = 1000
"""Entries written at once: one write per entry would cost more than the formatting."""
