"""Dates as people type and read them: ISO (2026-03-31) and German (31.03.2026)."""

from __future__ import annotations

import re
from datetime import date, datetime

_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> date:
    """A date typed as JJJJ-MM-TT or TT.MM.JJJJ (how German staff write dates).

    Raises ValueError; callers say in their own words which field was wrong.
    """
    value = text.strip()
    german = _GERMAN_DATE.fullmatch(value)
    if german:
        day, month, year = (int(part) for part in german.groups())
        return date(year, month, day)
    if _ISO_DATE.fullmatch(value):
        return date.fromisoformat(value)
    raise ValueError(value)


# Written out rather than with strftime (a report prints tens of thousands of dates), the year
# unpadded as strftime's %Y writes it on Linux.


def format_date(day: date, lang: str) -> str:
    """31.03.2026 in German, 2026-03-31 in English."""
    return day.isoformat() if lang == "en" else f"{day.day:02d}.{day.month:02d}.{day.year}"


def format_timestamp(moment: datetime, lang: str) -> str:
    """31.03.2026, 14:05 in German, 2026-03-31 14:05 in English."""
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if lang == "en":
        return f"{moment.year}-{moment.month:02d}-{moment.day:02d} {clock}"
    return f"{moment.day:02d}.{moment.month:02d}.{moment.year}, {clock}"
