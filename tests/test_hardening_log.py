"""Hand edits of a status file's log are found; hand edits of its state go on the record
(issue 9)."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.pilot import Pilot

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.model import Catalogue
from monitor_tui.session import WorkspaceSession
from monitor_tui.status.edits import Edit
from monitor_tui.status.format import parse_status, split_front_matter
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES
from .tui_helpers import press, run_app, screen_text, settle

BERLIN = timezone(timedelta(hours=1))
START = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)


def recorded(workspace: Workspace) -> tuple[Catalogue, Path]:
    """1.2.2 with three entries written by the tool: in-umsetzung, a note, umgesetzt."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    edits = [
        Edit(status="in-umsetzung", priority="hoch"),
        Edit(note="Flyer gedruckt"),
        Edit(status="umgesetzt", note="Flyer verteilt"),
    ]
    for day, edit in enumerate(edits):
        save_edit(workspace, catalogue, "1.2.2", edit, "anna", now=START + timedelta(days=day))
    return catalogue, status_path(workspace.status_dir, "1.2.2")


def findings_of(path: Path, catalogue: Catalogue) -> list[str]:
    from monitor_tui.status.verify import log_findings

    measure = catalogue.measure("1.2.2")
    assert measure is not None
    text = path.read_text(encoding="utf-8")
    status = parse_status(path, text, measure, catalogue)
    front = split_front_matter(path, text)[0]
    return [str(problem) for problem in log_findings(path, status, measure, catalogue, front)]


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def edit_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- what is found ------------------------------------------------------------------------------


def test_files_the_tool_writes_are_consistent(workspace: Workspace) -> None:
    catalogue, path = recorded(workspace)
    hostile = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text())["cases"]]
    for number, text in enumerate(hostile):
        moment = START + timedelta(days=10, minutes=number)
        save_edit(workspace, catalogue, "1.2.2", Edit(note=text), "bernd", now=moment)
    save_edit(workspace, catalogue, "1.2.2", Edit(next_step="„a“ → b\nc"), "anna")
    assert findings_of(path, catalogue) == []


def test_a_forged_entry_between_two_real_ones_breaks_the_chain(workspace: Workspace) -> None:
    catalogue, path = recorded(workspace)
    forged = "## 2026-03-03T12:00:00+01:00 · chef\n- status: offen → verstetigt\n\n"
    edit_file(path, "## 2026-03-03T09:00:00+01:00", forged + "## 2026-03-03T09:00:00+01:00")
    found = findings_of(path, catalogue)
    assert (
        f"{path}:{line_of(path, 'offen → verstetigt')}: Kette unterbrochen: Umsetzungsstand (status) war vorher „in-umsetzung“, diese Zeile nennt „offen“ als alten Wert"
        in found
    )
    newest = line_of(path, "in-umsetzung → umgesetzt")
    assert any(
        f":{newest}: Kette unterbrochen" in line and "„verstetigt“" in line for line in found
    )


def test_reordered_entries_are_not_newest_first(workspace: Workspace) -> None:
    catalogue, path = recorded(workspace)
    text = path.read_text(encoding="utf-8")
    head, body = text.split("+++\n\n", 1)
    entries = ["## " + part for part in body.split("## ") if part]
    path.write_text(head + "+++\n\n" + "".join([entries[1], entries[0], entries[2]]))
    found = findings_of(path, catalogue)
    newest = line_of(path, "## 2026-03-04")
    assert any(
        line.startswith(f"{path}:{newest}: Protokoll nicht neueste zuerst") for line in found
    )


def test_rev_lowered_or_out_of_range_is_found(workspace: Workspace) -> None:
    catalogue, path = recorded(workspace)
    edit_file(path, "rev = 3", "rev = 1")
    rev_line = line_of(path, "rev = ")
    assert findings_of(path, catalogue) == [
        f"{path}:{rev_line}: rev = 1 ist kleiner als die Zahl der Einträge (3)"
    ]
    edit_file(path, "rev = 1", "rev = 9223372036854775808")
    assert findings_of(path, catalogue) == [
        f"{path}:{rev_line}: rev = 9223372036854775808 liegt außerhalb von 1 … 9223372036854775807"
    ]
    # the next save repairs it, and so does --adopt
    save_edit(workspace, catalogue, "1.2.2", Edit(note="weiter"), "anna")
    assert findings_of(path, catalogue) == []
    edit_file(path, "rev = 4", "rev = 2")
    assert main(["-w", str(workspace.root), "status", "1.2.2", "--adopt"]) == 0
    assert findings_of(path, catalogue) == []
    path.write_text('+++\nmeasure = "1.2.2"\nrev = 0\n+++\n', encoding="utf-8")
    assert findings_of(path, catalogue) == []  # rev 0 is fine without entries


