"""Markdown from files as styled text: without raw HTML, entities, escapes or control codes.

A note or a summary is parsed with the app's literal rules and turned into one `Content`
(styled characters, never parsed as markup) that a Static shows: paragraphs, headings, lists,
emphasis, code, quotes, links (shown, never opened), tables and rules. One Static per note,
instead of Textual's Markdown view with a widget per block, lets the details pane reuse its
widgets for any note: moving in the tree updates texts instead of mounting widgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.content import Content, Span

_SPACES = re.compile(r"\s+")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")

CODE_STYLE = "$text-warning"
"""Inline code and code blocks, as Textual's Markdown view colours inline code."""
MARK_STYLE = "$text-primary"
"""Bullets, numbers, quote bars and table rules, as the Markdown view colours bullets."""
ADDRESS_STYLE = "dim"
"""The address after a link's label."""
RULE_WIDTH = 30
"""A thematic break's width: a text does not know the width of the pane it is shown in."""
_HEADING_STYLES = {"h1": "bold underline", "h2": "bold underline"}
_BULLETS = ("•", "▪", "‣")
"""By depth of nesting, as the Markdown view shows them."""


def _literal_parser() -> MarkdownIt:
    # Without html, `<script>` stays visible text instead of vanishing; without entity and
    # escape rules, "&#x41;" and "\[" show as typed. Emphasis, lists, tables and code still work.
    return MarkdownIt("gfm-like", {"html": False}).disable(["entity", "escape"])


@cache
def _shared_parser() -> MarkdownIt:
    """Made on first use, not at import: the app's first screen is drawn before any note."""
    return _literal_parser()


@lru_cache(maxsize=4096)
def markdown_content(shown: str, ascii: bool = False) -> Content:
    """`shown` (a text made `visible`) as styled text: blocks with a blank line between
    them, bullets and numbers before list items, headings bold, links as their label
    (underlined) and address. `ascii`: marks a console without Unicode symbols can show.
    Cached: a note never changes, the details show it again and again."""
    blocks = _block_tree(_shared_parser().parse(shown))
    return _Renderer(ascii).blocks(blocks, Content("\n\n"))


@dataclass
class _Block:
    """A block of the parsed text: its opening token (or its only one) and what it holds.
    Blocks nest as deep as the parser allows (it stops at 20 levels); inline text stays the
    parser's flat list of tokens, walked without recursion: emphasis may nest thousands deep."""

    token: Token
    children: list[_Block] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.token.type.removesuffix("_open")


def _block_tree(tokens: Sequence[Token]) -> list[_Block]:
    root = _Block(Token("root", "", 0))
    stack = [root]
    for token in tokens:
        if token.nesting == -1:
            if len(stack) > 1:
                stack.pop()
            continue
        block = _Block(token)
        stack[-1].children.append(block)
        if token.nesting == 1:
            stack.append(block)
    return root.children


