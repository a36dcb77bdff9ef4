"""Writing update requests: one file per office with exactly its measures, names, the letter,
files never overwritten, and hostile note text kept as text in every format."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.offices import office_slug
from monitor_tui.people import Directory, OfficeContact, Person
from monitor_tui.requests import letter as letter_module
from monitor_tui.requests.docx_form import read_form
from monitor_tui.requests.letter import FormId, build_letter
from monitor_tui.requests.service import render_letter, write_requests
from monitor_tui.status.store import load_status
from monitor_tui.text import visible_text
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES
from .request_forms import write

MOMENT = datetime(2026, 11, 20, 10, 0, tzinfo=timezone(timedelta(hours=1)))
REPLY = date(2026, 12, 4)
HOSTILE_CASES = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text())["cases"]]


def _office_measures(catalogue: Catalogue, office: str) -> list[str]:
    return [m.id for m in catalogue.measures() if office in m.offices]


def test_each_office_gets_exactly_its_measures(workspace: Workspace) -> None:
    """Every office of the Mainz catalogue, DOCX and Markdown; a measure of several offices
    is in each of their requests."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    offices = catalogue.offices()
    assert len(offices) == 20
    written = write_requests(workspace, catalogue, Directory(), "docx", REPLY, "de", now=MOMENT)
    markdown = write_requests(
        workspace, catalogue, Directory(), "markdown", REPLY, "de", now=MOMENT
    )
    folder = workspace.exports_dir / "abfragen" / "2026-11-20"
    assert [w.office for w in written] == offices
    for docx_file, md_file in zip(written, markdown, strict=True):
        expected = _office_measures(catalogue, docx_file.office)
        assert docx_file.path == folder / f"{office_slug(docx_file.office)}.docx"
        assert md_file.path.suffix == ".md"
        form = read_form(docx_file.path, catalogue)
        assert form.office == docx_file.office
        assert list(form.form_id.measure_ids) == expected
        assert [a.measure_id for a in form.answers] == expected
        headings = re.findall(r"^## Maßnahme (\S+) ·", md_file.path.read_text(), re.MULTILINE)
        assert headings == expected
    shared = [w for w in written if "3.1.1" in _office_measures(catalogue, w.office)]
    assert len(shared) == 5  # Leitstelle Wohnen, Amt für soziale Leistungen, …


