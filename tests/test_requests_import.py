"""Reading filled-in request forms back: the changes they make, the preview, conflicts, twice,
altered forms, and a form LibreOffice saved (tests/data/request-libreoffice.docx)."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx import Document

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.model import REQUEST_TAG, Catalogue
from monitor_tui.people import Directory, OfficeContact
from monitor_tui.requests.answers import applied_lines, apply_import, plan_import, plan_lines
from monitor_tui.requests.docx_form import W_NS, FormError
from monitor_tui.requests.service import write_requests
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import load_all_statuses, load_status, save_edit
from monitor_tui.workspace import Workspace

from .conftest import DATA
from .request_forms import measure_table, tick, type_x, write

CET = timezone(timedelta(hours=1))
MOMENT = datetime(2026, 11, 20, 10, 0, tzinfo=CET)
TODAY = date(2026, 11, 27)
OFFICE = "Büro für Migration und Integration"
CONTACT = OfficeContact(OFFICE, "Frau Beispiel", "bmi@example.org", "")


def _request(workspace: Workspace, catalogue: Catalogue, office: str = OFFICE) -> Path:
    directory = Directory(offices={office: CONTACT} if office == OFFICE else {})
    (written,) = write_requests(
        workspace, catalogue, directory, "docx", date(2026, 12, 4), "de", {office}, now=MOMENT
    )
    return written.path


def _filled(workspace: Workspace, catalogue: Catalogue, tmp_path: Path) -> Path:
    """The request to the BMI, answered for two measures (and left empty for the rest)."""
    document = Document(str(_request(workspace, catalogue)))
    tick(document, catalogue, "1.2.2", "status", "umgesetzt")
    tick(document, catalogue, "1.2.2", "target:kurz", "erreicht")
    write(document, catalogue, "1.2.2", "progress", "Alle Flyer verteilt.\nNachdruck bestellt.")
    type_x(document, catalogue, "4.2.2", "status", "entfallen")
    write(document, catalogue, "4.2.2", "progress", "Der Träger hat aufgegeben.")
    write(document, catalogue, "4.2.2", "next_step", "Neuen Träger suchen")
    write(document, catalogue, "4.2.2", "next_step_due", "31.01.2027")
    path = tmp_path / "antwort.docx"
    document.save(str(path))
    return path


def _import(workspace: Workspace, catalogue: Catalogue, path: Path, author: str = "ina") -> None:
    directory = Directory(offices={OFFICE: CONTACT})
    plan = plan_import(workspace, catalogue, directory, path, TODAY)
    now = datetime(2026, 11, 27, 9, 30, tzinfo=CET)
    apply_import(workspace, catalogue, plan, author, now=now)


def test_a_form_filled_in_programmatically_imports_the_answers(
    workspace: Workspace, tmp_path: Path
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    _import(workspace, catalogue, _filled(workspace, catalogue, tmp_path))
    flyer = load_status(workspace, catalogue, "1.2.2")
    assert flyer.status == "umgesetzt" and flyer.targets == {"kurz": "erreicht"}
    assert flyer.reviewed == TODAY
    entry = flyer.log[0]
    assert entry.author == "ina" and entry.tags == (REQUEST_TAG,)
    assert entry.text == "Alle Flyer verteilt.\nNachdruck bestellt."
    assert entry.attribute("office") == OFFICE and entry.attribute("contact") == "Frau Beispiel"
    assert entry.attribute("request") == "2026-11-20"
    dropped = load_status(workspace, catalogue, "4.2.2")
    assert dropped.status == "entfallen" and dropped.next_step == "Neuen Träger suchen"
    assert dropped.next_step_due == date(2027, 1, 31)
    # measures left empty get no entry at all
    assert not (workspace.status_dir / "4.2.3.md").exists()
    # the file says whose answer it was, in the documented form
    text = (workspace.status_dir / "1.2.2.md").read_text(encoding="utf-8")
    assert '· ina · abfrage\n- @office: "Büro für Migration und Integration"\n' in text


def test_dry_run_changes_nothing_and_shows_old_and_new(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    path = _filled(workspace, catalogue, tmp_path)
    before = sorted(p.name for p in workspace.status_dir.iterdir())
    code = main(["-w", str(workspace.root), "requests", "import", str(path), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert sorted(p.name for p in workspace.status_dir.iterdir()) == before
    assert "Umsetzungsstand: offen (nicht begonnen) → umgesetzt" in out
    assert "Umsetzungsstand: offen (nicht begonnen) → entfallen" in out
    assert "Der Träger hat aufgegeben." in out
    assert "4.2.3 Maßnahme 3: keine Angaben" in out
    assert "Probelauf: nichts gespeichert." in out


def test_importing_the_same_form_twice_adds_nothing(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    path = _filled(workspace, catalogue, tmp_path)
    assert main(["-w", str(workspace.root), "requests", "import", str(path)]) == 0
    files = {p.name: p.read_bytes() for p in workspace.status_dir.glob("*.md")}
    assert set(files) == {"1.2.2.md", "4.2.2.md"}
    capsys.readouterr()
    assert main(["-w", str(workspace.root), "requests", "import", str(path)]) == 0
    assert {p.name: p.read_bytes() for p in workspace.status_dir.glob("*.md")} == files
    assert "schon eingelesen" in capsys.readouterr().out


def test_a_change_made_after_the_request_is_not_overwritten(
    workspace: Workspace, tmp_path: Path
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    path = _filled(workspace, catalogue, tmp_path)
    after_request = datetime(2026, 11, 24, 14, 0, tzinfo=CET)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="verstetigt"), "bernd", now=after_request)
    directory = Directory(offices={OFFICE: CONTACT})
    plan = plan_import(workspace, catalogue, directory, path, TODAY)
    flyer = next(m for m in plan.measures if m.measure_id == "1.2.2")
    assert [c.field for c in flyer.conflicts] == ["status"]
    assert [c.field for c in flyer.changes] == ["reviewed", "target:kurz"]
    results = apply_import(workspace, catalogue, plan, "ina")
    saved = load_status(workspace, catalogue, "1.2.2")
    assert saved.status == "verstetigt"  # bernd's change stands
    assert saved.targets == {"kurz": "erreicht"} and saved.log[0].text.startswith("Alle Flyer")
    assert [c.field for r in results if r.measure_id == "1.2.2" for c in r.conflicts] == ["status"]
    said = "Umsetzungsstand wurde seit der Abfrage auf „verstetigt“ geändert"
    assert any(said in line for line in plan_lines(plan, catalogue, directory))
    assert any(said in line for line in applied_lines(results, catalogue))


def test_a_value_that_needs_a_reason_is_not_taken_without_one(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    document = Document(str(_request(workspace, catalogue)))
    tick(document, catalogue, "2.1.4", "assessment", "kritisch")
    tick(document, catalogue, "1.2.2", "status", "in Planung")
    path = tmp_path / "ohne-grund.docx"
    document.save(str(path))
    assert main(["-w", str(workspace.root), "requests", "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Bewertung „kritisch“ ohne Begründung" in captured.out
    assert load_status(workspace, catalogue, "2.1.4").assessment is None
    assert load_status(workspace, catalogue, "1.2.2").status == "in-planung"  # the others go in


def test_two_ticks_and_a_bad_date_are_named(workspace: Workspace, tmp_path: Path) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    document = Document(str(_request(workspace, catalogue)))
    tick(document, catalogue, "1.2.2", "status", "umgesetzt")
    tick(document, catalogue, "1.2.2", "status", "in Planung")
    write(document, catalogue, "4.2.2", "next_step_due", "bald")
    path = tmp_path / "unklar.docx"
    document.save(str(path))
    plan = plan_import(workspace, catalogue, Directory(), path, TODAY)
    reasons = {m.measure_id: m.reasons for m in plan.measures if m.kind == "invalid"}
    assert reasons == {
        "1.2.2": ("„Umsetzungsstand“: mehr als ein Wert angekreuzt",),
        "4.2.2": ("„Nächste Schritte bis“: „bald“ ist kein Datum (TT.MM.JJJJ)",),
    }


def _altered(workspace: Workspace, tmp_path: Path, change: str) -> Path:
    catalogue = load_catalogue(workspace.catalogue_dir)
    document = Document(str(_request(workspace, catalogue)))
    table = measure_table(document, "4.2.2")
    if change == "table removed":
        table._tbl.getparent().remove(table._tbl)
    elif change == "id changed":
        for node in table.rows[0].cells[0]._tc.iter(f"{{{W_NS}}}t"):
            if node.text and "4.2.2" in node.text:
                node.text = node.text.replace("4.2.2", "4.2")
    elif change == "row removed":
        row = table.rows[-3]._tr
        row.getparent().remove(row)
    elif change == "id line removed":
        for paragraph in document.paragraphs:
            if "[abfrage" in paragraph.text:
                paragraph._p.getparent().remove(paragraph._p)
        document.core_properties.identifier = ""
    path = tmp_path / "verändert.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("table removed", "Die Tabelle zu Maßnahme 4.2.2 fehlt"),
        ("id changed", "Die Tabelle zu Maßnahme 4.2.2 fehlt"),
        ("row removed", "Tabelle zu Maßnahme 4.2.2, Zeile"),
        ("id line removed", "kein Abfrage-Formular"),
    ],
)
def test_an_altered_form_is_refused_naming_the_place(
    workspace: Workspace,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: str,
    message: str,
) -> None:
    path = _altered(workspace, tmp_path, change)
    assert main(["-w", str(workspace.root), "requests", "import", str(path)]) == 1
    assert message in capsys.readouterr().err
    assert not list(workspace.status_dir.glob("*.md"))


def test_junk_is_no_form(workspace: Workspace, tmp_path: Path) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(FormError, match="keine lesbare DOCX-Datei"):
        plan_import(workspace, catalogue, Directory(), junk, TODAY)
    with pytest.raises(FormError, match="nicht lesbar"):
        plan_import(workspace, catalogue, Directory(), tmp_path / "fehlt.docx", TODAY)


def test_a_form_saved_by_libreoffice_imports_the_answers(workspace: Workspace) -> None:
    """tests/make_request_fixture.py filled the request to the Flüchtlingskoordination and let
    LibreOffice (7.4) save it: its check boxes, typed X and text cells read back."""
    fixture = DATA / "request-libreoffice.docx"
    with fixture.open("rb") as handle:
        import zipfile

        assert b"LibreOffice" in zipfile.ZipFile(handle).read("docProps/app.xml")
    catalogue = load_catalogue(workspace.catalogue_dir)
    path = workspace.root / "antwort.docx"
    shutil.copyfile(fixture, path)
    plan = plan_import(workspace, catalogue, Directory(), path, TODAY)
    assert {m.measure_id: m.kind for m in plan.measures} == {
        "3.2.1": "apply",
        "3.4.1": "apply",
        "4.1.1": "apply",
        "4.2.1": "empty",
        "4.3.1": "apply",
        "4.3.2": "apply",
    }
    apply_import(workspace, catalogue, plan, "ina")
    states = load_all_statuses(workspace, catalogue).statuses
    paper = states["3.2.1"]
    assert (paper.status, paper.assessment, dict(paper.targets)) == (
        "in-umsetzung",
        "im-plan",
        {"mittel": "teilweise-erreicht"},
    )
    assert paper.next_step == "Fortschreibung 2027" and paper.next_step_due == date(2027, 3, 31)
    assert paper.log[0].text == "Arbeitspapier aktualisiert.\nVorlage im Ausschuss am 10.12."
    assert states["3.4.1"].status == "umgesetzt" and states["3.4.1"].targets == {"kurz": "erreicht"}
    assert states["4.1.1"].assessment == "gefaehrdet"
    assert states["4.3.1"].next_step == "Treffen mit den Trägern"
    assert states["4.3.2"].status == "entfallen"
    assert states["4.3.2"].log[0].text == "Projekt vom Träger beendet – „Mentoren“ & <Paten>."
    assert states["4.2.1"].log == ()
    assert {states[m].log[0].attribute("request") for m in ("3.2.1", "4.3.2")} == {"2026-11-20"}
