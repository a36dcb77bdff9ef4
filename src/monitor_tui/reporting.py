"""The reporting cycle: freeze the report of a Berichtsstand, and compare reports.

The service behind `monitor-tui report …` and the app's "Berichte" screen. Freezing renders the
report as of its Berichtsstand in every format, beside `synopse.json` (the data it was made
from) and `report.toml` (what it is, with a checksum per file), under `reports/<id>/`. No
Textual, no argparse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib.metadata import PackageNotFoundError, version

from monitor_tui.export import (
    FORMAT_NAMES,
    ExportOptions,
    as_of_snapshot,
    check_report_date,
    default_path,
    export_format,
    load_statuses_for_report,
    prepare_report,
    render,
    resolve_comparison,
)
from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.report.build import ReportOptions, build_synopsis
from monitor_tui.report.document import Synopsis
from monitor_tui.reports.describe import Side
from monitor_tui.reports.diff import SnapshotDiff, diff_snapshots
from monitor_tui.reports.record import FrozenReport, latest_report
from monitor_tui.reports.store import (
    SYNOPSE_FILE,
    ReportError,
    find_report,
    freezing,
    list_reports,
    load_snapshot,
    read_report,
    remember_digest,
)
from monitor_tui.reports.synopse import snapshot_bytes, snapshot_digest
from monitor_tui.status.store import current_login
from monitor_tui.workspace import Workspace

NOW = "now"
"""The workspace as it is today, as one side of `report diff`."""
MAX_TITLE = 200
"""A title is one line of the title block, not a text."""

Progress = Callable[[str, int, int], None]


def program_version() -> str:
    try:
        return version("monitor-tui")
    except PackageNotFoundError:  # a source tree that was not installed
        return "0+unknown"


@dataclass(frozen=True)
class FreezeResult:
    report: FrozenReport
    warnings: tuple[str, ...]
    """One line per measure whose state on the day cannot be vouched for."""

    @property
    def duplicate(self) -> bool:
        """The day had been frozen before: this report got the next free id (`<day>-2`)."""
        return self.report.id != self.report.report_date.isoformat()


def freeze_report(
    workspace: Workspace,
    catalogue: Catalogue,
    report_date: date | None = None,
    title: str = "",
    author: str | None = None,
    compare: str | None = None,
    statuses: Mapping[str, MeasureStatus] | None = None,
    now: datetime | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> FreezeResult:
    """Freeze the report of `report_date` (default today) into `reports/<id>/`.

    Raises ExportRefused (a broken status file), ReportDateError (a day in the future),
    CompareError, ReportError (a title longer than MAX_TITLE, the folder cannot be written) and
    OSError. Safe to call from a worker thread.
    """
    clean_title = " ".join(title.split())
    if len(clean_title) > MAX_TITLE:
        raise ReportError(_("reports_title_too_long", length=len(clean_title), limit=MAX_TITLE))
    moment = (now or datetime.now().astimezone()).replace(microsecond=0)
    today = today or date.today()
    day = report_date or today
    check_report_date(day, today)
    if statuses is None:
        statuses = load_statuses_for_report(workspace, catalogue)
    lang = get_language()
    options = ExportOptions(
        formats=FORMAT_NAMES, report=ReportOptions(report_date=day, lang=lang), compare=compare
    )
    with freezing(workspace, day) as slot:
        prepared = prepare_report(
            workspace, catalogue, statuses, options, moment, today, frozen=(slot.id, clean_title)
        )
        for number, format_name in enumerate(FORMAT_NAMES, start=1):
            if progress is not None:
                progress(format_name, number, len(FORMAT_NAMES))
            name = default_path(workspace, day, export_format(format_name).extension).name
            slot.write(name, render(format_name, prepared.synopsis))
        slot.write(SYNOPSE_FILE, snapshot_bytes(prepared.snapshot))
        comparison = prepared.comparison
        meta = {
            "report_date": day,
            "title": clean_title,
            "frozen_at": moment,
            "frozen_by": author or current_login(),
            "digest": prepared.synopsis.digest,
            "program_version": program_version(),
            "compared_to": comparison.report.id if comparison else "",
            "options": {"lang": lang, "formats": list(FORMAT_NAMES)},
        }
        folder = slot.commit(meta)
    remember_digest(workspace, slot.sums[SYNOPSE_FILE], prepared.synopsis.digest)
    return FreezeResult(read_report(folder), tuple(prepared.warnings()))


def frozen_synopsis(workspace: Workspace, report: FrozenReport) -> Synopsis:
    """A frozen report's document rebuilt from its own `synopse.json` (and that of the report it
    was compared with), without today's catalogue. Raises ProblemsError, CompareError."""
    snapshot = load_snapshot(report)
    comparison = resolve_comparison(workspace, report.compared_to or "none", report.report_date)
    lang = str(report.options.get("lang", "de"))
    return build_synopsis(
        snapshot.catalogue,
        snapshot.statuses,
        ReportOptions(report_date=report.report_date, lang=lang),
        report.frozen_at,
        snapshot_digest(snapshot),
        snapshot.people,
        comparison=comparison,
        hand_edited=snapshot.hand_edited,
        frozen=(report.id, report.title),
    )


# --- comparing --------------------------------------------------------------------------------


def now_side(
    workspace: Workspace,
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    today: date | None = None,
) -> Side:
    day = today or date.today()
    snapshot = as_of_snapshot(workspace, catalogue, statuses, day, day)
    return Side(NOW, snapshot, snapshot_digest(snapshot))


def report_side(report: FrozenReport) -> Side:
    """Raises ProblemsError when the report's data cannot be read."""
    return Side(report.id, load_snapshot(report), report.digest, report.title)


def last_report(workspace: Workspace) -> FrozenReport | None:
    """The non-withdrawn report with the latest Berichtsstand (then the latest id)."""
    reports, _problems = list_reports(workspace)
    return latest_report(reports)


def diff_sides(
    workspace: Workspace,
    catalogue: Catalogue,
    first: str | None,
    second: str | None,
    statuses: Mapping[str, MeasureStatus] | None = None,
    today: date | None = None,
) -> tuple[SnapshotDiff, Side, Side]:
    """The diff of two sides, each a report id or NOW; `first` None: the last report,
    `second` None: now. Raises ReportError, ProblemsError, ExportRefused."""

    def side(choice: str) -> Side:
        if choice.strip().lower() in (NOW, _("reports_now_word").lower()):
            loaded = (
                statuses if statuses is not None else load_statuses_for_report(workspace, catalogue)
            )
            return now_side(workspace, catalogue, loaded, today)
        return report_side(find_report(workspace, choice))

    if first is None:
        last = last_report(workspace)
        if last is None:
            raise ReportError(_("reports_none_to_compare"))
        before = report_side(last)
    else:
        before = side(first)
    after = side(second or NOW)
    return diff_snapshots(before.snapshot, after.snapshot), before, after
