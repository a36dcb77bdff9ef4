"""Who is due and who is overdue: the rule on hand-made logs and days, the `due` command, the
start of monitoring (`init` writes it, `check` notes its absence), and the tree's filter."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.filters import FilterContext, MeasureFilter
from monitor_tui.model import (
    Catalogue,
    LogEntry,
    MeasureStatus,
    is_due,
    is_overdue,
    monitoring_start,
)
from monitor_tui.offices import due_overview
from monitor_tui.people import Directory
from monitor_tui.reports.record import FrozenReport
from monitor_tui.workspace import Workspace

START = date(2026, 1, 15)


def entry(day: date, text: str = "Notiz") -> LogEntry:
    return LogEntry(datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC), "anna", text)


def report(day: date, withdrawn: bool = False) -> FrozenReport:
    from monitor_tui.reports.record import Withdrawal

    moment = datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
    return FrozenReport(
        day.isoformat(),
        Path("reports") / day.isoformat(),
        day,
        "Bericht",
        moment,
        "anna",
        "0" * 12,
        "1",
        withdrawn=Withdrawal(moment, "anna", "Versehen") if withdrawn else None,
    )


def with_start(workspace: Workspace, day: date | None) -> Catalogue:
    """The workspace's catalogue with `monitoring_start` set as `init` would set it."""
    from monitor_tui.workspace import _set_monitoring_start

    if day is not None:
        _set_monitoring_start(workspace.catalogue_dir / "concept.toml", day)
    return load_catalogue(workspace.catalogue_dir)


def test_never_reviewed_measures_are_overdue_from_the_start() -> None:
    untouched = MeasureStatus("1.1.1")
    assert not is_overdue(untouched, date(2026, 7, 14), 180, START)  # 180 days: not yet
    assert is_overdue(untouched, date(2026, 7, 15), 180, START)  # 181 days
    assert not is_overdue(untouched, date(2030, 1, 1), 180, None)  # no start: nothing to count
    noted = MeasureStatus("1.1.1", log=(entry(date(2026, 7, 1)),))  # a note is no review
    assert is_overdue(noted, date(2026, 7, 15), 180, START)
    reviewed = MeasureStatus("1.1.1", reviewed=date(2026, 7, 1), log=(entry(date(2026, 7, 1)),))
    assert not is_overdue(reviewed, date(2026, 12, 28), 180, START)
    assert is_overdue(reviewed, date(2026, 12, 29), 180, START)


def test_due_means_no_entry_since_the_last_report_or_a_late_next_step() -> None:
    day = date(2026, 6, 30)
    untouched = MeasureStatus("1.1.1")
    assert is_due(untouched, day, START - date.resolution)
    noted = MeasureStatus("1.1.1", log=(entry(date(2026, 3, 31)), entry(date(2026, 2, 1))))
    assert is_due(noted, day, date(2026, 3, 31))  # on the Berichtsstand: part of that report
    assert not is_due(noted, day, date(2026, 3, 30))
    # the start itself counts as "since the start"
    assert not is_due(MeasureStatus("1.1.1", log=(entry(START),)), day, START - date.resolution)
    late = MeasureStatus("1.1.1", next_step_due=date(2026, 6, 29), log=(entry(date(2026, 6, 1)),))
    assert is_due(late, day, date(2026, 3, 31))
    assert not is_due(late, date(2026, 6, 29), date(2026, 3, 31))  # due that day, not yet late
    # entries after the reference day do not count for it
    assert is_due(MeasureStatus("1.1.1", log=(entry(date(2026, 7, 2)),)), day, START, until=day)


