"""What changed since the last report: `report diff` and the compare marks of every export list
exactly the measures that changed between two frozen reports, and a catalogue revision between
them (a measure added, one removed, one reworded) is listed, while the old report still renders
from its own data with its old text."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.export import render
from monitor_tui.reporting import frozen_synopsis
from monitor_tui.reports.store import find_report
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import save_edit
from monitor_tui.workspace import Workspace

from .reports_data import (
    D1,
    D2,
    SUMMER,
    freeze,
    quick_freeze,  # noqa: F401  (a fixture)
    write_logs,
)

pytestmark = pytest.mark.usefixtures("quick_freeze")

CHANGED = ["1.2.2", "3.1.1", "4.1.1"]
"""Between D1 and D2: 1.2.2 and 3.1.1 by the hand-made logs, 4.1.1 by an edit after D1."""


def edit_after_d1(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    moment = datetime(2026, 4, 15, 10, 0, tzinfo=SUMMER)
    save_edit(workspace, catalogue, "4.1.1", Edit(assessment="kritisch"), "bernd", now=moment)
    internal = Edit(note="Intern: nur für das Team.", internal=True)
    save_edit(workspace, catalogue, "5.1.1", internal, "bernd", now=moment)  # no public change
    late = datetime(2026, 7, 2, 10, 0, tzinfo=SUMMER)  # after D2: in no report yet
    save_edit(workspace, catalogue, "2.1.2", Edit(status="in-planung"), "bernd", now=late)


def json_measures(data: bytes) -> dict[str, dict[str, Any]]:
    document = json.loads(data)
    return {m["id"]: m for f in document["fields"] for g in f["goals"] for m in g["measures"]}


def two_reports(workspace: Workspace) -> None:
    write_logs(workspace)
    freeze(workspace, D1, "1. Quartal")
    edit_after_d1(workspace)
    freeze(workspace, D2, "2. Quartal")


def test_report_diff_lists_exactly_the_changed_measures(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    two_reports(workspace)
    root = str(workspace.root)
    assert main(["-w", root, "report", "diff", "2026-03-31", "2026-06-30", "-f", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["from"]["id"] == "2026-03-31" and document["to"]["id"] == "2026-06-30"
    assert [m["id"] for m in document["measures"]] == CHANGED
    by_id = {m["id"]: m for m in document["measures"]}
    assert by_id["1.2.2"]["changes"] == [
        {"field": "status", "before": "in-umsetzung", "after": "umgesetzt"},
        {"field": "target:kurz", "before": "teilweise-erreicht", "after": "erreicht"},
        {"field": "priority", "before": "mittel", "after": "hoch"},
        {"field": "indicator_fulfilled", "before": False, "after": True},
    ]
    assert by_id["1.2.2"]["new_notes"] == 2  # 1 April 00:30 (+02:00) and 15 June
    assert by_id["3.1.1"]["changes"] == [
        {"field": "status", "before": "offen", "after": "in-umsetzung"},
        {"field": "assessment", "before": None, "after": "gefaehrdet"},
    ]
    assert by_id["4.1.1"]["changes"] == [
        {"field": "assessment", "before": None, "after": "kritisch"}
    ]
    assert {m["kind"] for m in document["measures"]} == {"changed"}

    assert main(["-w", root, "report", "diff", "2026-03-31", "2026-06-30"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(
        "Veränderungen: Bericht 2026-03-31 (31.03.2026) → Bericht 2026-06-30 (30.06.2026)"
    )
    lines = text.splitlines()
    assert (
        lines.index("4.1 Handlungsfeld Bildung")
        < lines.index("4.3 Wohnen")
        < lines.index("4.4 Zivilgesellschaftliches Engagement")
    )
    assert "    Umsetzungsstand: in Umsetzung → umgesetzt" in lines
    assert "    Erfolgsindikator: nicht erfüllt → erfüllt" in lines
    assert "    Bewertung: nicht gesetzt → kritisch" in lines
    assert "    2 neue öffentliche Einträge" in lines
    assert "3 Maßnahme(n) verändert, 0 neu, 0 entfallen, 0 mit geändertem Katalogtext" in text
    assert "Intern" not in text and "5.1.1" not in text and "2.1.2" not in text

    assert main(["-w", root, "report", "diff", "2026-03-31", "2026-06-30", "-f", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "## 4.1 Handlungsfeld Bildung" in markdown and "- **1.2.2**" in markdown

    # default: the last report against now, which holds the edit of July
    assert main(["-w", root, "report", "diff", "-f", "json"]) == 0
    now = json.loads(capsys.readouterr().out)
    assert now["from"]["id"] == "2026-06-30" and now["to"]["id"] == "now"
    assert [m["id"] for m in now["measures"]] == ["2.1.2"]


def test_the_compare_marks_of_the_second_report_name_exactly_the_changed_measures(
    workspace: Workspace,
) -> None:
    two_reports(workspace)
    report = find_report(workspace, "2026-06-30")
    assert report.compared_to == "2026-03-31"
    data = (report.path / "synopse-2026-06-30.json").read_bytes()
    document = json.loads(data)
    assert document["compared_to"] == {
        "id": "2026-03-31",
        "report_date": "2026-03-31",
        "digest": find_report(workspace, "2026-03-31").digest,
    }
    measures = json_measures(data)
    assert sorted(m for m, item in measures.items() if item["changes"]) == CHANGED
    assert not any(item["added_since_compare"] for item in measures.values())
    notes = measures["1.2.2"]["notes"]  # by default: the notes of the period, each new
    assert [(n["text"], n["new"]) for n in notes] == [
        ("Alle Kitas beliefert.", True),
        ("Kurz nach Mitternacht, schon im zweiten Quartal.", True),
    ]
    assert measures["1.2.2"]["notes_omitted"] == 2


def test_notes_n_still_prints_older_notes_marked_not_new(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    two_reports(workspace)
    root = str(workspace.root)
    args = ["-w", root, "export", "-f", "json", "-o", "-", "--date", "2026-06-30", "--notes", "4"]
    assert main(args) == 0
    notes = json_measures(capsys.readouterr().out.encode())["1.2.2"]["notes"]
    assert [n["new"] for n in notes] == [True, True, False, False]
    assert main([*args[:-2], "--compare", "none"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["compared_to"] is None
    assert not any(m["changes"] for m in json_measures(json.dumps(document).encode()).values())
    assert main([*args[:-2], "--compare", "2099-01-01"]) == 2
    assert "Unbekannter Bericht „2099-01-01“" in capsys.readouterr().err
    assert (
        main(["-w", root, "export", "-o", "-", "--date", "2026-03-31", "--compare", "2026-06-30"])
        == 2
    )
    assert "liegt nach dem Berichtsstand" in capsys.readouterr().err


def test_a_withdrawn_report_is_never_the_default_comparison(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    two_reports(workspace)
    root = str(workspace.root)
    assert main(["-w", root, "report", "withdraw", "2026-06-30", "--reason", "Fehler"]) == 0
    capsys.readouterr()
    assert main(["-w", root, "export", "-f", "json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["compared_to"]["id"] == "2026-03-31"


# --- a catalogue revision between two reports ---------------------------------------------------

NEW_MEASURE = """
[[goals.measures]]
id = "1.1.2"
label = "Maßnahme 2"
text = "Neue Maßnahme aus der Fortschreibung 2026."
indicator = "Ein Angebot ist eingerichtet."
responsible = "Büro für Migration und Integration"
offices = ["Büro für Migration und Integration"]

