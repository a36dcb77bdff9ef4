"""The short cuts that keep exports fast at thousands of measures give exactly what the long way
gives: JSON as json.dumps writes it, notes in plain or simple Markdown as markdown-it reads them."""

from __future__ import annotations

import json
import random
from datetime import date

from monitor_tui.jsontext import indented_json
from monitor_tui.model import Catalogue, Change, LogEntry, MeasureStatus
from monitor_tui.render.json_data import synopsis_document
from monitor_tui.report.richtext import (
    _markdown,
    _MarkdownBlocks,
    _plain_paragraphs,
    _simple_markdown,
)
from monitor_tui.reports.synopse import canonical_text, snapshot_to_json, take_snapshot

from .test_export_formats import (
    HOSTILE_CASES,
    NOON,
    catalogue,
    hostile_statuses,
    recorded_statuses,
    synopsis_of,
)

__all__ = ["catalogue"]  # the fixture


def parsed(source: str) -> tuple[object, ...]:
    """What markdown-it makes of a note (the long way)."""
    return tuple(_MarkdownBlocks().convert(_markdown().parse(source)))


def test_indented_json_is_what_json_dumps_writes(catalogue: Catalogue) -> None:
    statuses = hostile_statuses()
    documents = [
        synopsis_document(synopsis_of(catalogue, statuses, notes=100)),
        snapshot_to_json(take_snapshot(catalogue, statuses, date(2026, 3, 31), date(2026, 4, 1))),
        {"empty": {}, "none": [], "nested": [[{}], {"a": [1, 2.5, -0.0, True, None]}], "": ""},
        [],
        "\x00\x1f\x7f\x9f\u2028\ud7ff\U0001f600",
    ]
    for document in documents:
        for indent in (" ", "  "):
            expected = json.dumps(document, ensure_ascii=False, indent=len(indent))
            assert indented_json(document, indent) == expected


def test_the_digest_is_taken_of_the_snapshot_json_with_sorted_keys(catalogue: Catalogue) -> None:
    """The digest's text is put together piece by piece; it must be the JSON form exactly."""
    changes = (Change("status", "offen", "in-planung"), Change("next_step", "—", "„x“ → \\y\x1b"))
    internal = LogEntry(NOON, "bernd", "intern \u2028", changes, internal=True)
    edited = MeasureStatus("2.1.1", status="in-planung", rev=1, log=(internal,))  # no replay
    statuses = {**hostile_statuses(), **recorded_statuses(), "2.1.1": edited}
    people = {"anna": "Anna „Ä“ Beispiel\\", "mallory": "M\x00", "bernd": "B"}
    days = (date(2026, 3, 31), date(2026, 3, 1))  # after the notes; before them
    snapshots = [take_snapshot(catalogue, statuses, day, date(2026, 4, 1), people) for day in days]
    for snapshot in snapshots:
        expected = json.dumps(snapshot_to_json(snapshot), ensure_ascii=True, sort_keys=True)
        assert canonical_text(snapshot) == expected
    assert snapshots[0].people and snapshots[1].hand_edited  # names and warnings go in too


def test_notes_without_markup_read_as_markdown_it_reads_them() -> None:
    notes = [
        "Auftaktgespräch mit dem Jugendamt geführt; nächste Abstimmung im Mai.",
        "Termin verschoben – neuer Termin am 12.03.2026.\nRückmeldung folgt.",
        "Erster Absatz.\n\n\nZweiter Absatz (mit Klammern), 50 % erreicht.",
        "",
        "\n\nnur Leerzeilen davor und danach\n\n",
    ]
    for note in notes:
        assert _plain_paragraphs(note) == parsed(note)
        assert _plain_paragraphs(note) is not None
    for note in HOSTILE_CASES:
        plain = _plain_paragraphs(note.replace("\r\n", "\n").replace("\r", "\n"))
        assert plain is None or plain == parsed(note.replace("\r\n", "\n").replace("\r", "\n"))


def test_whatever_the_plain_reader_takes_markdown_it_reads_alike() -> None:
    rng = random.Random(14)
    pieces = [
        *"ab Ä.,;:?-+=>1)2\t *_[]()<>&!#~|{}\\`\"'%$@^",
        "\n",
        "\n\n",
        "\u00a0",
        "\u2028",
        "\x00",
        "\x1b",
        "\u200b",
        "Wort ",
        "  ",
        "12. ",
        "1) ",
        "- ",
        "www.mainz.de ",
        "https://mainz.de ",
        "===",
        "---",
    ]
    taken = 0
    for _round in range(20_000):
        note = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        plain = _plain_paragraphs(note)
        if plain is not None:
            taken += 1
            assert plain == parsed(note), repr(note)
    assert taken > 1000


SIMPLE_NOTES = [
    "**Zwischenstand 2023**\n\n- 147 Teilnehmende erreicht\n- Flyer in 8 Sprachen verteilt",
    "Im Sozialausschuss vorgestellt, siehe [Vorlage 245/2023]"
    "(https://www.mainz.de/verwaltung-und-politik/beiraete/beirat-migration.php).",
    "## Ergebnis\n\nDie Kooperation ist vereinbart.\n\n## Offen\n\nDie Finanzierung ab 2027 "
    "ist *noch nicht* gesichert.",
    "Ablage der Auswertung:\n\n~~~\nS:\\Migration\\Monitoring\\2024\\auswertung.xlsx\n~~~",
    "1. Fachtag vorbereitet\n2. Einladungen verschickt (120)\n3. Dokumentation folgt",
    "| Quartal | Beratungen |\n|---|---|\n| Q1 2024 | 57 |\n| Q2 2024 | **61** |",
    "*Hinweis:* Die Zahlen für 2025 sind vorläufig; die Statistik des Landes folgt im Mai.",
    "Erledigt:\n- Raum gebucht\n- Einladung *verschickt*\n\nOffen:\n\n3. Protokoll\n4. Ablage",
    "Siehe [Ablage](ftp://server/ablage) und [Mail](mailto:integration@stadt.mainz.de).",
    "```\nexport --notes 3\n```\nDanach **prüfen**, ob alles da ist.",
]


