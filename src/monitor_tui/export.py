"""Exporting the report: the format registry, the options and the files written.

The one service behind `monitor-tui export` and the app's export dialog: workspace + options →
the report rendered in each format, written atomically. No Textual, no argparse.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from monitor_tui.dates import format_date
from monitor_tui.fileio import atomic_write
from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.render.common import GENERATOR, MARKDOWN_MARK
from monitor_tui.render.formats import ALL as ALL
from monitor_tui.render.formats import FORMAT_NAMES as FORMAT_NAMES
from monitor_tui.render.formats import FORMATS as FORMATS
from monitor_tui.render.formats import ExportFormat as ExportFormat
from monitor_tui.render.formats import export_format as export_format
from monitor_tui.render.formats import format_of_suffix as format_of_suffix
from monitor_tui.render.formats import formats_of as formats_of
from monitor_tui.report.build import Comparison, ReportOptions, build_synopsis
from monitor_tui.report.document import ComparedReport, Synopsis
from monitor_tui.reports.digest_cache import cached_digest
from monitor_tui.reports.record import latest_report
from monitor_tui.reports.store import ReportError, find_report, list_reports, load_states
from monitor_tui.reports.synopse import Snapshot, take_snapshot
from monitor_tui.workspace import Workspace

COMPARE_NONE = "none"
"""`--compare none`: no comparison with an earlier report."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and where. `output` None: exports/synopse-<Berichtsstand>[-filter].<ext>;
    a folder: that name inside it; a file path: that path, with each format's extension when
    several formats are written."""

    formats: tuple[str, ...] = ("pdf",)
    output: Path | None = None
    report: ReportOptions = field(default_factory=ReportOptions)
    compare: str | None = None
    """Id of the frozen report to compare with; None: the latest one dated before the
    Berichtsstand (withdrawn ones never); COMPARE_NONE: none."""
    output_is_folder: bool = False
    """`output` was written with a trailing slash: a folder, created if missing, never a file."""
    force: bool = False
    """Replace an existing file that is not an earlier export (the user confirmed it)."""


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
        snapshot = load_states(workspace, report)  # compared by state; notes by date
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
        cached_digest(workspace, snapshot, statuses, today),
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

    loaded = load_all_statuses(workspace, catalogue, cached=True)
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

    `statuses` None: read every status fresh from disk. Every target is checked before anything
    is rendered (see `check_target`). `warn` gets one line per measure whose state on a past
    Berichtsstand cannot be vouched for (the report itself says so too). Raises
    ExportTargetError, ExportRefused, ReportDateError, CompareError, SelectionError (messages
    for the user) and OSError. Each file is written atomically. Safe to call from a worker
    thread.
    """
    paths = prepare_targets(workspace, catalogue, options, today or date.today())
    if statuses is None:
        statuses = load_statuses_for_report(workspace, catalogue)
    prepared = prepare_report(workspace, catalogue, statuses, options, now, today)
    if warn is not None:
        for line in prepared.warnings():
            warn(line)
    written = []
    for number, (format_name, path) in enumerate(zip(options.formats, paths, strict=True), 1):
        if progress is not None:
            progress(format_name, number, len(options.formats))
        atomic_write(path, render(format_name, prepared.synopsis))
        written.append(path)
    return written


def prepare_targets(
    workspace: Workspace, catalogue: Catalogue, options: ExportOptions, today: date
) -> list[Path]:
    """The file each format goes to, after creating the folder they go into (exports/, or a
    folder named with a trailing slash) and checking each with `check_target`."""
    folder = _target_folder(workspace, options)
    if folder is not None:
        check_folder(workspace, folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file of that name: never written over as a folder
            raise ExportTargetError(_("export_target_not_folder", path=folder), folder) from None
    paths = planned_paths(workspace, catalogue, options, today)
    for path in paths:
        check_target(workspace, path, options.force)
    return paths


def _target_folder(workspace: Workspace, options: ExportOptions) -> Path | None:
    """The folder an export may create: exports/ for the default names, or the one given
    with a trailing slash. A folder named otherwise must exist already."""
    if options.output is None:
        return workspace.exports_dir
    return options.output if options.output_is_folder else None


def planned_paths(
    workspace: Workspace, catalogue: Catalogue, options: ExportOptions, today: date
) -> list[Path]:
    """Where each of `options.formats` goes; `today` is the Berichtsstand when none is set.
    Raises SelectionError for an unknown field, office or status."""
    report_date = options.report.report_date or today
    suffix = restriction_suffix(catalogue, options.report)
    return [
        output_path(workspace, options, report_date, format_name, suffix)
        for format_name in options.formats
    ]


def output_path(
    workspace: Workspace,
    options: ExportOptions,
    report_date: date,
    format_name: str,
    suffix: str = "",
) -> Path:
    extension = export_format(format_name).extension
    default = default_path(workspace, report_date, extension, suffix)
    if options.output is None:
        return default
    if options.output_is_folder or options.output.is_dir():
        return options.output / default.name
    if len(options.formats) > 1:
        return options.output.with_suffix(f".{extension}")
    return options.output


def default_path(workspace: Workspace, report_date: date, extension: str, suffix: str = "") -> Path:
    """exports/synopse-<Berichtsstand><suffix>.<extension>."""
    return workspace.exports_dir / f"synopse-{report_date.isoformat()}{suffix}.{extension}"


def restriction_suffix(catalogue: Catalogue, report: ReportOptions) -> str:
    """What a filtered report's default name adds, so that it never replaces the full report:
    `-feld-4.3`, `-amt-<office>`, `-status-<key>`. Raises SelectionError for unknown values."""
    from monitor_tui.selection import resolve_field, resolve_office, resolve_status

    parts = []
    if report.field:
        parts.append(f"-feld-{_slug(resolve_field(catalogue, report.field).number)}")
    if report.office:
        parts.append(f"-amt-{_slug(resolve_office(catalogue, report.office))}")
    if report.status:
        parts.append(
            f"-status-{_slug(resolve_status(catalogue.concept.statuses, report.status).key)}"
        )
    return "".join(parts)


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)
SLUG_LIMIT = 40


