"""`monitor-tui report freeze|list|show|withdraw|diff`: the reporting cycle (see `reporting`)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from monitor_tui.commands.common import (
    USAGE_ERROR,
    announce_workspace,
    fail,
    load_catalogue_or_report,
    report_problems,
)
from monitor_tui.commands.options import parse_date_option
from monitor_tui.dates import format_date, format_timestamp
from monitor_tui.export import CompareError, ExportRefused, ReportDateError
from monitor_tui.i18n import _, get_language, os_error
from monitor_tui.people import Directory, load_directory
from monitor_tui.problems import ProblemsError
from monitor_tui.render.json_data import render_json
from monitor_tui.render.markdown import escape_markdown
from monitor_tui.reporting import MAX_TITLE, diff_sides, freeze_report
from monitor_tui.reports.describe import diff_json, diff_markdown, diff_text
from monitor_tui.reports.record import FrozenReport, latest_report
from monitor_tui.reports.store import (
    ReportError,
    find_report,
    list_reports,
    load_snapshot,
    verify_report,
    withdraw_report,
)
from monitor_tui.reports.synopse import Snapshot
from monitor_tui.status.store import current_login
from monitor_tui.status.wording import value_word
from monitor_tui.text import visible_controls
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    action = {
        "freeze": _freeze,
        "list": _list,
        "show": _show,
        "withdraw": _withdraw,
        "diff": _diff,
    }[args.report_action]
    try:
        return action(args, workspace)
    except ReportError as error:
        return fail(str(error))
    except ProblemsError as error:
        return report_problems(error.problems)


def _one_line(text: str) -> str:
    return visible_controls(" ".join(text.split()))


# --- freeze -----------------------------------------------------------------------------------


def _freeze(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        day = parse_date_option(args.date, "--date")
    except ValueError as error:
        return fail(str(error), USAGE_ERROR)
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    announce_workspace(workspace)
    try:
        result = freeze_report(workspace, catalogue, day, args.title, compare=args.compare)
    except ExportRefused as refused:
        report_problems(refused.problems)
        return fail(_("reports_freeze_refused_broken", count=len(refused.problems)))
    except (ReportDateError, CompareError) as error:
        return fail(str(error), USAGE_ERROR)
    except OSError as error:
        return fail(_("reports_freeze_failed", reason=os_error(error)))
    except ReportError as error:
        return fail(str(error), USAGE_ERROR if len(args.title) > MAX_TITLE else 1)
    for line in result.warnings:
        print(f"monitor-tui: {line}", file=sys.stderr)
    report = result.report
    lang = get_language()
    if result.duplicate:
        print(_("reports_frozen_again", date=format_date(report.report_date, lang), id=report.id))
    print(
        _(
            "reports_frozen",
            id=report.id,
            date=format_date(report.report_date, lang),
            path=report.path,
            digest=report.digest,
        )
    )
    if report.compared_to:
        print(_("reports_frozen_compared", id=report.compared_to))
    return 0


# --- list and show ----------------------------------------------------------------------------


def _status_counts(snapshot: Snapshot) -> str:
    """ "offen 20 · in Umsetzung 5 · umgesetzt 2"."""
    lang = get_language()
    catalogue = snapshot.catalogue
    counts: dict[str, int] = {}
    for measure in catalogue.measures():
        key = snapshot.status(measure.id).status
        counts[key] = counts.get(key, 0) + 1
    order = {choice.key: index for index, choice in enumerate(catalogue.concept.statuses)}
    return " · ".join(
        f"{value_word('status', key, catalogue, lang)} {count}"
        for key, count in sorted(counts.items(), key=lambda item: order.get(item[0], 99))
    )


def _withdrawn_text(report: FrozenReport, directory: Directory) -> str:
    withdrawn = report.withdrawn
    if withdrawn is None:
        return ""
    return _(
        "reports_withdrawn_note",
        date=format_date(withdrawn.at.date(), get_language()),
        by=_one_line(directory.name_of(withdrawn.by)),
        reason=_one_line(withdrawn.reason),
    )


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    reports, problems = list_reports(workspace)
    report_problems(problems)
    if not reports:
        print(_("reports_none_yet"))
        return 1 if problems else 0
    lang = get_language()
    last = latest_report(reports)
    directory = load_directory(workspace.catalogue_dir)
    for report in reversed(reports):  # the newest first: that is what people look for
        try:
            snapshot = load_snapshot(report)
            measures = sum(1 for _m in snapshot.catalogue.measures())
            counts = _status_counts(snapshot)
        except ProblemsError as error:
            report_problems(error.problems)
            measures, counts = 0, "?"
        mark = "*" if report is last else " "
        title = _one_line(report.title) or "–"
        print(
            f"{mark} {report.id:<13} {format_date(report.report_date, lang)}  {title}"
            f"  ({_('reports_by', by=_one_line(directory.name_of(report.frozen_by)))})"
        )
        print(f"    {_('reports_measures', count=measures)}: {counts}")
        if report.withdrawn is not None:
            print(f"    {_withdrawn_text(report, directory)}")
    if last is not None:
        print(_("reports_list_last", id=last.id))
    return 1 if problems else 0


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    report = find_report(workspace, args.id)
    lang = get_language()
    snapshot = load_snapshot(report)
    directory = load_directory(workspace.catalogue_dir)
    rows = [
        (_("reports_label_id"), report.id),
        (_("reports_label_date"), format_date(report.report_date, lang)),
        (_("reports_label_title"), _one_line(report.title) or "–"),
        (
            _("reports_label_frozen"),
            _frozen_text(report.frozen_at, directory.name_of(report.frozen_by)),
        ),
        (_("reports_label_digest"), report.digest),
        (_("reports_label_version"), report.program_version),
        (_("reports_label_compared"), report.compared_to or "–"),
        (_("reports_label_measures"), str(sum(1 for _m in snapshot.catalogue.measures()))),
        (_("reports_label_statuses"), _status_counts(snapshot)),
        (_("reports_label_folder"), str(report.path)),
    ]
    if report.withdrawn is not None:
        rows.append((_("reports_label_withdrawn"), _withdrawn_text(report, directory)))
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        print(f"{label + ':':<{width + 1}} {value}")
    problems = verify_report(report)
    print(_("reports_label_files") + ":")
    changed = {problem.path.name for problem in problems}
    name_width = max((len(name) for name in report.files), default=0)
    for name in sorted(report.files):
        state = _("reports_file_bad") if name in changed else _("reports_file_ok")
        print(f"  {name:<{name_width}}  {state}")
    report_problems(problems)
    return 1 if problems else 0


def _frozen_text(at: datetime, by: str) -> str:
    return _("reports_frozen_at_by", at=format_timestamp(at, get_language()), by=_one_line(by))


# --- withdraw ---------------------------------------------------------------------------------


def _withdraw(args: argparse.Namespace, workspace: Workspace) -> int:
    if not args.reason.strip():
        return fail(_("reports_withdraw_no_reason"), USAGE_ERROR)
    now = datetime.now().astimezone()
    announce_workspace(workspace)
    report = withdraw_report(workspace, args.id, args.reason, current_login(), now)
    print(_("reports_withdrawn", id=report.id))
    last = latest_report(list_reports(workspace)[0])
    print(_("reports_list_last", id=last.id) if last else _("reports_none_left"))
    return 0


# --- diff -------------------------------------------------------------------------------------


def _diff(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    try:
        diff, before, after = diff_sides(
            workspace, catalogue, args.first, args.second, today=date.today()
        )
    except ExportRefused as refused:
        return report_problems(refused.problems)
    if args.format == "json":
        sys.stdout.buffer.write(render_json(diff_json(diff, before, after)))
    elif args.format == "markdown":
        sys.stdout.write(diff_markdown(diff, before, after, escape_markdown))
    else:
        print("\n".join(visible_controls(line) for line in diff_text(diff, before, after)))
    sys.stdout.flush()
    return 0
