"""The offices in the app, at 80×24: the Fällig view, "Meine Maßnahmen", a reason asked before a
value that needs one is saved, the next step, and reading an answer back with its preview.
Two app starts, each running a batch of steps."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx import Document
from textual.pilot import Pilot
from textual.widgets import Input

from monitor_tui.catalogue import load_catalogue
from monitor_tui.filters import YES, MeasureFilter
from monitor_tui.people import Directory
from monitor_tui.requests.service import write_requests
from monitor_tui.status.store import load_status
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.answers import ImportPathScreen, ImportPreviewScreen
from monitor_tui.tui.screens.due import DueScreen
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.screens.next_step import NextStepScreen
from monitor_tui.tui.screens.note_editor import NoteEditorScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.workspace import Workspace, _set_monitoring_start
from tests.tui_helpers import main_screen, make_app, screen_text, settle

from .request_forms import tick, write

Scenario = Callable[[MonitorApp, Pilot[None]], Awaitable[None]]


def run(workspace: Workspace, scenario: Scenario) -> None:
    app = make_app(workspace)

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await scenario(app, pilot)

    asyncio.run(main())


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def test_due_view_mine_reasons_and_next_step(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "anna")
    _set_monitoring_start(workspace.catalogue_dir / "concept.toml", date(2026, 1, 15))
    (workspace.catalogue_dir / "people.toml").write_text(
        '[people.anna]\nname = "Anna Beispiel"\noffices = ["Bürgeramt"]\n', encoding="utf-8"
    )
    catalogue = load_catalogue(workspace.catalogue_dir)

    async def scenario(app: MonitorApp, pilot: Pilot[None]) -> None:
        screen = main_screen(app)
        # never reviewed since the start (15.01.): every measure is overdue on 27.11.
        screen.set_filter(MeasureFilter.of(overdue=[YES]))
        await settle(pilot)
        assert "27 von 27 Maßnahmen – nur überfällige" in screen_text(app)
        screen.set_filter(MeasureFilter.of(mine=[YES]))
        await settle(pilot)
        assert "1 von 27 Maßnahmen – nur meine Maßnahmen" in screen_text(app)
        screen.set_filter(MeasureFilter())
        await press(pilot, "F")
        assert isinstance(app.screen, DueScreen)
        text = screen_text(app)
        assert "Fällig zum nächsten Bericht · Stichtag 27.11.2026" in text
        assert "Abteilung Kindertagesstätten: 3 fällig, 3 überfällig (von 3)" in text
        columns = ["Nr.", "Grund", "Eintrag", "geprüft", "Stand"]
        assert re.search(r"\s+".join(columns), text)
        # each measure on one line under the headings, the long status word shortened
        assert re.search(r"1\.2\.1\s+fällig, überfällig\s+nie\s+nie\s+offen \(nicht…", text)
        await press(pilot, "m")
        text = screen_text(app)
        assert "Bürgeramt: 1 fällig, 1 überfällig (von 1)" in text
        assert "Kindertagesstätten" not in text
        await press(pilot, "down", "enter")  # the Bürgeramt's measure
        assert isinstance(app.screen, MainScreen)
        assert screen.catalogue_tree.selected_item == Item("measure", "2.1.5")
        # "entfallen" needs a reason: the note editor opens; Esc saves nothing
        await press(pilot, "s", "e")  # the letter shown beside „entfallen“
        assert isinstance(app.screen, NoteEditorScreen)
        assert "Umsetzungsstand „entfallen“ – warum?" in screen_text(app)
        await press(pilot, "escape")
        assert load_status(workspace, catalogue, "2.1.5").status == "offen"
        await press(pilot, "s", "e", *"Weil.", "ctrl+s")
        saved = load_status(workspace, catalogue, "2.1.5")
        assert saved.status == "entfallen" and saved.log[0].text == "Weil."
        assert "gespeichert (als Anna Beispiel (Bürgeramt))" in screen_text(app)  # name, not login
        # the next step, with its date, shown in the details
        await press(pilot, "N")
        assert isinstance(app.screen, NextStepScreen)
        await press(pilot, *"Klären", "tab", *"15.01.2027", "enter")
        saved = load_status(workspace, catalogue, "2.1.5")
        assert (saved.next_step, saved.next_step_due) == ("Klären", date(2027, 1, 15))
        assert "Nächster Schritt bis 15.01.2027: Klären" in screen_text(app)
        headers = [str(w.render()) for w in screen.detail.query(".log-entry")]
        assert headers and all("· Anna Beispiel (Bürgeramt)" in h for h in headers)

    run(workspace, scenario)


def test_an_answer_is_read_back_only_after_the_preview(
    workspace: Workspace, tmp_path: Path
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    moment = datetime(2026, 11, 20, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    (request,) = write_requests(
        workspace,
        catalogue,
        Directory(),
        "docx",
        date(2026, 12, 4),
        "de",
        {"Bürgeramt"},
        {},
        moment,
    )
    document = Document(str(request.path))
    tick(document, catalogue, "2.1.5", "status", "in Umsetzung")
    write(document, catalogue, "2.1.5", "progress", "Beratung läuft.")
    answer = tmp_path / "antwort.docx"
    document.save(str(answer))

    async def scenario(app: MonitorApp, pilot: Pilot[None]) -> None:
        await press(pilot, "i")
        assert isinstance(app.screen, ImportPathScreen)
        path_input = app.screen.query_one("#import-path", Input)
        assert path_input.value.endswith("/exports/abfragen/")  # ready for the file name
        path_input.value = str(tmp_path) + "/"
        await press(pilot, *"fehlt.docx", "enter")
        assert "Datei nicht lesbar" in screen_text(app)
        path_input.value = str(tmp_path) + "/"
        await press(pilot, *"antwort.docx", "enter")
        assert isinstance(app.screen, ImportPreviewScreen)
        text = screen_text(app)
        assert "Antwort von Bürgeramt auf die Abfrage vom 20.11.2026" in text
        assert "Umsetzungsstand: offen (nicht begonnen) → in Umsetzung" in text
        assert "Beratung läuft." in text
        assert load_status(workspace, catalogue, "2.1.5").status == "offen"  # not yet
        await press(pilot, "enter")
        assert "2.1.5: gespeichert" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert "Übernommen: 1 Maßnahmen." in screen_text(app)

    run(workspace, scenario)
    saved = load_status(workspace, catalogue, "2.1.5")
    assert saved.status == "in-umsetzung" and saved.log[0].text == "Beratung läuft."