def _slug(text: str) -> str:
    """A name part of lower-case letters, digits, dots and hyphens (umlauts spelled out)."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = re.sub(r"[^a-z0-9.]+", "-", ascii_text.lower()).strip("-.")
    return slug[:SLUG_LIMIT].rstrip("-.") or "x"


# --- where an export may write ----------------------------------------------------------------


class ExportTargetError(Exception):
    """A target an export must not write; the message (German or English) says why."""

    def __init__(self, message: str, path: Path, needs_force: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.needs_force = needs_force
        """Only refused because the file exists and is no earlier export: `--force` (the app:
        a confirmation) replaces it."""


PROTECTED_FOLDERS = ("catalogue", "status", "reports", ".cache")
"""The workspace's own data: an export never writes into them."""
_MARKER_BYTES = 64 * 1024 * 1024
"""How much of an existing file is searched for the mark of an earlier export."""


def check_target(workspace: Workspace, path: Path, force: bool = False) -> None:
    """Raise ExportTargetError unless `path` may receive an export.

    Refused: anything inside the workspace's catalogue/, status/, reports/ or .cache/ (also
    through symlinked folders), hidden lock files, symbolic links, devices, FIFOs, sockets and
    folders, a missing folder, a read-only file, and, unless `force`, an existing file that is
    not an earlier export (see `is_earlier_export`).
    """
    check_folder(workspace, path)
    if path.name.startswith(".") and path.name.endswith(".lock"):
        raise ExportTargetError(_("export_target_lock", path=path), path)
    if not path.parent.is_dir():
        key = "export_target_not_folder" if path.parent.exists() else "export_target_no_folder"
        raise ExportTargetError(_(key, path=path.parent), path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise ExportTargetError(_("export_target_symlink", path=path), path)
    if stat.S_ISDIR(info.st_mode):
        raise ExportTargetError(_("export_target_is_folder", path=path), path)
    if not stat.S_ISREG(info.st_mode):
        raise ExportTargetError(_("export_target_special", path=path), path)
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise ExportTargetError(_("export_target_read_only", path=path), path)
    if not force and not is_earlier_export(path):
        raise ExportTargetError(_("export_target_foreign", path=path), path, needs_force=True)


def files_to_confirm(
    workspace: Workspace, catalogue: Catalogue, options: ExportOptions, today: date
) -> list[Path]:
    """The existing files an export would replace that are no earlier exports (the app asks
    before it replaces them). Raises ExportTargetError for a target that is refused outright
    and SelectionError for an unknown field, office or status."""
    foreign = []
    for path in planned_paths(workspace, catalogue, options, today):
        check_folder(workspace, path)
        if not os.path.lexists(path):
            continue
        try:
            check_target(workspace, path, options.force)
        except ExportTargetError as error:
            if not error.needs_force:
                raise
            foreign.append(path)
    return foreign


def check_folder(workspace: Workspace, path: Path) -> None:
    """Raise ExportTargetError if `path` is, or lies inside, a protected folder of the
    workspace, as written or after following symbolic links."""
    for folder in PROTECTED_FOLDERS:
        protected = workspace.root / folder
        for mine, theirs in (
            (Path(os.path.abspath(path)), Path(os.path.abspath(protected))),
            (path.resolve(), protected.resolve()),
        ):
            if mine == theirs or theirs in mine.parents:
                raise ExportTargetError(
                    _("export_target_protected", path=path, folder=f"{folder}/"), path
                )


def is_earlier_export(path: Path) -> bool:
    """Does the file carry the mark every export gets (`render.common.GENERATOR`): the PDF's
    Creator, the DOCX's description, the HTML's generator meta tag, the Markdown's first
    comment, the JSON's "generator" key?"""
    try:
        with path.open("rb") as handle:
            head = handle.read(_MARKER_BYTES)
    except OSError:
        return False
    name = GENERATOR.encode()
    if head.startswith(b"%PDF"):
        return b"/Creator (" + name + b")" in head
    if head.startswith(b"PK"):
        return _docx_marked(path)
    start = head[:4096]
    return any(
        mark in start
        for mark in (
            f'<meta name="generator" content="{GENERATOR}">'.encode(),
            MARKDOWN_MARK.encode(),
            f'"generator": "{GENERATOR}"'.encode(),
        )
    )


def _docx_marked(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return f"<dc:description>{GENERATOR}</dc:description>".encode() in core