def test_monitoring_start_falls_back_to_the_earliest_entry(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = [MeasureStatus("1.1.1", log=(entry(date(2026, 5, 3)), entry(date(2026, 2, 9))))]
    assert catalogue.concept.monitoring_start is None
    assert monitoring_start(catalogue.concept, statuses) == date(2026, 2, 9)
    assert monitoring_start(catalogue.concept, []) is None
    assert monitoring_start(with_start(workspace, START).concept, statuses) == START


def test_a_fresh_workspace_older_than_the_period_shows_every_measure_overdue(
    workspace: Workspace,
) -> None:
    """What a new user saw: "Nur überfällige" listed 0 of 27 although none was reviewed."""
    catalogue = with_start(workspace, START)
    day = date(2026, 11, 27)
    overview = due_overview(catalogue, {}, [], Directory(), day, day)
    measures = {m.measure.id for o in overview.offices for m in o.measures}
    assert len(measures) == 27
    assert all(m.due and m.overdue for o in overview.offices for m in o.measures)
    overdue = MeasureFilter.of(overdue=["ja"])
    shown = overdue.select(FilterContext(catalogue, {}, day, monitoring_start=START))
    assert len(shown) == 27
    early = FilterContext(catalogue, {}, date(2026, 3, 1), monitoring_start=START)
    assert not overdue.select(early)


def test_due_per_office_against_the_last_report(workspace: Workspace) -> None:
    catalogue = with_start(workspace, START)
    day = date(2026, 6, 30)
    statuses = {
        # a note after the report of 31.03.: not due, reviewed recently: not overdue
        "1.2.2": MeasureStatus("1.2.2", reviewed=date(2026, 4, 2), log=(entry(date(2026, 4, 2)),)),
        # a note before the report only: due
        "2.1.4": MeasureStatus("2.1.4", log=(entry(date(2026, 3, 1)),)),
        # shared by five offices and reviewed long ago
        "3.1.1": MeasureStatus("3.1.1", reviewed=date(2025, 11, 1), log=(entry(date(2026, 5, 5)),)),
    }
    reports = [report(date(2026, 3, 31)), report(date(2026, 5, 31), withdrawn=True)]
    overview = due_overview(catalogue, statuses, reports, Directory(), day, day)
    assert overview.report is not None and overview.report.id == "2026-03-31"
    offices = {o.office: o for o in overview.offices}
    bmi = offices["Büro für Migration und Integration"]
    assert {m.measure.id: (m.due, m.overdue) for m in bmi.measures} == {
        "2.1.4": (True, False),
        "4.2.2": (True, False),
        "4.2.3": (True, False),
        "5.2.1": (True, False),
    }
    assert bmi.due_count == 4 and bmi.total == 5
    for office in (
        "Leitstelle Wohnen",
        "Stadtplanungsamt",
        "Amt für soziale Leistungen",
        "Amt für Wirtschaft und Liegenschaften",
        "Amt für Stadtentwicklung, Statistik und Wahlen",
    ):
        housing = next(m for m in offices[office].measures if m.measure.id == "3.1.1")
        assert (housing.due, housing.overdue) == (False, True)
        assert housing.last_update == date(2026, 5, 5)
    # a day before the report: the report does not count yet, the start does
    early = due_overview(catalogue, statuses, reports, Directory(), date(2026, 3, 1), day)
    assert early.report is None
    assert "2.1.4" not in early.due_ids()  # its note of 01.03. is an entry since the start


def test_a_future_date_tells_who_will_be_overdue(workspace: Workspace) -> None:
    catalogue = with_start(workspace, START)
    today = date(2026, 6, 30)
    statuses = {"1.2.2": MeasureStatus("1.2.2", reviewed=date(2026, 3, 1))}
    now = due_overview(catalogue, statuses, [], Directory(), today, today)
    later = due_overview(catalogue, statuses, [], Directory(), date(2026, 9, 30), today)

    def overdue(overview: object) -> set[str]:
        return {m.measure.id for o in overview.offices for m in o.measures if m.overdue}  # type: ignore[attr-defined]

    assert "1.2.2" not in overdue(now) and "1.2.2" in overdue(later)


def test_due_command_text_json_office_and_date(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    with_start(workspace, START)
    root = str(workspace.root)
    assert main(["-w", root, "status", "1.2.2", "--note", "Flyer gedruckt", "--reviewed"]) == 0
    capsys.readouterr()
    assert main(["-w", root, "due", "--office", "Büro für Migration"]) == 0
    out = capsys.readouterr().out
    assert "Büro für Migration und Integration – 5 Maßnahmen: 4 fällig, " in out
    assert "1.2.2" not in out and "2.1.4" in out
    line = next(line for line in out.splitlines() if "2.1.4" in line)
    assert "noch nichts erfasst · nie geprüft · offen" in line  # why it is overdue, too
    assert "Stichtag" in out and "15.01.2026" in out
    assert main(["-w", root, "due", "--format", "json", "--date", "2099-12-31"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "2099-12-31" and data["monitoring_start"] == "2026-01-15"
    assert len(data["offices"]) == 20
    bmi = next(o for o in data["offices"] if o["office"] == "Büro für Migration und Integration")
    assert {m["id"] for m in bmi["measures"]} == {"1.2.2", "2.1.4", "4.2.2", "4.2.3", "5.2.1"}
    assert all(m["overdue"] for m in bmi["measures"])
    assert main(["-w", root, "due", "--date", "morgen"]) == 2
    assert "--date" in capsys.readouterr().err


def test_due_mine_needs_offices_in_people_toml(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "anna")
    root = str(workspace.root)
    assert main(["-w", root, "due", "--mine"]) == 2
    assert "keine Ämter" in capsys.readouterr().err
    (workspace.catalogue_dir / "people.toml").write_text(
        '[people.anna]\nname = "Anna Beispiel"\noffices = ["Bürgeramt"]\n', encoding="utf-8"
    )
    assert main(["-w", root, "due", "--mine", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [o["office"] for o in data["offices"]] == ["Bürgeramt"]


def test_init_writes_the_start_and_check_notes_its_absence(
    tmp_path: Path, workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "neu"
    assert main(["init", str(target)]) == 0
    concept = (target / "catalogue" / "concept.toml").read_text(encoding="utf-8")
    assert tomllib.loads(concept)["monitoring_start"] == date.today()
    assert "# Zeithorizonte (Legende am Ende des Dokuments)." in concept  # comments kept
    capsys.readouterr()
    assert main(["-w", str(target), "check"]) == 0
    assert capsys.readouterr().err == ""
    # the repository's own catalogue has none: a note, not a failure
    assert main(["-w", str(workspace.root), "check"]) == 0
    captured = capsys.readouterr()
    assert "monitoring_start" in captured.err and "noch keiner" in captured.err
    assert captured.out == "5 Handlungsfelder, 14 Ziele, 27 Maßnahmen\n"


def test_a_start_that_is_no_date_is_a_problem(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workspace.catalogue_dir / "concept.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "review_period_days = 180", 'review_period_days = 180\nmonitoring_start = "bald"'
        ),
        encoding="utf-8",
    )
    assert main(["-w", str(workspace.root), "check"]) == 1
    assert "„monitoring_start“ muss ein Datum sein" in capsys.readouterr().err


def test_status_shows_a_never_reviewed_measure_as_overdue(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    with_start(workspace, date(2020, 1, 1))
    assert main(["-w", str(workspace.root), "status", "1.1.1"]) == 0
    assert "Zuletzt überprüft: noch nie (überfällig)" in capsys.readouterr().out
