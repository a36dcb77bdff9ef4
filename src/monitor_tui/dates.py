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


def format_date(day: date, lang: str) -> str:
    """31.03.2026 in German, 2026-03-31 in English."""
    return day.isoformat() if lang == "en" else day.strftime("%d.%m.%Y")


def format_timestamp(moment: datetime, lang: str) -> str:
    """31.03.2026, 14:05 in German, 2026-03-31 14:05 in English."""
    return moment.strftime("%Y-%m-%d %H:%M" if lang == "en" else "%d.%m.%Y, %H:%M")
