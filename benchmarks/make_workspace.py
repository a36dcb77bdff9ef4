"""Build a deterministic synthetic workspace of a given size from the Mainz catalogue.

    python benchmarks/make_workspace.py OUT --size 5000        # 20 × 25 × 10, 10 notes each
    python benchmarks/make_workspace.py OUT --size 300         # 3 × 10 × 10, 30 notes each
    python benchmarks/make_workspace.py OUT --size mainz       # the real catalogue, no notes
    python benchmarks/make_workspace.py OUT --fields 20 --goals 25 --measures 10 --notes 10
    python benchmarks/make_workspace.py OUT --size mainz --notes 10   # the real one, with notes

Options change a preset (without --size: the 300 one). Each measure gets `--notes` notes plus
about a third as many saves that only change its state (reviews, status steps).

Field, goal and measure texts are the city's, reused cyclically with ids renumbered F.G.M;
`concept.toml` is copied. Every measure with notes gets a status file in exactly the format the
app writes (the log through `monitor_tui.status.format.render_entry`, the front matter with tomlkit as
`save_edit` builds it): changes chain (each old is the previous new), the front matter is the
replay of the log, timestamps are spread over several years in Mainz local time. A fixed seed
makes the same arguments give byte-identical files.

`--via-app` writes the same log through `monitor_tui.status.store.save_edit` instead, one save per
entry (slow): `diff -r -x '.*.lock'` against a normal run shows the fast path writes what the
app would.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.items

from monitor_tui.catalogue import load_catalogue
from monitor_tui.i18n import _, set_language
from monitor_tui.model import UNSET, Change, LogEntry
from monitor_tui.status.edits import Edit
from monitor_tui.status.format import render_entry
from monitor_tui.status.store import save_edit
from monitor_tui.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "catalogue"
CONCEPT = "concept.toml"
SEED = 2026


@dataclass(frozen=True)
class Shape:
    """Fields × goals per field × measures per goal; notes per measure."""

    fields: int
    goals: int
    measures: int
    notes: int


PRESETS: dict[str, Shape | None] = {
    "mainz": None,  # the real catalogue as it is
    "300": Shape(3, 10, 10, 30),
    "5000": Shape(20, 25, 10, 10),
}


@dataclass(frozen=True)
class MeasureInfo:
    """What the log generator needs to know about a measure."""

    id: str
    target_keys: tuple[str, ...]
    offices: tuple[str, ...]


@dataclass
class Save:
    """One save of the app: an entry of the log, with the changes it made."""

    moment: datetime
    author: str
    changes: list[Change] = field(default_factory=list)
    note: str = ""
    internal: bool = False


# --- the catalogue ------------------------------------------------------------------------


_TOML_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n"}
_TOML_ESCAPES |= {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _TOML_ESCAPES}


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped."""
    return '"' + text.translate(_TOML_ESCAPES) + '"'


