"""`monitor-tui requests [--office NAME] [--format docx|pdf|markdown] [--reply-by D]` writes one
update request per office; `monitor-tui requests import FILE.docx [--dry-run]` reads a filled-in
form back: it shows per measure what would change, then saves it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from monitor_tui.commands.common import (
    USAGE_ERROR,
    fail,
    load_catalogue_or_report,
    report_problems,
)
from monitor_tui.commands.options import parse_date_option
from monitor_tui.dates import format_date
from monitor_tui.export import ExportRefused
from monitor_tui.i18n import _, get_language, os_error
from monitor_tui.model import Catalogue
from monitor_tui.people import load_directory
from monitor_tui.requests.answers import applied_lines, apply_import, plan_import, plan_lines
from monitor_tui.requests.docx_form import FormError
from monitor_tui.requests.service import default_reply_by, write_requests
from monitor_tui.selection import SelectionError, resolve_office
from monitor_tui.status.store import current_login
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    if args.requests_action == "import":
        return _import(args, workspace, catalogue)
    return _write(args, workspace, catalogue)


def _write(args: argparse.Namespace, workspace: Workspace, catalogue: Catalogue) -> int:
    today = date.today()
    try:
        reply_by = parse_date_option(args.reply_by, "--reply-by") or default_reply_by(today)
        offices = {resolve_office(catalogue, args.office)} if args.office else None
    except (ValueError, SelectionError) as error:
        return fail(str(error), USAGE_ERROR)
    if reply_by < today:
        lang = get_language()
        return fail(
            _(
                "requests_reply_past",
                date=format_date(reply_by, lang),
                today=format_date(today, lang),
            ),
            USAGE_ERROR,
        )
    directory = load_directory(workspace.catalogue_dir)
    try:
        written = write_requests(
            workspace, catalogue, directory, args.format, reply_by, get_language(), offices
        )
    except ExportRefused as refused:
        report_problems(refused.problems)
        return fail(_("requests_status_broken", count=len(refused.problems)))
    except OSError as error:
        return fail(_("export_failed", reason=os_error(error)))
    for item in written:
        key = "requests_written_renamed" if item.renamed else "requests_written"
        print(_(key, path=item.path, office=item.office, count=item.measures))
    return 0


def _import(args: argparse.Namespace, workspace: Workspace, catalogue: Catalogue) -> int:
    directory = load_directory(workspace.catalogue_dir)
    try:
        plan = plan_import(workspace, catalogue, directory, Path(args.file), date.today())
    except FormError as error:
        return fail(str(error))
    print("\n".join(plan_lines(plan, catalogue, directory)))
    troubled = any(m.kind in ("invalid", "broken") for m in plan.measures)
    if args.dry_run:
        print(_("requests_dry_run"))
        return 1 if troubled else 0
    if not plan.to_apply():
        return 1 if troubled else 0
    results = apply_import(workspace, catalogue, plan, current_login())
    print()
    print("\n".join(applied_lines(results, catalogue)))
    failed = any(not r.saved for r in results)
    if failed or troubled:
        print(_("requests_import_incomplete"), file=sys.stderr)
        return 1
    return 0
