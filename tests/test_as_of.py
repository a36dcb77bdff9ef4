"""The Berichtsstand means what it says: a report as of a day shows the state and the public
notes recorded up to the end of that day, replayed from hand-made logs, never later entries, and
never internal notes. A hand-edited file is reported, never silently taken."""

from __future__ import annotations

import json
from datetime import date

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.export import FORMAT_NAMES, ExportOptions, prepare_report, render
from monitor_tui.report.build import ReportOptions
from monitor_tui.reports.synopse import take_snapshot
from monitor_tui.status.paths import status_path
from monitor_tui.status.replay import replays_to_front_matter, state_values
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace

from .reports_data import INTERNAL_TEXT, TODAY, write_logs
from .test_export_formats import READERS, squeezed

# (day, the state of 1.2.2 at its end, the public notes up to it, newest first)
EXPECTED_122 = [
    (date(2026, 1, 31), {"status": "offen", "target:kurz": "offen"}, []),
    (date(2026, 2, 1), {"status": "in-planung"}, []),
    (
        date(2026, 3, 20),
        {
            "status": "in-umsetzung",
            "target:kurz": "teilweise-erreicht",
            "assessment": "im-plan",
            "priority": "mittel",
            "reviewed": "2026-03-20",
            "next_step": "Flyer nachdrucken",
            "next_step_due": "2026-04-30",
        },
        ["Flyer in 14 Sprachen verteilt."],
    ),
    (
        date(2026, 3, 31),
        {"status": "in-umsetzung", "priority": "mittel"},
        ["Späte Notiz am Stichtag.", "Flyer in 14 Sprachen verteilt."],
    ),
    (
        date(2026, 5, 2),
        {
            "priority": "hoch",
            "next_step": "Nachdruck „Elternbrief“ bestellen",
            "next_step_due": "2026-09-01",
        },
        [
            "Kurz nach Mitternacht, schon im zweiten Quartal.",
            "Späte Notiz am Stichtag.",
            "Flyer in 14 Sprachen verteilt.",
        ],
    ),
    (
        date(2026, 6, 15),
        {"status": "umgesetzt", "target:kurz": "erreicht", "reviewed": "2026-06-15"},
        [
            "Alle Kitas beliefert.",
            "Kurz nach Mitternacht, schon im zweiten Quartal.",
            "Späte Notiz am Stichtag.",
            "Flyer in 14 Sprachen verteilt.",
        ],
    ),
]


def test_the_hand_made_logs_replay_to_their_front_matter(workspace: Workspace) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    loaded = load_all_statuses(workspace, catalogue)
    assert not loaded.broken
    for measure_id in ("1.2.2", "3.1.1", "2.1.1"):
        measure = catalogue.measure(measure_id)
        assert measure is not None
        assert replays_to_front_matter(loaded.statuses[measure_id], measure, catalogue)


def test_the_state_of_every_field_on_each_day(workspace: Workspace) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    measure = catalogue.measure("1.2.2")
    assert measure is not None
    expected: dict[str, str] = {}
    for day, changes, notes in EXPECTED_122:
        expected.update(changes)
        snapshot = take_snapshot(catalogue, statuses, day, TODAY)
        state = snapshot.status("1.2.2")
        values = state_values(state, measure, catalogue)
        assert {k: values[k] for k in expected} == expected, day
        assert [n.text for n in state.public_notes()] == notes, day
        # internal notes leave no text in a snapshot, whatever the day
        assert all(INTERNAL_TEXT not in entry.text for entry in state.log)
        assert snapshot.hand_edited == frozenset()


def test_a_day_before_any_entry_gives_the_catalogue_with_everything_open(
    workspace: Workspace,
) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    snapshot = take_snapshot(catalogue, statuses, date(2025, 12, 31), TODAY)
    assert {s.status for s in snapshot.statuses.values()} == {"offen"}
    assert all(not s.log for s in snapshot.statuses.values())
    assert len(snapshot.statuses) == 27


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_an_export_as_of_d1_shows_nothing_recorded_later(
    workspace: Workspace, format_name: str
) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    options = ExportOptions(report=ReportOptions(report_date=date(2026, 3, 31), notes=10))
    prepared = prepare_report(workspace, catalogue, statuses, options, today=TODAY)
    text = READERS[format_name](render(format_name, prepared.synopsis))
    flat = squeezed(text)
    assert squeezed("Späte Notiz am Stichtag.") in flat
    assert squeezed("Flyer in 14 Sprachen verteilt.") in flat
    for later in ("Alle Kitas beliefert.", "Kurz nach Mitternacht", "Ausschreibung läuft."):
        assert squeezed(later) not in flat, later
    assert "Haushaltsmittel" not in text
    if format_name == "json":
        document = json.loads(text)
        measures = {
            m["id"]: m for f in document["fields"] for g in f["goals"] for m in g["measures"]
        }
        assert measures["1.2.2"]["status"] == "in-umsetzung"
        assert measures["1.2.2"]["priority"] == "mittel"
        assert measures["1.2.2"]["reviewed"] == "2026-03-20"
        assert measures["1.2.2"]["target_states"] == {"kurz": "teilweise-erreicht"}
        assert measures["3.1.1"]["status"] == "offen" and measures["3.1.1"]["assessment"] is None
        assert measures["2.1.1"]["status"] == "in-planung"
    else:
        assert squeezed("Letzte Überprüfung: 20.03.2026") in flat
        assert "15.06.2026" not in text


