"""The domain model without any files or terminal."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import (
    Catalogue,
    LogEntry,
    MeasureStatus,
    fold_for_search,
    id_sort_key,
    indicator_fulfilled,
    is_overdue,
    matches,
)
from monitor_tui.workspace import Workspace


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def test_lookups_by_id(catalogue: Catalogue) -> None:
    measure = catalogue.measure("3.3.2")
    assert measure is not None and "LSBTIQ" in measure.text
    assert measure.goal_id == "3.3" and measure.field_id == "3"
    goal = catalogue.goal("3.3")
    assert goal is not None and measure in goal.measures
    field = catalogue.field("3")
    assert field is not None and field.heading == "4.3 Wohnen"
    assert catalogue.measure("9.9.9") is None


def test_iteration_in_document_order(catalogue: Catalogue) -> None:
    ids = [m.id for m in catalogue.measures()]
    assert ids[:4] == ["1.1.1", "1.2.1", "1.2.2", "1.2.3"]
    assert ids == sorted(ids, key=id_sort_key)
    assert id_sort_key("1.10.1") > id_sort_key("1.9.1")


def test_offices_once_each_sorted(catalogue: Catalogue) -> None:
    offices = catalogue.offices()
    assert len(offices) == len(set(offices))
    assert offices[0].startswith("Abteilung Kindertagesstätten")
    assert "Büro für Migration und Integration" in offices


def test_search_ignores_case_and_umlaut_spelling(catalogue: Catalogue) -> None:
    assert fold_for_search("Flüchtling") == fold_for_search("FLUECHTLING")
    hits = [m.id for m in catalogue.measures() if matches(m, "fluechtlingsfamilien kita")]
    hits_umlaut = [m.id for m in catalogue.measures() if matches(m, "Flüchtlingsfamilien")]
    assert "1.2.3" in hits_umlaut
    assert hits == []  # "kita" alone does not occur in those measures' text
    assert [m.id for m in catalogue.measures() if matches(m, "elternbrief")] == ["1.2.2"]


def test_target_lookup_by_term_or_key(catalogue: Catalogue) -> None:
    measure = catalogue.measure("3.4.1")
    assert measure is not None
    both = measure.target("lang")
    assert both is not None and both.key == "mittel-lang"
    assert measure.target("mittel-lang") is both
    assert measure.target("kurz") is not None and measure.target("kurz") is not both


def test_indicator_fulfilled_when_all_targets_reached(catalogue: Catalogue) -> None:
    states = catalogue.concept.target_states
    measure = catalogue.measure("1.1.1")
    assert measure is not None
    assert not indicator_fulfilled(measure, MeasureStatus("1.1.1"), states)
    half = MeasureStatus("1.1.1", targets={"kurz": "erreicht"})
    assert not indicator_fulfilled(measure, half, states)
    full = MeasureStatus("1.1.1", targets={"kurz": "erreicht", "lang": "erreicht"})
    assert indicator_fulfilled(measure, full, states)


def test_overdue_after_the_review_period() -> None:
    """A never-reviewed measure counts from the start of monitoring (tests/test_due.py has the
    whole rule)."""
    today = date(2026, 11, 27)
    old_note = LogEntry(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), "anna", "begonnen")
    assert not is_overdue(MeasureStatus("1.1.1"), today, 180, None)  # no start, nothing recorded
    assert not is_overdue(MeasureStatus("1.1.1"), today, 180, date(2026, 6, 1))
    assert is_overdue(MeasureStatus("1.1.1"), today, 180, date(2026, 5, 1))
    reviewed = MeasureStatus("1.1.1", rev=2, reviewed=date(2026, 6, 1), log=(old_note,))
    assert not is_overdue(reviewed, today, 180, date(2026, 1, 1))
    late = MeasureStatus("1.1.1", rev=1, reviewed=date(2026, 5, 1))
    assert is_overdue(late, today, 180, date(2026, 5, 20))


def test_vocabularies_come_from_the_concept_file(catalogue: Catalogue) -> None:
    concept = catalogue.concept
    assert concept.statuses.keys() == (
        "offen",
        "in-planung",
        "in-vorbereitung",
        "in-umsetzung",
        "umgesetzt",
        "verstetigt",
        "zurueckgestellt",
        "entfallen",
    )
    assert concept.statuses.default.key == "offen"
    assert concept.target_states.keys() == (
        "offen",
        "teilweise-erreicht",
        "erreicht",
        "nicht-erreicht",
    )
    assert concept.assessments.keys() == ("im-plan", "gefaehrdet", "kritisch")
    assert concept.priorities.keys() == ("hoch", "mittel", "niedrig")
    umgesetzt = concept.statuses.get("umgesetzt")
    assert umgesetzt is not None and umgesetzt.counts and umgesetzt.label("en") == "implemented"
    assert concept.review_period_days == 180
