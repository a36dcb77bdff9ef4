"""The domain: the catalogue of the integration concept and the recorded monitoring status.

Nothing here touches files or the terminal; `catalogue.py` and `notes.py` build these objects,
the TUI and the exports read them.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import overload

HORIZON_TERMS = ("kurz", "mittel", "lang")
"""The three time horizons of the document (kurz-, mittel-, langfristig), in order."""

# Use with fullmatch(): `$` alone also matches before a final line break ("1.2.3\n").
MEASURE_ID = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*")
GOAL_ID = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*")
FIELD_ID = re.compile(r"[1-9][0-9]*")


def id_sort_key(item_id: str) -> tuple[int, ...]:
    """Sort ids numerically, so that 1.10.1 comes after 1.9.1."""
    return tuple(int(part) for part in item_id.split("."))


@dataclass(frozen=True)
class Target:
    """One part of a measure's Zeithorizont, e.g. "Mittel- und langfristig: …"."""

    terms: tuple[str, ...]
    label: str
    text: str

    @property
    def key(self) -> str:
        """The name under which the target's state is stored: its terms joined by '-'."""
        return "-".join(self.terms)


@dataclass(frozen=True)
class Measure:
    """A Maßnahme with its Erfolgsindikator, Zeithorizont and Zuständigkeit."""

    id: str
    label: str
    text: str
    indicator: str
    responsible: str
    offices: tuple[str, ...]
    targets: tuple[Target, ...]
    goal_id: str
    field_id: str

    def target(self, term_or_key: str) -> Target | None:
        """The target stored under `term_or_key`, or the one that covers that horizon term."""
        for target in self.targets:
            if target.key == term_or_key:
                return target
        for target in self.targets:
            if term_or_key in target.terms:
                return target
        return None

    def searchable_text(self) -> str:
        """All printed text of the measure in one string, for search."""
        parts = [self.id, self.label, self.text, self.indicator, self.responsible]
        parts += [f"{t.label} {t.text}" for t in self.targets]
        return "\n".join(parts)


@dataclass(frozen=True)
class Goal:
    """A Ziel of a Handlungsfeld."""

    id: str
    title: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Field:
    """A Handlungsfeld: heading as printed ("4.3 Wohnen"), short title and summary (section 3)."""

    id: str
    number: str
    heading: str
    title: str
    goals: tuple[Goal, ...]
    summary: str = ""
    summary_numeral: str = ""

    def measures(self) -> Iterator[Measure]:
        for goal in self.goals:
            yield from goal.measures


@dataclass(frozen=True)
class Horizon:
    """Definition of a time horizon from the document's legend."""

    term: str
    label: str
    text: str