def test_check_reports_a_state_edited_without_an_entry(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    _catalogue, path = recorded(workspace)
    edit_file(path, 'status = "umgesetzt"', 'status = "verstetigt"')
    assert main(["-w", str(workspace.root), "check"]) == 1
    err = capsys.readouterr().err
    assert (
        f"{path}:{line_of(path, 'status = ')}: Stand passt nicht zum Protokoll: "
        "Umsetzungsstand (status) ist „verstetigt“, das Protokoll ergibt „umgesetzt“"
    ) in err


# --- hand edits and corrections on the record ----------------------------------------------------


def test_adopt_records_a_hand_edit_and_the_chain_is_whole_again(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue, path = recorded(workspace)
    edit_file(path, 'status = "umgesetzt"', 'status = "verstetigt"  # von Hand')
    edit_file(path, 'priority = "hoch"', 'priority = "niedrig"')
    ws = str(workspace.root)
    assert main(["-w", ws, "status", "1.2.2", "--adopt", "--set", "offen"]) == 2
    assert main(["-w", ws, "status", "1.2.2", "--adopt", "--note", "im Termin beschlossen"]) == 0
    out = capsys.readouterr().out
    assert "von-hand" in out and "2 Feld(er)" in out
    text = path.read_text(encoding="utf-8")
    assert 'status = "verstetigt"  # von Hand' in text  # the hand edit stays as written
    header, *changes = text.split("+++\n\n", 1)[1].split("\n\n")[0].split("\n")
    assert header.endswith(" · von-hand")
    assert changes == ["- status: umgesetzt → verstetigt", "- priority: hoch → niedrig"]
    assert findings_of(path, catalogue) == []
    assert main(["-w", ws, "check"]) == 0
    capsys.readouterr()
    assert main(["-w", ws, "status", "1.2.2", "--adopt"]) == 0
    assert "nichts nachzutragen" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == text


def test_correct_adds_a_signed_correction_and_keeps_the_wrong_entry(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    _catalogue, path = recorded(workspace)
    ws = str(workspace.root)
    assert main(["-w", ws, "status", "1.2.2", "--correct", "--set", "in-umsetzung"]) == 2
    assert "Grund" in capsys.readouterr().err
    reason = "Versehentlich umgesetzt gesetzt; verteilt ist erst die Hälfte"
    assert (
        main(["-w", ws, "status", "1.2.2", "--correct", "--set", "in-umsetzung", "--note", reason])
        == 0
    )
    text = path.read_text(encoding="utf-8")
    assert " · korrektur\n- status: umgesetzt → in-umsetzung\n\n~~~\n" + reason in text
    assert "- status: in-umsetzung → umgesetzt" in text  # the wrong entry stays
    assert "Korrektur" in capsys.readouterr().out
    assert main(["-w", ws, "check"]) == 0
    capsys.readouterr()
    assert main(["-w", ws, "export", "--format", "json", "-o", "-"]) == 0
    exported = json.loads(capsys.readouterr().out)
    measures = [m for f in exported["fields"] for g in f["goals"] for m in g["measures"]]
    assert next(m for m in measures if m["id"] == "1.2.2")["status"] == "in-umsetzung"


def test_the_session_records_an_edit_made_in_the_editor(workspace: Workspace) -> None:
    _catalogue, path = recorded(workspace)
    session = WorkspaceSession.open(workspace)
    assert session.edited_by_hand("1.2.2") is None  # nothing to record
    edit_file(path, 'status = "umgesetzt"', 'status = "verstetigt"')
    outcome = session.edited_by_hand("1.2.2")
    assert outcome is not None and outcome.kind == "saved"
    assert session.statuses["1.2.2"].log[0].tags == ("von-hand",)
    assert "1.2.2" not in session.inconsistent
    assert main(["-w", str(workspace.root), "check"]) == 0


def test_the_app_shows_an_inconsistent_log_and_records_an_edit_with_e(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalogue, path = recorded(workspace)
    edit_file(path, "rev = 3", "rev = 1")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('umgesetzt\"', 'verstetigt\"'))\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        assert "Protokoll passt nicht zum Stand" in screen_text(app)
        screen.go_to_measure("1.2.2")
        await settle(pilot)
        text = screen_text(app)
        assert "passt nicht zu ihrem Stand" in text and "rev = 1 ist kleiner" in text
        assert "umgesetzt" in text  # the state is shown all the same
        await press(pilot, "e")
        assert "von-hand" in screen_text(app)

    run_app(workspace, scenario, size=(100, 40))
    head = path.read_text(encoding="utf-8").split("+++\n\n", 1)[1].split("\n")[:2]
    assert head[0].endswith(" · von-hand") and head[1] == "- status: umgesetzt → verstetigt"


def test_hostile_texts_in_hand_edits_and_findings_stay_text(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    _catalogue, path = recorded(workspace)
    hostile = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text())["cases"]]
    ws = str(workspace.root)
    for number, text in enumerate(hostile):
        value = json.dumps(f"{number} {text}", ensure_ascii=False)  # valid TOML as well
        front, body = path.read_text(encoding="utf-8").split("+++\n\n", 1)
        lines = [line for line in front.split("\n") if not line.startswith("next_step")]
        lines.insert(-1, f"next_step = {value}")
        path.write_text("\n".join(lines) + "+++\n\n" + body, encoding="utf-8")
        assert main(["-w", ws, "check"]) == 1
        err = capsys.readouterr().err
        assert "\x1b" not in err and "\x9b" not in err and "\x07" not in err
        assert main(["-w", ws, "status", "1.2.2", "--adopt", "--note", text]) == 0, text
        shown = capsys.readouterr()
        assert "\x1b" not in shown.out + shown.err and "\x9b" not in shown.out + shown.err
    session = WorkspaceSession.open(workspace)
    status = session.statuses["1.2.2"]
    adopted = [entry for entry in status.log if "von-hand" in entry.tags]
    assert len(adopted) == len(hostile)
    assert "1.2.2" not in session.inconsistent
