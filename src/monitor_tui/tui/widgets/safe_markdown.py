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
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
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
    root = SyntaxTreeNode(_shared_parser().parse(shown))
    return _Renderer(ascii).blocks(root.children, Content("\n\n"))


class _Renderer:
    """Turns the blocks of a syntax tree into `Content`."""

    def __init__(self, ascii: bool) -> None:
        self.ascii = ascii

    def blocks(self, nodes: Iterable[SyntaxTreeNode], separator: Content) -> Content:
        return separator.join(self.block(node) for node in nodes)

    def block(self, node: SyntaxTreeNode, depth: int = 0) -> Content:
        """One block; `depth`: how many lists it is nested in."""
        kind = node.type
        if kind == "paragraph":
            return self.inline(node.children)
        if kind == "heading":
            return self.inline(node.children).stylize(_HEADING_STYLES.get(node.tag, "bold"))
        if kind in ("bullet_list", "ordered_list"):
            return self.list(node, depth)
        if kind in ("fence", "code_block"):
            code = node.content.removesuffix("\n")
            return _indent(Content.styled(code, CODE_STYLE), Content("  "))
        if kind == "blockquote":
            bar = Content.styled("> " if self.ascii else "▌ ", MARK_STYLE)
            return _indent(self.blocks(node.children, Content("\n\n")), bar)
        if kind == "hr":
            return Content.styled(("-" if self.ascii else "─") * RULE_WIDTH, MARK_STYLE)
        if kind == "table":
            return self.table(node)
        if kind == "inline":
            return self.inline([node])
        return Content(node.content)  # nothing else is enabled; as typed, should that change

    def list(self, node: SyntaxTreeNode, depth: int) -> Content:
        """Each item after its bullet or number; what wraps onto further lines of an item,
        and lists nested in it, indented under its text."""
        items = node.children
        if node.type == "ordered_list":
            start = int(str(node.attrs.get("start", 1)))
            marks = [f"{number}." for number in range(start, start + len(items))]
            width = max(len(mark) for mark in marks)
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

    def table(self, node: SyntaxTreeNode) -> Content:
        """The rows in aligned columns, the header bold and ruled off."""
        rows: list[list[Content]] = []
        aligns: list[str] = []
        header_rows = 0
        for section in node.children:
            for tr in section.children:
                rows.append([self.inline(cell.children) for cell in tr.children])
                if not aligns:
                    aligns = [_alignment(cell) for cell in tr.children]
            if section.type == "thead":
                header_rows = len(rows)
        columns = max(len(row) for row in rows)
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

    def inline(self, nodes: Sequence[SyntaxTreeNode]) -> Content:
        """Text with its emphasis: words joined by single spaces, as the Markdown view joins
        them; a link's label underlined with its address after it."""
        text: list[str] = []
        spans: list[Span] = []
        position = 0

        def add(part: str, style: str = "") -> None:
            nonlocal position
            if style and part:
                spans.append(Span(position, position + len(part), style))
            text.append(part)
            position += len(part)

        def walk(children: Iterable[SyntaxTreeNode]) -> None:
            for child in children:
                kind = child.type
                start = position
                if kind == "inline":
                    walk(child.children)
                elif kind == "text":
                    add(_SPACES.sub(" ", child.content))
                elif kind == "softbreak":
                    add(" ")
                elif kind == "hardbreak":
                    add("\n")
                elif kind == "code_inline":
                    add(child.content, CODE_STYLE)
                elif kind in ("em", "strong", "s"):
                    walk(child.children)
                    style = {"em": "italic", "strong": "bold", "s": "strike"}[kind]
                    spans.append(Span(start, position, style))
                elif kind in ("link", "image"):
                    walk(child.children)
                    label = "".join(text)[start:]
                    spans.append(Span(start, position, "underline"))
                    address = str(child.attrs.get("href" if kind == "link" else "src", ""))
                    if child.markup not in ("linkify", "autolink") and address != label:
                        add(f" ({address})" if address else "", ADDRESS_STYLE)
                else:  # nothing else is enabled; as typed, should that change
                    add(child.content)

        walk(nodes)
        return Content("".join(text), spans=spans)


def _indent(content: Content, prefix: Content) -> Content:
    """`prefix` before each line of `content`."""
    lines = content.split("\n", allow_blank=True) or [Content("")]
    return Content("\n").join(prefix + line for line in lines)


def _alignment(cell: SyntaxTreeNode) -> str:
    match = _ALIGN.search(str(cell.attrs.get("style", "")))
    return match.group(1) if match else "left"


def _aligned(cell: Content, width: int, align: str) -> Content:
    room = width - cell.cell_length
    if align == "right":
        return Content(" " * room) + cell
    if align == "center":
        return Content(" " * (room // 2)) + cell + " " * (room - room // 2)
    return cell + " " * room
