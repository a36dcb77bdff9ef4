"""What the export dialog needs besides Textual: the filter it carries over, the progress bar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from monitor_tui.dates import parse_date
from monitor_tui.export import ALL, FORMATS
from monitor_tui.filters import MeasureFilter, describe
from monitor_tui.i18n import _
from monitor_tui.model import Catalogue
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


def parse_since(text: str) -> date | None:
    """ "Notizen seit" as typed (empty: not set); raises ValueError with a message."""
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise ValueError(_("tui_export_bad_since", value=one_line(text.strip()))) from None


def parse_notes(text: str) -> int | None:
    """How many notes per measure (empty: the default); raises ValueError with a message."""
    value = text.strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(_("tui_export_bad_notes", value=one_line(value)))
    return int(value)


@dataclass(frozen=True)
class FilterTransfer:
    """How the tree's filter carries over to the report, which can only restrict by one field,
    one office and one status (ReportOptions); the dialog's own field row starts from the
    filter's field."""

    office: str | None
    status: str | None
    applied: tuple[str, ...]
    """One phrase per filter the report takes over ("Zuständigkeit: …")."""
    ignored: tuple[str, ...]
    """One phrase per active filter or search that the report cannot express."""
    field: str | None = None
    """The one Handlungsfeld the tree is filtered to, if it is one."""

    def any_active(self) -> bool:
        return bool(self.applied or self.ignored)


def _single(values: frozenset[str]) -> str | None:
    return next(iter(values)) if len(values) == 1 else None


def transfer_filters(
    measure_filter: MeasureFilter, query: str, catalogue: Catalogue
) -> FilterTransfer:
    office = _single(measure_filter.values("office"))
    status = _single(measure_filter.values("status"))
    field = _single(measure_filter.values("field"))
    carried = MeasureFilter.of(office=[office] if office else [], status=[status] if status else [])
    left = measure_filter
    for name, value in (("office", office), ("status", status), ("field", field)):
        if value:
            left = left.without(name)
    ignored = describe(left, catalogue)
    if query.strip():
        ignored.insert(0, _("tui_search_active", query=one_line(query)))
    return FilterTransfer(
        office, status, tuple(describe(carried, catalogue)), tuple(ignored), field
    )


def progress_bar(done: int, count: int, width: int = 10) -> str:
    """A bar of characters, not colours: it must read on a monochrome terminal too."""
    filled = round(width * done / count) if count else width
    return "[" + "#" * filled + "-" * (width - filled) + "]"
