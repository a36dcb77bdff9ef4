"""What the tree shows: search, filters and roll-ups. Plain logic, no Textual, easy to test."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from monitor_tui.i18n import _, get_language
from monitor_tui.model import (
    Catalogue,
    Measure,
    MeasureStatus,
    Vocabulary,
    is_overdue,
    matches,
)
from monitor_tui.status.wording import value_word

FILTER_KINDS = ("office", "status", "assessment", "term", "overdue", "changed", "mine")


@dataclass(frozen=True)
class Filters:
    """The filters the user has switched on; None means "any"."""

    office: str | None = None
    status: str | None = None
    assessment: str | None = None
    term: str | None = None
    overdue: bool = False
    changed: bool = False
    """Only measures that changed since the last frozen report."""
    mine: bool = False
    """Only the measures of the offices of the person logged in ("Meine Maßnahmen")."""

    def active(self) -> bool:
        return self != Filters()

    def with_value(self, kind: str, value: str | None) -> Filters:
        if kind == "overdue":
            return replace(self, overdue=bool(value))
        if kind == "changed":
            return replace(self, changed=bool(value))
        if kind == "mine":
            return replace(self, mine=bool(value))
        if kind == "office":
            return replace(self, office=value or None)
        if kind == "status":
            return replace(self, status=value or None)
        if kind == "assessment":
            return replace(self, assessment=value or None)
        return replace(self, term=value or None)

    def accepts(
        self,
        measure: Measure,
        status: MeasureStatus,
        catalogue: Catalogue,
        today: date,
        changed_ids: Collection[str] = (),
        start: date | None = None,
        my_offices: Collection[str] = (),
    ) -> bool:
        """`changed_ids`: the measures changed since the last report (for `changed`); `start`:
        the day monitoring began (for `overdue`); `my_offices`: the offices of the person
        logged in (for `mine`)."""
        if self.changed and measure.id not in changed_ids:
            return False
        if self.mine and not set(my_offices) & set(measure.offices):
            return False
        if self.office and self.office not in measure.offices:
            return False
        if self.status and status.status != self.status:
            return False
        if self.assessment and status.assessment != self.assessment:
            return False
        if self.term and not any(self.term in target.terms for target in measure.targets):
            return False
        period = catalogue.concept.review_period_days
        return not (self.overdue and not is_overdue(status, today, period, start))

    def describe(self, catalogue: Catalogue) -> list[str]:
        """One short German (or English) phrase per active filter, for the filter bar."""
        lang = get_language()
        parts = []
        if self.office:
            parts.append(_("tui_filter_office_active", office=self.office))
        if self.status:
            parts.append(
                _(
                    "tui_filter_status_active",
                    label=value_word("status", self.status, catalogue, lang),
                )
            )
        if self.assessment:
            label = value_word("assessment", self.assessment, catalogue, lang)
            parts.append(_("tui_filter_assessment_active", label=label))
        if self.term:
            parts.append(_("tui_filter_term_active", term=term_label(self.term)))
        if self.overdue:
            parts.append(_("tui_filter_overdue_active"))
        if self.changed:
            parts.append(_("tui_filter_changed_active"))
        if self.mine:
            parts.append(_("tui_filter_mine_active"))
        return parts


def term_label(term: str) -> str:
    return _(f"tui_term_{term}")


def status_of(statuses: Mapping[str, MeasureStatus], measure_id: str) -> MeasureStatus:
    return statuses.get(measure_id) or MeasureStatus(measure_id)


def visible_measure_ids(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    query: str,
    filters: Filters,
    today: date,
    changed_ids: Collection[str] = (),
    start: date | None = None,
    my_offices: Collection[str] = (),
) -> set[str]:
    """Ids of the measures that match the search (every word, umlaut-insensitive) and filters."""
    shown = set()
    for measure in catalogue.measures():
        if query.strip() and not matches(measure, query):
            continue
        status = status_of(statuses, measure.id)
        if not filters.accepts(measure, status, catalogue, today, changed_ids, start, my_offices):
            continue
        shown.add(measure.id)
    return shown


def rollup(
    measures: Iterable[Measure],
    statuses: Mapping[str, MeasureStatus],
    vocabulary: Vocabulary,
    broken: Collection[str] = (),
) -> tuple[int, int]:
    """(implemented, total) for a field or goal: how many count as done ("3/7 umgesetzt").

    A measure in `broken` (its status file is unreadable) is never done: its state is unknown.
    """
    done = total = 0
    for measure in measures:
        total += 1
        if measure.id in broken:
            continue
        choice = vocabulary.get(status_of(statuses, measure.id).status)
        if choice is not None and choice.counts:
            done += 1
    return done, total


def short_title(measure: Measure, width: int = 60) -> str:
    """The start of the measure's text on one line, for the tree (the tree crops the rest)."""
    text = " ".join(measure.text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
