"""Problems found in files, reported as `path:line: message`, and how to find their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file. `line` is 1-based; 0 when no line can be named."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{max(self.line, 1)}: {self.message}"


class ProblemsError(Exception):
    """Raised with every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def decode_utf8(path: Path, data: bytes) -> str:
    """Decode `data`; raise ProblemsError naming the line of the first byte that is not UTF-8."""
    from monitor_tui.i18n import _

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"0x{data[error.start]:02X}"
        raise ProblemsError([Problem(path, line, _("file_not_utf8", byte=byte))]) from None


NESTING_LIMIT = 100
"""Brackets and braces deeper than this are named in the message of a file the parser could
not read for its depth (tomllib recurses once per level and runs out of stack)."""


def too_deep_problem(path: Path, text: str, line_offset: int = 0) -> Problem:
    """A file tomllib gave up on with RecursionError: name the line where the nesting got deep."""
    from monitor_tui.i18n import _

    return Problem(path, _deep_line(text) + line_offset, _("toml_too_deep", limit=NESTING_LIMIT))


def _deep_line(text: str) -> int:
    """1-based line where `[`/`{` outside strings and comments first nest beyond the limit."""
    depth, line, quote, index = 0, 1, "", 0
    while index < len(text):
        char = text[index]
        if char == "\n":
            line += 1
        if quote:
            if char == "\\" and quote.startswith('"'):
                index += 1
                line += text.startswith("\n", index)
            elif text.startswith(quote, index):
                index += len(quote) - 1
                quote = ""
        elif char in "\"'":
            triple = text.startswith(char * 3, index)
            quote = char * 3 if triple else char
            index += 2 if triple else 0
        elif char == "#":
            end = text.find("\n", index)
            index = (end if end >= 0 else len(text)) - 1
        elif char in "[{":
            depth += 1
            if depth > NESTING_LIMIT:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return 1


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_END = re.compile(r"\(at end of document\)")


def toml_error_problem(path: Path, text: str, error: Exception, line_offset: int = 0) -> Problem:
    """Turn a `tomllib.TOMLDecodeError` into a Problem with the line it names."""
    from monitor_tui.i18n import _

    message = str(error)
    match = _TOML_POSITION.search(message)
    if match:
        line = int(match.group(1))
        detail = message[: match.start()].strip()
    elif _TOML_END.search(message):
        line = text.count("\n") + 1
        detail = _TOML_END.sub("", message).strip()
    else:
        line, detail = 1, message
    return Problem(path, line + line_offset, _("toml_syntax", detail=translate_toml_detail(detail)))


# tomllib's messages (Python 3.11–3.13), German first; the original follows in brackets for the
# messages we do not know, so a new Python never loses information.
_TOML_DETAILS_DE = [
    (re.compile(r"^Invalid value$"), "ungültiger Wert (Text in Anführungszeichen?)"),
    (re.compile(r"^Unterminated string$"), "Text ohne schließendes Anführungszeichen"),
    (
        re.compile(r"^Illegal character '\\n'$"),
        "Zeilenende mitten im Text (fehlt das schließende Anführungszeichen?)",
    ),
    (re.compile(r"^Illegal character (.+)$"), "unzulässiges Zeichen {0}"),
    (re.compile(r"^Found invalid character (.+)$"), "ungültiges Zeichen {0}"),
    (re.compile(r"^Cannot overwrite a value$"), "Wert wird ein zweites Mal gesetzt"),
    (re.compile(r"^Cannot declare (.+) twice$"), "„{0}“ ist doppelt"),
    (re.compile(r"^Cannot redefine namespace (.+)$"), "Tabelle „{0}“ ist doppelt"),
    (
        re.compile(r"^Cannot mutate immutable namespace (.+)$"),
        "„{0}“ kann hier nicht ergänzt werden",
    ),
    (re.compile(r"^Duplicate inline table key (.+)$"), "Schlüssel {0} ist doppelt"),
    (re.compile(r"^Unescaped '\\' in a string$"), "einzelner Backslash (\\) im Text"),
    (re.compile(r"^Unclosed array$"), "Liste ohne schließende ]"),
    (re.compile(r"^Unclosed inline table$"), "Tabelle ohne schließende }"),
    (re.compile(r"^Invalid statement$"), "ungültige Zeile"),
    (
        re.compile(r"^Invalid initial character for a key part$"),
        "ungültiger Anfang eines Schlüssels",
    ),
    (re.compile(r"^Invalid hex value$"), "ungültiger Hex-Wert"),
    (re.compile(r"^Invalid date or datetime$"), "ungültiges Datum"),
    (re.compile(r"^Expected '=' after a key in a key/value pair$"), "nach dem Schlüssel fehlt „=“"),
    (
        re.compile(r"^Expected '\]' at the end of a table declaration$"),
        "„]“ fehlt am Ende des Tabellennamens",
    ),
    (
        re.compile(r"^Expected '\]\]' at the end of an array declaration$"),
        "„]]“ fehlt am Ende des Tabellennamens",
    ),
    (re.compile(r"^Expected (.+)$"), "erwartet: {0}"),
]


def translate_toml_detail(detail: str) -> str:
    """tomllib's English detail in the UI language (English stays as it is)."""
    from monitor_tui.i18n import get_language

    if get_language() == "en":
        return detail
    for pattern, german in _TOML_DETAILS_DE:
        match = pattern.match(detail)
        if match:
            return german.format(*match.groups())
    return f"({detail})"


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")


class LineIndex:
    """Finds the line of a table or key in TOML text, for messages.

    tomllib gives no positions, so we look them up: the n-th `[[goals.measures]]` header is the
    n-th measure in document order, because arrays of tables keep their order.
    """

    def __init__(self, text: str, line_offset: int = 0) -> None:
        self._text = text
        self.offset = line_offset
        self._claimed: dict[str, int] = {}

    # Looked up only when a line is asked for: most files have no problem to point at.
    @cached_property
    def lines(self) -> list[str]:
        return self._text.split("\n")

    @cached_property
    def headers(self) -> list[tuple[int, str]]:
        headers = []
        for number, line in enumerate(self.lines):
            match = _HEADER.match(line)
            if match:
                headers.append((number, match.group(1).replace(" ", "")))
        return headers

    def claim(self, header: str, count: int) -> int:
        """Reserve the next `count` tables named `header`; returns the index of the first.

        Nested arrays (`goals.measures`) are numbered across the whole file, in the order the
        loader meets them, which is document order.
        """
        start = self._claimed.get(header, 0)
        self._claimed[header] = start + count
        return start

    def _block(self, header: str | None, index: int) -> tuple[int, int]:
        """(first, end) line numbers (0-based) of the index-th table named `header`."""
        if header is None:
            end = self.headers[0][0] if self.headers else len(self.lines)
            return 0, end
        found = [n for n, name in self.headers if name == header]
        if index >= len(found):
            return 0, 0
        start = found[index]
        later = [n for n, _name in self.headers if n > start]
        return start, later[0] if later else len(self.lines)

    def table(self, header: str | None, index: int = 0) -> int:
        """1-based line of the index-th `[[header]]`; 1 for the top level."""
        start, _end = self._block(header, index)
        return start + 1 + self.offset

    def key(self, header: str | None, index: int, key: str) -> int:
        """1-based line of `key = …` inside the index-th table `header`, else the table's line."""
        start, end = self._block(header, index)
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start, end):
            if pattern.match(self.lines[number]):
                return number + 1 + self.offset
        return start + 1 + self.offset