@dataclass(frozen=True)
class Choice:
    """One value of a vocabulary (a status, a target state, an assessment, a priority)."""

    key: str
    de: str
    en: str
    color: str
    symbol: str
    counts: bool = False
    """`done` for a status (counts as implemented), `fulfilled` for a target state."""
    needs_reason: bool = False
    """Setting this value needs a note saying why (`needs_reason = true` in the concept)."""
    hotkey: str = field(default="", compare=False)
    """The letter that picks this value in the app ("" for data of frozen reports, which keep
    only what a report shows: hotkeys and ASCII marks are the app's configuration)."""
    ascii: str = field(default="", compare=False)
    """A printable ASCII stand-in for `symbol`, for terminals that cannot draw it."""

    def label(self, lang: str = "de") -> str:
        return self.en if lang == "en" else self.de

    def mark(self, ascii_only: bool = False) -> str:
        """The symbol, or its ASCII stand-in on a terminal without Unicode marks."""
        if not ascii_only:
            return self.symbol
        if self.ascii:
            return self.ascii
        return self.symbol if self.symbol.isascii() else self.key[:1].upper() or "?"


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of choices, as defined in the concept file."""

    name: str
    choices: tuple[Choice, ...]

    def get(self, key: str) -> Choice | None:
        for choice in self.choices:
            if choice.key == key:
                return choice
        return None

    def keys(self) -> tuple[str, ...]:
        return tuple(choice.key for choice in self.choices)

    @property
    def default(self) -> Choice:
        return self.choices[0]

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)


@dataclass(frozen=True)
class Concept:
    """The integration concept as a whole: title, issuer, legend and the vocabularies."""

    title: str
    issuer: str
    publisher: str
    contact: str
    indicator_rule: str
    summary_intro: str
    review_period_days: int
    horizons: tuple[Horizon, ...]
    statuses: Vocabulary
    target_states: Vocabulary
    assessments: Vocabulary
    priorities: Vocabulary
    monitoring_start: date | None = None
    """The day monitoring began; a measure never reviewed counts as overdue from here."""


@dataclass(frozen=True)
class Catalogue:
    """Concept → Handlungsfelder → Ziele → Maßnahmen → Ziele des Zeithorizonts."""

    concept: Concept
    fields: tuple[Field, ...]
    _measures: Mapping[str, Measure] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {m.id: m for f in self.fields for m in f.measures()}
        object.__setattr__(self, "_measures", index)

    @property
    def title(self) -> str:
        return self.concept.title

    def measures(self) -> Iterator[Measure]:
        """All measures in document order."""
        for catalogue_field in self.fields:
            yield from catalogue_field.measures()

    def goals(self) -> Iterator[Goal]:
        for catalogue_field in self.fields:
            yield from catalogue_field.goals

    def measure(self, measure_id: str) -> Measure | None:
        return self._measures.get(measure_id)

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals() if g.id == goal_id), None)

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def offices(self) -> list[str]:
        """Every responsible office once, sorted alphabetically (German collation is approximated)."""
        names = {office for m in self.measures() for office in m.offices}
        return sorted(names, key=fold_for_search)

    def find_offices(self, name: str) -> list[str]:
        """Offices matching `name`: the one spelled alike (case and umlauts aside), else all
        that contain it, so "Büro für Migration" finds "Büro für Migration und Integration"."""
        wanted = fold_for_search(name.strip())
        offices = self.offices()
        exact = [o for o in offices if fold_for_search(o) == wanted]
        return exact or [o for o in offices if wanted and wanted in fold_for_search(o)]

    def counts(self) -> tuple[int, int, int]:
        """(fields, goals, measures)."""
        goals = sum(len(f.goals) for f in self.fields)
        return len(self.fields), goals, len(self._measures)


# --- recorded monitoring status -------------------------------------------------------------

UNSET = "—"
"""How an unset value (no assessment yet, never reviewed) is written in a change line."""

STATE_FIELDS = ("status", "assessment", "priority", "reviewed", "next_step", "next_step_due")
"""The state fields of a measure besides its targets (named `target:<key>` in change lines)."""
DATE_FIELDS = frozenset({"reviewed", "next_step_due"})
TEXT_FIELDS = frozenset({"next_step"})
"""Fields that hold any text a user typed (written TOML-quoted in change lines)."""


REQUEST_TAG = "abfrage"
"""The header mark of an office's answer to an update request, read back from its form; the
entry's attributes `office`, `contact`, `request` (the day of the request) and `form` (the
form's id) say whose answer to which request it is."""


@dataclass(frozen=True)
class Change:
    """One state field changed in a log entry: `field` went from `old` to `new`."""

    field: str
    old: str
    new: str
    line: int = dataclasses.field(default=0, compare=False)  # `field` is taken above
    """Line of the change in its file (0: not read from a file)."""


@dataclass(frozen=True)
class LogEntry:
    """An entry of a measure's progress log: a note, changes of state fields, or both."""

    timestamp: datetime
    author: str
    text: str = ""
    changes: tuple[Change, ...] = ()
    internal: bool = False
    tags: tuple[str, ...] = ()
    """Further marks of the entry's header besides `intern` (e.g. how it came about)."""
    attributes: tuple[tuple[str, str], ...] = ()
    """(name, value) facts about the entry (`- @name: value` lines), e.g. who answered."""
    line: int = field(default=0, compare=False)
    """Line of the entry's header in its file (0: not read from a file)."""

    def attribute(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)

    @property
    def is_note(self) -> bool:
        return bool(self.text.strip())


