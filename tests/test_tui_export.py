"""The `x` export dialog: format, Berichtsstand, filter, progress, paths, errors — by keyboard."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from monitor_tui import export
from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import ExportOptions, Progress
from monitor_tui.filters import YES, MeasureFilter
from monitor_tui.model import Catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import load_all_statuses, load_status, save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.exporting import parse_report_date, transfer_filters
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.screens import export_dialog
from monitor_tui.tui.screens.export_dialog import ExportScreen
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace
from tests.tui_helpers import (
    CONTROL_CHARACTERS,
    HOSTILE_CASES,
    TODAY,
    burst,
    press,
    run_app,
    screen_text,
    settle,
    type_text,
    wait_until,
)

CASES = HOSTILE_CASES
MOMENT = datetime.fromisoformat("2026-11-20T10:15:00+01:00")
TO_FILTER_BOX = ["tab"] * 6
"""Format → date → field → notes → since → summary → "Aktuellen Filter anwenden"."""


def record(workspace: Workspace) -> Catalogue:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna", now=MOMENT)
    save_edit(workspace, catalogue, "1.2.2", Edit(note="Flyer verteilt."), "anna", now=MOMENT)
    return catalogue


def exported(workspace: Workspace, extension: str) -> Path:
    return workspace.exports_dir / f"synopse-{TODAY.isoformat()}.{extension}"


def dialog_result(app: MonitorApp) -> str:
    """The result line of the export dialog as one text (long paths wrap on screen)."""
    return str(app.screen.query_one("#export-result", Static).content)


def json_measures(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        measure["id"]: measure
        for field in document["fields"]
        for goal in field["goals"]
        for measure in goal["measures"]
    }


# --- the dialog, driven by keys ---------------------------------------------------------------


def test_x_enter_writes_a_pdf_and_the_dialog_shows_its_path(workspace: Workspace) -> None:
    from pypdf import PdfReader

    record(workspace)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x")
        assert isinstance(app.screen, ExportScreen)
        text = screen_text(app)
        assert "● PDF" in text and "○ JSON" in text and "27.11.2026" in text
        assert f"Datei: exports/synopse-{TODAY.isoformat()}.pdf" in text  # named before
        await press(pilot, "enter")
        assert "Geschrieben:" in screen_text(app)
        assert str(exported(workspace, "pdf")) in dialog_result(app)
        assert isinstance(app.screen, ExportScreen)  # the dialog stays to show the path
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert "Export geschrieben: exports/synopse-2026-11-27.pdf" in screen_text(app)

    run_app(workspace, scenario, size=(100, 30))
    pdf = exported(workspace, "pdf")
    reader = PdfReader(pdf)
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    assert "Elternbrief" in text and "umgesetzt" in text and "Flyer verteilt." in text


def test_choosing_json_writes_the_recorded_status(workspace: Workspace) -> None:
    record(workspace)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "right", "right", "right", "right")
        assert "● JSON" in screen_text(app) and "○ PDF" in screen_text(app)
        await press(pilot, "enter")
        assert "Geschrieben:" in screen_text(app)
        assert str(exported(workspace, "json")) in dialog_result(app)

    run_app(workspace, scenario, size=(100, 30))
    measures = json_measures(exported(workspace, "json"))
    assert len(measures) == 27
    assert measures["1.2.2"]["status"] == "umgesetzt"
    assert measures["1.2.2"]["notes"][0]["text"] == "Flyer verteilt."
    assert not exported(workspace, "pdf").exists()


def test_all_writes_five_files_and_lists_them(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "end", "enter")
        for extension in ("pdf", "docx", "html", "md", "json"):
            assert str(exported(workspace, extension)) in dialog_result(app), extension
        await press(pilot, "escape")
        assert "5 Dateien" in screen_text(app)

    run_app(workspace, scenario, size=(120, 40))
    assert len(list(workspace.exports_dir.iterdir())) == 5


def test_the_filter_option_restricts_the_report_and_says_what_it_applies(
    workspace: Workspace,
) -> None:
    record(workspace)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        screen.query_text = "Flyer"
        screen.set_filter(MeasureFilter.of(status=["umgesetzt"], overdue=[YES]))
        await settle(pilot)
        await press(pilot, "x")
        assert "Filter nicht angewandt: der ganze Bericht" in screen_text(app)
        await press(pilot, "up", "up")  # round to JSON
        await press(pilot, *TO_FILTER_BOX, "space")  # filter on
        text = " ".join(screen_text(app).split())
        assert "Aktuellen Filter anwenden: ja" in text
        assert "beschränkt auf: Umsetzungsstand: umgesetzt" in text
        assert "Nicht übertragbar" in text and "Suche „Flyer“" in text and "überfällige" in text
        await press(pilot, "enter")
        assert "Geschrieben:" in screen_text(app)
        assert str(filtered) in dialog_result(app)

    filtered = exported(workspace, "json").with_name(f"synopse-{TODAY}-status-umgesetzt.json")
    run_app(workspace, scenario, size=(100, 30))
    document = json.loads(filtered.read_text(encoding="utf-8"))
    assert "umgesetzt" in document["restriction"]
    assert list(json_measures(filtered)) == ["1.2.2"]


def test_the_filter_option_is_off_and_disabled_without_a_filter(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x")
        assert "Kein Filter aktiv" in screen_text(app)
        await press(pilot, "up", "up", "tab", "tab", "space", "enter")  # JSON; tab skips the box

    run_app(workspace, scenario, size=(100, 30))
    document = json.loads(exported(workspace, "json").read_text(encoding="utf-8"))
    assert document["restriction"] == "" and len(json_measures(exported(workspace, "json"))) == 27


def test_a_bad_date_is_refused_in_german_until_the_field_holds_a_valid_one(
    workspace: Workspace,
) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "up", "up", "tab", "end")  # JSON, then the date's end
        await burst(pilot, "backspace", 10)
        await type_text(pilot, "31.02.2026")
        await press(pilot, "enter")
        assert "„31.02.2026“ ist kein gültiges Datum" in screen_text(app)
        assert not any(workspace.exports_dir.iterdir())
        await burst(pilot, "backspace", 7)  # "31." is no date yet: the complaint stays
        assert "ist kein gültiges Datum" in dialog_result(app)
        await type_text(pilot, "03.2026")  # a German date: the complaint goes at once
        assert dialog_result(app) == ""
        assert not any(workspace.exports_dir.iterdir())  # nothing written without Enter
        await press(pilot, "enter")
        assert "synopse-2026-03-31.json" in dialog_result(app)

    run_app(workspace, scenario, size=(100, 30))
    document = json.loads((workspace.exports_dir / "synopse-2026-03-31.json").read_text())
    assert document["report_date"] == "2026-03-31"


def test_a_date_typed_in_one_burst_with_enter_is_exported_and_the_complaint_goes(
    workspace: Workspace,
) -> None:
    """Over SSH "31.03.2026⏎" can arrive in one packet: Enter must see the whole date, and the
    complaint about the earlier bad date must not stay next to the written file."""

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "tab", "end")
        await burst(pilot, "backspace", 10)
        await type_text(pilot, "31.02.2026")
        await press(pilot, "enter")
        assert "„31.02.2026“ ist kein gültiges Datum" in screen_text(app)
        await burst(pilot, "backspace", 10)
        keys = [*[(c, c) for c in "31.03.2026"], ("enter", "\r")]
        for key, character in keys:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        result = dialog_result(app)
        assert "synopse-2026-03-31.pdf" in result
        assert "kein gültiges Datum" not in screen_text(app)

    run_app(workspace, scenario, size=(100, 30))
    assert [p.name for p in workspace.exports_dir.iterdir()] == ["synopse-2026-03-31.pdf"]


def test_a_broken_status_file_makes_the_export_refuse_with_path_and_line(
    workspace: Workspace,
) -> None:
    record(workspace)
    broken = workspace.status_dir / "1.2.1.md"
    broken.write_text("+++\nstatus = \n+++\n", encoding="utf-8")

    problem = load_all_statuses(workspace, load_catalogue(workspace.catalogue_dir)).broken["1.2.1"][
        0
    ]
    assert str(problem).startswith(f"{broken}:")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "enter")
        assert "Export abgelehnt" in screen_text(app)
        result = str(app.screen.query_one("#export-result", Static).content)
        assert str(problem) in result  # path:line: message, as the CLI prints it
        assert isinstance(app.screen, ExportScreen) and app.return_code is None
        await press(pilot, "escape")
        assert "Export abgelehnt" in screen_text(app) and "1.2.1.md:" in screen_text(app)

    run_app(workspace, scenario, size=(120, 30))
    assert not any(workspace.exports_dir.iterdir())


def test_an_unwritable_exports_folder_gives_a_message_not_a_crash(workspace: Workspace) -> None:
    workspace.exports_dir.rmdir()
    workspace.exports_dir.write_text("a file where the folder should be", encoding="utf-8")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "enter")
        assert "Export fehlgeschlagen" in screen_text(app)
        assert app.return_code is None

    run_app(workspace, scenario, size=(100, 30))


def test_the_export_runs_in_a_worker_and_keys_work_meanwhile(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_export = export.export_files

    def slow_export(
        workspace: Workspace,
        catalogue: Catalogue,
        options: ExportOptions,
        statuses: object = None,
        progress: Progress | None = None,
    ) -> list[Path]:
        if progress is not None:
            progress("pdf", 1, 1)
        release.wait(timeout=30)
        return real_export(workspace, catalogue, options)

    monkeypatch.setattr(export_dialog, "export_files", slow_export)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x")
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: "1/1 PDF wird erstellt" in screen_text(app),
            "the progress indicator of the export",
        )
        assert not release.is_set()  # the export is still running
        await pilot.press("enter")
        await pilot.pause()
        assert "läuft bereits" in screen_text(app)
        await pilot.press("escape", "down", "down")  # the app answers while the export runs
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen.catalogue_tree.cursor_line == 2
        assert "Export läuft" in screen_text(app)
        release.set()
        await settle(pilot)
        assert "Export geschrieben:" in screen_text(app)

    try:
        run_app(workspace, scenario, size=(100, 30))
    finally:
        release.set()
    assert exported(workspace, "pdf").exists()


def test_hostile_notes_reach_the_export_and_a_hostile_search_is_shown_safely(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure_ids = [m.id for m in catalogue.measures()]
    for measure_id, case in zip(measure_ids, CASES, strict=False):
        save_edit(workspace, catalogue, measure_id, Edit(note=case["text"]), "anna", now=MOMENT)
    with_controls = [c for c in CASES if any(ch in c["text"] for ch in CONTROL_CHARACTERS)]
    assert len(with_controls) >= 4

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        for case in CASES:  # each as a search: in the filter bar and the status line
            screen.submit_search(case["text"])  # as Enter in the search line (keys lack ESC)
            await settle(pilot)
            shown = screen_text(app)
            assert not [c for c in CONTROL_CHARACTERS if c in shown], case["name"]
            first_word = one_line(case["text"]).split()[0]
            assert first_word in shown, case["name"]
        query = " ".join(case["text"] for case in with_controls)
        screen.submit_search(query)
        await settle(pilot)
        await press(pilot, "x", *TO_FILTER_BOX, "space")  # filter on: it names the search
        described = str(app.screen.query_one("#export-filter-text", Static).content)
        assert "Suche „" + one_line(visible(query)) + "“" in described, described
        shown = screen_text(app)
        assert "␛[31mrot␛[0m" in shown and "C1<U+009B>31mrot" in shown
        assert not [c for c in CONTROL_CHARACTERS if c in shown]
        await press(pilot, "escape", "escape")  # close the dialog, clear the search
        assert screen.query_text == ""
        await press(pilot, "x", "up", "up", "enter")
        assert "Geschrieben:" in screen_text(app) and app.return_code is None

    run_app(workspace, scenario, size=(100, 30))
    measures = json_measures(exported(workspace, "json"))
    for measure_id, case in zip(measure_ids, CASES, strict=False):
        stored = load_status(workspace, catalogue, measure_id).log[0].text
        assert stored == case["text"], case["name"]
        assert measures[measure_id]["notes"][0]["text"] == stored, case["name"]


def test_a_burst_of_keys_moves_the_focus_before_the_next_key(workspace: Workspace) -> None:
    """Over SSH "Tab Space" can arrive in one packet: the space must tick the checkbox,
    not land in the date field that had the focus; "←←⏎" must export the format the arrows
    chose, not the one chosen before them."""

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "tab", "tab", "tab", "tab")
        assert app.focused is app.screen.query_one("#export-since")
        for key, character in [("tab", "\t"), ("space", " ")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert "Zusammenfassungen der Handlungsfelder voranstellen: ja" in screen_text(app)
        assert app.screen.query_one("#export-since", Input).value == ""
        await press(pilot, "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert app.focused is app.screen.query_one("#export-format")
        for key in ("left", "left", "enter"):  # PDF → alle → JSON, then Enter at once
            app.post_message(events.Key(key, "\r" if key == "enter" else None))
        await settle(pilot)
        assert "synopse-2026-11-27.json" in dialog_result(app)

    run_app(workspace, scenario, size=(100, 30))
    assert [p.name for p in workspace.exports_dir.iterdir()] == ["synopse-2026-11-27.json"]


def test_the_dialog_offers_summary_field_notes_and_since_and_forgets_the_last_run(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    for number in range(4):
        moment = MOMENT.replace(day=10 + number)
        save_edit(workspace, catalogue, "4.1.1", Edit(note=f"Notiz {number}"), "anna", now=moment)
    save_edit(workspace, catalogue, "1.2.2", Edit(note="Bildung"), "anna", now=MOMENT)
    target = workspace.exports_dir / f"synopse-{TODAY}-feld-4.4.json"

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x", "up", "up", "tab", "tab")  # JSON, then the field row
        await press(pilot, "right", "right", "right", "right")  # alle → 1 → … → 4
        text = screen_text(app)
        assert "● 4" in text and "Zivilgesellschaftliches" in text
        assert f"Datei: exports/synopse-{TODAY}-feld-4.4.json" in text
        await press(pilot, "tab")
        await type_text(pilot, "2")  # the latest two notes per measure …
        await press(pilot, "tab", "tab", "space", "enter")  # … with the summaries
        assert str(target) in dialog_result(app) and "fertig" in screen_text(app)
        assert [n["text"] for n in json_measures(target)["4.1.1"]["notes"]] == [
            "Notiz 3",
            "Notiz 2",
        ]
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        report = dialog.field_options("27.11.2026").report
        assert (report.field, report.notes, report.with_summary) == ("4", 2, True)
        await press(pilot, "shift+tab", "shift+tab")  # another option: the last run's words go
        await burst(pilot, "backspace", 1)
        assert dialog_result(app) == "" and "fertig" not in screen_text(app)
        await press(pilot, "tab")
        await type_text(pilot, "31.12.2025")  # all notes since a day, typed the German way
        await press(pilot, "enter")
        assert str(target) in dialog_result(app)

    run_app(workspace, scenario, size=(100, 30))
    document = json.loads(target.read_text(encoding="utf-8"))
    assert "4" in document["restriction"] and len(json_measures(target)) == 6
    notes = json_measures(target)["4.1.1"]["notes"]
    assert [n["text"] for n in notes] == ["Notiz 3", "Notiz 2", "Notiz 1", "Notiz 0"]


# --- the logic behind it (no Textual) ---------------------------------------------------------


def test_report_dates_in_iso_and_german_form() -> None:
    assert parse_report_date(" 2026-03-31 ") == date(2026, 3, 31)
    assert parse_report_date("1.4.2026") == date(2026, 4, 1)
    for bad in ("", "morgen", "2026-02-30", "32.01.2026", "20260331", "2026-3-1"):
        with pytest.raises(ValueError, match="kein gültiges Datum"):
            parse_report_date(bad)


def test_only_office_and_status_carry_over_to_the_report(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    office = catalogue.offices()[0]
    everything = MeasureFilter.of(
        office=[office], status=["umgesetzt"], assessment=["kritisch"], horizon=["lang"]
    )
    transfer = transfer_filters(everything.with_values("field", ["4"]), "Flyer", catalogue)
    assert (transfer.office, transfer.status, transfer.field) == (office, "umgesetzt", "4")
    assert len(transfer.applied) == 2 and len(transfer.ignored) == 3
    two_statuses = transfer_filters(MeasureFilter.of(status=["offen", "umgesetzt"]), "", catalogue)
    assert two_statuses.status is None and two_statuses.ignored  # one value or none at all
    nothing = transfer_filters(MeasureFilter(), " ", catalogue)
    assert not nothing.any_active() and nothing.office is None
