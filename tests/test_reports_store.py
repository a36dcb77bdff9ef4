"""Frozen reports on disk: written whole under a lock, read-only, never rewritten (a second
freeze of a day is kept beside the first), withdrawn but never deleted, and checked by `check`
against their checksums."""

from __future__ import annotations

import json
import os
import stat
import threading
import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from monitor_tui import reporting
from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.export import FORMAT_NAMES
from monitor_tui.reporting import MAX_TITLE
from monitor_tui.reports.record import latest_report
from monitor_tui.reports.store import (
    REPORT_FILE,
    SYNOPSE_FILE,
    ReportError,
    find_report,
    freezing,
    list_reports,
    load_snapshot,
    verify_report,
    withdraw_report,
)
from monitor_tui.reports.synopse import (
    SnapshotError,
    catalogue_from_json,
    catalogue_to_json,
    snapshot_bytes,
    snapshot_digest,
    snapshot_from_bytes,
)
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES
from .reports_data import (
    D1,
    D2,
    INTERNAL_TEXT,
    TODAY,
    WINTER,
    freeze,
    quick_freeze,  # noqa: F401  (a fixture)
    write_logs,
)

pytestmark = pytest.mark.usefixtures("quick_freeze")

HOSTILE = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text("utf-8"))["cases"]]
FILES = [
    REPORT_FILE,
    "synopse-2026-03-31.docx",
    "synopse-2026-03-31.html",
    "synopse-2026-03-31.json",
    "synopse-2026-03-31.md",
    "synopse-2026-03-31.pdf",
    SYNOPSE_FILE,
]


def test_a_frozen_report_holds_every_file_read_only_with_its_checksum(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reporting, "FORMAT_NAMES", FORMAT_NAMES)  # all five, here
    write_logs(workspace)
    result = freeze(workspace, D1, "Bericht 1. Quartal 2026")
    report = result.report
    assert report.id == "2026-03-31" and not result.duplicate
    assert sorted(p.name for p in report.path.iterdir()) == FILES
    for path in report.path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o222 == 0, path.name  # read-only
    data = tomllib.loads((report.path / REPORT_FILE).read_text("utf-8"))
    assert data["schema_version"] == 1 and data["id"] == "2026-03-31"
    assert data["report_date"] == D1 and data["title"] == "Bericht 1. Quartal 2026"
    assert data["frozen_by"] == "anna" and data["frozen_at"].date() == TODAY
    assert data["program_version"] and len(data["digest"]) == 12
    assert set(data["files"]) == set(FILES) - {REPORT_FILE}
    assert data["options"]["lang"] == "de"
    assert verify_report(report) == []
    assert not [p for p in report.path.parent.iterdir() if p.name.endswith(".tmp")]
    synopse = json.loads((report.path / SYNOPSE_FILE).read_text("utf-8"))
    assert synopse["schema_version"] == 1 and synopse["report_date"] == "2026-03-31"
    assert INTERNAL_TEXT not in (report.path / SYNOPSE_FILE).read_text("utf-8")
    # the printed digest is the digest of the data kept
    assert snapshot_digest(load_snapshot(report)) == report.digest
    assert report.digest in (report.path / "synopse-2026-03-31.md").read_text("utf-8")


