"""`monitor-tui export`: write the synopsis in one or all formats."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.commands import fail
from monitor_tui.fileio import atomic_write
from monitor_tui.i18n import _
from monitor_tui.problems import ProblemsError
from monitor_tui.render.json_data import catalogue_document, render_json
from monitor_tui.workspace import Workspace


def default_path(workspace: Workspace, report_date: date, extension: str) -> Path:
    return workspace.exports_dir / f"synopse-{report_date.isoformat()}.{extension}"


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        catalogue = load_catalogue(workspace.catalogue_dir)
    except ProblemsError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    data = render_json(catalogue_document(catalogue))
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = Path(args.output) if args.output else default_path(workspace, date.today(), "json")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as error:
        return fail(_("export_failed", reason=error.strerror or error))
    print(_("export_written", path=path))
    return 0