class _Renderer:
    """Turns parsed blocks into `Content`."""

    def __init__(self, ascii: bool) -> None:
        self.ascii = ascii

    def blocks(self, blocks: Iterable[_Block], separator: Content) -> Content:
        return separator.join(self.block(block) for block in blocks)

    def block(self, block: _Block, depth: int = 0) -> Content:
        """One block; `depth`: how many lists it is nested in."""
        kind, token = block.type, block.token
        if kind in ("paragraph", "th", "td"):
            return self.blocks(block.children, Content("\n"))
        if kind == "heading":
            text = self.blocks(block.children, Content("\n"))
            return text.stylize(_HEADING_STYLES.get(token.tag, "bold"))
        if kind in ("bullet_list", "ordered_list"):
            return self.list(block, depth)
        if kind in ("fence", "code_block"):
            code = token.content.removesuffix("\n")
            return _indent(Content.styled(code, CODE_STYLE), Content("  "))
        if kind == "blockquote":
            bar = Content.styled("> " if self.ascii else "▌ ", MARK_STYLE)
            return _indent(self.blocks(block.children, Content("\n\n")), bar)
        if kind == "hr":
            return Content.styled(("-" if self.ascii else "─") * RULE_WIDTH, MARK_STYLE)
        if kind == "table":
            return self.table(block)
        if kind == "inline":
            return _inline(token.children or [])
        # nothing else is enabled: as typed, should that change
        return (
            Content(token.content) if token.content else self.blocks(block.children, Content("\n"))
        )

    def list(self, block: _Block, depth: int) -> Content:
        """Each item after its bullet or number; lists nested in an item indented under its
        text (what wraps onto further lines of the pane starts at its left edge)."""
        items = block.children
        if block.type == "ordered_list":
            start = int(str(block.token.attrs.get("start", 1)))
            marks = [f"{number}." for number in range(start, start + len(items))]
            width = max((len(mark) for mark in marks), default=0)
            marks = [mark.rjust(width) for mark in marks]
        else:
            bullet = "-" if self.ascii else _BULLETS[depth % len(_BULLETS)]
            marks = [bullet] * len(items)
        lines = []
        for mark, item in zip(marks, items, strict=True):
            body = Content("\n").join(self.block(child, depth + 1) for child in item.children)
            first, *rest = body.split("\n", allow_blank=True) or [Content("")]
            lines.append(Content.assemble((f"{mark} ", MARK_STYLE), first))
            lines += [Content.assemble(" " * (len(mark) + 1), line) for line in rest]
        return Content("\n").join(lines)

    def table(self, block: _Block) -> Content:
        """The rows in aligned columns, the header bold and ruled off."""
        rows: list[list[Content]] = []
        aligns: list[str] = []
        header_rows = 0
        for section in block.children:
            for tr in section.children:
                rows.append([self.block(cell) for cell in tr.children])
                if not aligns:
                    aligns = [_alignment(cell.token) for cell in tr.children]
            if section.type == "thead":
                header_rows = len(rows)
        columns = max((len(row) for row in rows), default=0)
        widths = [
            max((row[i].cell_length for row in rows if i < len(row)), default=0)
            for i in range(columns)
        ]
        bar = Content.styled(" | " if self.ascii else " │ ", MARK_STYLE)
        lines = []
        for number, row in enumerate(rows):
            cells = [
                _aligned(cell, width, align)
                for cell, width, align in zip(row, widths, aligns, strict=False)
            ]
            line = bar.join(cells).rstrip()
            lines.append(line.stylize("bold") if number < header_rows else line)
            if number + 1 == header_rows:
                dash, cross = ("-", "-+-") if self.ascii else ("─", "─┼─")
                rule = cross.join(dash * width for width in widths)
                lines.append(Content.styled(rule, MARK_STYLE))
        return Content("\n").join(lines)


_INLINE_STYLES = {"em": "italic", "strong": "bold", "s": "strike", "link": "underline"}


def _inline(tokens: Sequence[Token]) -> Content:
    """Text with its emphasis: words joined by single spaces, as the Markdown view joins
    them; a link's label underlined with its address after it."""
    text: list[str] = []
    spans: list[Span] = []
    position = 0
    opened: list[tuple[Token, int, int]] = []  # token, position, index in `text`

    def add(part: str, style: str = "") -> None:
        nonlocal position
        if style and part:
            spans.append(Span(position, position + len(part), style))
        text.append(part)
        position += len(part)

    for token in tokens:
        kind = token.type
        if kind == "text":
            add(_SPACES.sub(" ", token.content))
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "code_inline":
            add(token.content, CODE_STYLE)
        elif kind == "image":
            add(token.content, "underline")  # its alt text, without emphasis
            add(f" ({token.attrs.get('src', '')})", ADDRESS_STYLE)
        elif token.nesting == 1:
            opened.append((token, position, len(text)))
        elif token.nesting == -1 and opened:
            start_token, start, first = opened.pop()
            name = start_token.type.removesuffix("_open")
            spans.append(Span(start, position, _INLINE_STYLES.get(name, "")))
            if name == "link":
                label = "".join(text[first:])
                address = str(start_token.attrs.get("href", ""))
                if start_token.markup not in ("linkify", "autolink") and address != label:
                    add(f" ({address})" if address else "", ADDRESS_STYLE)
        else:  # nothing else is enabled: as typed, should that change
            add(token.content)
    return Content("".join(text), spans=[span for span in spans if span.style])


def _indent(content: Content, prefix: Content) -> Content:
    """`prefix` before each line of `content`."""
    lines = content.split("\n", allow_blank=True) or [Content("")]
    return Content("\n").join(prefix + line for line in lines)


def _alignment(cell: Token) -> str:
    match = _ALIGN.search(str(cell.attrs.get("style", "")))
    return match.group(1) if match else "left"


def _aligned(cell: Content, width: int, align: str) -> Content:
    room = width - cell.cell_length
    if align == "right":
        return Content(" " * room) + cell
    if align == "center":
        return Content(" " * (room // 2)) + cell + " " * (room - room // 2)
    return cell + " " * room
