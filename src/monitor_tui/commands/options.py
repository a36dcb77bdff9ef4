"""Option values the commands share, checked the same way everywhere."""

from __future__ import annotations

from datetime import date

from monitor_tui.dates import parse_date
from monitor_tui.i18n import _


def parse_date_option(text: str | None, option: str) -> date | None:
    """A date option (JJJJ-MM-TT or TT.MM.JJJJ); raises ValueError with a message for the user."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise ValueError(_("date_invalid", value=text, option=option)) from None
