"""Bad input never crashes, never leaks data and never reaches the terminal raw (issue 9)."""

from __future__ import annotations

import argparse
import io
import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from monitor_tui.cli import main
from monitor_tui.status.paths import status_path
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace

from .tui_helpers import run_app, screen_text, settle

DEEP = "x = " + "[" * 5000 + "]" * 5000
"""Nesting thousands deep: tomllib recurses once per level."""


def write_status(workspace: Workspace, measure_id: str, front: str, body: str = "") -> Path:
    path = status_path(workspace.status_dir, measure_id)
    path.write_text(f'+++\nmeasure = "{measure_id}"\n{front}\n+++\n{body}', encoding="utf-8")
    return path


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_main(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as leaving:  # argparse leaves this way
        code = int(leaving.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- ids and keys are matched in full ----------------------------------------------------------


def test_an_id_with_a_final_line_break_is_refused(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    field_file = workspace.catalogue_dir / "1-bildung.toml"
    replace_in(field_file, 'id = "1.2.3"', 'id = "1.2.3\\n"')
    replace_in(
        workspace.catalogue_dir / "concept.toml", 'color = "#808080"', 'color = "#808080\\n"'
    )
    code, _out, err = run_main("-w", str(workspace.root), "check", capsys=capsys)
    assert code == 1
    assert f"{field_file}:70: Ungültige ID „1.2.3␊“" in err
    assert "„color“ muss eine Farbe der Form #rrggbb sein" in err


# --- control characters in arguments ------------------------------------------------------------


def test_control_characters_in_arguments_are_shown_escaped(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(workspace.root)
    cases = [
        ("status", "1.2.\x1b[31m2"),
        ("status", "1.2.2", "--set", "\x1b]0;x\x07"),
        ("export", "--field", "\x1b[2J"),
        ("check", "\x1b[31mzuviel"),  # argparse's own message
        ("log", "--since", "\x9b31m"),
    ]
    for args in cases:
        code, out, err = run_main("-w", ws, *args, capsys=capsys)
        assert code == 2, (args, err)
        shown = out + err
        assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown, args
        assert "␛" in shown or "<U+009B>" in shown, (args, shown)
    code, _out, err = run_main("-w", f"{ws}/\x1b[31mfehlt", "check", capsys=capsys)
    assert code == 1 and "\x1b" not in err and "␛[31mfehlt" in err


def test_the_last_resort_handler_prints_no_data(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor_tui.commands import check

    def broken(*args: object) -> int:
        raise UnicodeEncodeError("utf-8", "geheime Notiz \x1b[31m" * 500, 3, 4, "kaputt")

    monkeypatch.setattr(check, "run", broken)
    code, _out, err = run_main("-w", str(workspace.root), "check", capsys=capsys)
    assert code == 1
    assert "Unerwarteter Fehler: UnicodeEncodeError:" in err
    assert "geheime Notiz" not in err and "\x1b" not in err
    assert len(err) < 400


# --- text that is not UTF-8 ----------------------------------------------------------------------


def test_a_note_on_standard_input_that_is_not_utf8_names_the_byte(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(workspace.root)
    assert main(["-w", ws, "status", "1.2.2", "--note", "geheim", "--internal"]) == 0
    stdin = io.TextIOWrapper(io.BytesIO(b"Gr\xc3\xbc\xdfe\n"), errors="surrogateescape")
    monkeypatch.setattr("sys.stdin", stdin)
    capsys.readouterr()
    code, _out, err = run_main("-w", ws, "status", "1.2.2", "--note", "-", capsys=capsys)
    assert code == 2
    assert "kein gültiges UTF-8 (Byte 5: 0xDF)" in err
    assert "geheim" not in err and "Traceback" not in err
    assert "Gr" not in status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8")


def test_a_note_argument_with_bytes_that_are_not_utf8_names_the_byte(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(workspace.root)
    assert main(["-w", ws, "status", "1.2.2", "--note", "geheim", "--internal"]) == 0
    note = os.fsdecode(b"ab\xffcd")  # how Python hands over such an argument
    code, _out, err = run_main("-w", ws, "status", "1.2.2", "--note", note, capsys=capsys)
    assert code == 2
    assert "--note: kein gültiges UTF-8 (Byte 3: 0xFF)" in err
    assert "geheim" not in err


# --- nesting too deep for the TOML parser --------------------------------------------------------


def test_deep_nesting_in_the_catalogue_is_reported_and_check_goes_on(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    deep_file = workspace.catalogue_dir / "3-wohnen.toml"
    lines = deep_file.read_text(encoding="utf-8").count("\n")
    deep_file.write_text(deep_file.read_text(encoding="utf-8") + DEEP + "\n", encoding="utf-8")
    other = workspace.catalogue_dir / "1-bildung.toml"
    replace_in(other, 'id = "1.2.3"', 'id = "1.2.x"')
    code, _out, err = run_main("-w", str(workspace.root), "check", capsys=capsys)
    assert code == 1
    assert f"{deep_file}:{lines + 1}: zu tief verschachtelt" in err
    assert f"{other}:70: Ungültige ID „1.2.x“" in err


def test_deep_nesting_in_status_files_is_reported_and_check_goes_on(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = write_status(workspace, "1.2.2", DEEP)
    dotted = write_status(workspace, "1.2.3", "status" + ".a" * 5000 + " = 1")
    broken = write_status(workspace, "2.1.1", 'status = "gibtsnicht"')
    code, _out, err = run_main("-w", str(workspace.root), "check", capsys=capsys)
    assert code == 1
    assert f"{deep}:3: zu tief verschachtelt" in err
    assert f"{dotted}:" in err and err.count("zu tief verschachtelt") == 2
    assert f"{broken}:3: Unbekannter Wert „gibtsnicht“" in err


def test_check_reports_a_symlinked_status_folder(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    workspace.status_dir.rmdir()
    workspace.status_dir.symlink_to(elsewhere)
    assert main(["-w", str(workspace.root), "status", "1.2.2", "--note", "x"]) == 1
    assert "symbolisch" in capsys.readouterr().err  # saving refuses it too
    code, _out, err = run_main("-w", str(workspace.root), "check", capsys=capsys)
    assert code == 1
    assert f"{workspace.status_dir}:1: status/ ist ein symbolischer Verweis" in err
    assert err.count("symbolischer Verweis") == 1


# --- the app -------------------------------------------------------------------------------------


def test_the_app_shows_deeply_nested_files_as_broken_at_start_and_when_they_change(
    workspace: Workspace,
) -> None:
    write_status(workspace, "1.2.2", DEEP)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        assert "1.2.2" in screen_text(app)  # the status line names the broken file
        assert "zu tief verschachtelt" in str(app.session.broken["1.2.2"][0])
        write_status(workspace, "1.2.3", "status" + ".a" * 5000 + " = 1")
        screen.poll_status_folder()
        await settle(pilot)
        assert "1.2.3" in app.session.broken

    run_app(workspace, scenario, size=(100, 30))


def test_a_crash_of_the_app_never_exits_0(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import App

    from monitor_tui.tui import launch
    from monitor_tui.tui.app import MonitorApp
    from monitor_tui.tui.screens.main import MainScreen

    def crash(self: MainScreen) -> None:
        raise RuntimeError("kaputt")

    def headless(self: MonitorApp) -> None:
        App.run(self, headless=True)

    monkeypatch.setattr(MainScreen, "on_mount", crash)
    monkeypatch.setattr(MonitorApp, "run", headless)
    assert launch.run(argparse.Namespace(), workspace) != 0