def toml_list(items: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(toml_string(i) for i in items) + "]"


def source_fields() -> list[tuple[str, dict[str, Any]]]:
    """(slug, parsed file) of each real Handlungsfeld, in id order."""
    files = sorted(p for p in SOURCE.glob("*.toml") if p.name != CONCEPT)
    parsed = [(p.stem.partition("-")[2] or p.stem, tomllib.loads(p.read_text())) for p in files]
    return sorted(parsed, key=lambda item: int(item[1]["id"]))


def cycle(items: list[Any]) -> Iterator[Any]:
    while True:
        yield from items


def write_catalogue(folder: Path, shape: Shape) -> list[MeasureInfo]:
    """Field files of `shape` built from the real texts; returns the measures written."""
    sources = source_fields()
    goals = cycle([g for _slug, data in sources for g in data["goals"]])
    measures = cycle([m for _slug, data in sources for g in data["goals"] for m in g["measures"]])
    written: list[MeasureInfo] = []
    for f in range(1, shape.fields + 1):
        slug, source = sources[(f - 1) % len(sources)]
        lines = [
            "# Synthetischer Katalog aus benchmarks/make_workspace.py, Texte aus Mainz.",
            "",
            f'id = "{f}"',
            f'number = "4.{f}"',
            f"heading = {toml_string(f'4.{f} Handlungsfeld ' + source['title'])}",
            f"title = {toml_string(source['title'])}",
        ]
        for g in range(1, shape.goals + 1):
            goal_id = f"{f}.{g}"
            lines += ["", "[[goals]]", f'id = "{goal_id}"']
            lines.append(f"title = {toml_string(next(goals)['title'])}")
            for m in range(1, shape.measures + 1):
                label = "Maßnahme" if shape.measures == 1 else f"Maßnahme {m}"
                info, text = measure_toml(f"{goal_id}.{m}", label, next(measures))
                written.append(info)
                lines += text
        (folder / f"{f}-{slug}.toml").write_text("\n".join(lines) + "\n")
    return written


def measure_toml(
    measure_id: str, label: str, source: dict[str, Any]
) -> tuple[MeasureInfo, list[str]]:
    lines = ["", "[[goals.measures]]", f'id = "{measure_id}"', f"label = {toml_string(label)}"]
    for key in ("text", "indicator", "responsible"):
        lines.append(f"{key} = {toml_string(source[key])}")
    lines.append(f"offices = {toml_list(source['offices'])}")
    for target in source["targets"]:
        lines += ["", "[[goals.measures.targets]]", f"terms = {toml_list(target['terms'])}"]
        lines.append(f"label = {toml_string(target['label'])}")
        lines.append(f"text = {toml_string(target['text'])}")
    keys = tuple("-".join(t["terms"]) for t in source["targets"])
    return MeasureInfo(measure_id, keys, tuple(source["offices"])), lines


def copy_real_catalogue(folder: Path) -> list[MeasureInfo]:
    for path in sorted(SOURCE.glob("*.toml")):
        shutil.copyfile(path, folder / path.name)
    return [
        MeasureInfo(m["id"], tuple("-".join(t["terms"]) for t in m["targets"]), tuple(m["offices"]))
        for _slug, data in source_fields()
        for goal in data["goals"]
        for m in goal["measures"]
    ]


# --- the log ------------------------------------------------------------------------------

AUTHORS = ("anna", "bernd", "cem", "dilek", "elena", "frank", "guelsen", "hans")
# Keys of the vocabularies in catalogue/concept.toml; `check` validates every file written.
PROGRESS = ("in-planung", "in-vorbereitung", "in-umsetzung", "umgesetzt", "verstetigt")
PAUSED = "zurueckgestellt"
ASSESSMENTS = ("im-plan", "gefaehrdet", "kritisch")
PRIORITIES = ("hoch", "mittel", "niedrig")
TARGET_STEPS = {"offen": "teilweise-erreicht", "teilweise-erreicht": "erreicht"}
FIRST_DAY = date(2019, 3, 1)
LAST_DAY = date(2026, 10, 30)

# {office}, {year}, {month}, {day}, {count}, {count2}, {languages} are filled in per note.
NOTES = (
    "Auftaktgespräch mit {office} geführt; nächste Abstimmung im {month}.",
    "**Zwischenstand {year}**\n\n- {count} Teilnehmende erreicht\n- Flyer in {languages} "
    "Sprachen verteilt\n- Rückmeldungen überwiegend positiv",
    "Haushaltsmittel für {year} beantragt; die Entscheidung des Stadtrats steht noch aus.",
    "Termin mit dem Jugendamt verschoben – neuer Termin am {day}.",
    "Im Sozialausschuss vorgestellt, siehe [Vorlage {count}/{year}]"
    "(https://www.mainz.de/verwaltung-und-politik/beiraete/beirat-migration.php).",
    "## Ergebnis\n\nDie Kooperation mit {office} ist vereinbart.\n\n## Offen\n\n"
    "Die Finanzierung ab {year} ist *noch nicht* gesichert.",
    "Ablage der Auswertung:\n\n~~~\nS:\\Migration\\Monitoring\\{year}\\auswertung.xlsx\n~~~",
    "1. Fachtag vorbereitet\n2. Einladungen verschickt ({count})\n3. Dokumentation folgt",
    "Übergabe an die Fachstelle „Frühe Hilfen“ ist erfolgt; die Öffnungszeiten wurden ausgeweitet.",
    "Keine Veränderung seit der letzten Überprüfung.",
    "| Quartal | Beratungen |\n|---|---|\n| Q1 {year} | {count} |\n| Q2 {year} | {count2} |",
    "Kooperationsvereinbarung mit dem Caritasverband unterzeichnet.",
    "*Hinweis:* Die Zahlen für {year} sind vorläufig; die Statistik des Landes folgt im {month}.",
    "Die Nachfrage übersteigt weiterhin das Angebot. Im {month} {year} standen {count} "
    "Anfragen {count2} Plätzen gegenüber; eine Warteliste wird geführt. Gespräche mit "
    "freien Trägern über zusätzliche Gruppen laufen, die Raumfrage ist aber ungeklärt. "
    "Bis zur Klärung werden Familien an benachbarte Angebote verwiesen.",
    "Erfahrungsaustausch mit Wiesbaden und Frankfurt am {day}.",
)
INTERNAL_NOTES = (
    "Nur intern: Stelle seit {month} unbesetzt, die Nachbesetzung läuft.",
    "Intern: Rückfrage von {office} zur Abrechnung {year} noch offen.",
)
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def mainz_time(day: date, seconds: int) -> datetime:
    """Local time in Mainz: +02:00 between the last Sundays of March and October (EU rule;
    office hours never fall into the switch-over night, so the date alone decides)."""
    summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
    zone = timezone(timedelta(hours=2 if summer else 1))
    return datetime.combine(day, time(), zone) + timedelta(seconds=seconds)


def moments(rng: random.Random, count: int) -> list[datetime]:
    """`count` strictly increasing office-hour moments on weekdays between the two days."""
    span = (LAST_DAY - FIRST_DAY).days
    picks = sorted((rng.randrange(span), rng.randrange(7 * 3600, 18 * 3600)) for _ in range(count))
    result: list[datetime] = []
    for offset, seconds in picks:
        day = FIRST_DAY + timedelta(days=offset)
        day -= timedelta(days=max(0, day.weekday() - 4))  # weekend → Friday
        moment = mainz_time(day, seconds)
        if result and moment <= result[-1]:
            moment = result[-1] + timedelta(seconds=rng.randrange(1, 600))
        result.append(moment)
    return result


def note_text(rng: random.Random, info: MeasureInfo, moment: datetime, internal: bool) -> str:
    template = rng.choice(INTERNAL_NOTES if internal else NOTES)
    later = moment.date() + timedelta(days=rng.randrange(7, 60))
    return template.format(
        office=rng.choice(info.offices) if info.offices else "dem Büro für Migration",
        year=moment.year,
        month=MONTHS[rng.randrange(12)],
        day=later.strftime("%d.%m.%Y"),
        count=rng.randrange(5, 400),
        count2=rng.randrange(5, 400),
        languages=rng.choice((6, 8, 14)),
    )


class LogState:
    """The measure's state as the log has left it; every change is taken from here."""

    def __init__(self, info: MeasureInfo, rng: random.Random) -> None:
        self.values = {"status": "offen", "assessment": UNSET, "priority": UNSET, "reviewed": UNSET}
        self.values |= {f"target:{key}": "offen" for key in info.target_keys}
        self.stage = -1  # index in PROGRESS; a paused measure resumes where it stood
        # How far this measure gets, drawn per measure: however long its log, the workspace
        # keeps a mix of states for the filters and the overview to count.
        self.final = rng.randrange(-1, len(PROGRESS))

    def change(self, name: str, new: str, into: list[Change]) -> None:
        old = self.values[name]
        if old != new:
            into.append(Change(name, old, new))
            self.values[name] = new

    def next_status(self, rng: random.Random) -> str | None:
        if self.values["status"] == PAUSED:
            return PROGRESS[self.stage]
        if self.stage >= 0 and rng.random() < 0.08:
            return PAUSED
        if self.stage >= self.final:
            return None
        self.stage += 1
        return PROGRESS[self.stage]


def pick_changes(rng: random.Random, state: LogState, day: date, required: bool) -> list[Change]:
    """Changes in the order save_edit writes them: status, assessment, priority, reviewed,
    targets. At least one when `required` (an entry without a note must change something)."""
    changes: list[Change] = []
    values = state.values
    if rng.random() < 0.3 and (status := state.next_status(rng)):
        state.change("status", status, changes)
    if rng.random() < 0.25:
        cleared = values["assessment"] != UNSET and rng.random() < 0.1
        state.change("assessment", UNSET if cleared else rng.choice(ASSESSMENTS), changes)
    if rng.random() < 0.1:
        state.change("priority", rng.choice(PRIORITIES), changes)
    if required or rng.random() < 0.25:
        state.change("reviewed", day.isoformat(), changes)
    for name in [n for n in values if n.startswith("target:")]:
        if state.stage >= 2 and rng.random() < 0.12:  # targets are met once work is under way
            following = "nicht-erreicht" if rng.random() < 0.05 else TARGET_STEPS.get(values[name])
            if following:
                state.change(name, following, changes)
    if required and not changes:  # reviewed twice on one day: change the priority instead
        others = [p for p in PRIORITIES if p != values["priority"]]
        state.change("priority", rng.choice(others), changes)
    return changes


def plan_log(info: MeasureInfo, notes: int, seed: int) -> list[Save]:
    """The measure's saves, oldest first: `notes` notes and about a third as many saves that
    only change state (reviews, status steps)."""
    rng = random.Random(f"{seed}:{info.id}")  # per measure: independent of the other measures
    kinds = [True] * notes + [False] * rng.randrange(notes // 3 + 1)
    rng.shuffle(kinds)
    state = LogState(info, rng)
    saves = []
    for has_note, moment in zip(kinds, moments(rng, len(kinds)), strict=True):
        internal = has_note and rng.random() < 0.15
        changes = pick_changes(rng, state, moment.date(), required=not has_note)
        text = note_text(rng, info, moment, internal) if has_note else ""
        saves.append(Save(moment, rng.choice(AUTHORS), changes, text, internal))
    return saves


# --- the status files ---------------------------------------------------------------------


def front_matter(measure_id: str, saves: list[Save]) -> str:
    """The front matter save_edit leaves after these saves.

    The app parses the previous front matter with tomlkit at every save, and where tomlkit puts
    a new key depends on whether the document was parsed (no blank line before [targets] then).
    So the document goes through dumps and parse before each save that adds or removes a key,
    as the app sees it;
    saves that only replace values leave the layout alone and skip that (it is the slow part).
    """
    document = tomlkit.document()
    document.add(tomlkit.comment(_("status_file_comment", id=measure_id)))
    document["measure"] = measure_id
    document["rev"] = len(saves)
    for number, save in enumerate(saves):
        if number > 0 and any(reshapes(document, change) for change in save.changes):
            document = tomlkit.parse(dumped(document).removesuffix("\n"))
        for change in save.changes:
            apply_change(document, change)
    return dumped(document)


def dumped(document: tomlkit.TOMLDocument) -> str:
    """The front matter as written; read back, the app sees it without its last newline
    (split_front_matter joins the lines between the +++ markers)."""
    text = tomlkit.dumps(document)
    return text if text.endswith("\n") else text + "\n"


def reshapes(document: tomlkit.TOMLDocument, change: Change) -> bool:
    """Whether applying `change` adds or removes a key (rather than replacing a value)."""
    if change.field.startswith("target:"):
        targets = document.get("targets")
        return targets is None or change.field.removeprefix("target:") not in targets
    return change.new == UNSET or change.field not in document


def apply_change(document: tomlkit.TOMLDocument, change: Change) -> None:
    """As monitor_tui.status.format applies a change to the front matter."""
    if change.field.startswith("target:"):
        targets = document.get("targets")
        if not isinstance(targets, tomlkit.items.Table):
            targets = tomlkit.table()
            document["targets"] = targets
        targets[change.field.removeprefix("target:")] = change.new
    elif change.new == UNSET:
        document.pop(change.field, None)
    elif change.field == "reviewed":
        document["reviewed"] = date.fromisoformat(change.new)
    else:
        document[change.field] = change.new


def status_file(measure_id: str, saves: list[Save]) -> bytes:
    entries = [
        render_entry(LogEntry(s.moment, s.author, s.note, tuple(s.changes), s.internal))
        for s in reversed(saves)  # newest first
    ]
    body = "\n".join(entries)
    return f"+++\n{front_matter(measure_id, saves)}+++\n\n{body}".encode()


def write_via_app(root: Path, measure_id: str, saves: list[Save], catalogue: Any) -> None:
    """The reference path: one save_edit per entry, exactly as the app records them."""
    for save in saves:
        save_edit(
            Workspace(root), catalogue, measure_id, edit_of(save), save.author, now=save.moment
        )


def edit_of(save: Save) -> Edit:
    """The Edit a user would make in the app to record this save."""
    values = {c.field: c.new for c in save.changes}
    unset = {"assessment": "", "priority": ""}  # "—" in a change line is "" in an Edit

    def value(name: str) -> str | None:
        new = values.get(name)
        return unset[name] if new == UNSET else new

    reviewed = values.get("reviewed")
    return Edit(
        status=values.get("status"),
        targets={k.removeprefix("target:"): v for k, v in values.items() if ":" in k},
        assessment=value("assessment"),
        priority=value("priority"),
        reviewed=date.fromisoformat(reviewed) if reviewed else None,
        note=save.note,
        internal=save.internal,
    )


# --- main ---------------------------------------------------------------------------------


def build(
    out: Path, shape: Shape | None, notes: int, seed: int = SEED, via_app: bool = False
) -> tuple[int, int]:
    """Write the workspace; `shape` None means the real catalogue. Returns (measures, notes)."""
    set_language("de")  # the comment in new status files is in the app's default language
    catalogue = out / "catalogue"
    for folder in (catalogue, out / "status", out / "exports"):
        folder.mkdir(parents=True)
    shutil.copyfile(SOURCE / CONCEPT, catalogue / CONCEPT)
    measures = (
        copy_real_catalogue(catalogue) if shape is None else write_catalogue(catalogue, shape)
    )
    loaded = load_catalogue(catalogue) if via_app else None
    written = 0
    for info in measures if notes > 0 else []:
        saves = plan_log(info, notes, seed)
        if via_app:
            write_via_app(out, info.id, saves, loaded)
        else:
            (out / "status" / f"{info.id}.md").write_bytes(status_file(info.id, saves))
        written += sum(1 for s in saves if s.note)
    return len(measures), written


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="new (or empty) workspace folder")
    parser.add_argument("--size", choices=sorted(PRESETS), help="a preset shape")
    for name in ("fields", "goals", "measures", "notes"):
        parser.add_argument(f"--{name}", type=int, help=f"{name} (overrides the preset)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--via-app", action="store_true", help="write through save_edit (slow)")
    return parser.parse_args(argv)


def shape_of(args: argparse.Namespace) -> tuple[Shape | None, int]:
    """(catalogue shape or None for the real one, notes per measure) from preset and options."""
    custom = [args.fields, args.goals, args.measures]
    if args.size == "mainz":
        if any(v is not None for v in custom):
            sys.exit("--size mainz is the real catalogue: no --fields/--goals/--measures")
        return None, args.notes or 0
    base = PRESETS[args.size or "300"]  # without --size: the 300 preset, changed by options
    assert base is not None
    defaults = (base.fields, base.goals, base.measures, base.notes)
    given = [*custom, args.notes]
    shape = Shape(*(d if v is None else v for v, d in zip(given, defaults, strict=True)))
    if min(shape.fields, shape.goals, shape.measures) < 1 or shape.notes < 0:
        sys.exit("fields, goals and measures must be at least 1, notes at least 0")
    return shape, shape.notes


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty")
    shape, notes = shape_of(args)
    started = datetime.now()
    measures, written = build(args.out, shape, notes, args.seed, args.via_app)
    seconds = (datetime.now() - started).total_seconds()
    print(f"{args.out}: {measures} Maßnahmen, {written} Notizen ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
