"""`monitor-tui export`: write the report in one or all formats (see `monitor_tui.export`)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from dataclasses import replace
from pathlib import Path

from monitor_tui.commands.common import (
    USAGE_ERROR,
    announce_workspace,
    fail,
    load_catalogue_or_report,
    report_problems,
)
from monitor_tui.commands.options import parse_date_option
from monitor_tui.export import (
    ALL,
    CompareError,
    ExportOptions,
    ExportTargetError,
    ReportDateError,
    export_files,
    export_format,
    format_of_suffix,
    formats_of,
    prepare_report,
    render,
)
from monitor_tui.i18n import _, get_language, os_error
from monitor_tui.offices import my_offices
from monitor_tui.people import load_directory
from monitor_tui.report.build import ReportOptions
from monitor_tui.selection import SelectionError
from monitor_tui.status.store import current_login, load_all_statuses
from monitor_tui.text import visible_line
from monitor_tui.workspace import Workspace


class _UsageError(Exception):
    """Bad input on the command line: exit 2, like argparse."""


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    # Reading the catalogue and the status files makes hundreds of thousands of objects and no
    # cyclic garbage: the cyclic collector would only walk them, again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _export(args, workspace)
    finally:
        if collecting:
            gc.enable()


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    try:
        options = _options(args)
        if args.mine:
            mine = my_offices(load_directory(workspace.catalogue_dir), current_login())
            options = replace(options, report=replace(options.report, offices=mine))
    except (_UsageError, ValueError) as error:
        return fail(str(error), USAGE_ERROR)
    loaded = load_all_statuses(workspace, catalogue, cached=True)
    report_problems(loaded.problems())
    if loaded.broken:  # a report that silently lacks a measure's state must not go out
        print(_("export_status_broken", count=len(loaded.broken)), file=sys.stderr)
        return 1
    statuses = loaded.statuses
    if args.output != "-":
        announce_workspace(workspace)
    # Catalogue and statuses live until the end: the cyclic collector need not walk them again
    # each time the report being built grows (a tenth of an export of thousands of measures).
    gc.freeze()
    # Neither the report nor the text formats make cyclic garbage either: all that is built
    # from here on lives until the end or is freed as soon as it is dropped (the collector
    # would take a tenth of an export of 5,000 measures). PDF and DOCX leave cycles.
    if any(export_format(name).leaves_cycles for name in options.formats):
        gc.enable()
    try:
        if args.output == "-":
            prepared = prepare_report(workspace, catalogue, statuses, options)
            _warn_all(prepared.warnings())
            sys.stdout.buffer.write(render(options.formats[0], prepared.synopsis))
            sys.stdout.flush()
            return 0
        paths = export_files(workspace, catalogue, options, statuses, warn=_warn)
    except (SelectionError, ReportDateError, CompareError, ExportTargetError) as error:
        return fail(str(error), USAGE_ERROR)
    except OSError as error:
        return fail(_("export_failed", reason=os_error(error)))
    for path in paths:
        print(visible_line(_("export_written", path=path)))
    return 0


def _warn(line: str) -> None:
    print(f"monitor-tui: {line}", file=sys.stderr)


def _warn_all(lines: list[str]) -> None:
    for line in lines:
        _warn(line)


def format_for(requested: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's extension names, else JSON.

    `-o bericht.pdf` must not quietly write JSON into a file called .pdf.
    """
    named_file = output and output != "-" and not _names_folder(output)
    suffix = Path(output).suffix.lower().lstrip(".") if output and named_file else ""
    named = format_of_suffix(suffix) if suffix else None
    if requested is None:
        return named or "json"
    if named is not None and requested not in (named, ALL):
        raise _UsageError(_("export_suffix_mismatch", suffix=suffix, format=requested))
    return requested


def _options(args: argparse.Namespace) -> ExportOptions:
    formats = formats_of(format_for(args.format, args.output))
    if args.output == "-" and len(formats) > 1:
        raise _UsageError(_("export_stdout_one_format"))
    if args.notes is not None and args.notes < 0:
        raise _UsageError(_("export_bad_notes", value=args.notes))
    report = ReportOptions(
        report_date=parse_date_option(args.date, "--date"),
        lang=get_language(),
        with_summary=args.with_summary,
        field=args.field,
        office=args.office,
        status=args.status,
        since=parse_date_option(args.since, "--since"),
        notes=args.notes,
    )
    output = Path(args.output) if args.output and args.output != "-" else None
    return ExportOptions(
        formats=formats,
        output=output,
        report=report,
        compare=args.compare,
        output_is_folder=bool(args.output) and _names_folder(args.output),
        force=args.force,
    )


def _names_folder(output: str) -> bool:
    """`-o ablage/`: a trailing slash means a folder (Path() would drop it)."""
    return output.endswith(("/", os.sep))