@dataclass(frozen=True)
class LogOutline:
    """What the first screens need of a log without reading its entries."""

    count: int = 0
    earliest: date | None = None
    """The day of the oldest entry."""
    latest: date | None = None
    """The day of the newest entry."""
    note_days: tuple[date, ...] = ()
    """The day of each public note (see `MeasureStatus.public_notes`), newest first."""

    @classmethod
    def of(cls, log: Sequence[LogEntry]) -> LogOutline:
        days = [entry.timestamp.date() for entry in log]
        notes = tuple(e.timestamp.date() for e in log if e.is_note and not e.internal)
        return cls(len(log), min(days, default=None), max(days, default=None), notes)


class LazyLog(Sequence[LogEntry]):
    """A log whose entries are read on first use; until then its outline answers `len`,
    `bool` and `log_outline`. Loading is the caller's function (e.g. reading the file again);
    it must not raise. Safe to share between threads (at worst it loads twice)."""

    def __init__(self, outline: LogOutline, load: Callable[[], Sequence[LogEntry]]) -> None:
        self.outline = outline
        self._load: Callable[[], Sequence[LogEntry]] | None = load
        self._entries: tuple[LogEntry, ...] | None = None

    @property
    def loaded(self) -> bool:
        return self._entries is not None

    def entries(self) -> tuple[LogEntry, ...]:
        entries = self._entries
        if entries is None:
            load = self._load
            entries = tuple(load()) if load is not None else ()
            self._entries, self._load = entries, None
        return entries

    def __len__(self) -> int:
        return len(self._entries) if self._entries is not None else self.outline.count

    def __bool__(self) -> bool:
        return len(self) > 0

    @overload
    def __getitem__(self, index: int) -> LogEntry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[LogEntry, ...]: ...
    def __getitem__(self, index: int | slice) -> LogEntry | tuple[LogEntry, ...]:
        return self.entries()[index]

    def __iter__(self) -> Iterator[LogEntry]:
        return iter(self.entries())

    def __reversed__(self) -> Iterator[LogEntry]:
        return reversed(self.entries())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyLog):
            return self.entries() == other.entries()
        if isinstance(other, tuple):
            return self.entries() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.entries())

    def __repr__(self) -> str:
        state = "loaded" if self.loaded else f"{self.outline.count} entries not read yet"
        return f"LazyLog({state})"


def log_outline(log: Sequence[LogEntry]) -> LogOutline:
    """The outline of `log`, without reading a lazy log's entries."""
    if isinstance(log, LazyLog) and not log.loaded:
        return log.outline
    return LogOutline.of(log)


@dataclass(frozen=True)
class MeasureStatus:
    """What has been recorded for one measure. A measure without a file is `offen`, nothing else."""

    measure_id: str
    status: str = "offen"
    targets: Mapping[str, str] = field(default_factory=dict)
    """Target key (see `Target.key`) → target state; a missing key means the vocabulary default."""
    assessment: str | None = None
    priority: str | None = None
    reviewed: date | None = None
    next_step: str | None = None
    """Nächster Schritt: what is to happen next, with `next_step_due` as its date."""
    next_step_due: date | None = None
    rev: int = 0
    """Counts the saves of the file; 0 for a measure that has no file yet."""
    log: Sequence[LogEntry] = ()
    """Newest first: a tuple, or a LazyLog read on first use."""
    stamp: str = ""
    """Opaque fingerprint of the file this was read from (storage uses it to detect changes)."""

    def target_state(self, target: Target, default: str = "offen") -> str:
        return self.targets.get(target.key, default)

    def public_notes(self) -> list[LogEntry]:
        """Notes that may appear in the printed report, newest first."""
        return [entry for entry in self.log if entry.is_note and not entry.internal]


