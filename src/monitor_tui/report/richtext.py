"""Rich text for reports: runs of styled text in blocks, made safe from untrusted Markdown.

Notes are parsed as Markdown with raw HTML off, links are kept only for http, https and mailto,
and control characters are replaced by visible names such as "[ESC]". No I/O happens here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from monitor_tui.i18n import _
from monitor_tui.model import Choice
from monitor_tui.text import visible_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ALLOWED_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Run:
    """A piece of text with one style. `text` may contain "\\n" for a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None
    """Only http, https and mailto links survive; anything else stays text."""
    color: str | None = None
    """`#rrggbb` for a coloured status mark."""
    mark: bool = False
    """A symbol (✓, ◐, ★ …) that a format without the glyph may leave out: a word follows it."""


BlockKind = Literal["paragraph", "item", "code", "quote", "heading"]


@dataclass(frozen=True)
class Block:
    """A paragraph-like unit: a paragraph, a list item (with its bullet), a code block."""

    runs: tuple[Run, ...]
    kind: BlockKind = "paragraph"
    prefix: str = ""
    """The bullet or number of a list item ("• ", "2. "), or the quote marker."""
    level: int = 0
    """Nesting depth of lists and quotes, for indentation."""

    def plain(self) -> str:
        return self.prefix + "".join(run.text for run in self.runs)


RichText = tuple[Block, ...]


def plain_text(text: RichText) -> str:
    """The text of `text` without styles, one line per block."""
    return "\n".join(block.plain() for block in text)


def text_block(text: str, bold: bool = False) -> Block:
    """Plain (catalogue) text as one block."""
    return Block((Run(visible_text(text), bold=bold),))


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # js-default: CommonMark with tables and strikethrough, and raw HTML off.
    return MarkdownIt("js-default")


