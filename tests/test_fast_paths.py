"""The short cuts that keep exports fast at thousands of measures give exactly what the long way
gives: JSON as json.dumps writes it, notes without markup as markdown-it reads them."""

from __future__ import annotations

import json
import random
from datetime import date

from monitor_tui.jsontext import indented_json
from monitor_tui.model import Catalogue
from monitor_tui.render.json_data import synopsis_document
from monitor_tui.report.richtext import _markdown, _MarkdownBlocks, _plain_paragraphs
from monitor_tui.reports.synopse import snapshot_to_json, take_snapshot

from .test_export_formats import HOSTILE_CASES, catalogue, hostile_statuses, synopsis_of

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
