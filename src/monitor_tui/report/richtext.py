"""Rich text for reports: runs of styled text in blocks, made safe from untrusted Markdown.

Notes are parsed as Markdown with raw HTML off, links are kept only for http, https and mailto,
and control characters are replaced by visible names such as "[ESC]". No I/O happens here.
"""

from __future__ import annotations

import re
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
    plain = _plain_paragraphs(source)
    if plain is not None:
        return plain
    tokens = _markdown().parse(source)
    return tuple(_MarkdownBlocks().convert(tokens))


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


def choice_runs(choice: Choice, lang: str, bold: bool = False) -> tuple[Run, ...]:
    """A vocabulary value as printed: coloured symbol, then the word (readable without colour)."""
    return (mark_run(choice), Run(" "), Run(visible_text(choice.label(lang)), bold=bold))
