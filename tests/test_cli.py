"""The command line as a user meets it: exit codes, messages, never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from monitor_tui.cli import main
from monitor_tui.workspace import Workspace

from .conftest import REPO


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """The real program in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "monitor_tui", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_prints_the_summary(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-w", str(workspace.root), "check"]) == 0
    assert capsys.readouterr().out == "5 Handlungsfelder, 14 Ziele, 27 Maßnahmen\n"


def test_check_in_english(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "-w", str(workspace.root), "check"]) == 0
    assert capsys.readouterr().out == "5 fields of action, 14 goals, 27 measures\n"


def test_check_reports_a_broken_file_and_exits_1(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "1-bildung.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[[goals]]", "[[goals]", 1), encoding="utf-8"
    )
    result = run_cli("-w", str(workspace.root), "check")
    assert result.returncode == 1
    assert f"{path}:" in result.stderr and "TOML-Syntaxfehler" in result.stderr
    assert "Traceback" not in result.stderr


def test_workspace_found_in_current_folder(workspace: Workspace) -> None:
    result = run_cli("check", cwd=workspace.root)
    assert result.returncode == 0, result.stderr
    broken = workspace.catalogue_dir / "2-ausbildung.toml"
    broken.write_bytes(b"id = \xff\n")
    result = run_cli("check", cwd=workspace.root)
    assert result.returncode == 1
    assert result.stderr.startswith("catalogue/2-ausbildung.toml:1: Datei ist nicht UTF-8")


def test_workspace_from_environment(workspace: Workspace, tmp_path: Path) -> None:
    result = run_cli("check", cwd=tmp_path, env={"MONITOR_TUI_WORKSPACE": str(workspace.root)})
    assert result.returncode == 0 and "27 Maßnahmen" in result.stdout


def test_missing_workspace_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("-w", str(tmp_path / "nirgends"), "check")
    assert result.returncode == 1
    assert "Arbeitsbereich" in result.stderr and "nicht gefunden" in result.stderr
    assert "Traceback" not in result.stderr