[[goals.measures.targets]]
terms = ["kurz"]
label = "Kurzfristig:"
text = "Angebot entwickelt."

"""
REWORDED = "Bedarfsgerechte Weiterentwicklung (Fassung 2026) der bestehenden Angebote."


def revise_catalogue(workspace: Workspace) -> tuple[str, str]:
    """Add 1.1.2, remove 1.4.2, reword 2.1.1; returns (old text of 2.1.1, text of 1.4.2)."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    old_211 = catalogue.measure("2.1.1").text  # type: ignore[union-attr]
    removed = catalogue.measure("1.4.2").text  # type: ignore[union-attr]
    field_1 = workspace.catalogue_dir / "1-bildung.toml"
    text = field_1.read_text("utf-8")
    text = text.replace('[[goals]]\nid = "1.2"', NEW_MEASURE + '[[goals]]\nid = "1.2"', 1)
    start = text.index('[[goals.measures]]\nid = "1.4.2"')
    after = re.search(r"^\[\[goals(\.measures)?\]\]$", text[start + 10 :], re.MULTILINE)
    text = text[:start] + (text[start + 10 + after.start() :] if after else "")
    field_1.write_text(text, "utf-8")
    field_2 = workspace.catalogue_dir / "2-ausbildung.toml"
    field_2.write_text(field_2.read_text("utf-8").replace(old_211, REWORDED), "utf-8")
    revised = load_catalogue(workspace.catalogue_dir)
    assert revised.measure("1.1.2") and not revised.measure("1.4.2")
    return old_211, removed


