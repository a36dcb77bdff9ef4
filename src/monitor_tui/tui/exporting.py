"""What the export dialog needs besides Textual: the filter it carries over, the progress bar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from monitor_tui.dates import parse_date
from monitor_tui.export import ALL, FORMATS
from monitor_tui.i18n import _
from monitor_tui.model import Catalogue
from monitor_tui.tui.browse import Filters
from monitor_tui.tui.safe_text import one_line

FORMAT_CHOICES = (*(f.name for f in sorted(FORMATS, key=lambda f: f.print_rank)), ALL)
"""The dialog's choices, print first: the PDF is what most users want."""
FORMAT_NAMES = {f.name: f.label for f in FORMATS}


def parse_report_date(text: str) -> date:
    """The Berichtsstand as typed; raises ValueError with a message for the user."""
    try:
        return parse_date(text)
    except ValueError:
        raise ValueError(_("tui_export_bad_date", value=one_line(text.strip()))) from None


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
    left = Filters(
        assessment=filters.assessment,
        term=filters.term,
        overdue=filters.overdue,
        changed=filters.changed,
        mine=filters.mine,
    )
    ignored = left.describe(catalogue)
    if query.strip():
        ignored.insert(0, _("tui_search_active", query=one_line(query)))
    return FilterTransfer(
        filters.office, filters.status, tuple(carried.describe(catalogue)), tuple(ignored)
    )


def progress_bar(done: int, count: int, width: int = 10) -> str:
    """A bar of characters, not colours: it must read on a monochrome terminal too."""
    filled = round(width * done / count) if count else width
    return "[" + "#" * filled + "-" * (width - filled) + "]"
