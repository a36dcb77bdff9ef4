"""Two readers of a status log, one result: the fast one for logs as the tool writes them, the
careful line-by-line one for everything else (hand edits, problems). Whatever the fast reader
accepts, it must read exactly as the careful one does — entries, texts, line numbers."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from monitor_tui.model import Change, LogEntry
from monitor_tui.status.format import _parse_any_log, _parse_written_log, render_entry

from .conftest import HOSTILE_NOTES

HOSTILE = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text("utf-8"))["cases"]]
ZONE = timezone(timedelta(hours=2))


def written_body(entries: list[LogEntry]) -> str:
    """The body of a file as the tool writes it: the newest entry first."""
    return "\n" + "\n".join(render_entry(entry) for entry in entries)


def careful(body: str, first_line: int = 9) -> tuple[list[LogEntry], list[object]]:
    problems: list[object] = []
    return _parse_any_log(Path("s.md"), body, first_line, problems), problems  # type: ignore[arg-type]


def assert_same(fast: list[LogEntry], slow: list[LogEntry]) -> None:
    assert fast == slow
    assert [e.line for e in fast] == [e.line for e in slow]
    assert [c.line for e in fast for c in e.changes] == [c.line for e in slow for c in e.changes]


def read_alike(body: str) -> int:
    """1 when the fast reader takes `body` and reads it as the careful one does, 0 when it
    leaves `body` to the careful one."""
    fast = _parse_written_log(body, 9)
    if fast is None:
        return 0
    slow, problems = careful(body)
    assert problems == [], body
    assert_same(fast, slow)
    return 1


def sample_entries() -> list[LogEntry]:
    moment = datetime(2026, 3, 2, 10, 15, tzinfo=ZONE)
    entries = []
    for number, text in enumerate([*HOSTILE, "", "x", "\n", "~~~", "~~~~\n~~~", "## 1 · a"]):
        changes = (Change("status", "offen", "in-planung"), Change("next_step", "—", text[:40]))
        entries.append(
            LogEntry(
                moment - timedelta(hours=number),
                "anna",
                text,
                changes[: number % 3],
                internal=number % 4 == 1,
                tags=("korrektur",) if number % 5 == 2 else (),
                attributes=(("office", "Amt · „x“ → y"),) if number % 6 == 3 else (),
            )
        )
    return entries


def test_logs_as_written_are_read_fast_and_alike() -> None:
    body = written_body(sample_entries())
    fast = _parse_written_log(body, 9)
    slow, problems = careful(body)
    assert fast is not None and problems == []
    assert_same(fast, slow)
    assert [e.text for e in fast] == [e.text for e in sample_entries()]  # byte for byte


def test_whatever_the_fast_reader_accepts_it_reads_like_the_careful_one() -> None:
    """Hand edits: lines removed, doubled, cut, CRs and spaces put in."""
    rng = random.Random(14)
    lines = written_body(sample_entries()[:8]).split("\n")
    fast_read = 0
    for _round in range(1500):
        changed = list(lines)
        for _edit in range(rng.randrange(1, 4)):
            at = rng.randrange(len(changed))
            kind = rng.randrange(6)
            if kind == 0:
                del changed[at]
            elif kind == 1:
                changed.insert(at, changed[rng.randrange(len(changed))])
            elif kind == 2:
                changed[at] = changed[at][: rng.randrange(len(changed[at]) + 1)]
            elif kind == 3:
                changed[at] += rng.choice([" ", "\t", "\r", "~", "·"])
            elif kind == 4:
                changed.insert(at, rng.choice(["", "~~~", "- @x: y", "- a: b → c", "text"]))
            else:
                changed[at] = rng.choice(["   ", "~~~ ", "## 2026-01-01T10:00:00 · b"])
        fast_read += read_alike("\n".join(changed))
    assert fast_read > 100  # the mutations left many logs as the tool would write them


def test_change_lines_are_read_quick_as_the_careful_reader_reads_them() -> None:
    """Bare values take a short cut; quoted ones, spaces, arrows and dashes must not fool it."""
    rng = random.Random(7)
    pieces = ["a", "ä", "1", ".", ":", "-", "—", "_", " ", "→", " → ", '"', '\\"', "\t", "x y"]
    pieces += ["2026-03-01", "offen", '"a → b"', "@", "·"]
    fast_read = 0
    for _round in range(3000):
        field = rng.choice(["status", "target:kurz", "next_step", "a.b-c", "Status", "x y", "@n"])
        old, new = ("".join(rng.choice(pieces) for _ in range(rng.randrange(4))) for _ in "on")
        fast_read += read_alike(
            f"\n## 2026-03-01T10:00:00+01:00 · anna\n- {field}: {old} → {new}\n"
        )
    assert fast_read > 1000
