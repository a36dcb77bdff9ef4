"""Load and validate `catalogue/*.toml`: `concept.toml` plus one file per Handlungsfeld.

Read with tomllib (fast). Every problem is collected and reported at once as `path:line: message`.
"""

from __future__ import annotations

import dataclasses
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from monitor_tui.cachefile import (
    FileKey,
    code_key,
    file_key,
    now_ns,
    read_cache,
    settled,
    write_cache,
)
from monitor_tui.i18n import _, os_error
from monitor_tui.model import (
    FIELD_ID,
    GOAL_ID,
    HORIZON_TERMS,
    MEASURE_ID,
    Catalogue,
    Choice,
    Concept,
    Field,
    Goal,
    Horizon,
    Measure,
    Target,
    Vocabulary,
    fold_for_search,
    id_sort_key,
)
from monitor_tui.problems import (
    LineIndex,
    Problem,
    ProblemsError,
    decode_utf8,
    toml_error_problem,
    too_deep_problem,
)

T = TypeVar("T")
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
CONCEPT_FILE = "concept.toml"
PEOPLE_FILE = "people.toml"
"""Optional login → display name and office (see people.py); not part of the catalogue."""

VOCABULARIES = ("statuses", "target_states", "assessments", "priorities")
_COUNTS_FLAG = {"statuses": "done", "target_states": "fulfilled"}


def field_files(directory: Path) -> list[Path]:
    """The Handlungsfeld files of a catalogue folder, by name."""
    skip = {CONCEPT_FILE, PEOPLE_FILE}
    return sorted(p for p in directory.glob("*.toml") if p.name not in skip)


def load_catalogue(directory: Path, cache_dir: Path | None = None) -> Catalogue:
    """Load `directory`; raise ProblemsError listing every problem found.

    With `cache_dir` (the workspace's `.cache/`), a catalogue that loaded without a problem is
    kept there as JSON and read from there while none of its files changed (see `cachefile`).
    """
    if not directory.is_dir():
        raise ProblemsError([Problem(directory, 0, _("catalogue_missing"))])
    keys = catalogue_file_keys(directory) if cache_dir is not None else None
    if cache_dir is not None and keys is not None:
        cached = _cached(cache_dir, keys)
        if cached is not None:
            return cached
    read_at = now_ns()
    catalogue = _load(directory)
    if cache_dir is not None and keys is not None:
        _keep(cache_dir, directory, keys, read_at, catalogue)
    return catalogue


def _keep(
    cache_dir: Path, directory: Path, keys: dict[str, FileKey], read_at: int, catalogue: Catalogue
) -> None:
    """Write the cache, unless a file changed while it was read or shortly before."""
    if catalogue_file_keys(directory) != keys or not all(
        settled(k, read_at) for k in keys.values()
    ):
        return
    data = {
        "files": {name: list(key) for name, key in keys.items()},
        "catalogue": catalogue_to_json(catalogue, app_config=True),
    }
    write_cache(cache_dir / CATALOGUE_CACHE, "catalogue", _code_key(), data)


def _load(directory: Path) -> Catalogue:
    context = _Context()
    loaded = _guarded(_load_concept, directory / CONCEPT_FILE, context)
    concept, summaries = loaded if loaded is not None else (None, {})
    files = field_files(directory)
    if not files:
        context.problems.append(Problem(directory, 0, _("catalogue_no_fields")))
    fields = [f for path in files if (f := _guarded(_load_field, path, context)) is not None]
    _check_unique_ids(context)
    if context.problems or concept is None:
        raise ProblemsError(context.problems)
    fields.sort(key=lambda f: id_sort_key(f.id))
    fields = [_with_summary(f, summaries.get(f.id)) for f in fields]
    return Catalogue(concept=concept, fields=tuple(fields))


CATALOGUE_CACHE = "catalogue.json"


@cache
def _code_key() -> str:
    """The catalogue cache is made by this module from the classes of `model`."""
    from monitor_tui import model

    return code_key(__file__, model.__file__ or "")