def test_synopse_json_holds_the_whole_catalogue_and_reads_back_alike(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    assert catalogue_from_json(json.loads(json.dumps(catalogue_to_json(catalogue)))) == catalogue
    write_logs(workspace)
    snapshot = load_snapshot(freeze(workspace, D2).report)
    again = snapshot_from_bytes(snapshot_bytes(snapshot))
    assert again.catalogue == catalogue and again.report_date == D2
    assert dict(again.statuses) == dict(snapshot.statuses)
    assert snapshot_digest(again) == snapshot_digest(snapshot)
    newer = json.loads(snapshot_bytes(snapshot)) | {"schema_version": 99}
    with pytest.raises(SnapshotError, match="Schema-Version 99"):
        snapshot_from_bytes(json.dumps(newer).encode())


def test_freezing_a_day_again_keeps_both(workspace: Workspace) -> None:
    write_logs(workspace)
    first = freeze(workspace, D1, "erster")
    second = freeze(workspace, D1, "zweiter")
    third = freeze(workspace, D1, "dritter")
    assert [first.report.id, second.report.id, third.report.id] == [
        "2026-03-31",
        "2026-03-31-2",
        "2026-03-31-3",
    ]
    assert second.duplicate and third.duplicate
    assert find_report(workspace, "2026-03-31").title == "erster"  # never rewritten
    reports, problems = list_reports(workspace)
    assert problems == [] and [r.id for r in reports] == [
        "2026-03-31",
        "2026-03-31-2",
        "2026-03-31-3",
    ]
    assert latest_report(reports) == third.report


def test_freezing_twice_on_a_day_from_the_command_line_says_so(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(workspace.root)
    assert main(["-w", root, "report", "freeze", "--date", "2026-03-31", "--title", "Q1"]) == 0
    assert "Bericht 2026-03-31 (Berichtsstand 31.03.2026) eingefroren" in capsys.readouterr().out
    assert main(["-w", root, "report", "freeze", "--date", "31.03.2026"]) == 0
    out = capsys.readouterr().out
    assert (
        "Für den 31.03.2026 gibt es schon einen Bericht; dieser wird zusätzlich als 2026-03-31-2"
        in out
    )
    assert main(["-w", root, "report", "freeze", "--date", "2999-01-01"]) == 2
    assert "liegt in der Zukunft" in capsys.readouterr().err
    assert main(["-w", root, "report", "freeze", "--date", "31.02.2026"]) == 2
    assert "Ungültiges Datum „31.02.2026“" in capsys.readouterr().err


def test_two_people_freezing_at_once_get_two_reports(workspace: Workspace) -> None:
    write_logs(workspace)
    results = []

    def run() -> None:
        results.append(freeze(workspace, D1).report.id)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == ["2026-03-31", "2026-03-31-2"]
    assert all(verify_report(r) == [] for r in list_reports(workspace)[0])


def test_a_byte_changed_in_a_frozen_file_is_named_by_check(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_logs(workspace)
    report = freeze(workspace, D1).report
    assert main(["-w", str(workspace.root), "check"]) == 0
    assert "1 eingefrorene(r) Bericht(e) geprüft" in capsys.readouterr().out
    path = report.path / "synopse-2026-03-31.md"
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[200] ^= 0x01
    path.write_bytes(bytes(data))
    (report.path / "nachtrag.txt").write_text("später hinzugefügt", encoding="utf-8")
    assert main(["-w", str(workspace.root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1: nach dem Einfrieren geändert" in err
    assert "nachtrag.txt:1: nach dem Einfrieren hinzugefügt" in err
    assert "synopse-2026-03-31.html" not in err  # only what changed is named


def test_changed_data_in_synopse_json_is_found_even_with_a_new_checksum(
    workspace: Workspace,
) -> None:
    """Someone who edits synopse.json and its checksum in report.toml still cannot make the
    data match the digest printed on the report."""
    write_logs(workspace)
    report = freeze(workspace, D1).report
    path = report.path / SYNOPSE_FILE
    os.chmod(path, 0o644)
    path.write_text(path.read_text("utf-8").replace('"in-umsetzung"', '"umgesetzt"'), "utf-8")
    toml_path = report.path / REPORT_FILE
    os.chmod(toml_path, 0o644)
    import hashlib

    new_sum = hashlib.sha256(path.read_bytes()).hexdigest()
    text = toml_path.read_text("utf-8").replace(report.files[SYNOPSE_FILE], new_sum)
    toml_path.write_text(text, "utf-8")
    problems = verify_report(find_report(workspace, report.id))
    assert len(problems) == 1 and "passt nicht zum Datenstand" in problems[0].message


def test_a_withdrawn_report_is_kept_signed_and_never_the_last(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_logs(workspace)
    first = freeze(workspace, D1).report
    second = freeze(workspace, D2).report
    root = str(workspace.root)
    assert main(["-w", root, "report", "withdraw", second.id, "--reason", " "]) == 2
    assert "Grund" in capsys.readouterr().err
    at = datetime(2026, 11, 27, 13, 0, tzinfo=WINTER)
    withdrawn = withdraw_report(workspace, second.id, "Falscher Stichtag", "bernd", at)
    assert withdrawn.withdrawn is not None
    assert (withdrawn.withdrawn.by, withdrawn.withdrawn.reason) == ("bernd", "Falscher Stichtag")
    assert withdrawn.withdrawn.at == at
    assert verify_report(withdrawn) == []  # the withdrawal does not break the checksums
    assert stat.S_IMODE((second.path / REPORT_FILE).stat().st_mode) & 0o222 == 0
    assert latest_report(list_reports(workspace)[0]) == first
    with pytest.raises(ReportError, match="bereits am 2026-11-27 zurückgezogen"):
        withdraw_report(workspace, second.id, "nochmal", "bernd", at)
    assert main(["-w", root, "report", "list"]) == 0
    out = capsys.readouterr().out
    assert "ZURÜCKGEZOGEN am 27.11.2026 von bernd: Falscher Stichtag" in out
    assert "* 2026-03-31" in out and "der letzte Bericht (2026-03-31)" in out
    assert "27 Maßnahmen: offen (nicht begonnen) 25 · in Planung 1 · in Umsetzung 1" in out


def test_report_show_lists_the_facts_and_the_state_of_each_file(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_logs(workspace)
    report = freeze(workspace, D1, "Q1").report
    assert main(["-w", str(workspace.root), "report", "show", report.id]) == 0
    out = capsys.readouterr().out
    assert "Berichtsstand:" in out and "31.03.2026" in out and "Q1" in out
    assert f"Datenstand:      {report.digest}" in out
    assert "  synopse-2026-03-31.html  unverändert" in out
    assert main(["-w", str(workspace.root), "report", "show", "2025-01-01"]) == 1
    assert "Unbekannter Bericht „2025-01-01“ (vorhanden: 2026-03-31)" in capsys.readouterr().err


def test_any_title_and_reason_stay_text_in_report_toml(workspace: Workspace) -> None:
    """Every hostile text as title and reason, through the store alone (no rendering)."""
    at = datetime(2026, 11, 27, 13, 0, tzinfo=WINTER)
    for number, text in enumerate(HOSTILE, start=1):
        meta = {
            "report_date": date(2026, 1, number),
            "title": text,
            "frozen_at": at,
            "frozen_by": "anna",
            "digest": "0123456789ab",
            "program_version": "0",
            "options": {"lang": "de"},
        }
        with freezing(workspace, date(2026, 1, number)) as slot:
            slot.write("synopse.md", text.encode("utf-8", "surrogatepass"))
            slot.commit(meta)
        report = find_report(workspace, f"2026-01-{number:02d}")
        assert report.title == text and verify_report(report) == []
        if text.strip():
            withdrawn = withdraw_report(workspace, report.id, text, "anna", at).withdrawn
            assert withdrawn is not None and withdrawn.reason == text.strip()
    assert list_reports(workspace)[1] == []


def test_a_hostile_title_is_printed_as_text_and_a_long_one_refused(workspace: Workspace) -> None:
    title = "\x1b[31mrot\x1b[0m <script>x</script> [bold]fett[/] <font color=red>f</font>"
    report = freeze(workspace, date(2026, 1, 5), title).report
    markdown = (report.path / "synopse-2026-01-05.md").read_text("utf-8")
    assert "\x1b" not in markdown and "\\[ESC\\]\\[31mrot" in markdown
    html = (report.path / "synopse-2026-01-05.html").read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    with pytest.raises(ReportError, match="höchstens 200"):
        freeze(workspace, date(2026, 1, 6), "Wort " * (MAX_TITLE // 4))
    assert [r.id for r in list_reports(workspace)[0]] == ["2026-01-05"]


def test_new_folders_and_files_follow_the_workspace_group_rules(workspace: Workspace) -> None:
    """As in status/: the umask decides the mode, a setgid workspace passes its group on."""
    os.chmod(workspace.root, 0o2775)
    old = os.umask(0o002)
    try:
        report = freeze(workspace, D1).report
    finally:
        os.umask(old)
    for folder in (report.path.parent, report.path):
        mode = stat.S_IMODE(folder.stat().st_mode)
        assert mode & 0o070 == 0o070 and mode & stat.S_ISGID, oct(mode)
        assert folder.stat().st_gid == workspace.root.stat().st_gid
    assert stat.S_IMODE((report.path / SYNOPSE_FILE).stat().st_mode) == 0o444


def test_a_symlinked_reports_folder_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (workspace.root / "reports").symlink_to(elsewhere)
    with pytest.raises(ReportError, match="symbolischer Link"):
        freeze(workspace, D1)
    assert list(elsewhere.iterdir()) == []


def test_a_broken_report_toml_is_reported_not_guessed(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    report = freeze(workspace, D1).report
    path = report.path / REPORT_FILE
    os.chmod(path, 0o644)
    path.write_text('id = "2026-03-31"\nschema_version = 1\n', "utf-8")
    assert main(["-w", str(workspace.root), "check"]) == 1
    assert f"{path}:1: report.toml ist ungültig" in capsys.readouterr().err
