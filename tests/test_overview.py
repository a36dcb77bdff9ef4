"""The numbers of the app's Übersicht without Textual: each equals a count made by hand from the
recorded statuses, and each number's filter selects exactly the measures it counts."""

from __future__ import annotations

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.filters import YES, MeasureFilter, describe
from monitor_tui.report.dashboard import (
    Number,
    Overview,
    attention_values,
    bar_segments,
    build_overview,
)
from monitor_tui.reports.synopse import take_snapshot
from monitor_tui.session import WorkspaceSession
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace
from tests.overview_data import (
    BROKEN,
    REPORT_DAY,
    TODAY,
    expected_numbers,
    record_after_report,
    record_before_report,
)


def every_number(overview: Overview) -> list[Number]:
    numbers = []
    for group in (overview.total, *overview.fields):
        numbers += [group.measures, group.fulfilled, group.overdue, group.unreadable]
        numbers += [*group.status, *group.assessment, *group.priority]
        if group.changed is not None:
            numbers.append(group.changed)
    numbers += [concern.number for concern in overview.concerns]
    return numbers


@pytest.fixture
def session(workspace: Workspace) -> WorkspaceSession:
    """Varied statuses, the state of the report day as the last report's data (made without
    freezing: the data is what counts here), changes since and one unreadable file."""
    record_before_report(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    before = load_all_statuses(workspace, catalogue).statuses
    record_after_report(workspace)
    opened = WorkspaceSession.open(workspace, TODAY)
    opened.baseline = take_snapshot(catalogue, before, REPORT_DAY, TODAY)
    return opened


def test_every_number_equals_a_count_by_hand_and_its_filter_selects_exactly_those(
    workspace: Workspace, session: WorkspaceSession
) -> None:
    catalogue = session.catalogue
    assert BROKEN in load_all_statuses(workspace, catalogue).broken
    assert session.baseline is not None
    expected, changes = expected_numbers(
        catalogue, session.statuses, set(session.broken), session.baseline.statuses
    )
    overview = session.overview()
    context = session.filter_context()
    numbers = {number.id: number for number in every_number(overview)}
    assert set(expected) == set(numbers)
    for number_id, measures in expected.items():
        number = numbers[number_id]
        assert number.count == len(measures), number_id
        if number.count:  # a zero is shown, but there is nothing to open
            assert set(number.filter.select(context)) == measures, number_id
        if number_id in changes:
            assert number.change == changes[number_id], number_id
    # the pattern really is varied: no number is the trivial one
    assert all(numbers[f"*/status/{s}"].count for s in ("offen", "umgesetzt", "entfallen"))
    assert numbers["*/unreadable"].count == 1 and numbers["4/unreadable"].count == 1
    assert numbers["*/changed"].count > 0 and numbers["*/fulfilled"].change
    assert any(changes.values()) and overview.compared


def test_a_number_is_a_combination_of_dimensions_where_one_exists(
    session: WorkspaceSession,
) -> None:
    """The filter bar then says it in words; only what no dimension expresses is a list."""
    overview = session.overview()
    field = overview.fields[2]
    implemented = next(n for n in field.status if n.value == "umgesetzt")
    assert implemented.filter == MeasureFilter.of(field=["3"], status=["umgesetzt"])
    assert describe(implemented.filter, session.catalogue) == [
        "Handlungsfeld: 3 Wohnen",
        "Umsetzungsstand: umgesetzt",
    ]
    unset = next(n for n in field.assessment if n.value == "-")
    assert unset.filter == MeasureFilter.of(field=["3"], assessment=["-"])
    assert field.overdue.filter == MeasureFilter.of(field=["3"], overdue=[YES])
    assert field.changed is not None
    assert field.changed.filter == MeasureFilter.of(field=["3"], changed=[YES])
    assert overview.total.measures.filter == MeasureFilter()
    assert field.fulfilled.filter.values("field") == {"3"}
    assert field.fulfilled.filter.values("ids")  # "indicator fulfilled" is no dimension
    kinds = [(c.dimension, c.value) for c in overview.concerns]
    assert kinds == [
        ("assessment", "kritisch"),
        ("assessment", "gefaehrdet"),
        ("priority", "hoch"),
        ("overdue", YES),
        ("next_step_due", YES),
    ]


def test_what_needs_attention_lists_each_measure_once_most_urgent_first(
    session: WorkspaceSession,
) -> None:
    expected, _changes = expected_numbers(session.catalogue, session.statuses, set(session.broken))
    concern_keys = [key for key in expected if key.startswith("attention/")]
    wanted = set().union(*(expected[key] for key in concern_keys))
    rows = session.overview().attention
    assert [row.measure.id for row in rows if row.measure.id in wanted] == [
        row.measure.id for row in rows
    ]
    assert {row.measure.id for row in rows} == wanted
    assert len(rows) == len(wanted)  # once each
    for row in rows:
        reasons = {f"attention/{c.dimension}/{c.value}" for c in row.concerns}
        assert reasons == {key for key in concern_keys if row.measure.id in expected[key]}
        assert row.number.filter == MeasureFilter.of_ids([row.measure.id])
    first = [row.concerns[0].value for row in rows]
    critical = first.count("kritisch")
    assert critical and set(first[:critical]) == {"kritisch"}
    assert BROKEN not in wanted  # an unreadable file's state is unknown, not "needs attention"


def test_without_a_report_no_changes_are_claimed(workspace: Workspace) -> None:
    record_before_report(workspace)
    session = WorkspaceSession.open(workspace, TODAY)
    overview = build_overview(session.filter_context())
    assert not overview.compared
    assert all(n.change is None for n in every_number(overview))
    assert all(group.changed is None for group in overview.fields)


def test_attention_values_come_from_the_concept(workspace: Workspace) -> None:
    concept = load_catalogue(workspace.catalogue_dir).concept
    assert [(d, c.key) for d, c in attention_values(concept)] == [
        ("assessment", "kritisch"),
        ("assessment", "gefaehrdet"),
        ("priority", "hoch"),
    ]


@pytest.mark.parametrize(
    ("counts", "width", "cells"),
    [
        ([("a", 1), ("b", 1)], 10, [("a", 5), ("b", 5)]),
        ([("a", 3), ("b", 0), ("c", 1)], 8, [("a", 6), ("c", 2)]),
        ([("a", 98), ("b", 1), ("c", 1)], 10, [("a", 8), ("b", 1), ("c", 1)]),
        ([("a", 1), ("b", 1), ("c", 1)], 2, [("a", 1), ("b", 1), ("c", 1)]),
        ([("a", 0)], 10, []),
        ([("a", 2)], 0, []),
    ],
)
def test_a_bar_gives_each_counted_value_its_share_and_at_least_one_cell(
    counts: list[tuple[str, int]], width: int, cells: list[tuple[str, int]]
) -> None:
    assert bar_segments(counts, width) == cells
