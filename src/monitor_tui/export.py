"""Exporting the report: the format registry, the options and the files written.

The one service behind `monitor-tui export` and the app's export dialog: workspace + options →
the report rendered in each format, written atomically. No Textual, no argparse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from importlib import import_module
from pathlib import Path

from monitor_tui.dates import format_date
from monitor_tui.fileio import atomic_write
from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.report.build import Comparison, ReportOptions, build_synopsis
from monitor_tui.report.document import ComparedReport, Synopsis
from monitor_tui.reports.store import (
    ReportError,
    find_report,
    latest_report,
    list_reports,
    load_snapshot,
)
from monitor_tui.reports.synopse import Snapshot, snapshot_digest, take_snapshot
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


COMPARE_NONE = "none"
"""`--compare none`: no comparison with an earlier report."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and where. `output` None: exports/synopse-<Berichtsstand>.<ext>;
    a folder: that name inside it; a file path: that path, with each format's extension when
    several formats are written."""

    formats: tuple[str, ...] = ("pdf",)
    output: Path | None = None
    report: ReportOptions = field(default_factory=ReportOptions)
    compare: str | None = None
    """Id of the frozen report to compare with; None: the latest one dated before the
    Berichtsstand (withdrawn ones never); COMPARE_NONE: none."""


class ReportDateError(ValueError):
    """A Berichtsstand in the future: a report can only show what was recorded."""


class CompareError(ValueError):
    """The report to compare with is unknown, unreadable or dated after the Berichtsstand."""


@dataclass(frozen=True)
class PreparedReport:
    """A report ready to render: its data as of the Berichtsstand, the comparison, the document."""

    snapshot: Snapshot
    comparison: Comparison | None
    synopsis: Synopsis

    def warnings(self) -> list[str]:
        """One line per measure whose state on a past Berichtsstand cannot be vouched for."""
        day = format_date(self.snapshot.report_date, get_language())
        return [
            _("reports_hand_edited_warning", id=m, date=day)
            for m in sorted(self.snapshot.hand_edited)
        ]


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


def check_report_date(day: date, today: date) -> None:
    """Raises ReportDateError for a Berichtsstand after today."""
    if day > today:
        lang = get_language()
        raise ReportDateError(
            _("reports_date_future", date=format_date(day, lang), today=format_date(today, lang))
        )


def as_of_snapshot(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    day: date,
    today: date,
) -> Snapshot:
    """The workspace's data as of the end of `day` (see `reports.synopse.take_snapshot`)."""
    from monitor_tui.people import load_people

    people = {login: p.display() for login, p in load_people(workspace.catalogue_dir).items()}
    return take_snapshot(catalogue, statuses, day, today, people)


def resolve_comparison(workspace: Workspace, choice: str | None, day: date) -> Comparison | None:
    """The frozen report to compare a report dated `day` with (see ExportOptions.compare).

    Raises CompareError with a message for the user.
    """
    if choice is not None and choice.strip().lower() == COMPARE_NONE:
        return None
    if choice is None:
        reports, _problems = list_reports(workspace)  # `check` reports broken folders
        report = latest_report(reports, before=day)
        if report is None:
            return None
    else:
        try:
            report = find_report(workspace, choice)
        except ReportError as error:
            raise CompareError(str(error)) from None
        if report.report_date > day:
            lang = get_language()
            raise CompareError(
                _(
                    "reports_compare_later",
                    id=report.id,
                    date=format_date(report.report_date, lang),
                    day=format_date(day, lang),
                )
            )
    try:
        snapshot = load_snapshot(report)
    except ProblemsError as error:
        raise CompareError(str(error.problems[0])) from None
    compared = ComparedReport(report.id, report.report_date, report.digest, report.title)
    return Comparison(compared, snapshot)


def prepare_report(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ExportOptions,
    now: datetime | None = None,
    today: date | None = None,
    frozen: tuple[str, str] | None = None,
) -> PreparedReport:
    """The report as of its Berichtsstand, compared with the report `options.compare` names.

    Raises ReportDateError (a day in the future), CompareError and SelectionError (unknown
    field, office, status), each with a message for the user.
    """
    generated = now or datetime.now().astimezone()
    today = today or date.today()
    day = options.report.report_date or today
    check_report_date(day, today)
    snapshot = as_of_snapshot(workspace, catalogue, statuses, day, today)
    comparison = resolve_comparison(workspace, options.compare, day)
    synopsis = build_synopsis(
        snapshot.catalogue,
        snapshot.statuses,
        replace(options.report, report_date=day),
        generated,
        snapshot_digest(snapshot),
        snapshot.people,
        comparison=comparison,
        hand_edited=snapshot.hand_edited,
        frozen=frozen,
    )
    return PreparedReport(snapshot, comparison, synopsis)


def build_report(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ReportOptions,
    now: datetime | None = None,
    compare: str | None = None,
    today: date | None = None,
) -> Synopsis:
    """The report document (see `prepare_report`)."""
    export = ExportOptions(report=options, compare=compare)
    return prepare_report(workspace, catalogue, statuses, export, now, today).synopsis


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
    today: date | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the report in each of `options.formats`; returns the paths written.

    `statuses` None: read every status fresh from disk. `warn` gets one line per measure whose
    state on a past Berichtsstand cannot be vouched for (the report itself says so too).
    Raises ExportRefused, ReportDateError, CompareError, SelectionError (messages for the
    user) and OSError. Each file is written atomically. Safe to call from a worker thread.
    """
    if statuses is None:
        statuses = load_statuses_for_report(workspace, catalogue)
    prepared = prepare_report(workspace, catalogue, statuses, options, now, today)
    if warn is not None:
        for line in prepared.warnings():
            warn(line)
    synopsis = prepared.synopsis
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
