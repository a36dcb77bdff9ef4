"""`monitor-tui export`: write the synopsis in one or all formats.

`export_files` is the one function behind the command and the app's export dialog:
catalogue + statuses + ExportOptions → the files written.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from monitor_tui import i18n
from monitor_tui.commands import fail, load_catalogue_or_report, report_problems
from monitor_tui.fileio import atomic_write
from monitor_tui.i18n import _, os_error
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.synopsis import SelectionError, Synopsis, SynopsisOptions, build_synopsis
from monitor_tui.workspace import Workspace

FORMATS = ("json", "markdown", "html", "pdf", "docx")
"""Every format, in the order `--format all` writes them."""
EXTENSIONS = {"json": "json", "markdown": "md", "html": "html", "pdf": "pdf", "docx": "docx"}


@dataclass(frozen=True)
class ExportOptions:
    """What to export and where. `output` None: exports/synopse-<Berichtsstand>.<ext>;
    a folder: that name inside it; a file path: that path, with each format's extension when
    several formats are written."""

    formats: tuple[str, ...] = ("pdf",)
    report_date: date | None = None
    """Berichtsstand; None means today."""
    output: Path | None = None
    lang: str | None = None
    """Language of the report; None means the current UI language."""
    with_summary: bool = False
    field: str | None = None
    office: str | None = None
    status: str | None = None
    since: date | None = None
    notes: int = 3


Progress = Callable[[str, int, int], None]
"""Called before each format is rendered: (format, number starting at 1, count)."""


def render(format_name: str, synopsis: Synopsis) -> bytes:
    """The synopsis in one format; the heavy libraries load only here."""
    if format_name == "json":
        from monitor_tui.render.json_data import render_json, synopsis_document

        return render_json(synopsis_document(synopsis))
    if format_name == "markdown":
        from monitor_tui.render.markdown import render_markdown

        return render_markdown(synopsis)
    if format_name == "html":
        from monitor_tui.render.html import render_html

        return render_html(synopsis)
    if format_name == "pdf":
        from monitor_tui.render.pdf import render_pdf

        return render_pdf(synopsis)
    if format_name == "docx":
        from monitor_tui.render.docx import render_docx

        return render_docx(synopsis)
    raise ValueError(format_name)


def data_digest(workspace: Workspace) -> str:
    """First 12 hex digits of a SHA-256 over the catalogue and status files (names and bytes),
    so that two printed copies made from different data can be told apart."""
    digest = hashlib.sha256()
    files = sorted(workspace.catalogue_dir.glob("*.toml")) + sorted(
        workspace.status_dir.glob("*.md")
    )
    for path in files:
        name = f"{path.parent.name}/{path.name}".encode()
        data = path.read_bytes()
        digest.update(len(name).to_bytes(4, "big") + name + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:12]


def build_report(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ExportOptions,
    now: datetime | None = None,
) -> Synopsis:
    """The synopsis for `options`. Raises SelectionError for an unknown field, office, status."""
    from monitor_tui.notes import load_people

    generated = now or datetime.now().astimezone()
    people = {login: person.display() for login, person in load_people(workspace).items()}
    synopsis_options = SynopsisOptions(
        report_date=options.report_date or generated.date(),
        generated=generated,
        lang=options.lang or i18n.get_language(),
        with_summary=options.with_summary,
        field=options.field,
        office=options.office,
        status=options.status,
        since=options.since,
        notes=options.notes,
    )
    return build_synopsis(catalogue, statuses, synopsis_options, data_digest(workspace), people)


def export_files(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ExportOptions,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write the report in each of `options.formats`; returns the paths written.

    Raises SelectionError (unknown field/office/status, message for the user) and OSError.
    Each file is written atomically. Safe to call from a worker thread.
    """
    synopsis = build_report(workspace, catalogue, statuses, options, now)
    written = []
    for number, format_name in enumerate(options.formats, start=1):
        if progress is not None:
            progress(format_name, number, len(options.formats))
        data = render(format_name, synopsis)
        path = output_path(workspace, options, synopsis.report_date, format_name)
        if path.parent == workspace.exports_dir:  # a folder named with -o must exist already
            path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
        written.append(path)
    return written


def output_path(
    workspace: Workspace, options: ExportOptions, report_date: date, format_name: str
) -> Path:
    extension = EXTENSIONS[format_name]
    default = default_path(workspace, report_date, extension)
    if options.output is None:
        return default
    if options.output.is_dir():
        return options.output / default.name
    if len(options.formats) > 1:
        return options.output.with_suffix(f".{extension}")
    return options.output


def default_path(workspace: Workspace, report_date: date, extension: str) -> Path:
    """exports/synopse-<Berichtsstand>.<extension>."""
    return workspace.exports_dir / f"synopse-{report_date.isoformat()}.{extension}"


# --- the command --------------------------------------------------------------------------------


class _UsageError(Exception):
    """Bad input on the command line: exit 2, like argparse."""


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        options = _options(args)
    except _UsageError as error:
        return fail(str(error), 2)
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    statuses = _load_statuses(workspace, catalogue)
    if statuses is None:
        return 1
    try:
        if args.output == "-":
            synopsis = build_report(workspace, catalogue, statuses, options)
            sys.stdout.buffer.write(render(options.formats[0], synopsis))
            sys.stdout.flush()
            return 0
        paths = export_files(workspace, catalogue, statuses, options)
    except SelectionError as error:
        return fail(str(error), 2)
    except OSError as error:
        return fail(_("export_failed", reason=os_error(error)))
    for path in paths:
        print(_("export_written", path=path))
    return 0


def _load_statuses(workspace: Workspace, catalogue: Catalogue) -> dict[str, MeasureStatus] | None:
    """Every status; None (after listing the problems) if a file is broken, since a report
    that silently lacks a measure's state must not go out."""
    from monitor_tui.notes import load_all_statuses

    loaded = load_all_statuses(workspace, catalogue)
    report_problems(loaded.problems())
    if loaded.broken:
        print(_("export_status_broken", count=len(loaded.broken)), file=sys.stderr)
        return None
    return loaded.statuses


def format_for(requested: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's extension names, else JSON.

    `-o bericht.pdf` must not quietly write JSON into a file called .pdf.
    """
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    named = next((name for name, ext in EXTENSIONS.items() if ext == suffix), None)
    named = named or {"htm": "html", "markdown": "markdown"}.get(suffix)
    if requested is None:
        return named or "json"
    if named is not None and requested not in (named, "all"):
        raise _UsageError(_("export_suffix_mismatch", suffix=suffix, format=requested))
    return requested


def _options(args: argparse.Namespace) -> ExportOptions:
    chosen = format_for(args.format, args.output)
    formats = FORMATS if chosen == "all" else (chosen,)
    if args.output == "-" and len(formats) > 1:
        raise _UsageError(_("export_stdout_one_format"))
    if args.notes < 0:
        raise _UsageError(_("export_bad_notes", value=args.notes))
    return ExportOptions(
        formats=formats,
        report_date=_date(args.date, "--date"),
        output=Path(args.output) if args.output and args.output != "-" else None,
        lang=i18n.get_language(),
        with_summary=args.with_summary,
        field=args.field,
        office=args.office,
        status=args.status,
        since=_date(args.since, "--since"),
        notes=args.notes,
    )


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _UsageError(_("export_bad_date", value=text, option=option)) from None
