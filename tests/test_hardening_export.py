"""An export never destroys a file it should not touch (issue 9)."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from textual.pilot import Pilot

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.filters import MeasureFilter
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace

from .tui_helpers import TODAY, press, run_app, screen_text, settle

DATE = "2026-03-31"


def export(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    code = main(["-w", str(workspace.root), "export", "--date", DATE, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_devices_fifos_and_sockets_are_never_replaced(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    try:
        for target in (fifo, sock):
            code, _out, err = export(workspace, capsys, "-f", "json", "-o", str(target))
            assert code == 2 and "keine gewöhnliche Datei" in err, err
            assert not stat.S_ISREG(target.lstat().st_mode)
    finally:
        server.close()
    from monitor_tui.export import ExportTargetError, check_target

    with pytest.raises(ExportTargetError, match="keine gewöhnliche Datei"):
        check_target(workspace, Path("/dev/null"), force=True)  # checked only, never written


def test_the_workspaces_own_files_are_never_export_targets(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    status_file = status_path(workspace.status_dir, "1.2.2")
    concept = workspace.catalogue_dir / "concept.toml"
    before = {path: path.read_bytes() for path in (status_file, concept)}
    link = tmp_path / "link"
    link.symlink_to(workspace.status_dir)
    targets = [
        (status_file, "status/"),
        (concept, "catalogue/"),
        (workspace.root / "reports" / "bericht.pdf", "reports/"),
        (workspace.root / ".cache" / "x.json", ".cache/"),
        (workspace.status_dir / ".." / "catalogue" / "neu.json", "catalogue/"),
        (link / "neu.json", "status/"),
    ]
    for target, folder in targets:
        code, _out, err = export(workspace, capsys, "-o", str(target))
        assert code == 2, target
        assert f"im Ordner {folder} des Arbeitsbereichs" in err, err
    code, _out, err = export(workspace, capsys, "-o", str(workspace.root / "reports") + "/")
    assert code == 2 and not (workspace.root / "reports").exists()
    lock = tmp_path / ".1.2.2.lock"
    code, _out, err = export(workspace, capsys, "-f", "json", "-o", str(lock))
    assert code == 2 and "Sperrdatei" in err and not lock.exists()
    assert {path: path.read_bytes() for path in before} == before
    assert main(["-w", str(workspace.root), "check"]) == 0


def test_a_read_only_file_is_refused_even_with_force(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bericht.json"
    assert export(workspace, capsys, "-o", str(target))[0] == 0
    target.chmod(0o444)
    before = target.read_bytes()
    for force in ([], ["--force"]):
        code, _out, err = export(workspace, capsys, "-o", str(target), *force)
        assert code == 2 and "schreibgeschützt" in err
        assert target.read_bytes() == before and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_file_that_is_no_earlier_export_needs_force(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "notizen.md"
    mine.write_text("Meine eigenen Notizen\n", encoding="utf-8")
    code, _out, err = export(workspace, capsys, "-o", str(mine))
    assert code == 2 and "kein früherer Export" in err and "--force" in err
    assert mine.read_text(encoding="utf-8") == "Meine eigenen Notizen\n"
    assert export(workspace, capsys, "-o", str(mine), "--force")[0] == 0
    assert mine.read_text(encoding="utf-8") != "Meine eigenen Notizen\n"
    # every format recognises its own earlier export
    folder = tmp_path / "ablage"
    assert export(workspace, capsys, "-f", "all", "-o", f"{folder}/")[0] == 0
    code, out, err = export(workspace, capsys, "-f", "all", "-o", f"{folder}/")
    assert code == 0, err
    assert out.count("Geschrieben:") == 5


def test_a_trailing_slash_means_a_folder(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "neu" / "tiefer"
    code, out, _err = export(workspace, capsys, "-f", "json", "-o", f"{folder}/")
    assert code == 0
    assert (folder / f"synopse-{DATE}.json").is_file() and f"{folder}/synopse-{DATE}.json" in out
    code, _out, err = export(workspace, capsys, "-o", str(tmp_path / "fehlt" / "x.json"))
    assert code == 2 and f"Ordner „{tmp_path / 'fehlt'}“ existiert nicht" in err
    assert not (tmp_path / "fehlt").exists()
    plain = tmp_path / "datei"
    plain.write_text("x", encoding="utf-8")
    code, _out, err = export(workspace, capsys, "-f", "json", "-o", f"{plain}/")
    assert code == 2 and "ist kein Ordner" in err and plain.read_text(encoding="utf-8") == "x"


def test_filtered_exports_get_their_own_name(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(workspace, capsys, "-f", "json")[0] == 0
    full = workspace.exports_dir / f"synopse-{DATE}.json"
    before = full.read_bytes()
    assert export(workspace, capsys, "-f", "json", "--field", "3")[0] == 0
    assert export(workspace, capsys, "-f", "json", "--office", "Frauenbüro")[0] == 0
    assert export(workspace, capsys, "-f", "json", "--status", "offen", "--field", "Wohnen")[0] == 0
    names = sorted(path.name for path in workspace.exports_dir.iterdir())
    assert names == [
        f"synopse-{DATE}-amt-frauenbuero.json",
        f"synopse-{DATE}-feld-4.3-status-offen.json",
        f"synopse-{DATE}-feld-4.3.json",
        f"synopse-{DATE}.json",
    ]
    assert full.read_bytes() == before


def test_the_app_names_the_file_and_asks_before_replacing_a_foreign_one(
    workspace: Workspace,
) -> None:
    workspace.exports_dir.mkdir(exist_ok=True)
    foreign = workspace.exports_dir / f"synopse-{TODAY.isoformat()}.pdf"
    foreign.write_text("von Hand gepflegt", encoding="utf-8")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "x")
        assert f"Datei: exports/synopse-{TODAY.isoformat()}.pdf" in screen_text(app)
        await press(pilot, "enter")
        question = screen_text(app)
        assert f"exports/synopse-{TODAY.isoformat()}.pdf gibt es schon" in question
        await press(pilot, "n")
        assert foreign.read_text(encoding="utf-8") == "von Hand gepflegt"
        await press(pilot, "enter")
        await press(pilot, "j")
        assert foreign.read_bytes().startswith(b"%PDF")
        await pilot.press("escape")
        screen.set_filter(MeasureFilter.of(office=["Frauenbüro"]))
        await settle(pilot)
        await press(pilot, "x", *["tab"] * 6, "space")  # to "Aktuellen Filter anwenden"
        assert f"Datei: exports/synopse-{TODAY.isoformat()}-amt-frauenbuero.pdf" in (
            screen_text(app)
        )

    run_app(workspace, scenario, size=(100, 30))
