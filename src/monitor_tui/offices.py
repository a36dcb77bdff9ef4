"""The responsible offices' side of the work: who is due for the coming report, and whose.

A measure is **überfällig** when it was not reviewed for longer than the concept's
`review_period_days` (a never-reviewed one counting from the start of monitoring), and **fällig**
for the coming report when it has had no entry (a change, a note or a review) since the last
frozen report's Berichtsstand, or since the start when no report was frozen yet; a next step
whose date has passed makes it fällig too. Per office, since a measure shared by several
offices is due for each of them. No Textual, no argparse: the `due` command and the app's
"Fällig" view both use this.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from monitor_tui.i18n import _
from monitor_tui.model import (
    Catalogue,
    Measure,
    MeasureStatus,
    fold_for_search,
    is_due,
    is_overdue,
    last_update,
    monitoring_start,
    next_step_overdue,
)
from monitor_tui.people import Directory, OfficeContact
from monitor_tui.reports.record import FrozenReport, latest_report
from monitor_tui.status.replay import status_on


class NoOfficesError(ValueError):
    """`--mine` (or "Meine Maßnahmen") for a login people.toml gives no office; the message
    says how to fix it."""


@dataclass(frozen=True)
class DueMeasure:
    """One measure of an office that needs attention, as of the reference day."""

    measure: Measure
    status: MeasureStatus
    last_update: date | None
    due: bool
    overdue: bool
    next_step_overdue: bool
    broken: bool = False
    """Its status file cannot be read: its state is unknown, so it is listed as due."""


@dataclass(frozen=True)
class OfficeDue:
    office: str
    contact: OfficeContact
    measures: tuple[DueMeasure, ...]
    """Only the measures that are due or overdue, in catalogue order."""
    total: int
    """All measures of the office."""

    @property
    def due_count(self) -> int:
        return sum(1 for m in self.measures if m.due)

    @property
    def overdue_count(self) -> int:
        return sum(1 for m in self.measures if m.overdue)


@dataclass(frozen=True)
class DueOverview:
    day: date
    """The reference day (may lie in the future: who will be due by then?)."""
    start: date | None
    """The start of monitoring: the concept's, else the earliest entry (None: none yet)."""
    start_from_concept: bool
    report: FrozenReport | None
    """The last frozen report on or before `day`: "fällig" means no entry since it."""
    offices: tuple[OfficeDue, ...]
    period_days: int

    @property
    def updated_after(self) -> date | None:
        """Entries dated after this day count as an update for the coming report."""
        if self.report is not None:
            return self.report.report_date
        return self.start - timedelta(days=1) if self.start else None

    def due_ids(self) -> set[str]:
        return {m.measure.id for office in self.offices for m in office.measures if m.due}


def my_offices(directory: Directory, login: str) -> tuple[str, ...]:
    """The offices people.toml gives the login; raises NoOfficesError when it gives none."""
    offices = directory.offices_of(login)
    if not offices:
        raise NoOfficesError(_("offices_none_for_login", login=login))
    return offices


def due_overview(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    reports: Sequence[FrozenReport],
    directory: Directory,
    day: date,
    today: date,
    only: Collection[str] | None = None,
    broken: Collection[str] = (),
) -> DueOverview:
    """Per office (all, or those in `only`), its due and overdue measures on `day`.

    `statuses` are today's; for a day in the past each measure is replayed to that day.
    Measures in `broken` (unreadable status files) are listed as due.
    """
    concept = catalogue.concept
    start = monitoring_start(concept, statuses.values())
    report = latest_report(list(reports), before=day + timedelta(days=1))
    if report is not None:
        updated_after: date | None = report.report_date
    else:
        updated_after = start - timedelta(days=1) if start else None
    period = concept.review_period_days
    states: dict[str, DueMeasure | None] = {}
    for measure in catalogue.measures():
        current = statuses.get(measure.id) or MeasureStatus(measure.id)
        if measure.id in broken:
            states[measure.id] = DueMeasure(measure, current, None, True, False, False, True)
            continue
        status = status_on(current, measure, catalogue, day) if day < today else current
        due = is_due(status, day, updated_after, until=day)
        overdue = is_overdue(status, day, period, start)
        late_step = next_step_overdue(status.next_step_due, day)
        states[measure.id] = (
            DueMeasure(measure, status, last_update(status, day), due, overdue, late_step)
            if due or overdue
            else None
        )
    offices = []
    for office in catalogue.offices():
        if only is not None and office not in only:
            continue
        mine = [m for m in catalogue.measures() if office in m.offices]
        listed = tuple(s for m in mine if (s := states[m.id]) is not None)
        offices.append(OfficeDue(office, directory.contact(office), listed, len(mine)))
    return DueOverview(
        day, start, concept.monitoring_start is not None, report, tuple(offices), period
    )


def office_slug(office: str) -> str:
    """An office name as an ASCII file name: ä→ae, ß→ss, lower case, words joined by hyphens
    ("Büro für Migration und Integration" → "buero-fuer-migration-und-integration")."""
    folded = fold_for_search(office)
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    words = "".join(c if c.isalnum() else " " for c in ascii_only).split()
    return "-".join(words) or "amt"


def due_to_json(overview: DueOverview) -> dict[str, Any]:
    """The overview as plain data (`due --format json`)."""
    report = overview.report
    return {
        "date": overview.day.isoformat(),
        "monitoring_start": overview.start.isoformat() if overview.start else None,
        "monitoring_start_from_concept": overview.start_from_concept,
        "review_period_days": overview.period_days,
        "last_report": (
            {"id": report.id, "report_date": report.report_date.isoformat()} if report else None
        ),
        "offices": [
            {
                "office": office.office,
                "contact": {
                    "name": office.contact.contact or None,
                    "email": office.contact.email or None,
                    "phone": office.contact.phone or None,
                },
                "measures_total": office.total,
                "due": office.due_count,
                "overdue": office.overdue_count,
                "measures": [_due_measure_json(m) for m in office.measures],
            }
            for office in overview.offices
        ],
    }


def _due_measure_json(item: DueMeasure) -> dict[str, Any]:
    status = item.status
    return {
        "id": item.measure.id,
        "status": None if item.broken else status.status,
        "last_update": item.last_update.isoformat() if item.last_update else None,
        "reviewed": status.reviewed.isoformat() if status.reviewed else None,
        "due": item.due,
        "overdue": item.overdue,
        "next_step": status.next_step,
        "next_step_due": status.next_step_due.isoformat() if status.next_step_due else None,
        "next_step_overdue": item.next_step_overdue,
        "status_file_broken": item.broken,
    }