def test_notes_in_the_simple_subset_read_as_markdown_it_reads_them() -> None:
    for note in SIMPLE_NOTES:
        simple = _simple_markdown(note)
        assert simple is not None, repr(note)
        assert simple == parsed(note), repr(note)
    for note in HOSTILE_CASES:
        note = note.replace("\r\n", "\n").replace("\r", "\n")
        simple = _simple_markdown(note)
        assert simple is None or simple == parsed(note), repr(note)


def test_whatever_the_simple_reader_takes_markdown_it_reads_alike() -> None:
    """Random notes of paragraphs, lists, headings, fences and tables, with emphasis and
    links where CommonMark's rules are subtle (flanking, lists interrupting paragraphs, lazy
    lines, numbering), and random characters: whatever the short cut takes, markdown-it reads
    alike."""
    rng = random.Random(14)
    taken = 0
    for _round in range(6_000):
        note = _random_note(rng)
        simple = _simple_markdown(note)
        if simple is not None:
            taken += 1
            assert simple == parsed(note), repr(note)
    assert taken > 1500
    pieces = [*"ab Ä.,;:?-+=>1)2 *[]()!#&|", "\n", "\n\n", "Wort ", "**", "- ", "1. ", "2. "]
    pieces += ["## ", "# ", "~~~", "```", "[x](https://mainz.de)", "[z](ftp://x)", "€", "„"]
    pieces += ["[w](javascript:x)", "\u0301", "&amp;", "_", "`", "\t", "  ", "\u00a0", "!", "***"]
    taken = 0
    for _round in range(20_000):
        note = "".join(rng.choice(pieces) for _ in range(rng.randrange(14)))
        simple = _simple_markdown(note)
        if simple is not None:
            taken += 1
            assert simple == parsed(note), repr(note)
    assert taken > 2000


_WORDS = ["Wort", "Ä", "1", ".", ",", ":", "(", ")", "!", "?", "„", "–", "#", ">", "-", "2.", "€"]
_LINKS = ["[Vorlage](https://mainz.de/x?a=1&b=2)", "[t](ftp://x)", "[m](mailto:a@b.de)", "[r](a/b)"]


def _random_text(rng: random.Random, words: int = 4) -> str:
    out = []
    for _ in range(rng.randrange(1, words + 1)):
        word, chance = rng.choice(_WORDS), rng.random()
        if chance < 0.15:
            word = f"**{word}**"
        elif chance < 0.3:
            word = f"*{word}*"
        elif chance < 0.37:
            word = rng.choice(_LINKS)
        out += [word, rng.choice([" ", " ", "", ", "])]
    return "".join(out).strip()


def _random_block(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return "\n".join(_random_text(rng) for _ in range(rng.randrange(1, 3)))
    if kind == 1:
        marker = rng.choice(["- ", "1. ", "3. ", "0. "])
        items = range(rng.randrange(1, 4))
        return "\n".join(
            (f"{number + 2}. " if marker != "- " and rng.random() < 0.5 else marker)
            + _random_text(rng)
            for number in items
        )
    if kind == 2:
        return "#" * rng.randrange(1, 8) + " " + _random_text(rng)
    if kind == 3:
        fence = rng.choice(["~~~", "```", "~~~~"])
        lines = [
            rng.choice(["S:\\a\\b", "x  y", "", "\tz", "*a*"]) for _ in range(rng.randrange(3))
        ]
        closing = rng.choice([fence, fence, "~~~", "~~~~~", "```"])
        return "\n".join([fence + rng.choice(["", "py"]), *lines, closing])
    if kind == 4:
        columns = rng.randrange(1, 4)
        cells = [_random_text(rng, 2) if rng.random() < 0.9 else "" for _ in range(columns)]
        rows = ["| " + " | ".join(cells) + " |"]
        rows.append("|" + "|".join(rng.choice(["---", ":--", "--:"]) for _ in range(columns)) + "|")
        for _row in range(rng.randrange(3)):
            width = columns if rng.random() < 0.9 else columns + 1
            rows.append("|" + "|".join(f" {_random_text(rng, 2)} " for _ in range(width)) + "|")
        return "\n".join(rows)
    return _random_text(rng)


def _random_note(rng: random.Random) -> str:
    note = ""
    for _block in range(rng.randrange(1, 5)):
        note += (rng.choice(["\n\n", "\n", "\n\n\n"]) if note else "") + _random_block(rng)
    return note


def test_markdown_escaping_with_its_short_cut_is_the_same() -> None:
    """Text without anything to escape is returned as it is; the rest as before."""
    from monitor_tui.render.markdown import (
        _INLINE_SPECIAL,
        _LINE_START,
        _escape_line_start,
        escape_markdown,
    )

    def escaped_the_long_way(text: str) -> str:
        text = _INLINE_SPECIAL.sub(lambda match: "\\" + match.group(0), text)
        return _LINE_START.sub(_escape_line_start, text)

    rng = random.Random(7)
    pieces = [*"ab 1.)-+=>\\`*_[]<>|~&!#\t", "\n", "\n\n", "  ", "12", "Ü"]
    for _round in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(10)))
        assert escape_markdown(text) == escaped_the_long_way(text), repr(text)
