"""The comparison read back from every format, as a reader meets it: the title block names the
compared report, exactly the changed rows carry a mark of symbol and word (black-and-white
print), each shows its previous value, notes of the period are marked new, and the overview
counts the changes per status."""

from __future__ import annotations

import json
from datetime import date

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import FORMAT_NAMES, render
from monitor_tui.report.build import Comparison, ReportOptions, build_synopsis
from monitor_tui.report.document import ComparedReport, Synopsis
from monitor_tui.reports.synopse import take_snapshot
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace

from .reports_data import D1, D2, TODAY, WINTER, write_logs
from .test_export_formats import READERS, squeezed

CHANGED_ROWS = 3
"""1.2.2: Umsetzungsstand and Zielerreichung; 3.1.1: Umsetzungsstand."""


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The report as of D2 compared with D1, in every format (rendered once)."""
    import shutil

    from .conftest import REPO

    root = tmp_path_factory.mktemp("formats") / "ws"
    shutil.copytree(REPO / "catalogue", root / "catalogue")
    (root / "status").mkdir()
    workspace = Workspace(root)
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    before = take_snapshot(catalogue, statuses, D1, TODAY)
    after = take_snapshot(catalogue, statuses, D2, TODAY)
    comparison = Comparison(ComparedReport("2026-03-31", D1, "abcdefabcdef", "Q1"), before)
    synopsis: Synopsis = build_synopsis(
        after.catalogue,
        after.statuses,
        ReportOptions(report_date=D2, lang="de"),
        generated=__import__("datetime").datetime(2026, 7, 1, 9, 0, tzinfo=WINTER),
        digest="0123456789ab",
        comparison=comparison,
    )
    return {name: render(name, synopsis) for name in FORMAT_NAMES}


@pytest.mark.parametrize("format_name", [f for f in FORMAT_NAMES if f != "json"])
def test_marks_and_previous_values_read_back(compared: dict[str, bytes], format_name: str) -> None:
    text = READERS[format_name](compared[format_name])
    flat = squeezed(text)
    assert squeezed("Veränderungen gegenüber dem Bericht vom 31.03.2026 (Nr. 2026-03-31") in flat
    # a symbol and a word on exactly the changed rows: it survives black-and-white print
    assert text.count("geändert") == CHANGED_ROWS
    if format_name != "pdf":  # the PDF draws Δ from the Symbol font, extracted as another letter
        assert text.count("Δ") == CHANGED_ROWS
    # the previous value beside the new one; only where a value changed
    assert squeezed("umgesetzt (bisher: U in Umsetzung)") in flat
    assert squeezed("Erfolgsindikator erfüllt (bisher: nicht erfüllt)") in flat
    assert squeezed("erreicht (bisher: ◐ teilweise erreicht)") in flat or format_name == "pdf"
    assert squeezed("gefährdet (bisher: nicht gesetzt)") in flat
    # 1.2.2: status, target, priority, indicator; 3.1.1: status, assessment
    assert flat.count(squeezed("(bisher:")) == 6
    # the notes of the period, each marked new; the older ones are left out
    assert squeezed("Alle Kitas beliefert.") in flat
    assert squeezed("Flyer in 14 Sprachen verteilt.") not in flat
    assert flat.count(squeezed("neu – ")) == 3  # two notes of 1.2.2, one of 3.1.1
    # the overview: the change per status
    assert "(+1)" in text and ("(−1)" in text or "(-1)" in text)
    assert squeezed("In Klammern: Veränderung gegenüber dem Bericht vom 31.03.2026") in flat


def test_json_carries_the_comparison(compared: dict[str, bytes]) -> None:
    document = json.loads(compared["json"])
    assert document["compared_to"] == {
        "id": "2026-03-31",
        "report_date": "2026-03-31",
        "digest": "abcdefabcdef",
    }
    measures = {m["id"]: m for f in document["fields"] for g in f["goals"] for m in g["measures"]}
    assert {m for m, item in measures.items() if item["changes"]} == {"1.2.2", "3.1.1"}
    assert measures["3.1.1"]["changes"] == [
        {"field": "status", "before": "offen", "after": "in-umsetzung"},
        {"field": "assessment", "before": None, "after": "gefaehrdet"},
    ]
    assert [n["new"] for n in measures["1.2.2"]["notes"]] == [True, True]
    assert all(m["added_since_compare"] is False for m in measures.values())


def test_without_a_comparison_nothing_is_marked(workspace: Workspace) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    snapshot = take_snapshot(catalogue, statuses, D2, TODAY)
    synopsis = build_synopsis(
        catalogue, snapshot.statuses, ReportOptions(report_date=D2), TODAY_NOON
    )
    text = READERS["markdown"](render("markdown", synopsis))
    assert "Vergleich: keiner" in text and "geändert" not in text and "bisher" not in text
    assert "(+" not in text
    # without a comparison the latest three notes are printed, as before
    notes = json.loads(render("json", synopsis))["fields"][0]["goals"][1]["measures"][1]["notes"]
    assert [n["new"] for n in notes] == [False, False, False]


TODAY_NOON = __import__("datetime").datetime(2026, 11, 27, 12, 0, tzinfo=WINTER)
_ = date