def test_a_catalogue_revision_is_listed_and_the_old_report_keeps_its_text(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_logs(workspace)
    old = freeze(workspace, D1, "vor der Fortschreibung").report
    stored_markdown = (old.path / "synopse-2026-03-31.md").read_bytes()
    old_211, removed_text = revise_catalogue(workspace)

    assert main(["-w", str(workspace.root), "report", "diff", "-f", "json"]) == 0
    by_id = {m["id"]: m for m in json.loads(capsys.readouterr().out)["measures"]}
    assert by_id["1.1.2"]["kind"] == "added"
    assert by_id["1.4.2"]["kind"] == "removed"
    assert by_id["2.1.1"]["text_changed"] == ["text"] and by_id["2.1.1"]["changes"] == []
    assert main(["-w", str(workspace.root), "report", "diff"]) == 0
    text = capsys.readouterr().out
    assert "  1.1.2 Neue Maßnahme aus der Fortschreibung 2026.\n    neu im Katalog" in text
    assert "    nicht mehr im Katalog" in text and "Katalogtext geändert: Maßnahme" in text
    assert "1 neu, 1 entfallen, 1 mit geändertem Katalogtext" in text

    # the old report renders from synopse.json alone: old wording, removed measure, same bytes
    rebuilt = frozen_synopsis(workspace, find_report(workspace, old.id))
    assert render("markdown", rebuilt) == stored_markdown
    assert render("pdf", rebuilt).startswith(b"%PDF")  # the old report prints, too
    assert old_211.split()[0] in stored_markdown.decode("utf-8")
    markdown = stored_markdown.decode("utf-8")
    assert removed_text[:40] in markdown and "Fassung 2026" not in markdown

    # the next report marks the new measure and the reworded one
    new = freeze(workspace, date(2026, 7, 1), "nach der Fortschreibung").report
    measures = json_measures((new.path / "synopse-2026-07-01.json").read_bytes())
    assert measures["1.1.2"]["added_since_compare"] is True
    assert measures["2.1.1"]["text_changed"] == ["text"]
    assert "1.4.2" not in measures
    markdown = (new.path / "synopse-2026-07-01.md").read_text("utf-8")
    assert "**✚** **neu**" in markdown and "**✎** **Text geändert**" in markdown


def test_the_text_formats_of_a_frozen_report_are_rebuilt_byte_for_byte(
    workspace: Workspace,
) -> None:
    """Everything a report needs is in its synopse.json (PDF and DOCX carry creation times)."""
    two_reports(workspace)
    report = find_report(workspace, "2026-06-30")
    rebuilt = frozen_synopsis(workspace, report)
    for format_name in ("json", "markdown", "html"):
        extension = {"markdown": "md"}.get(format_name, format_name)
        stored = (report.path / f"synopse-2026-06-30.{extension}").read_bytes()
        assert render(format_name, rebuilt) == stored, format_name
