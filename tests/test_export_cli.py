"""`monitor-tui export` as a user runs it: formats, paths, options, bad input, broken files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.export import ExportOptions, export_files
from monitor_tui.report.build import ReportOptions
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_all_statuses, save_edit
from monitor_tui.workspace import Workspace

from .test_cli import run_cli
from .test_export_formats import docx_text, pdf_text, squeezed

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def record(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    edit = Edit(
        status="umgesetzt",
        targets={"kurz": "erreicht"},
        assessment="im-plan",
        note="Flyer verteilt.",
    )
    save_edit(workspace, catalogue, "1.2.2", edit, "anna", now=NOON)
    secret = Edit(note="Nur intern: Budget knapp.", internal=True)
    save_edit(workspace, catalogue, "1.2.2", secret, "anna", now=NOON.replace(hour=13))
    save_edit(workspace, catalogue, "3.1.1", Edit(status="in-umsetzung"), "bert", now=NOON)


def test_format_all_writes_five_files_with_the_recorded_state(workspace: Workspace) -> None:
    record(workspace)
    result = run_cli("-w", str(workspace.root), "export", "--format", "all", "--date", "2026-03-31")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in workspace.exports_dir.iterdir())
    assert names == [f"synopse-2026-03-31.{ext}" for ext in ("docx", "html", "json", "md", "pdf")]
    assert result.stdout.count("Geschrieben: ") == 5
    pdf = pdf_text((workspace.exports_dir / "synopse-2026-03-31.pdf").read_bytes())
    assert "Flyer verteilt." in pdf and "Budget" not in pdf
    assert "Berichtsstand: 31.03.2026" in pdf
    docx = docx_text((workspace.exports_dir / "synopse-2026-03-31.docx").read_bytes())
    assert "Flyer verteilt." in docx and "Budget" not in docx
    document = json.loads((workspace.exports_dir / "synopse-2026-03-31.json").read_text("utf-8"))
    flyer = next(
        m
        for f in document["fields"]
        for g in f["goals"]
        for m in g["measures"]
        if m["id"] == "1.2.2"
    )
    assert flyer["status"] == "umgesetzt" and flyer["target_states"] == {"kurz": "erreicht"}
    assert flyer["indicator_fulfilled"] is True and flyer["assessment"] == "im-plan"
    assert [n["text"] for n in flyer["notes"]] == ["Flyer verteilt."]
    assert len(document["digest"]) == 12 and document["report_date"] == "2026-03-31"


def test_restricting_the_export_says_so_in_the_title_block(workspace: Workspace) -> None:
    record(workspace)
    result = run_cli(
        "-w", str(workspace.root), "export", "-f", "markdown", "-o", "-", "--field", "3",
        "--status", "in-umsetzung",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Auszug: Handlungsfeld 4.3 Wohnen; Umsetzungsstand „in Umsetzung“" in result.stdout
    assert "Auftragsvergabe zur Erstellung eines Wohnungsmarktberichts" in result.stdout
    assert "Sicherstellung, dass in allen Neubaugebieten" not in result.stdout  # 3.1.2 is open
    assert "4.1 Handlungsfeld Bildung" not in result.stdout


def test_office_filter_and_english(workspace: Workspace) -> None:
    result = run_cli(
        "--lang", "en", "-w", str(workspace.root), "export", "-f", "html", "-o", "-",
        "--office", "leitstelle wohnen",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Excerpt" in result.stdout and "Leitstelle Wohnen" in result.stdout
    assert "Fachstelle „Frühe Hilfen" not in result.stdout


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--field", "9", "Unbekanntes Handlungsfeld „9“ (möglich: 1 (Bildung), 2 (Ausbildung"),
        ("--office", "Amt für Zauberei", "Unbekannte Zuständigkeit „Amt für Zauberei“"),
        ("--status", "fertig", "Unbekannter Umsetzungsstand „fertig“ (möglich: offen, in-planung"),
        ("--date", "31.02.2026", "Ungültiges Datum „31.02.2026“ für --date (JJJJ-MM-TT oder"),
        ("--since", "gestern", "Ungültiges Datum „gestern“ für --since"),
    ],
)
def test_unknown_choices_are_listed_in_german_with_exit_2(
    workspace: Workspace, option: str, value: str, expected: str
) -> None:
    result = run_cli("-w", str(workspace.root), "export", "-f", "json", option, value)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert list(workspace.exports_dir.iterdir()) == []


def test_stdout_takes_one_format_only(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "export", "--format", "all", "-o", "-")
    assert result.returncode == 2 and "nur mit einem Format" in result.stderr


def test_a_broken_status_file_stops_the_export(workspace: Workspace) -> None:
    record(workspace)
    path = status_path(workspace.status_dir, "1.2.2")
    path.write_text("+++\nstatus = \n+++\n", encoding="utf-8")
    result = run_cli("-w", str(workspace.root), "export", "--format", "pdf")
    assert result.returncode == 1
    assert f"{path}:" in result.stderr and "kein Export" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(workspace.exports_dir.iterdir()) == []


def test_output_path_and_folder(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "bericht.pdf"
    assert main(["-w", str(workspace.root), "export", "-f", "pdf", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "ablage"
    folder.mkdir()
    code = main(["-w", str(workspace.root), "export", "-f", "all", "-o", str(folder), "--date", "2026-01-05"])  # fmt: skip
    assert code == 0
    assert len(list(folder.glob("synopse-2026-01-05.*"))) == 5


def test_since_prints_every_public_note_from_that_day(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    for day in range(1, 7):
        note = Edit(note=f"Notiz vom {day}. März")
        save_edit(workspace, catalogue, "2.1.1", note, "anna", now=NOON.replace(day=day))
    statuses = load_all_statuses(workspace, catalogue).statuses
    latest = ExportOptions(
        formats=("markdown",), report=ReportOptions(report_date=date(2026, 3, 31))
    )
    [path] = export_files(workspace, catalogue, latest, statuses)
    text = path.read_text("utf-8")
    assert "Notiz vom 6. März" in text and "Notiz vom 3. März" not in text
    assert "3 ältere Einträge nicht abgedruckt" in text
    since = ExportOptions(
        formats=("markdown",), output=path, report=ReportOptions(since=date(2026, 3, 2))
    )
    export_files(workspace, catalogue, since, statuses)
    text = path.read_text("utf-8")
    assert "Notiz vom 2. März" in text and "Notiz vom 1. März" not in text


def test_export_files_reports_progress_for_the_app(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    seen: list[tuple[str, int, int]] = []
    report = ReportOptions(report_date=date(2026, 3, 31))
    options = ExportOptions(formats=("json", "html"), report=report)
    paths = export_files(
        workspace, catalogue, options, {}, progress=lambda *step: seen.append(step)
    )
    assert seen == [("json", 1, 2), ("html", 2, 2)]
    assert [p.name for p in paths] == ["synopse-2026-03-31.json", "synopse-2026-03-31.html"]


def test_the_digest_changes_with_the_data(workspace: Workspace) -> None:
    def digest() -> str:
        result = run_cli("-w", str(workspace.root), "export", "-o", "-")
        return str(json.loads(result.stdout)["digest"])

    before = digest()
    assert before == digest()
    record(workspace)
    assert digest() != before


def test_pdf_text_of_the_mainz_workspace_has_all_27_measures(workspace: Workspace) -> None:
    result = run_cli("-w", str(workspace.root), "export", "-f", "pdf", "--date", "2026-03-31")
    assert result.returncode == 0, result.stderr
    text = squeezed(pdf_text((workspace.exports_dir / "synopse-2026-03-31.pdf").read_bytes()))
    catalogue = load_catalogue(workspace.catalogue_dir)
    assert all(squeezed(m.text) in text for m in catalogue.measures())


def test_output_extension_chooses_the_format(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "bericht.pdf"
    result = run_cli("-w", str(workspace.root), "export", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_output_extension_contradicting_the_format_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "bericht.pdf"
    result = run_cli("-w", str(workspace.root), "export", "-f", "json", "-o", str(target))
    assert result.returncode == 2
    assert "Die Dateiendung .pdf passt nicht zu --format json" in result.stderr
    assert not target.exists()


def test_missing_output_folder_is_reported_not_created(
    workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "vertippt" / "bericht.html"
    result = run_cli("-w", str(workspace.root), "export", "-o", str(target))
    assert result.returncode == 2
    assert f"Ordner „{target.parent}“ existiert nicht" in result.stderr
    assert not target.parent.exists()


def test_lang_may_follow_the_command(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_cli("-w", str(workspace.root), "export", "--lang", "en", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Written: ")
    assert "Status" in target.read_text(encoding="utf-8")
    assert "Umsetzungsstand" not in target.read_text(encoding="utf-8")
