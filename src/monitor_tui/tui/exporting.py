"""What the export dialog needs besides Textual: the date, the filter, the run (no Textual here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from monitor_tui.commands.export import FORMATS, ExportOptions, Progress, export_files
from monitor_tui.i18n import _
from monitor_tui.model import Catalogue
from monitor_tui.notes import load_all_statuses
from monitor_tui.problems import Problem
from monitor_tui.tui.browse import Filters
from monitor_tui.tui.safe_text import one_line
from monitor_tui.workspace import Workspace

FORMAT_CHOICES = ("pdf", "docx", "html", "markdown", "json", "all")
"""The dialog's choices, print first: the PDF is what most users want."""
FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "DOCX",
    "html": "HTML",
    "markdown": "Markdown",
    "json": "JSON",
}

_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def formats_of(choice: str) -> tuple[str, ...]:
    """The formats one choice of the dialog writes ("all": every format)."""
    return FORMATS if choice == "all" else (choice,)


def parse_report_date(text: str) -> date:
    """The Berichtsstand as typed: JJJJ-MM-TT or TT.MM.JJJJ (how German staff write dates).

    Raises ValueError with a message for the user.
    """
    value = text.strip()
    try:
        german = _GERMAN_DATE.fullmatch(value)
        if german:
            day, month, year = (int(part) for part in german.groups())
            return date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError(_("tui_export_bad_date", value=one_line(value)))


@dataclass(frozen=True)
class FilterTransfer:
    """How the tree's filter carries over to the report, which can only restrict by office and
    status (ExportOptions has field, office, status; the tree filters by neither field)."""

    office: str | None
    status: str | None
    applied: tuple[str, ...]
    """One phrase per filter the report takes over ("Amt: …")."""
    ignored: tuple[str, ...]
    """One phrase per active filter or search that the report cannot express."""

    def any_active(self) -> bool:
        return bool(self.applied or self.ignored)


def transfer_filters(filters: Filters, query: str, catalogue: Catalogue) -> FilterTransfer:
    carried = Filters(office=filters.office, status=filters.status)
    left = Filters(assessment=filters.assessment, term=filters.term, overdue=filters.overdue)
    ignored = left.describe(catalogue)
    if query.strip():
        ignored.insert(0, _("tui_search_active", query=one_line(query)))
    return FilterTransfer(
        filters.office, filters.status, tuple(carried.describe(catalogue)), tuple(ignored)
    )


class ExportRefused(Exception):
    """A status file is broken: a report that silently lacks its state must not go out."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def export_report(
    workspace: Workspace,
    catalogue: Catalogue,
    options: ExportOptions,
    progress: Progress | None = None,
) -> list[Path]:
    """Read every status fresh from disk (another session may have saved) and write the report,
    as `monitor-tui export` does. Raises ExportRefused, SelectionError and OSError."""
    loaded = load_all_statuses(workspace, catalogue)
    if loaded.broken:
        raise ExportRefused([p for problems in loaded.broken.values() for p in problems])
    return export_files(workspace, catalogue, loaded.statuses, options, progress=progress)


def progress_bar(done: int, count: int, width: int = 10) -> str:
    """A bar of characters, not colours: it must read on a monochrome terminal too."""
    filled = round(width * done / count) if count else width
    return "[" + "#" * filled + "-" * (width - filled) + "]"