def markdown_text(source: str) -> RichText:
    """Untrusted Markdown (a progress note, a summary) as safe rich text."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    quick = _plain_paragraphs(source)
    if quick is None:
        quick = _simple_markdown(source)
    if quick is not None:
        return quick
    tokens = _markdown().parse(source)
    return tuple(_MarkdownBlocks().convert(tokens))


# --- short cuts ---------------------------------------------------------------------------------
# A report holds thousands of notes, and markdown-it takes a tenth of a millisecond for each. Most
# notes are sentences, or use only the common Markdown (lists, headings, bold, links); these read
# such text exactly as markdown-it does (tests/test_fast_paths.py compares them on random text)
# and return None for anything they are not sure of, which markdown-it then reads.

_MARKUP_FREE = re.compile(r"[^\x00-\x09\x0b-\x1f\x7f-\x9f\\`*_\[\]<>&!#~|{}]*")
"""Text without a character that Markdown gives a meaning inside a line (or that its parser
changes, such as NUL), nor a control character."""
_LINE_START_MARKUP = re.compile(r"[-+=>:]|\d{1,9}[.)]")
"""What makes a line start a list, a heading underline, a quote or a break."""


def _plain_paragraphs(source: str) -> RichText | None:
    """Text that Markdown leaves as it is — paragraphs of lines without markup — as the
    paragraphs markdown-it would make of it, without parsing (most notes are such sentences,
    and a report holds thousands of them); None for anything else."""
    if not _MARKUP_FREE.fullmatch(source):
        return None
    blocks: list[Block] = []
    runs: list[Run] = []
    for line in source.split("\n"):
        if not line:
            if runs:
                blocks.append(Block(tuple(runs)))
                runs = []
            continue
        if line != line.strip() or _LINE_START_MARKUP.match(line) or not line.isprintable():
            return None  # spaces at either end (indented code, hard breaks), a list …
        if runs:
            runs.append(Run("\n"))
        runs.append(Run(visible_text(line)))
    if runs:
        blocks.append(Block(tuple(runs)))
    return tuple(blocks)


_SIMPLE_LINE = re.compile(r"[^\\`_<~|{}]*")
"""A line of the simple subset: no escapes, code, underscores, HTML, strikes, tables."""
_TABLE_LINE = re.compile(r"\|[^\\`_<~{}]*\|")
"""A table row of the subset: between pipes at both ends."""
_TABLE_RULE = re.compile(r"\|(?::?-+:?\|)+")
_ENTITY_LIKE = re.compile(r"&#?[0-9A-Za-z]+;")
_NOT_TEXT_START = re.compile(r"[-+=>:#|<~`_]|\*(?: |$)|\d{1,9}[.)](?: |$)")
"""A line (or a list item's text) starting with this is no plain paragraph line."""
_ITEM = re.compile(r"(?:(-)|(\d{1,9})\.) (\S.*)")
_HEADING = re.compile(r"#{1,6} ([^#\s][^#]*)")
_FENCE = re.compile(r"(?:~{3,}|`{3,})[0-9A-Za-z_+.-]*")
_INLINE_PIECE = re.compile(
    r"(?P<text>[^*\[\]]+)"
    r"|(?P<mark>\*\*?)(?P<inner>[^*\[\]]+)(?P=mark)(?!\*)"
    r"|\[(?P<label>[^*\[\]]+)\]\((?P<target>[^\s()<>\\]+)\)"
)
"""Text, `**bold**` or `*italic*` around text, or `[text](target)`."""
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _simple_markdown(source: str) -> RichText | None:
    """The subset most notes are written in — paragraphs, headings (`## `), lists (`- `,
    `1. `), fenced code, `**bold**`, `*italic*` and `[links](https://…)`, in their plain
    forms — as markdown-it reads it; None for anything else."""
    if "\x00" in source:  # markdown-it makes it U+FFFD
        return None
    lines = source.split("\n")
    reader = _SimpleBlocks()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            reader.end_paragraph()
        elif line[0] in "~`":
            end = _fence_end(lines, index, line)
            if end is None:
                return None
            reader.code("\n".join(lines[index:end]))
            index = end + 1
        elif line[0] == "|":
            end = reader.table(lines, index - 1)
            if end is None:
                return None
            index = end
        elif not _simple_line(line) or not reader.line(line):
            return None
    return reader.finish()


def _simple_line(line: str, pattern: re.Pattern[str] = _SIMPLE_LINE) -> bool:
    return (
        pattern.fullmatch(line) is not None
        and line.isprintable()
        and line == line.strip()
        and "![" not in line
        and _ENTITY_LIKE.search(line) is None
    )


def _table_cells(line: str) -> list[str] | None:
    if len(line) < 2 or not _simple_line(line, _TABLE_LINE):
        return None
    return [cell.strip(" ") for cell in line[1:-1].split("|")]


def _fence_end(lines: list[str], start: int, opening: str) -> int | None:
    """The index of the line closing the fence that `opening` opens at `start` − 1; None for
    anything but a bare fence with plain content and its closing line."""
    if _FENCE.fullmatch(opening) is None:
        return None
    mark = opening[0]
    size = len(opening) - len(opening.lstrip(mark))
    for index in range(start, len(lines)):
        line = lines[index]
        if line.lstrip(" \t").startswith(("~~~", "```")):
            closes = len(line) >= size and line == mark * len(line)
            return index if closes else None
    return None


class _SimpleBlocks:
    """The blocks of `_simple_markdown`, line by line."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        """The lines of the open paragraph or list item."""
        self.prefix = ""
        """The open list item's bullet or number; "" for a paragraph."""
        self.list_kind = ""
        """ "-" or "." while a list is open (also after a blank line in it)."""
        self.counter = 0
        self.failed = False
        """Some text turned out to be outside the subset."""

    def line(self, line: str) -> bool:
        """Take a line of text; False where the subset ends."""
        item = _ITEM.fullmatch(line)
        in_paragraph = bool(self.paragraph) and not self.prefix
        if item is not None and in_paragraph and item[2] is not None and int(item[2]) != 1:
            item = None  # only "1." may start a list inside a paragraph: the line goes on it
        if item is not None:
            return self._item(item[1] is not None, item[2], item[3])
        if line[0] == "#":
            heading = _HEADING.fullmatch(line)
            runs = _simple_inline(heading[1], heading=True) if heading is not None else None
            if runs is None:
                return False
            self._end_list()
            self.blocks.append(Block(tuple(runs), "heading"))
            return True
        if _NOT_TEXT_START.match(line):
            return False
        if not self.paragraph:  # a list ends at a paragraph after a blank line
            self._end_list()
        self.paragraph.append(line)  # after an item's line: a lazy continuation of the item
        return True

    def _item(self, bullet: bool, number: str | None, text: str) -> bool:
        if _NOT_TEXT_START.match(text):
            return False  # a nested list, a heading in an item …
        self.end_paragraph()
        kind = "-" if bullet else "."
        if kind != self.list_kind:
            self.list_kind = kind
            self.counter = int(number or 0) or 1  # like `_MarkdownBlocks`: "0." counts from 1
        else:
            self.counter += 1
        self.prefix = "• " if bullet else f"{self.counter}. "
        self.paragraph = [text]
        return True

    def table(self, lines: list[str], start: int) -> int | None:
        """Take the table whose head is at `start`; the index of the line after it, or None
        for anything but a table with pipes at both ends of each line and a blank line (or
        the end) after it."""
        header = _table_cells(lines[start])
        rule = lines[start + 1] if start + 1 < len(lines) else ""
        if self.paragraph or header is None or not _TABLE_RULE.fullmatch(rule):
            return None
        if rule.count("|") - 1 != len(header):
            return None
        rows, index = [header], start + 2
        while index < len(lines) and lines[index]:
            cells = _table_cells(lines[index])
            if cells is None or len(cells) != len(header):
                return None
            rows.append(cells)
            index += 1
        blocks = []
        for cells in rows:
            runs: list[Run] = []
            for number, cell in enumerate(cells):
                cell_runs = _simple_inline(cell)
                if cell_runs is None:
                    return None
                runs += [Run(" | "), *cell_runs] if number else cell_runs
            blocks.append(Block(tuple(runs)))
        self._end_list()
        self.blocks += blocks
        return index

    def code(self, text: str) -> None:
        self._end_list()
        self.blocks.append(Block((Run(visible_text(text.rstrip("\n")), code=True),), "code"))

    def _end_list(self) -> None:
        self.end_paragraph()
        self.list_kind, self.prefix = "", ""

    def end_paragraph(self) -> None:
        """Close the open paragraph or list item."""
        if not self.paragraph:
            return
        runs: list[Run] = []
        for line in self.paragraph:
            line_runs = _simple_inline(line)
            if line_runs is None:
                self.failed = True
                break
            if runs:
                runs.append(Run("\n"))
            runs += line_runs
        if self.prefix:
            self.blocks.append(Block(tuple(runs), "item", self.prefix, 1))
        else:
            self.blocks.append(Block(tuple(runs)))
        self.paragraph = []

    def finish(self) -> RichText | None:
        self.end_paragraph()
        return None if self.failed else tuple(self.blocks)


def _simple_inline(line: str, heading: bool = False) -> list[Run] | None:
    """The runs of one line of the subset (text, emphasis around text, links with a text);
    None for anything else."""
    if "*" not in line and "[" not in line and "]" not in line:  # text alone: most lines
        return [Run(visible_text(line), bold=heading)] if line else []
    runs: list[Run] = []
    position, end = 0, len(line)
    after_text = False
    while position < end:
        piece = _INLINE_PIECE.match(line, position)
        if piece is None:
            return None
        text, mark, next_position = piece["text"], piece["mark"], piece.end()
        if text is not None:
            runs.append(Run(visible_text(text), bold=heading))
        elif mark is not None:
            inner = piece["inner"]
            before = line[position - 1] if position else " "
            after = line[next_position] if next_position < end else " "
            if not (_opens(before, inner[0]) and _closes(inner[-1], after)):
                return None
            strong = mark == "**"
            # markdown-it leaves an empty text on either side of a strong run; text next to
            # it takes it in
            if strong and not after_text:
                runs.append(Run("", bold=heading))
            runs.append(Run(visible_text(inner), heading or strong, not strong))
            if strong and (next_position == end or line[next_position] == "["):
                runs.append(Run("", bold=heading))
        elif not _link_runs(piece["label"], piece["target"], heading, runs):
            return None
        after_text = text is not None
        position = next_position
    return runs


def _link_runs(label: str, written: str, bold: bool, runs: list[Run]) -> bool:
    """Add the runs of `[label](written)` as `_inline_runs` makes them; False for a target
    markdown-it does not take (then the brackets stay text)."""
    markdown = _markdown()
    target = markdown.normalizeLink(written)
    if not markdown.validateLink(target):
        return False
    if safe_link(target):
        runs.append(Run(visible_text(label), bold, href=target))
    else:
        runs += [Run(visible_text(label), bold), Run(f" ({visible_text(target)})", bold)]
    return True


def _char_kind(char: str) -> str | None:
    """How CommonMark's emphasis rules see a character next to `*`: "space", "punctuation"
    or "other"; None for a symbol outside ASCII (markdown-it versions disagree on those)."""
    if char == " ":
        return "space"
    if char.isascii():
        return "punctuation" if char in _ASCII_PUNCTUATION else "other"
    group = unicodedata.category(char)[0]
    if group == "P":
        return "punctuation"
    return "other" if group in "LMN" else None


def _opens(before: str, after: str) -> bool:
    """Can a `*` run between these characters open emphasis (is it left-flanking)?"""
    last, next_ = _char_kind(before), _char_kind(after)
    if last is None or next_ is None:
        return False
    return next_ != "space" and (next_ != "punctuation" or last != "other")


def _closes(before: str, after: str) -> bool:
    """Can a `*` run between these characters close emphasis (is it right-flanking)?"""
    last, next_ = _char_kind(before), _char_kind(after)
    if last is None or next_ is None:
        return False
    return last != "space" and (last != "punctuation" or next_ != "other")


class _MarkdownBlocks:
    """Walks markdown-it's token stream and turns it into blocks."""

    def __init__(self) -> None:
        self.lists: list[list[int | str]] = []  # [kind, counter] per open list
        self.quote_depth = 0
        self.prefix = ""
        self.heading = False
        self.table_row: list[tuple[Run, ...]] | None = None

    def convert(self, tokens: Sequence[Token]) -> Iterable[Block]:
        for token in tokens:
            block = self._token(token)
            if block is not None:
                yield block

    def _level(self) -> int:
        return len(self.lists) + self.quote_depth

    def _token(self, token: Token) -> Block | None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 1
            self.lists.append(["bullet" if kind == "bullet_list_open" else "ordered", start - 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            current = self.lists[-1]
            current[1] = int(current[1]) + 1
            self.prefix = "• " if current[0] == "bullet" else f"{current[1]}. "
        elif kind == "blockquote_open":
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind == "heading_open":
            self.heading = True
        elif kind == "heading_close":
            self.heading = False
        elif kind == "tr_open":
            self.table_row = []
        elif kind == "tr_close" and self.table_row is not None:
            runs: list[Run] = []
            for index, cell in enumerate(self.table_row):
                runs += ([Run(" | ")] if index else []) + list(cell)
            self.table_row = None
            return Block(tuple(runs), "paragraph", level=self._level())
        elif kind in ("fence", "code_block"):
            text = visible_text(token.content.rstrip("\n"))
            return Block((Run(text, code=True),), "code", level=self._level())
        elif kind == "hr":
            return Block((Run("―" * 3),), level=self._level())
        elif kind == "html_block":  # only reachable if HTML were on; then still text
            return Block((Run(visible_text(token.content.rstrip("\n"))),), level=self._level())
        elif kind == "inline":
            return self._inline(token)
        return None

    def _inline(self, token: Token) -> Block | None:
        runs = tuple(_inline_runs(token.children or [], heading=self.heading))
        if self.table_row is not None:
            self.table_row.append(runs)
            return None
        prefix, self.prefix = self.prefix, ""
        if self.heading:
            block_kind: BlockKind = "heading"
        elif prefix:
            block_kind = "item"
        elif self.quote_depth:
            block_kind = "quote"
        else:
            block_kind = "paragraph"
        if self.quote_depth and not prefix:
            prefix = "> " * self.quote_depth
        return Block(runs, block_kind, prefix, self._level())


def _inline_runs(children: Sequence[Token], heading: bool = False) -> Iterable[Run]:
    depth = {"bold": 1 if heading else 0, "italic": 0, "strike": 0}
    links: list[tuple[str | None, str]] = []  # (clickable target or None, target as written)
    for child in children:
        kind = child.type
        href = next((target for target, _written in reversed(links) if target), None)
        bold, italic, strike = (depth[name] > 0 for name in ("bold", "italic", "strike"))
        if kind in ("text", "html_inline"):
            yield Run(visible_text(child.content), bold, italic, strike=strike, href=href)
        elif kind == "code_inline":
            yield Run(visible_text(child.content), bold, italic, True, strike, href)
        elif kind in ("softbreak", "hardbreak"):
            yield Run("\n")
        elif kind.endswith(("_open", "_close")) and kind.rsplit("_", 1)[0] in _EMPHASIS:
            depth[_EMPHASIS[kind.rsplit("_", 1)[0]]] += 1 if kind.endswith("_open") else -1
        elif kind == "link_open":
            written = str(child.attrGet("href") or "")
            links.append((written if safe_link(written) else None, written))
        elif kind == "link_close" and links:
            target, written = links.pop()
            if target is None:  # not clickable, but the reader still sees where it pointed
                yield Run(f" ({visible_text(written)})", bold, italic, strike=strike)
        elif kind == "image":
            alt = visible_text(child.content)
            source = visible_text(str(child.attrGet("src") or ""))
            yield Run(f"[{_('report_image', alt=alt)} ({source})]", italic=True)


_EMPHASIS = {"strong": "bold", "em": "italic", "s": "strike"}


def safe_link(target: str) -> bool:
    """Only web and mail links may be clickable in an export."""
    try:
        scheme = urlsplit(target.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in ALLOWED_LINK_SCHEMES


def mark_run(choice: Choice) -> Run:
    return Run(visible_text(choice.symbol), bold=True, color=choice.color, mark=True)


@cache  # a report prints a few values thousands of times
def choice_runs(choice: Choice, lang: str, bold: bool = False) -> tuple[Run, ...]:
    """A vocabulary value as printed: coloured symbol, then the word (readable without colour)."""
    return (mark_run(choice), Run(" "), Run(visible_text(choice.label(lang)), bold=bold))