def test_first_start_elsewhere_creates_a_workspace_in_the_data_folder(tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    result = run_cli("check", cwd=tmp_path, env={"XDG_DATA_HOME": str(data_home)})
    assert result.returncode == 0, result.stderr
    created = data_home / "monitor-tui" / "workspace"
    assert f"Neuer Arbeitsbereich mit dem Mainzer Katalog angelegt: {created}" in result.stderr
    assert (created / "catalogue" / "concept.toml").is_file()
    assert (created / "status").is_dir()
    again = run_cli("check", cwd=tmp_path, env={"XDG_DATA_HOME": str(data_home)})
    assert again.returncode == 0 and again.stderr == ""


def test_init_copies_the_shipped_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "neu"
    assert main(["init", str(target)]) == 0
    shipped = sorted(p.name for p in (REPO / "catalogue").glob("*.toml"))
    assert sorted(p.name for p in (target / "catalogue").glob("*.toml")) == shipped
    assert main(["-w", str(target), "check"]) == 0
    assert main(["init", str(target)]) == 1
    assert "enthält bereits einen Katalog" in capsys.readouterr().err


def test_export_json_lists_all_measures_verbatim(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "export", "--format", "json", "-o", "-")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    measures = [m for f in document["fields"] for g in f["goals"] for m in g["measures"]]
    assert len(measures) == 27
    flyer = next(m for m in measures if m["id"] == "1.2.2")
    assert flyer["text"] == (
        "Um über die Modalitäten einer Kindertagesstätte zu informieren, wurden 14.000 Flyer "
        "„Elternbrief“ herausgegeben, die in 14 Sprachen diese städtischen Einrichtungen beschreiben."
    )
    assert flyer["targets"] == [
        {
            "key": "kurz",
            "terms": ["kurz"],
            "label": "Kurzfristig:",
            "text": "Die Flyer wurden bereits erstellt und werden zum Beginn des Schuljahrs 2018/19 verteilt.",
        }
    ]
    assert set(measures[0]) >= {
        "id",
        "label",
        "text",
        "indicator",
        "responsible",
        "offices",
        "targets",
    }


def test_export_json_default_path(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "export")
    assert result.returncode == 0, result.stderr
    [written] = list(workspace.exports_dir.glob("synopse-*.json"))
    assert f"Geschrieben: {workspace.root}/exports/{written.name}" in result.stdout
    assert json.loads(written.read_text(encoding="utf-8"))["fields"][0]["number"] == "4.1"


def test_unknown_option_and_value_exit_2_in_german(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "export", "--format", "odt")
    assert result.returncode == 2
    assert "ungültiger Wert: 'odt'" in result.stderr and "Fehler" in result.stderr
    result = run_cli("--gibtsnicht")
    assert result.returncode == 2 and "unbekannte Angaben: --gibtsnicht" in result.stderr


def test_version_and_help() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("monitor-tui ")
    result = run_cli("--help")
    assert result.returncode == 0 and "Aufruf: monitor-tui" in result.stdout
    result = run_cli("--help", env={"LANG": "en_GB.UTF-8"})
    assert "usage: monitor-tui" in result.stdout


def test_unexpected_error_is_a_sentence_not_a_traceback(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor_tui.commands import check

    def broken(*args: object) -> int:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(check, "run", broken)
    assert main(["-w", str(workspace.root), "check"]) == 1
    err = capsys.readouterr().err
    assert "Unerwarteter Fehler: RuntimeError: kaputt" in err and "Traceback" not in err


def test_disk_error_while_writing_is_a_message(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from monitor_tui.status import store

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store, "atomic_write", full_disk)
    assert main(["-w", str(workspace.root), "status", "1.2.2", "--note", "x"]) == 1
    assert "Dateifehler: Kein Platz mehr auf dem Datenträger:" in capsys.readouterr().err


def test_dates_typed_either_way_and_shown_the_german_way(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(workspace.root)
    assert main(["-w", root, "status", "1.2.2", "--reviewed", "--note", "geprüft"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Zuletzt überprüft: \d\d\.\d\d\.\d{4}\n", out), out
    assert re.search(r"  \d\d\.\d\d\.\d{4}, \d\d:\d\d · ", out), out  # the log entry
    assert re.search(r"Zuletzt überprüft: nicht gesetzt → \d\d\.\d\d\.\d{4}", out), out
    assert main(["-w", root, "log", "--since", "31.12.2025"]) == 0
    assert "1.2.2 · " in capsys.readouterr().out
    target = tmp_path / "bericht.json"
    args = ["export", "--since", "31.12.2025", "--date", "31.03.2026", "-o", str(target)]
    assert main(["-w", root, *args]) == 0
    assert '"report_date": "2026-03-31"' in target.read_text(encoding="utf-8")
    assert main(["--lang", "en", "-w", root, "status", "1.2.2"]) == 0
    assert re.search(r"Last reviewed: \d{4}-\d\d-\d\d\n", capsys.readouterr().out)


def test_help_speaks_one_language_and_lists_the_values_options_take(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def help_of(*args: str) -> str:
        with pytest.raises(SystemExit) as done:
            main([*args, "--help"])
        assert done.value.code == 0
        return " ".join(capsys.readouterr().out.split())

    top = help_of()
    assert "Aufruf: monitor-tui [-h] [--version] [-w ORDNER] [--lang {de,en}] [BEFEHL …]" in top
    assert "Ohne BEFEHL startet die Terminal-App" in top and "COMMAND" not in top
    status = help_of("status")
    assert "--set STAND Umsetzungsstand setzen: offen, in-planung," in status
    assert "--assessment BEWERTUNG Bewertung setzen: im-plan, gefaehrdet, kritisch" in status
    assert "--priority PRIORITÄT Priorität setzen: hoch, mittel, niedrig" in status
    assert "--note NOTIZ" in status and "STATUS" not in status and "TEXT" not in status
    export = help_of("export")
    assert "-o PFAD" in export and "--field FELD" in export and "3 (4.3 Wohnen)" in export
    assert "PATH" not in export and "(1–5)" not in export
    english = help_of("--lang", "en", "export")
    assert "--date DATE" in english and "--since DATE" in english and "JJJJ" not in english
    assert "[-w DIR]" in english and "ORDNER" not in english


def test_w_after_the_command_and_saying_which_workspace_a_writing_command_uses(
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = str(workspace.root)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-w", root]) == 0  # -w after the command, like --lang
    assert "Arbeitsbereich:" not in capsys.readouterr().err  # reading: no need to say where
    assert main(["status", "1.2.2", "--set", "umgesetzt", "-w", root]) == 0
    assert f"monitor-tui: Arbeitsbereich: {workspace.root.resolve()}\n" in capsys.readouterr().err
    assert main(["export", "-f", "markdown", "-o", str(tmp_path / "b.md"), "-w", root]) == 0
    assert "Arbeitsbereich:" in capsys.readouterr().err
    assert main(["export", "-f", "markdown", "-o", "-", "-w", root]) == 0
    assert "Arbeitsbereich:" not in capsys.readouterr().err  # standard output: a pipe
    monkeypatch.chdir(workspace.root)
    assert main(["status", "1.2.2", "--reviewed"]) == 0
    assert "Arbeitsbereich" not in capsys.readouterr().err  # the current folder: nothing to say
    missing = tmp_path / "neu"
    assert main(["-w", str(missing), "check"]) == 1
    assert f"Einen neuen anlegen mit: monitor-tui init {missing}" in capsys.readouterr().err
