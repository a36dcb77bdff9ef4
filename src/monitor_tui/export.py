"""Exporting the report: the format registry, the options and the files written.

The one service behind `monitor-tui export` and the app's export dialog: workspace + options →
the report rendered in each format, written atomically. No Textual, no argparse.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import import_module
from pathlib import Path

from monitor_tui.fileio import atomic_write
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.problems import Problem
from monitor_tui.report.build import ReportOptions, build_synopsis
from monitor_tui.report.document import Synopsis
from monitor_tui.workspace import Workspace


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name on the command line, file extension and renderer."""

    name: str
    extension: str
    label: str
    """As the app's dialog shows it."""
    renderer: str
    """`module:function` rendering a Synopsis to bytes; imported on first use, since
    ReportLab and python-docx take a while to load."""
    print_rank: int
    """Position in the app's dialog: print formats first, as most users want the PDF."""
    aliases: tuple[str, ...] = ()
    """Further file extensions that name this format (`-o bericht.htm`)."""

    def render(self, synopsis: Synopsis) -> bytes:
        module_name, function_name = self.renderer.split(":")
        function: Callable[[Synopsis], bytes] = getattr(import_module(module_name), function_name)
        return function(synopsis)


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("json", "json", "JSON", "monitor_tui.render.json_data:render_synopsis", 5),
    ExportFormat(
        "markdown",
        "md",
        "Markdown",
        "monitor_tui.render.markdown:render_markdown",
        4,
        ("markdown",),
    ),
    ExportFormat("html", "html", "HTML", "monitor_tui.render.html:render_html", 3, ("htm",)),
    ExportFormat("pdf", "pdf", "PDF", "monitor_tui.render.pdf:render_pdf", 1),
    ExportFormat("docx", "docx", "DOCX", "monitor_tui.render.docx:render_docx", 2),
)
"""Every format, in the order `--format all` writes them: the only list of formats."""
FORMAT_NAMES = tuple(f.name for f in FORMATS)
ALL = "all"
"""The choice that writes every format."""


def export_format(name: str) -> ExportFormat:
    return next(f for f in FORMATS if f.name == name)


def formats_of(choice: str) -> tuple[str, ...]:
    """The formats one choice writes ("all": every format)."""
    return FORMAT_NAMES if choice == ALL else (export_format(choice).name,)


def format_of_suffix(suffix: str) -> str | None:
    """The format a file extension names ("pdf", "htm" …), or None."""
    wanted = suffix.lower().lstrip(".")
    for candidate in FORMATS:
        if wanted == candidate.extension or wanted in candidate.aliases:
            return candidate.name
    return None


@dataclass(frozen=True)
class ExportOptions:
    """What to export and where. `output` None: exports/synopse-<Berichtsstand>.<ext>;
    a folder: that name inside it; a file path: that path, with each format's extension when
    several formats are written."""

    formats: tuple[str, ...] = ("pdf",)
    output: Path | None = None
    report: ReportOptions = field(default_factory=ReportOptions)


Progress = Callable[[str, int, int], None]
"""Called before each format is rendered: (format, number starting at 1, count)."""


class ExportRefused(Exception):
    """A status file is broken: a report that silently lacks its state must not go out."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def render(format_name: str, synopsis: Synopsis) -> bytes:
    """The synopsis in one format."""
    return export_format(format_name).render(synopsis)


def data_digest(workspace: Workspace) -> str:
    """First 12 hex digits of a SHA-256 over the catalogue and status files (names and bytes),
    so that two printed copies made from different data can be told apart."""
    from monitor_tui.status.store import status_files

    digest = hashlib.sha256()
    files = sorted(workspace.catalogue_dir.glob("*.toml")) + status_files(workspace)
    for path in files:
        name = f"{path.parent.name}/{path.name}".encode()
        data = path.read_bytes()
        digest.update(len(name).to_bytes(4, "big") + name + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:12]


def build_report(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ReportOptions,
    now: datetime | None = None,
) -> Synopsis:
    """The report document. Raises SelectionError for an unknown field, office, status."""
    from monitor_tui.people import load_people

    generated = now or datetime.now().astimezone()
    people = {login: p.display() for login, p in load_people(workspace.catalogue_dir).items()}
    return build_synopsis(catalogue, statuses, options, generated, data_digest(workspace), people)


def load_statuses_for_report(
    workspace: Workspace, catalogue: Catalogue
) -> dict[str, MeasureStatus]:
    """Every status read fresh from disk (another session may have saved).

    Raises ExportRefused when a file is broken.
    """
    from monitor_tui.status.store import load_all_statuses

    loaded = load_all_statuses(workspace, catalogue)
    if loaded.broken:
        raise ExportRefused([p for problems in loaded.broken.values() for p in problems])
    return loaded.statuses


def export_files(
    workspace: Workspace,
    catalogue: Catalogue,
    options: ExportOptions,
    statuses: Mapping[str, MeasureStatus] | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write the report in each of `options.formats`; returns the paths written.

    `statuses` None: read every status fresh from disk. Raises ExportRefused, SelectionError
    (unknown field/office/status, message for the user) and OSError. Each file is written
    atomically. Safe to call from a worker thread.
    """
    if statuses is None:
        statuses = load_statuses_for_report(workspace, catalogue)
    synopsis = build_report(workspace, catalogue, statuses, options.report, now)
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
    extension = export_format(format_name).extension
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
