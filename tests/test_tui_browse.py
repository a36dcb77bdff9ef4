"""The tree's logic without Textual: search, filters, roll-ups."""

from __future__ import annotations

from datetime import date

from monitor_tui.catalogue import load_catalogue
from monitor_tui.filters import FilterContext, MeasureFilter
from monitor_tui.model import MeasureStatus
from monitor_tui.tui.browse import SearchIndex, rollup, short_title, visible_measure_ids
from monitor_tui.workspace import Workspace

TODAY = date(2026, 11, 27)


def test_search_folds_case_and_umlauts(workspace: Workspace) -> None:
    context = FilterContext(load_catalogue(workspace.catalogue_dir), {}, TODAY)
    folded = visible_measure_ids("FLUECHTLINGSFAMILIEN", MeasureFilter(), context)
    exact = visible_measure_ids("Flüchtlingsfamilien", MeasureFilter(), context)
    assert folded == exact and folded
    assert visible_measure_ids("elternbrief", MeasureFilter(), context) == {"1.2.2"}
    assert len(visible_measure_ids("  ", MeasureFilter(), context)) == 27
    by_office = MeasureFilter.of(office=["Frauenbüro"])
    assert visible_measure_ids("elternbrief", by_office, context) == set()


def test_a_search_typed_letter_by_letter_finds_what_a_fresh_search_finds(
    workspace: Workspace,
) -> None:
    """The index narrows the last hits when a query only adds to it; typing, deleting and
    starting over must give what searching from scratch gives."""
    context = FilterContext(load_catalogue(workspace.catalogue_dir), {}, TODAY)
    typed = [*"fluecht", "fluecht ", "fluecht ki", "fluecht kit", "fluecht ki", "ki fluecht"]
    typed += ["kita", "kit", "schule", "schule  kita", "Schule Kita ", "", "zz", "z", "sprache"]
    index = SearchIndex()
    narrowed = 0
    for query in typed:
        fresh = visible_measure_ids(query, MeasureFilter(), context)
        assert visible_measure_ids(query, MeasureFilter(), context, index) == fresh, query
        narrowed += fresh != set(index.folded_texts(context.catalogue))
    assert narrowed > 5


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