def test_pdf_requests_hold_the_office_measures(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    office = "Amt für Jugend und Familie"
    (written,) = write_requests(
        workspace, catalogue, Directory(), "pdf", REPLY, "de", {office}, now=MOMENT
    )
    text = "\n".join(page.extract_text() for page in PdfReader(written.path).pages)
    found = re.findall(r"Maßnahme (\d+\.\d+\.\d+) ·", text)
    assert sorted(set(found)) == ["1.4.2", "5.1.2"]
    assert "Bitte antworten Sie bis zum 04.12.2026." in text


def test_file_names_are_ascii_slugs() -> None:
    assert (
        office_slug("Büro für Migration und Integration") == "buero-fuer-migration-und-integration"
    )
    assert (
        office_slug("Fachstelle „Frühe Hilfen – Kinderschutz – Familienbildung“")
        == "fachstelle-fruehe-hilfen-kinderschutz-familienbildung"
    )
    assert office_slug("Amt für Stadtentwicklung, Statistik und Wahlen") == (
        "amt-fuer-stadtentwicklung-statistik-und-wahlen"
    )
    assert office_slug("Straße & Grün") == "strasse-gruen"


def test_a_filled_in_form_in_the_folder_is_never_overwritten(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    office = "Bürgeramt"
    (first,) = write_requests(
        workspace, catalogue, Directory(), "docx", REPLY, "de", {office}, now=MOMENT
    )
    document = Document(str(first.path))
    write(document, catalogue, "2.1.5", "progress", "Unsere Antwort.")
    document.save(str(first.path))  # the office's answer, saved back into the folder
    answer = first.path.read_bytes()
    (second,) = write_requests(
        workspace, catalogue, Directory(), "docx", REPLY, "de", {office}, now=MOMENT
    )
    assert first.path.read_bytes() == answer
    assert second.path.name == "buergeramt-2.docx" and second.renamed
    assert not list(second.path.parent.glob(".*.tmp"))


def test_the_letter_is_addressed_and_shows_the_state_so_far(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    office = "Büro für Migration und Integration"
    contact = OfficeContact(office, "Frau Beispiel", "bmi@example.org", "06131 1")
    note = LogEntry(datetime(2026, 11, 2, 9, 0, tzinfo=UTC), "anna", "Flyer gedruckt.")
    internal = LogEntry(datetime(2026, 11, 3, 9, 0, tzinfo=UTC), "anna", "Geheim", internal=True)
    statuses = {
        "1.2.2": MeasureStatus(
            "1.2.2",
            status="in-umsetzung",
            next_step="Verteilen",
            next_step_due=date(2026, 12, 15),
            log=(internal, note),
        )
    }
    names = {"anna": "Anna Beispiel (Büro für Migration und Integration)"}
    letter = build_letter(catalogue, office, contact, statuses, names, MOMENT, REPLY, "de")
    assert letter.recipient == (office, "z. Hd. Frau Beispiel", "bmi@example.org · 06131 1")
    assert letter.sender[:2] == (
        "Landeshauptstadt Mainz",
        "Hauptamt, Büro für Migration und Integration",
    )
    assert letter.salutation == "Guten Tag Frau Beispiel,"
    assert letter.reply_line == "Bitte antworten Sie bis zum 04.12.2026."
    assert "„zurückgestellt“, „entfallen“, „gefährdet“ oder „kritisch“" in "".join(
        letter.instructions
    )
    flyer = letter.measures[0]
    assert ("Umsetzungsstand", "in Umsetzung") in flyer.state_rows
    assert ("Nächster Schritt (bis 15.12.2026)", "Verteilen") in flyer.state_rows
    assert flyer.notes == (("02.11.2026, 09:00 – " + names["anna"], "Flyer gedruckt."),)
    assert [a.key for a in flyer.answers] == [
        "status",
        "target:kurz",
        "assessment",
        "progress",
        "next_step",
        "next_step_due",
    ]
    assert FormId.find(letter.form_id_line) == letter.form_id
    text = render_letter(letter, "markdown").decode()
    assert "Geheim" not in text and "Flyer gedruckt." in text


@pytest.mark.parametrize("format_name", ["docx", "pdf", "markdown"])
def test_hostile_notes_stay_text_in_every_request_format(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, format_name: str
) -> None:
    monkeypatch.setattr(letter_module, "LAST_NOTES", len(HOSTILE_CASES))
    catalogue = load_catalogue(workspace.catalogue_dir)
    notes = tuple(
        LogEntry(datetime(2026, 11, 1, 9, index, tzinfo=UTC), "mallory", text)
        for index, text in enumerate(HOSTILE_CASES)
    )
    statuses = {"1.1.1": MeasureStatus("1.1.1", status="in-planung", log=notes)}
    office = catalogue.measure("1.1.1").offices[0]  # type: ignore[union-attr]
    hostile_office = OfficeContact(office, "<script>alert(1)</script>", "x@example.org", "")
    letter = build_letter(catalogue, office, hostile_office, statuses, {}, MOMENT, REPLY, "de")
    data = render_letter(letter, format_name)
    for raw in (b"\x1b", b"\x07", b"\r"):
        assert raw not in data or format_name != "markdown"
    if format_name == "docx":
        path = workspace.root / "feindlich.docx"
        path.write_bytes(data)
        text = "\n".join(
            p.text
            for t in Document(str(path)).tables
            for r in t.rows
            for p in r.cells[1].paragraphs
        )
        assert "<script>alert(1)</script>" in text and "[ESC][31mrot" in text
        assert read_form(path, catalogue).office == office
    elif format_name == "markdown":
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark", {"html": True}).render(data.decode("utf-8"))
        assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    else:
        text = "\n".join(
            page.extract_text() for page in PdfReader(__import__("io").BytesIO(data)).pages
        )
        assert "[ESC][31mrot" in text and "nicht druckbar" in text


def test_hostile_answers_are_stored_as_typed(workspace: Workspace, tmp_path: Path) -> None:
    """Whatever an office types into the form is a note, stored byte for byte (as far as a
    DOCX can hold it: XML has no control characters, so those arrive named)."""
    from monitor_tui.requests.answers import apply_import, plan_import

    catalogue = load_catalogue(workspace.catalogue_dir)
    office = "Büro für Migration und Integration"
    typed = {}
    for index, case in enumerate(HOSTILE_CASES[:5]):
        (request,) = write_requests(
            workspace,
            catalogue,
            Directory(),
            "docx",
            REPLY,
            "de",
            {office},
            {},
            MOMENT + timedelta(minutes=index),
        )
        document = Document(str(request.path))
        text = visible_text(case).strip() or "leer"
        write(document, catalogue, "1.2.2", "progress", text)
        path = tmp_path / f"antwort-{index}.docx"
        document.save(str(path))
        plan = plan_import(workspace, catalogue, Directory(), path, date(2026, 11, 27))
        apply_import(workspace, catalogue, plan, "ina")
        typed[index] = text
    log = load_status(workspace, catalogue, "1.2.2").log
    assert [entry.text for entry in reversed(log)] == list(typed.values())


def test_requests_command_names_the_files_and_refuses_a_past_reply_date(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace.catalogue_dir / "people.toml").write_text(
        '[offices."Bürgeramt"]\ncontact = "Frau Muster"\n', encoding="utf-8"
    )
    root = str(workspace.root)
    assert main(["-w", root, "requests", "--office", "bürgeramt", "--reply-by", "2099-01-31"]) == 0
    out = capsys.readouterr().out
    assert "Abfrage an Bürgeramt (Maßnahmen: 1): " in out and out.rstrip().endswith(
        "buergeramt.docx"
    )
    assert main(["-w", root, "requests", "--reply-by", "01.01.2020"]) == 2
    assert "liegt vor heute" in capsys.readouterr().err
    assert main(["-w", root, "requests", "--office", "Nirgendwo"]) == 2
    assert "Bürgeramt" in capsys.readouterr().err  # the valid offices are listed


def test_person_display_and_directory() -> None:
    directory = Directory({"anna": Person("anna", "Anna Beispiel", ("Bürgeramt", "Frauenbüro"))})
    assert directory.name_of("anna") == "Anna Beispiel (Bürgeramt; Frauenbüro)"
    assert directory.name_of("bernd") == "bernd"
    assert directory.contact("Bürgeramt") == OfficeContact("Bürgeramt")
