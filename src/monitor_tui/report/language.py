"""The report's own words and dates, in the report's language (not the UI's)."""

from __future__ import annotations

from monitor_tui.dates import format_date, format_timestamp
from monitor_tui.i18n import MESSAGES

__all__ = ["format_date", "format_timestamp", "message"]


def message(key: str, lang: str, **values: object) -> str:
    """An export text in the report's language (independent of the UI's current language,
    so a report in English can be made from a German session, also in a worker thread)."""
    german, english = MESSAGES[key]
    template = english if lang == "en" else german
    return template.format(**values) if values else template
