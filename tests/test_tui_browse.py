"""The tree's logic without Textual: search, filters, roll-ups."""

from __future__ import annotations

from datetime import date

from monitor_tui import i18n
from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import MeasureStatus
from monitor_tui.tui.browse import Filters, rollup, short_title, visible_measure_ids
from monitor_tui.workspace import Workspace

TODAY = date(2026, 11, 27)


def test_search_folds_case_and_umlauts(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    folded = visible_measure_ids(catalogue, {}, "FLUECHTLINGSFAMILIEN", Filters(), TODAY)
    exact = visible_measure_ids(catalogue, {}, "Flüchtlingsfamilien", Filters(), TODAY)
    assert folded == exact and folded
    assert visible_measure_ids(catalogue, {}, "elternbrief", Filters(), TODAY) == {"1.2.2"}
    assert len(visible_measure_ids(catalogue, {}, "  ", Filters(), TODAY)) == 27


def test_filters_combine_and_describe_themselves(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = {
        "1.2.2": MeasureStatus(
            "1.2.2", status="umgesetzt", assessment="kritisch", rev=1, reviewed=date(2025, 1, 1)
        ),
        "3.1.1": MeasureStatus("3.1.1", status="umgesetzt", rev=1, reviewed=TODAY),
    }
    by_status = Filters().with_value("status", "umgesetzt")
    assert visible_measure_ids(catalogue, statuses, "", by_status, TODAY) == {"1.2.2", "3.1.1"}
    overdue = by_status.with_value("overdue", "yes")
    assert visible_measure_ids(catalogue, statuses, "", overdue, TODAY) == {"1.2.2"}
    critical = Filters(assessment="kritisch")
    assert visible_measure_ids(catalogue, statuses, "", critical, TODAY) == {"1.2.2"}
    office = Filters(office="Frauenbüro")
    assert all(
        "Frauenbüro" in m.offices
        for m in catalogue.measures()
        if m.id in visible_measure_ids(catalogue, {}, "", office, TODAY)
    )
    term = Filters(term="lang")
    shown = visible_measure_ids(catalogue, {}, "", term, TODAY)
    assert shown and all(
        any("lang" in t.terms for t in m.targets) for m in catalogue.measures() if m.id in shown
    )
    assert overdue.describe(catalogue) == ["Stand: umgesetzt", "nur überfällige"]
    assert (
        not Filters().active()
        and overdue.with_value("overdue", "").with_value("status", "") == Filters()
    )
    i18n.set_language("en")
    assert overdue.describe(catalogue) == ["status: implemented", "only overdue"]


def test_rollup_counts_statuses_marked_done(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    field = catalogue.fields[0]
    statuses = {
        "1.1.1": MeasureStatus("1.1.1", status="umgesetzt"),
        "1.2.1": MeasureStatus("1.2.1", status="verstetigt"),
        "1.2.2": MeasureStatus("1.2.2", status="in-umsetzung"),
    }
    assert rollup(field.measures(), statuses, catalogue.concept.statuses) == (2, 7)


def test_rollup_never_counts_a_measure_with_a_broken_file_as_done(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    field = catalogue.fields[0]
    statuses = {  # 1.2.1 was umgesetzt before its file broke (a save that then failed)
        "1.1.1": MeasureStatus("1.1.1", status="umgesetzt"),
        "1.2.1": MeasureStatus("1.2.1", status="umgesetzt"),
    }
    vocabulary = catalogue.concept.statuses
    assert rollup(field.measures(), statuses, vocabulary, broken={"1.2.1"}) == (1, 7)


def test_short_title_crops_long_texts(workspace: Workspace) -> None:
    measure = next(load_catalogue(workspace.catalogue_dir).measures())
    assert len(short_title(measure, 20)) == 20 and short_title(measure, 20).endswith("…")
