"""The filter model without Textual: several dimensions (AND), several values each (OR)."""

from __future__ import annotations

from datetime import date

import pytest

from monitor_tui import i18n
from monitor_tui.catalogue import load_catalogue
from monitor_tui.filters import (
    DIMENSIONS,
    NOT_SET,
    YES,
    FilterContext,
    MeasureFilter,
    describe,
    dimension_values,
    dimensions,
)
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.workspace import Workspace

TODAY = date(2026, 11, 27)


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


@pytest.fixture
def context(catalogue: Catalogue) -> FilterContext:
    statuses = {
        "1.2.2": MeasureStatus(
            "1.2.2",
            status="umgesetzt",
            assessment="kritisch",
            priority="hoch",
            rev=1,
            reviewed=date(2025, 1, 1),
        ),
        "3.1.1": MeasureStatus("3.1.1", status="umgesetzt", rev=1, reviewed=TODAY),
        "4.1.1": MeasureStatus(
            "4.1.1",
            status="in-umsetzung",
            priority="niedrig",
            rev=1,
            next_step="Treffen",
            next_step_due=TODAY,
        ),
        "5.1.1": MeasureStatus("5.1.1", next_step="Später", next_step_due=date(2027, 1, 1)),
        "2.1.1": MeasureStatus("2.1.1", status="verstetigt", rev=1),
    }
    return FilterContext(catalogue, statuses, TODAY, changed_ids={"3.1.1", "4.1.1"})


def independent(context: FilterContext, test: object) -> list[str]:
    """The expected ids, computed by hand from the statuses (not through the filter)."""
    return [m.id for m in context.catalogue.measures() if test(m, context.status_of(m.id))]  # type: ignore[operator]


def test_no_filter_passes_every_measure(context: FilterContext) -> None:
    assert not MeasureFilter().active()
    assert len(MeasureFilter().select(context)) == 27


def test_values_of_one_dimension_are_alternatives(context: FilterContext) -> None:
    either = MeasureFilter.of(status=["umgesetzt", "in-umsetzung"])
    assert either.select(context) == ["1.2.2", "3.1.1", "4.1.1"]
    offen = MeasureFilter.of(status=["offen"]).select(context)
    assert offen == independent(context, lambda m, s: s.status == "offen") and len(offen) == 23


def test_dimensions_combine_with_and(context: FilterContext) -> None:
    implemented_in_housing = MeasureFilter.of(status=["umgesetzt"], field=["3"])
    assert implemented_in_housing.select(context) == ["3.1.1"]
    assert MeasureFilter.of(status=["umgesetzt"], field=["2", "5"]).select(context) == []
    fields = MeasureFilter.of(field=["1", "3"]).select(context)
    assert fields == [m.id for m in context.catalogue.measures() if m.field_id in {"1", "3"}]


def test_priority_and_assessment_know_not_set(context: FilterContext) -> None:
    assert MeasureFilter.of(priority=["hoch"]).select(context) == ["1.2.2"]
    high_or_low = MeasureFilter.of(priority=["hoch", "niedrig"]).select(context)
    assert high_or_low == ["1.2.2", "4.1.1"]
    unset = MeasureFilter.of(priority=[NOT_SET]).select(context)
    assert unset == independent(context, lambda m, s: s.priority is None) and len(unset) == 25
    assert MeasureFilter.of(assessment=["kritisch"]).select(context) == ["1.2.2"]


def test_office_and_horizon(context: FilterContext) -> None:
    office = "Frauenbüro"
    shown = MeasureFilter.of(office=[office]).select(context)
    assert shown and shown == [m.id for m in context.catalogue.measures() if office in m.offices]
    long_term = MeasureFilter.of(horizon=["lang"]).select(context)
    expected = [
        m.id for m in context.catalogue.measures() if any("lang" in t.terms for t in m.targets)
    ]
    assert long_term == expected and 0 < len(long_term) < 27


def test_switches_overdue_next_step_due_and_changed(context: FilterContext) -> None:
    assert MeasureFilter.of(overdue=[YES]).select(context) == ["1.2.2"]
    assert MeasureFilter.of(next_step_due=[YES]).select(context) == ["4.1.1"]  # 5.1.1: later
    assert MeasureFilter.of(changed=[YES]).select(context) == ["3.1.1", "4.1.1"]
    no_report = FilterContext(context.catalogue, context.statuses, TODAY, changed_ids=None)
    assert MeasureFilter.of(changed=[YES]).select(no_report) == []
    on = MeasureFilter().toggled("overdue")
    assert on.values("overdue") == {YES} and not on.toggled("overdue").active()


def test_exactly_a_set_of_measures(context: FilterContext) -> None:
    chosen = MeasureFilter.of_ids(["4.1.1", "1.2.2", "9.9.9"])
    assert chosen.select(context) == ["1.2.2", "4.1.1"]
    assert chosen.with_values("status", ["umgesetzt"]).select(context) == ["1.2.2"]


def test_a_measure_with_a_broken_file_matches_no_state_value(context: FilterContext) -> None:
    broken = FilterContext(context.catalogue, context.statuses, TODAY, broken={"1.1.1"})
    assert "1.1.1" not in MeasureFilter.of(status=["offen"]).select(broken)
    assert "1.1.1" in MeasureFilter.of(field=["1"]).select(broken)


def test_clearing_a_dimension_and_equality(context: FilterContext) -> None:
    some = MeasureFilter.of(status=["umgesetzt"], priority=["hoch"])
    assert some.without("status") == MeasureFilter.of(priority=["hoch"])
    assert some.with_values("priority", []).with_values("status", []) == MeasureFilter()
    assert MeasureFilter.of(field=["1"], status=["offen"]) == MeasureFilter.of(
        status=["offen"], field=["1"]
    )
    with pytest.raises(ValueError):
        MeasureFilter().with_values("colour", ["red"])


def test_describe_in_german_and_english(catalogue: Catalogue) -> None:
    some = MeasureFilter.of(
        status=["umgesetzt", "in-umsetzung"], overdue=[YES], priority=[NOT_SET], field=["4"]
    )
    assert describe(some, catalogue) == [
        "Handlungsfeld: 4 Zivilgesellschaftliches Engagement",
        "Umsetzungsstand: in Umsetzung oder umgesetzt",
        "Priorität: nicht gesetzt",
        "nur überfällige",
    ]
    i18n.set_language("en")
    assert describe(some, catalogue)[1] == "Status: being implemented or implemented"


def test_the_menu_lists_every_dimension_but_ids_with_its_values(catalogue: Catalogue) -> None:
    listed = dimensions(catalogue)
    assert [d.name for d in listed] == [d for d in DIMENSIONS if d != "ids"]
    status = dimension_values(catalogue, "status")
    assert [v.key for v in status] == list(catalogue.concept.statuses.keys())
    assert [v.key for v in dimension_values(catalogue, "priority")][-1] == NOT_SET
    assert all(d.switch == (len(d.values) == 1 and d.values[0].key == YES) for d in listed)