def indicator_fulfilled(measure: Measure, status: MeasureStatus, target_states: Vocabulary) -> bool:
    """The document's rule: the indicator is fulfilled when the targets are reached."""
    if not measure.targets:
        return False
    default = target_states.default.key
    for target in measure.targets:
        choice = target_states.get(status.target_state(target, default))
        if choice is None or not choice.counts:
            return False
    return True


def is_overdue(status: MeasureStatus, today: date, period_days: int, start: date | None) -> bool:
    """Not reviewed for longer than the period on `today`.

    A measure never reviewed counts from `start`, the day monitoring began (see
    `monitoring_start`): a workspace older than the period with untouched measures shows them
    all as overdue. Without a start (nothing recorded anywhere yet) nothing is overdue.
    """
    since = status.reviewed or start
    if since is None:
        return False
    return today - since > timedelta(days=period_days)


def earliest_entry(statuses: Iterable[MeasureStatus]) -> date | None:
    """The day of the oldest log entry of any measure (None: nothing recorded)."""
    days = [day for status in statuses if (day := _earliest_day(status.log))]
    return min(days, default=None)


def _earliest_day(log: Sequence[LogEntry]) -> date | None:
    """`log_outline(log).earliest`, without working out the rest of the outline."""
    if isinstance(log, LazyLog) and not log.loaded:
        return log.outline.earliest
    return min((entry.timestamp.date() for entry in log), default=None)


def monitoring_start(concept: Concept, statuses: Iterable[MeasureStatus]) -> date | None:
    """The concept's `monitoring_start`; when it is not set, the earliest entry in `status/`
    stands in (monitoring demonstrably ran from then)."""
    if concept.monitoring_start is not None:
        return concept.monitoring_start
    return earliest_entry(statuses)


def last_update(status: MeasureStatus, until: date | None = None) -> date | None:
    """The day of the newest entry (a change, a note or a review) up to `until`."""
    latest = log_outline(status.log).latest
    if latest is None or until is None or latest <= until:
        return latest
    days = [e.timestamp.date() for e in status.log if e.timestamp.date() <= until]
    return max(days, default=None)


def public_note_days(status: MeasureStatus) -> tuple[date, ...]:
    """The day of each public note, newest first (see `MeasureStatus.public_notes`)."""
    log = status.log
    if isinstance(log, LazyLog) and not log.loaded:
        return log.outline.note_days
    return tuple(e.timestamp.date() for e in log if e.is_note and not e.internal)


def next_step_overdue(due: date | None, today: date) -> bool:
    """A next step's date (`next_step_due`) has passed."""
    return due is not None and due < today


def is_due(
    status: MeasureStatus, today: date, updated_after: date | None, until: date | None = None
) -> bool:
    """Due for the coming report: no entry dated after `updated_after` (the last report's
    Berichtsstand, or the day before monitoring began; None: any entry counts), or a next step
    whose date has passed."""
    if next_step_overdue(status.next_step_due, today):
        return True
    latest = last_update(status, until)
    if latest is None:
        return True
    return updated_after is not None and latest <= updated_after


_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"))
"""What is left to fold after `casefold` (which already makes ß and ẞ "ss")."""


def fold_for_search(text: str) -> str:
    """Case- and umlaut-insensitive form: "Flüchtling" and "FLUECHTLING" fold alike."""
    folded = unicodedata.normalize("NFC", text).casefold()
    if not folded.isascii():  # a few replace() calls are ~10× faster than str.translate
        for umlaut, spelled in _UMLAUTS:
            folded = folded.replace(umlaut, spelled)
    return folded


def matches(measure: Measure, query: str) -> bool:
    """Does every word of `query` occur in the measure's text (folded)?"""
    haystack = fold_for_search(measure.searchable_text())
    return all(word in haystack for word in fold_for_search(query).split())