def catalogue_file_keys(directory: Path) -> dict[str, FileKey] | None:
    """The key of concept.toml and of each field file; None when one cannot be read."""
    keys = {}
    try:
        for path in [directory / CONCEPT_FILE, *field_files(directory)]:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                return None
            keys[path.name] = file_key(info)
    except OSError:
        return None
    return keys


def _cached(cache_dir: Path, keys: dict[str, FileKey]) -> Catalogue | None:
    """The cached catalogue, if it was made from files with exactly these keys."""
    data = read_cache(cache_dir / CATALOGUE_CACHE, "catalogue", _code_key())
    if data is None:
        return None
    files = data.get("files")
    if not isinstance(files, dict) or {k: tuple(v) for k, v in files.items()} != keys:
        return None
    try:
        return catalogue_from_json(data["catalogue"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _guarded(load: Callable[[Path, _Context], T | None], path: Path, context: _Context) -> T | None:
    """`load(path, context)`, reporting a file whose values nest too deeply to be walked (a
    dotted key `a.a.a…` thousands deep parses, but its value cannot even be printed)."""
    try:
        return load(path, context)
    except RecursionError:
        text = path.read_text(encoding="utf-8", errors="replace")
        context.problems.append(too_deep_problem(path, text))
        return None


def _with_summary(item: Field, summary: tuple[str, str] | None) -> Field:
    if summary is None:
        return item
    numeral, text = summary
    return Field(item.id, item.number, item.heading, item.title, item.goals, text, numeral)


def read_toml(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], LineIndex] | None:
    """Parse one TOML file, adding a problem (and returning None) when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path, 0, _("file_unreadable", reason=os_error(error))))
        return None
    try:
        text = decode_utf8(path, data)
    except ProblemsError as error:
        problems.extend(error.problems)
        return None
    import tomllib  # here: with the catalogue cache (JSON), the app starts without it

    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(toml_error_problem(path, text, error))
        return None
    except RecursionError:  # `x = [[[[…` thousands deep: tomllib recurses once per level
        problems.append(too_deep_problem(path, text))
        return None
    return parsed, LineIndex(text)


@dataclass
class _Context:
    """What validating one catalogue collects: its problems and where each id stands."""

    problems: list[Problem] = field(default_factory=list)
    ids: list[tuple[str, Problem]] = field(default_factory=list)


@dataclass
class _Table:
    """One TOML table being validated, with what is needed to name its lines."""

    path: Path
    lines: LineIndex
    header: str | None
    index: int
    data: dict[str, Any]
    context: _Context
    known: set[str] = field(default_factory=set)

    def line(self, key: str | None = None) -> int:
        if key is None:
            return self.lines.table(self.header, self.index)
        return self.lines.key(self.header, self.index, key)

    def report(self, message: str, key: str | None = None) -> None:
        self.context.problems.append(Problem(self.path, self.line(key), message))

    def text(self, key: str, required: bool = True) -> str:
        """A non-empty string value (whitespace alone counts as empty)."""
        self.known.add(key)
        value = self.data.get(key)
        if value is None:
            if required:
                self.report(_("key_missing", key=key))
            return ""
        if not isinstance(value, str):
            self.report(_("key_not_text", key=key), key)
            return ""
        if required and not value.strip():
            self.report(_("key_empty", key=key), key)
        return value

    def integer(self, key: str, default: int) -> int:
        self.known.add(key)
        value = self.data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            self.report(_("key_not_positive_int", key=key), key)
            return default
        return value

    def day(self, key: str) -> date | None:
        """An optional date (`2026-01-15`, without a time)."""
        self.known.add(key)
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, date) or isinstance(value, datetime):
            self.report(_("key_not_date", key=key), key)
            return None
        return value

    def flag(self, key: str) -> bool:
        self.known.add(key)
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.report(_("key_not_bool", key=key), key)
            return False
        return value

    def text_list(self, key: str) -> list[str]:
        self.known.add(key)
        value = self.data.get(key)
        if value is None:
            self.report(_("key_missing", key=key))
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.report(_("key_not_text_list", key=key), key)
            return []
        if not value:
            self.report(_("key_empty", key=key), key)
        return list(value)

    def tables(self, key: str, header: str) -> list[_Table]:
        """The array of tables `key`, as _Tables numbered in document order."""
        self.known.add(key)
        value = self.data.get(key)
        if value is None:
            self.report(_("key_missing", key=key))
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.report(_("key_not_tables", key=key), key)
            return []
        if not value:
            self.report(_("key_empty", key=key), key)
        start = self.lines.claim(header, len(value))
        return [
            _Table(self.path, self.lines, header, start + i, item, self.context)
            for i, item in enumerate(value)
        ]

    def identifier(self, pattern: re.Pattern[str], parent: str | None = None) -> str:
        value = self.text("id")
        if value:
            self.context.ids.append((value, Problem(self.path, self.line("id"), "")))
        if value and not pattern.fullmatch(value):  # match() would let "1.2.3\n" pass
            self.report(_("id_format", id=value), "id")
        elif value and parent and not value.startswith(parent + "."):
            self.report(_("id_parent", id=value, parent=parent), "id")
        return value

    def colour(self, key: str) -> str:
        """A colour as `#rrggbb`: the app and every export put it into styles, where anything
        else would break the layout or the app."""
        value = self.text(key)
        if value and not HEX_COLOUR.fullmatch(value):
            self.report(_("colour_format", key=key, value=value), key)
            return "#808080"
        return value

    def check_unknown_keys(self) -> None:
        for key in self.data:
            if key not in self.known:
                self.report(_("key_unknown", key=key), key)


def _top(path: Path, context: _Context) -> _Table | None:
    parsed = read_toml(path, context.problems)
    if parsed is None:
        return None
    data, lines = parsed
    return _Table(path, lines, None, 0, data, context)


def _load_field(path: Path, context: _Context) -> Field | None:
    top = _top(path, context)
    if top is None:
        return None
    field_id = top.identifier(FIELD_ID)
    number, heading, title = top.text("number"), top.text("heading"), top.text("title")
    goals = tuple(_goal(t, field_id) for t in top.tables("goals", "goals"))
    top.check_unknown_keys()
    return Field(id=field_id, number=number, heading=heading, title=title, goals=goals)


def _goal(table: _Table, field_id: str) -> Goal:
    goal_id = table.identifier(GOAL_ID, field_id)
    title = table.text("title")
    measures = tuple(
        _measure(t, goal_id, field_id) for t in table.tables("measures", "goals.measures")
    )
    table.check_unknown_keys()
    return Goal(id=goal_id, title=title, measures=measures)


def _measure(table: _Table, goal_id: str, field_id: str) -> Measure:
    measure = Measure(
        id=table.identifier(MEASURE_ID, goal_id),
        label=table.text("label"),
        text=table.text("text"),
        indicator=table.text("indicator"),
        responsible=table.text("responsible"),
        offices=tuple(table.text_list("offices")),
        targets=tuple(_target(t) for t in table.tables("targets", "goals.measures.targets")),
        goal_id=goal_id,
        field_id=field_id,
    )
    table.check_unknown_keys()
    keys = [t.key for t in measure.targets]
    for key in {k for k in keys if keys.count(k) > 1}:
        table.report(_("target_duplicate", key=key), "targets")
    return measure


def _target(table: _Table) -> Target:
    terms = table.text_list("terms")
    for term in terms:
        if term not in HORIZON_TERMS:
            table.report(_("term_unknown", term=term, known=", ".join(HORIZON_TERMS)), "terms")
    target = Target(terms=tuple(terms), label=table.text("label"), text=table.text("text"))
    table.check_unknown_keys()
    return target


def _check_unique_ids(context: _Context) -> None:
    """Ids must be unique across all files; a repeated one is reported with where it first stood."""
    first_seen: dict[str, Problem] = {}
    for item_id, where in context.ids:
        if item_id in first_seen:
            other = first_seen[item_id]
            message = _("id_duplicate", id=item_id, other=f"{other.path}:{other.line}")
            context.problems.append(Problem(where.path, where.line, message))
        else:
            first_seen[item_id] = where


Summaries = dict[str, tuple[str, str]]
"""Field id → (numeral, summary text), from the concept file's [[summaries]] (section 3)."""


def _load_concept(path: Path, context: _Context) -> tuple[Concept | None, Summaries]:
    top = _top(path, context)
    if top is None:
        return None, {}
    concept = Concept(
        title=top.text("title"),
        issuer=top.text("issuer"),
        publisher=top.text("publisher", required=False),
        contact=top.text("contact", required=False),
        indicator_rule=top.text("indicator_rule"),
        summary_intro=top.text("summary_intro", required=False),
        review_period_days=top.integer("review_period_days", 180),
        horizons=tuple(_horizon(t) for t in top.tables("horizons", "horizons")),
        statuses=_vocabulary(top, "statuses"),
        target_states=_vocabulary(top, "target_states"),
        assessments=_vocabulary(top, "assessments"),
        priorities=_vocabulary(top, "priorities"),
        monitoring_start=top.day("monitoring_start"),
    )
    summaries: Summaries = {}
    for table in top.tables("summaries", "summaries"):
        field_id = table.text("field")
        summaries[field_id] = (table.text("numeral", required=False), table.text("text").strip())
        table.check_unknown_keys()
    top.check_unknown_keys()
    terms = [h.term for h in concept.horizons]
    if sorted(terms, key=HORIZON_TERMS.index) != list(HORIZON_TERMS) or len(set(terms)) != 3:
        top.report(_("horizons_incomplete", known=", ".join(HORIZON_TERMS)), "horizons")
    return concept, summaries


def _horizon(table: _Table) -> Horizon:
    term = table.text("term")
    if term and term not in HORIZON_TERMS:
        table.report(_("term_unknown", term=term, known=", ".join(HORIZON_TERMS)), "term")
    horizon = Horizon(term=term, label=table.text("label"), text=table.text("text"))
    table.check_unknown_keys()
    return horizon


def _vocabulary(top: _Table, name: str) -> Vocabulary:
    choices = []
    tables = top.tables(name, name)
    for table in tables:
        flag = _COUNTS_FLAG.get(name)
        choices.append(
            Choice(
                key=table.text("key"),
                de=table.text("de"),
                en=table.text("en"),
                color=table.colour("color"),
                symbol=table.text("symbol"),
                counts=table.flag(flag) if flag else False,
                needs_reason=table.flag("needs_reason"),
                hotkey=_hotkey(table),
                ascii=_ascii_mark(table),
            )
        )
        table.check_unknown_keys()
    keys = [c.key for c in choices]
    for key in {k for k in keys if keys.count(k) > 1}:
        top.report(_("choice_duplicate", key=key, vocabulary=name), name)
    _check_distinct(tables, choices, name)
    if not choices:
        choices.append(Choice("offen", "offen", "open", "#808080", "·", hotkey="o", ascii="."))
    return Vocabulary(name=name, choices=tuple(_with_hotkeys(choices)))


HOTKEY = re.compile(r"[a-z0-9]")
"""A hotkey is one lower-case letter or digit: the app reserves "-" for "not set" and capitals
for its own commands."""
ASCII_MARK = re.compile(r"[!-~]")
"""One printable ASCII character other than the space."""


def _hotkey(table: _Table) -> str:
    value = table.text("hotkey", required=False)
    if value and not HOTKEY.fullmatch(value):
        table.report(_("hotkey_format", value=value), "hotkey")
        return ""
    return value


def _ascii_mark(table: _Table) -> str:
    value = table.text("ascii", required=False)
    if value and not ASCII_MARK.fullmatch(value):
        table.report(_("ascii_format", value=value), "ascii")
        return ""
    return value


def _check_distinct(tables: list[_Table], choices: list[Choice], name: str) -> None:
    """A letter that picks two values, or a mark shared by two, would mislead: report both."""
    for attribute, message in (("hotkey", "hotkey_duplicate"), ("ascii", "ascii_duplicate")):
        seen: dict[str, str] = {}
        for table, choice in zip(tables, choices, strict=False):
            value = getattr(choice, attribute)
            if not value:
                continue
            if value in seen:
                table.report(
                    _(message, value=value, vocabulary=name, first=seen[value], second=choice.key),
                    attribute,
                )
            else:
                seen[value] = choice.key


def _with_hotkeys(choices: list[Choice]) -> list[Choice]:
    """Give every value without a configured hotkey its symbol when that is a letter (P, V, U),
    else the first free letter of its German word (then of its key, then a digit), and without an ASCII mark its symbol when that is ASCII,
    else the first free capital of its word: workspaces made before hotkeys existed still get
    a distinct letter and mark per value."""
    used_keys = {c.hotkey for c in choices if c.hotkey}
    used_marks = {c.ascii for c in choices if c.ascii}
    result = []
    for choice in choices:
        word = fold_for_search(choice.de)
        if not choice.hotkey:
            candidates = [choice.symbol.lower(), *word, *choice.key.lower(), *"123456789"]
            hotkey = _first_free(candidates, used_keys, HOTKEY)
            choice = dataclasses.replace(choice, hotkey=hotkey)
        if not choice.ascii:
            candidates = [choice.symbol, *word.upper(), *"#%&=?@"]
            mark = _first_free(candidates, used_marks, ASCII_MARK)
            choice = dataclasses.replace(choice, ascii=mark)
        result.append(choice)
    return result


def _first_free(candidates: list[str], used: set[str], allowed: re.Pattern[str]) -> str:
    free = next((c for c in candidates if allowed.fullmatch(c) and c not in used), "")
    used.add(free)
    return free


# --- the catalogue as plain data -------------------------------------------------------------


def catalogue_to_json(catalogue: Catalogue, app_config: bool = False) -> dict[str, Any]:
    """The catalogue as plain data (in `synopse.json` and the catalogue cache). `app_config`:
    with each value's hotkey and ASCII mark, which the cache needs and a frozen report keeps
    out (its digest covers only what a report shows)."""
    return {
        "concept": concept_to_json(catalogue.concept, app_config),
        "fields": [
            {
                "id": f.id,
                "number": f.number,
                "heading": f.heading,
                "title": f.title,
                "summary": f.summary,
                "summary_numeral": f.summary_numeral,
                "goals": [
                    {
                        "id": g.id,
                        "title": g.title,
                        "measures": [_measure_json(m) for m in g.measures],
                    }
                    for g in f.goals
                ],
            }
            for f in catalogue.fields
        ],
    }


def concept_to_json(concept: Concept, app_config: bool = False) -> dict[str, Any]:
    """The concept as plain data (see `catalogue_to_json`)."""
    # Only when set: reports frozen before it existed keep their digest.
    start = (
        {"monitoring_start": concept.monitoring_start.isoformat()}
        if concept.monitoring_start
        else {}
    )
    return {
        **start,
        "title": concept.title,
        "issuer": concept.issuer,
        "publisher": concept.publisher,
        "contact": concept.contact,
        "indicator_rule": concept.indicator_rule,
        "summary_intro": concept.summary_intro,
        "review_period_days": concept.review_period_days,
        "horizons": [{"term": h.term, "label": h.label, "text": h.text} for h in concept.horizons],
        "statuses": _vocabulary_json(concept.statuses, app_config),
        "target_states": _vocabulary_json(concept.target_states, app_config),
        "assessments": _vocabulary_json(concept.assessments, app_config),
        "priorities": _vocabulary_json(concept.priorities, app_config),
    }


def _vocabulary_json(vocabulary: Vocabulary, app_config: bool) -> list[dict[str, Any]]:
    return [
        {
            "key": c.key,
            "de": c.de,
            "en": c.en,
            "color": c.color,
            "symbol": c.symbol,
            "counts": c.counts,
            # only when set: reports frozen before the flag existed keep their digest
            **({"needs_reason": True} if c.needs_reason else {}),
            **({"hotkey": c.hotkey, "ascii": c.ascii} if app_config else {}),
        }
        for c in vocabulary
    ]


def _measure_json(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "label": measure.label,
        "text": measure.text,
        "indicator": measure.indicator,
        "responsible": measure.responsible,
        "offices": list(measure.offices),
        "targets": [
            {"terms": list(t.terms), "label": t.label, "text": t.text} for t in measure.targets
        ],
    }


def catalogue_from_json(data: Mapping[str, Any]) -> Catalogue:
    """The Catalogue `catalogue_to_json` wrote (raises KeyError, TypeError on bad data)."""
    concept = concept_from_json(data["concept"])
    fields = tuple(_field_from_json(f) for f in data["fields"])
    return Catalogue(concept=concept, fields=fields)


def concept_from_json(c: Mapping[str, Any]) -> Concept:
    """The Concept `concept_to_json` wrote (raises KeyError, TypeError on bad data)."""
    return Concept(
        title=str(c["title"]),
        issuer=str(c["issuer"]),
        publisher=str(c["publisher"]),
        contact=str(c["contact"]),
        indicator_rule=str(c["indicator_rule"]),
        summary_intro=str(c["summary_intro"]),
        review_period_days=int(c["review_period_days"]),
        horizons=tuple(
            Horizon(str(h["term"]), str(h["label"]), str(h["text"])) for h in c["horizons"]
        ),
        statuses=_vocabulary_from_json("statuses", c["statuses"]),
        target_states=_vocabulary_from_json("target_states", c["target_states"]),
        assessments=_vocabulary_from_json("assessments", c["assessments"]),
        priorities=_vocabulary_from_json("priorities", c["priorities"]),
        monitoring_start=date.fromisoformat(c["monitoring_start"])
        if c.get("monitoring_start")
        else None,
    )


def _vocabulary_from_json(name: str, choices: Iterable[Mapping[str, Any]]) -> Vocabulary:
    return Vocabulary(
        name,
        tuple(
            Choice(
                str(c["key"]),
                str(c["de"]),
                str(c["en"]),
                str(c["color"]),
                str(c["symbol"]),
                bool(c["counts"]),
                bool(c.get("needs_reason", False)),
                hotkey=str(c.get("hotkey", "")),
                ascii=str(c.get("ascii", "")),
            )
            for c in choices
        ),
    )


def _field_from_json(data: Mapping[str, Any]) -> Field:
    field_id = str(data["id"])
    goals = tuple(
        Goal(
            str(g["id"]),
            str(g["title"]),
            tuple(_measure_from_json(m, str(g["id"]), field_id) for m in g["measures"]),
        )
        for g in data["goals"]
    )
    return Field(
        field_id,
        str(data["number"]),
        str(data["heading"]),
        str(data["title"]),
        goals,
        str(data.get("summary", "")),
        str(data.get("summary_numeral", "")),
    )


def _measure_from_json(data: Mapping[str, Any], goal_id: str, field_id: str) -> Measure:
    return Measure(
        id=str(data["id"]),
        label=str(data["label"]),
        text=str(data["text"]),
        indicator=str(data["indicator"]),
        responsible=str(data["responsible"]),
        offices=tuple(str(o) for o in data["offices"]),
        targets=tuple(
            Target(
                tuple(str(t) for t in target["terms"]), str(target["label"]), str(target["text"])
            )
            for target in data["targets"]
        ),
        goal_id=goal_id,
        field_id=field_id,
    )
