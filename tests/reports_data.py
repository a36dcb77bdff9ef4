"""Hand-made status logs spanning several dates, and frozen reports made from them, for the
tests of the reporting cycle (as-of state, frozen reports, comparisons)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from monitor_tui import reporting
from monitor_tui.catalogue import load_catalogue
from monitor_tui.reporting import FreezeResult, freeze_report
from monitor_tui.status.paths import status_path
from monitor_tui.workspace import Workspace

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))
TODAY = date(2026, 11, 27)
"""The day the tests pretend it is (never the wall clock)."""

D1 = date(2026, 3, 31)
D2 = date(2026, 6, 30)
INTERNAL_TEXT = "Nur intern: Haushaltsmittel noch nicht freigegeben."

# 1.2.2 (one target "kurz"): every field kind changes over three quarters, newest entry first.
LOG_122 = """+++
measure = "1.2.2"
rev = 6
status = "umgesetzt"
assessment = "im-plan"
priority = "hoch"
reviewed = 2026-06-15
next_step = "Nachdruck „Elternbrief“ bestellen"
next_step_due = 2026-09-01

[targets]
kurz = "erreicht"
+++

## 2026-06-15T10:00:00+02:00 · anna
- status: in-umsetzung → umgesetzt
- target:kurz: teilweise-erreicht → erreicht
- reviewed: 2026-03-20 → 2026-06-15

~~~
Alle Kitas beliefert.
~~~

## 2026-05-02T09:00:00+02:00 · bernd · intern
- priority: mittel → hoch
- next_step: "Flyer nachdrucken" → "Nachdruck „Elternbrief“ bestellen"
- next_step_due: 2026-04-30 → 2026-09-01

~~~
Nur intern: Haushaltsmittel noch nicht freigegeben.
~~~

## 2026-04-01T00:30:00+02:00 · anna

~~~
Kurz nach Mitternacht, schon im zweiten Quartal.
~~~

## 2026-03-31T23:30:00+02:00 · anna

~~~
Späte Notiz am Stichtag.
~~~

## 2026-03-20T14:00:00+01:00 · anna
- status: in-planung → in-umsetzung
- target:kurz: offen → teilweise-erreicht
- assessment: — → im-plan
- priority: — → mittel
- reviewed: — → 2026-03-20
- next_step: — → "Flyer nachdrucken"
- next_step_due: — → 2026-04-30

~~~
Flyer in 14 Sprachen verteilt.
~~~

## 2026-02-01T00:30:00+01:00 · bernd
- status: offen → in-planung
"""

# 3.1.1: set in the second quarter only.
LOG_311 = """+++
measure = "3.1.1"
rev = 1
status = "in-umsetzung"
assessment = "gefaehrdet"
+++

## 2026-05-10T08:00:00+02:00 · carla
- status: offen → in-umsetzung
- assessment: — → gefaehrdet

~~~
Ausschreibung läuft.
~~~
"""

# 2.1.1: recorded before D1 and never touched again.
LOG_211 = """+++
measure = "2.1.1"
rev = 1
status = "in-planung"
+++

## 2026-01-15T09:00:00+01:00 · anna
- status: offen → in-planung
"""


def write_logs(workspace: Workspace) -> None:
    for measure_id, text in (("1.2.2", LOG_122), ("3.1.1", LOG_311), ("2.1.1", LOG_211)):
        status_path(workspace.status_dir, measure_id).write_text(text, encoding="utf-8")


def freeze(workspace: Workspace, day: date, title: str = "", **options: object) -> FreezeResult:
    """Freeze as of `day`, as anna, at noon of TODAY (never the wall clock)."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    moment = datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0, tzinfo=WINTER)
    return freeze_report(
        workspace,
        catalogue,
        day,
        title,
        "anna",
        now=moment,
        today=TODAY,
        **options,  # type: ignore[arg-type]
    )


@pytest.fixture
def quick_freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeze the text formats only: PDF and DOCX take most of a freeze's time; the tests that
    need them (every file of a report, the marks in each format) render them."""
    monkeypatch.setattr(reporting, "FORMAT_NAMES", ("json", "markdown", "html"))
