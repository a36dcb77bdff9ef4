"""The format-neutral synopsis: what the report holds, before any format lays it out."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.report.build import ReportOptions, build_synopsis
from monitor_tui.report.richtext import markdown_text, plain_text
from monitor_tui.selection import SelectionError
from monitor_tui.text import visible_text
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def options(**values: object) -> ReportOptions:
    return ReportOptions(date(2026, 3, 31), **values)  # type: ignore[arg-type]


def test_goal_tables_have_the_document_rows_then_the_monitoring_rows(catalogue: Catalogue) -> None:
    synopsis = build_synopsis(catalogue, {}, options(), NOON)
    assert [s.heading for s in synopsis.sections][2] == "4.3 Wohnen"
    goal = synopsis.sections[0].goals[1]
    assert plain_text(goal.header) == catalogue.fields[0].goals[1].title
    flyer = goal.measures[1]
    assert [row.label for row in flyer.rows] == [
        "Maßnahme 2",
        "Erfolgsindikator",
        "Zeithorizont",
        "Zuständigkeit",
        "Umsetzungsstand",
        "Zielerreichung",
        "Fortschritt",
    ]
    horizon = flyer.rows[2].content[0].runs
    assert horizon[0].text == "Kurzfristig:" and horizon[0].italic
    assert len(list(synopsis.entries())) == 27


def test_status_targets_and_notes_of_a_measure(catalogue: Catalogue) -> None:
    status = MeasureStatus(
        "1.1.1",
        status="in-umsetzung",
        targets={"kurz": "erreicht", "lang": "teilweise-erreicht"},
        assessment="gefaehrdet",
        reviewed=date(2025, 1, 10),
        rev=3,
        log=(
            LogEntry(NOON, "anna", "Nur für uns.", internal=True),
            LogEntry(NOON.replace(day=1), "anna", "Vierte Notiz"),
            LogEntry(NOON.replace(day=1, hour=8), "bert", ""),  # only a change, no note
            LogEntry(datetime(2026, 2, 1, tzinfo=UTC), "bert", "Dritte Notiz"),
            LogEntry(datetime(2026, 1, 1, tzinfo=UTC), "bert", "Zweite Notiz"),
            LogEntry(datetime(2025, 12, 1, tzinfo=UTC), "bert", "Erste Notiz"),
        ),
    )
    synopsis = build_synopsis(
        catalogue, {"1.1.1": status}, options(), NOON, people={"anna": "Anna A."}
    )
    entry = next(synopsis.entries())
    facts = entry.facts
    assert facts.status.key == "in-umsetzung" and facts.assessment is not None
    assert facts.overdue and not facts.indicator_fulfilled
    assert [state.key for _key, state in facts.target_states] == ["erreicht", "teilweise-erreicht"]
    text = "\n".join(plain_text(row.content) for row in entry.rows)
    assert "● gefährdet" not in text and "▲ gefährdet" in text
    assert "Letzte Überprüfung: 10.01.2025 – überfällig" in text
    assert "Kurzfristig: ✓ erreicht" in text and "Langfristig: ◐ teilweise erreicht" in text
    assert "02.03.2026" not in text  # the internal note's date: it is not there at all
    assert "Nur für uns" not in text
    assert "01.03.2026, 12:00 – Anna A." in text
    assert "Vierte Notiz" in text and "Zweite Notiz" in text and "Erste Notiz" not in text
    assert "1 ältere Einträge nicht abgedruckt" in text
    since = build_synopsis(catalogue, {"1.1.1": status}, options(since=date(2026, 1, 15)), NOON)
    text = "\n".join(plain_text(row.content) for row in next(since.entries()).rows)
    assert "Dritte Notiz" in text and "Zweite Notiz" not in text


def test_overview_counts_per_field(catalogue: Catalogue) -> None:
    statuses = {
        "1.1.1": MeasureStatus("1.1.1", status="umgesetzt", assessment="im-plan", rev=1),
        "3.1.1": MeasureStatus("3.1.1", status="umgesetzt", rev=1),
    }
    overview = build_synopsis(catalogue, statuses, options(), NOON).overview
    rows = {plain_text(cells[0]): [plain_text(c) for c in cells[1:]] for cells in overview.rows}
    assert rows["Maßnahmen"] == ["7", "5", "6", "6", "3", "27"]
    assert rows["✓ umgesetzt"] == ["1", "–", "1", "–", "–", "2"]
    assert rows["● im Plan"] == ["1", "–", "–", "–", "–", "1"]
    assert rows["ohne Bewertung"][-1] == "26"


def test_restriction_is_named_and_unknown_values_list_the_choices(catalogue: Catalogue) -> None:
    synopsis = build_synopsis(catalogue, {}, options(field="4.3", office="Leitstelle Wohnen"), NOON)
    assert synopsis.restriction == "Handlungsfeld 4.3 Wohnen; Zuständigkeit „Leitstelle Wohnen“"
    assert ("Auszug", synopsis.restriction) in synopsis.title_facts
    assert {e.measure.id for e in synopsis.entries()} == {"3.1.1", "3.1.2"}
    with pytest.raises(SelectionError, match="möglich: 1 \\(Bildung\\)"):
        build_synopsis(catalogue, {}, options(field="7"), NOON)
    with pytest.raises(SelectionError, match="in-umsetzung, umgesetzt"):
        build_synopsis(catalogue, {}, options(status="erledigt"), NOON)
    nothing = build_synopsis(catalogue, {}, options(status="umgesetzt"), NOON)
    assert list(nothing.entries()) == [] and nothing.sections == ()


def test_summaries_and_legend(catalogue: Catalogue) -> None:
    synopsis = build_synopsis(catalogue, {}, options(with_summary=True), NOON)
    assert len(synopsis.summaries) == 5 and synopsis.summaries[0].heading == "I Bildung"
    bold = [r.text for b in synopsis.summaries[0].text for r in b.runs if r.bold]
    assert "Projekte und Angebote der Frühen Hilfen" in bold
    horizons = synopsis.legend[0][1]
    assert [plain_text(row[0]) for row in horizons.rows] == [
        "Kurzfristig:",
        "Mittelfristig:",
        "Langfristig:",
    ]
    assert build_synopsis(catalogue, {}, options(), NOON).summaries == ()
    title, values = synopsis.legend[1]
    assert title == "Erfasste Werte"
    assert [plain_text(row[0]) for row in values.rows] == [
        "Umsetzungsstand",
        "Zielerreichung",
        "Bewertung",
        "Priorität",
    ]
    statuses = plain_text(values.rows[0][1])
    for choice in catalogue.concept.statuses:
        assert choice.de in statuses
    assert "umgesetzt, verstetigt: zählt als umgesetzt" in statuses
    assert all(plain_text(row[1]).strip() for row in values.rows)  # no empty column


def test_control_characters_become_visible_names() -> None:
    assert visible_text("a\x1b[31mb\x07c\x9bd\r\ne\rf") == "a[ESC][31mb[BEL]c[CSI]d\ne\nf"
    assert visible_text("Tab\tund\nZeile") == "Tab\tund\nZeile"


def test_notes_are_markdown_without_html_and_without_unsafe_links() -> None:
    blocks = markdown_text(
        "**fett** <b>roh</b> [web](https://mainz.de) [js](javascript:alert(1)) [ftp](ftp://x/y)"
    )
    runs = blocks[0].runs
    assert any(r.bold and r.text == "fett" for r in runs)
    assert "<b>roh</b>" in plain_text(blocks)
    assert [r.href for r in runs if r.href] == ["https://mainz.de"]
    assert "[js](javascript:alert(1))" in plain_text(blocks)
    assert "ftp (ftp://x/y)" in plain_text(blocks)
    listing = markdown_text("- eins\n- zwei\n\n```\ncode\n```")
    assert [(b.kind, b.plain()) for b in listing] == [
        ("item", "• eins"),
        ("item", "• zwei"),
        ("code", "code"),
    ]


def test_every_hostile_note_survives_as_text() -> None:
    for case in json.loads(HOSTILE_NOTES.read_text("utf-8"))["cases"]:
        text = plain_text(markdown_text(case["text"]))
        assert not any(ord(c) < 32 and c not in "\t\n" for c in text), case["name"]
        assert not any(0x7F <= ord(c) <= 0x9F for c in text), case["name"]
        words = [w for w in case["text"].split() if w.isalpha()]
        assert all(word in text for word in words), case["name"]
