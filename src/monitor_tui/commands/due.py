"""`monitor-tui due [--office NAME] [--mine] [--date D] [--format text|json]`: per office, the
measures due for the coming report and those whose review is overdue."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from monitor_tui.commands.common import USAGE_ERROR, fail, load_catalogue_or_report
from monitor_tui.commands.options import parse_date_option
from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue
from monitor_tui.offices import (
    DueMeasure,
    DueOverview,
    NoOfficesError,
    OfficeDue,
    due_overview,
    due_to_json,
    my_offices,
)
from monitor_tui.people import load_directory
from monitor_tui.render.json_data import render_json
from monitor_tui.reports.store import list_reports
from monitor_tui.selection import SelectionError, resolve_office
from monitor_tui.status.store import current_login, load_all_statuses
from monitor_tui.status.wording import value_word
from monitor_tui.text import visible_controls
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    directory = load_directory(workspace.catalogue_dir)
    today = date.today()
    try:
        day = parse_date_option(args.date, "--date") or today
        only: set[str] | None = None
        if args.office:
            only = {resolve_office(catalogue, args.office)}
        if args.mine:
            mine = set(my_offices(directory, current_login()))
            only = mine if only is None else only & mine
    except (ValueError, SelectionError, NoOfficesError) as error:
        return fail(str(error), USAGE_ERROR)
    loaded = load_all_statuses(workspace, catalogue, cached=True)
    reports, _problems = list_reports(workspace)
    overview = due_overview(
        catalogue, loaded.statuses, reports, directory, day, today, only, set(loaded.broken)
    )
    if args.format == "json":
        sys.stdout.buffer.write(render_json(due_to_json(overview)))
    else:
        print(visible_controls("\n".join(due_text(overview, catalogue))))
    for problem in loaded.problems():
        print(problem, file=sys.stderr)
    return 1 if loaded.broken else 0


def due_text(overview: DueOverview, catalogue: Catalogue) -> list[str]:
    """The overview as lines for the terminal: what the words mean, then office by office."""
    lang = get_language()
    lines = [_("due_heading", date=format_date(overview.day, lang))]
    lines.append(f"  {_due_rule(overview, lang)}")
    lines.append(f"  {_overdue_rule(overview, lang)}")
    quiet = []
    for office in overview.offices:
        if not office.measures:
            quiet.append(office.office)
            continue
        lines += ["", _office_line(office)]
        for item in office.measures:
            lines += _measure_lines(item, catalogue, lang)
    if quiet:
        lines += ["", _("due_nothing_due", count=len(quiet), offices="; ".join(quiet))]
    return lines


def _due_rule(overview: DueOverview, lang: str) -> str:
    report = overview.report
    if report is not None:
        day = format_date(report.report_date, lang)
        return _("due_rule_report", id=report.id, date=day)
    if overview.start is not None:
        return _("due_rule_start", date=format_date(overview.start, lang))
    return _("due_rule_nothing")


def _overdue_rule(overview: DueOverview, lang: str) -> str:
    if overview.start is None:
        start = _("due_start_unknown")
    elif overview.start_from_concept:
        start = format_date(overview.start, lang)
    else:
        start = _("due_start_earliest", date=format_date(overview.start, lang))
    return _("due_rule_overdue", days=overview.period_days, start=start)


def _office_line(office: OfficeDue) -> str:
    line = _(
        "due_office",
        office=office.office,
        total=office.total,
        due=office.due_count,
        overdue=office.overdue_count,
    )
    contact = office.contact
    parts = [p for p in (contact.contact, contact.email, contact.phone) if p]
    return f"{line} · {_('due_contact')}: {', '.join(parts)}" if parts else line


def _measure_lines(item: DueMeasure, catalogue: Catalogue, lang: str) -> list[str]:
    marks = [
        _(key) for key, on in (("due_mark_due", item.due), ("due_mark_overdue", item.overdue)) if on
    ]
    if item.broken:
        state = _("due_broken")
    else:
        state = value_word("status", item.status.status, catalogue, lang)
    last = (
        _("due_last_update", date=format_date(item.last_update, lang))
        if item.last_update
        else _("due_never_updated")
    )
    reviewed = item.status.reviewed
    review = (
        _("due_reviewed", date=format_date(reviewed, lang)) if reviewed else _("due_never_reviewed")
    )
    lines = [f"  {item.measure.id:<7} {', '.join(marks):<20} {last} · {review} · {state}"]
    status = item.status
    if status.next_step:
        step = next_step_text(status.next_step, status.next_step_due, lang, item.next_step_overdue)
        lines.append(f"          {step}")
    return lines


def next_step_text(text: str, due: date | None, lang: str, late: bool) -> str:
    """ "Nächster Schritt bis 31.10.2026 (Termin verstrichen): …"."""
    if due is None:
        return _("due_next_step_undated", text=text)
    key = "due_next_step_late" if late else "due_next_step"
    return _(key, date=format_date(due, lang), text=text)
