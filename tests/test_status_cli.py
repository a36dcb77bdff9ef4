"""`monitor-tui status`, `log` and `check` on status files, as a user runs them."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime, timedelta

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES
from .test_cli import run_cli


def test_status_records_a_change_and_shows_it(workspace: Workspace) -> None:
    ws = str(workspace.root)
    result = run_cli(
        "-w",
        ws,
        "status",
        "1.2.2",
        "--set",
        "umgesetzt",
        "--target",
        "kurz=erreicht",
        "--assessment",
        "im-plan",
        "--priority",
        "hoch",
        "--reviewed",
        "--note",
        "Flyer verteilt.",
    )
    assert result.returncode == 0, result.stderr
    assert "Umsetzungsstand: umgesetzt" in result.stdout
    assert "Kurzfristig: erreicht" in result.stdout
    assert "Indikator erfüllt: ja" in result.stdout
    assert "Flyer verteilt." in result.stdout
    text = status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8")
    assert 'status = "umgesetzt"' in text and "Flyer verteilt." in text


def test_status_shows_a_measure_without_changing_anything(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "status", "3.1.1")
    assert result.returncode == 0
    assert "Umsetzungsstand: offen (nicht begonnen)" in result.stdout
    assert "Verlauf: noch keine Einträge" in result.stdout
    assert not status_path(workspace.status_dir, "3.1.1").exists()


def test_note_from_stdin_and_internal(workspace: Workspace) -> None:
    result = run_cli(
        "-w",
        str(workspace.root),
        "status",
        "2.1.1",
        "--note",
        "-",
        "--internal",
        stdin="Zeile eins\nZeile zwei\n",
    )
    assert result.returncode == 0, result.stderr
    assert "· intern" in result.stdout and "Zeile zwei" in result.stdout
    text = status_path(workspace.status_dir, "2.1.1").read_text(encoding="utf-8")
    assert "Zeile eins\nZeile zwei\n~~~\n" in text  # the pipe's final line end is not kept


def test_empty_note_is_refused(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "status", "2.1.1", "--note", "  ")
    assert result.returncode == 2 and "Die Notiz ist leer" in result.stderr
    assert not status_path(workspace.status_dir, "2.1.1").exists()


def test_log_lines_use_the_words_on_screen(workspace: Workspace) -> None:
    ws = str(workspace.root)
    run_cli("-w", ws, "status", "1.2.2", "--set", "umgesetzt", "--target", "kurz=erreicht")
    result = run_cli("-w", ws, "status", "1.2.2")
    assert "Umsetzungsstand: offen (nicht begonnen) → umgesetzt" in result.stdout
    assert "Kurzfristig: offen → erreicht" in result.stdout


def test_unknown_id_and_values_exit_2_with_the_choices(workspace: Workspace) -> None:
    ws = str(workspace.root)
    result = run_cli("-w", ws, "status", "7.7.7")
    assert (
        result.returncode == 2
        and "Unbekannte Maßnahme „7.7.7“. Gültig sind: 1.1.1, " in result.stderr
    )
    result = run_cli("-w", ws, "status", "1.2.2", "--set", "fertig")
    assert result.returncode == 2 and "Möglich: offen, in-planung" in result.stderr
    result = run_cli("-w", ws, "status", "1.2.2", "--target", "mittel=erreicht")
    assert result.returncode == 2 and "Möglich: kurz" in result.stderr
    result = run_cli("-w", ws, "status", "1.2.2", "--target", "kurz")
    assert result.returncode == 2 and "ZEITHORIZONT=STAND" in result.stderr
    result = run_cli("-w", ws, "status", "1.2.2", "--internal")
    assert result.returncode == 2 and "--internal gilt nur zusammen mit --note" in result.stderr
    result = run_cli("--lang", "en", "-w", ws, "status", "1.2.2", "--priority", "dringend")
    assert result.returncode == 2
    assert (
        "unknown value 'dringend' for Priority (priority). Valid values: hoch, mittel, niedrig"
        in (result.stderr)
    )
    assert "Traceback" not in result.stderr
    assert not status_path(workspace.status_dir, "1.2.2").exists()


def test_hostile_notes_reach_the_terminal_only_as_visible_text(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each case through `status --note -` (in this process: 21 interpreter starts would cost
    more than the rest of this file), then the log of all of them from the real program."""
    cases = json.loads(HOSTILE_NOTES.read_text())["cases"]
    for case in cases:
        monkeypatch.setattr(sys, "stdin", io.StringIO(case["text"]))
        code = main(["-w", str(workspace.root), "status", "4.3.1", "--note", "-"])
        out, err = capsys.readouterr()
        assert code == 0, (case["name"], err)
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out, case["name"]
    stored = load_status(workspace, load_catalogue(workspace.catalogue_dir), "4.3.1")
    assert len(stored.log) == len(cases)
    log = run_cli("-w", str(workspace.root), "log")
    assert log.returncode == 0
    assert "[bold red]Alarm[/]" in log.stdout and "␛[31mrot␛[0m" in log.stdout
    assert "\x1b" not in log.stdout and "\x9b" not in log.stdout and "\x07" not in log.stdout


def test_log_across_measures_newest_first_with_filters(workspace: Workspace) -> None:
    ws = str(workspace.root)
    catalogue = load_catalogue(workspace.catalogue_dir)
    earlier = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    save_edit(
        workspace, catalogue, "5.2.1", Edit(note="danach"), "anna", now=earlier + timedelta(hours=1)
    )
    save_edit(workspace, catalogue, "1.2.2", Edit(note="zuerst"), "anna", now=earlier)
    result = run_cli("-w", ws, "log")
    assert result.stdout.index("danach") < result.stdout.index("zuerst")
    assert "5.2.1 · " in result.stdout
    result = run_cli("-w", ws, "log", "--office", "sozialplanung")
    assert "danach" in result.stdout and "zuerst" not in result.stdout
    result = run_cli("-w", ws, "log", "--since", "2999-01-01")
    assert result.stdout.strip() == "Keine Einträge."
    result = run_cli("-w", ws, "log", "--since", "gestern")
    assert result.returncode == 2 and "Ungültiges Datum „gestern“" in result.stderr
    result = run_cli("-w", ws, "log", "--office", "Amt")
    assert result.returncode == 2 and "passt zu mehreren Zuständigkeiten" in result.stderr


def test_check_reports_broken_and_orphan_status_files(workspace: Workspace) -> None:
    broken = status_path(workspace.status_dir, "1.2.2")
    broken.write_text('+++\nmeasure = "1.2.2"\nstatus = "fertig"\n+++\n', encoding="utf-8")
    orphan = workspace.status_dir / "8.1.1.md"
    orphan.write_text('+++\nmeasure = "8.1.1"\n+++\n', encoding="utf-8")
    before = broken.read_bytes()
    result = run_cli("-w", str(workspace.root), "check")
    assert result.returncode == 1
    assert f"{broken}:3: Unbekannter Wert „fertig“ für Umsetzungsstand (status)" in result.stderr
    assert f"{orphan}:1: Statusdatei zu „8.1.1“" in result.stderr
    result = run_cli("-w", str(workspace.root), "status", "1.2.2", "--note", "x")
    assert result.returncode == 1 and f"{broken}:3:" in result.stderr
    assert broken.read_bytes() == before and orphan.exists()
    result = run_cli("-w", str(workspace.root), "status", "1.1.1", "--note", "andere gehen")
    assert result.returncode == 0