def test_the_cli_export_with_a_date_and_a_date_in_the_future(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_logs(workspace)
    root = str(workspace.root)
    assert main(["-w", root, "export", "-f", "json", "-o", "-", "--date", "2026-05-01"]) == 0
    document = json.loads(capsys.readouterr().out)
    measures = {m["id"]: m for f in document["fields"] for g in f["goals"] for m in g["measures"]}
    assert measures["1.2.2"]["priority"] == "mittel" and measures["3.1.1"]["status"] == "offen"
    assert main(["-w", root, "export", "-o", "-", "--date", "2999-01-01"]) == 2
    error = capsys.readouterr().err
    assert "Der Berichtsstand 01.01.2999 liegt in der Zukunft" in error
    assert "Traceback" not in error


def test_the_digest_is_the_same_for_the_same_past_whatever_came_later(
    workspace: Workspace,
) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    options = ExportOptions(report=ReportOptions(report_date=date(2026, 3, 31)))

    def digest() -> str:
        statuses = load_all_statuses(workspace, catalogue).statuses
        return prepare_report(workspace, catalogue, statuses, options, today=TODAY).synopsis.digest

    before = digest()
    path = status_path(workspace.status_dir, "3.1.1")  # only entries after 31 March
    path.write_text(path.read_text("utf-8").replace("Ausschreibung läuft.", "Vergabe erfolgt."))
    assert digest() == before
    path = status_path(workspace.status_dir, "1.2.2")
    path.write_text(path.read_text("utf-8").replace("Späte Notiz", "Spätere Notiz"))
    assert digest() != before


def _hand_edit(workspace: Workspace) -> None:
    """Status set to "umgesetzt" in the front matter, with no log line saying so."""
    path = status_path(workspace.status_dir, "2.1.1")
    text = path.read_text("utf-8").replace('status = "in-planung"', 'status = "umgesetzt"')
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_hand_edited_file_is_warned_about_on_a_past_date(
    workspace: Workspace, format_name: str
) -> None:
    write_logs(workspace)
    _hand_edit(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    options = ExportOptions(report=ReportOptions(report_date=date(2026, 3, 31)))
    prepared = prepare_report(workspace, catalogue, statuses, options, today=TODAY)
    assert prepared.snapshot.hand_edited == {"2.1.1"}
    assert [w.split(":")[0] for w in prepared.warnings()] == ["Achtung"]
    text = READERS[format_name](render(format_name, prepared.synopsis))
    if format_name == "json":
        measures = {
            m["id"]: m
            for f in json.loads(text)["fields"]
            for g in f["goals"]
            for m in g["measures"]
        }
        assert measures["2.1.1"]["state_unverified"] is True
        assert measures["1.2.2"]["state_unverified"] is False
    else:
        flat = squeezed(text)
        assert squeezed("Stand nicht gesichert bei 1 Maßnahme(n)") in flat  # title block
        assert squeezed("Der Stand zum Berichtsstand ist nicht gesichert") in flat  # its row
        assert squeezed("ungesichert") in flat


def test_a_hand_edited_file_counts_as_it_is_today_and_on_stderr_for_a_past_date(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_logs(workspace)
    _hand_edit(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    today = prepare_report(workspace, catalogue, statuses, ExportOptions(), today=TODAY)
    assert today.snapshot.hand_edited == frozenset() and not today.warnings()
    assert today.snapshot.status("2.1.1").status == "umgesetzt"  # the front matter
    root = str(workspace.root)
    assert main(["-w", root, "export", "-f", "json", "-o", "-", "--date", "2026-03-31"]) == 0
    error = capsys.readouterr().err
    assert "Maßnahme 2.1.1: Stand zum 31.03.2026 nicht gesichert" in error


def test_exports_go_to_a_file_named_after_the_berichtsstand(workspace: Workspace) -> None:
    write_logs(workspace)
    assert (
        main(["-w", str(workspace.root), "export", "-f", "markdown", "--date", "31.03.2026"]) == 0
    )
    text = (workspace.exports_dir / "synopse-2026-03-31.md").read_text("utf-8")
    assert "Berichtsstand: 31.03.2026" in text and "Alle Kitas" not in text
