"""Markdown from files, rendered without raw HTML, entities, escapes, links or control codes."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from textual.widgets import Markdown

from monitor_tui.tui.safe_text import visible

_SPACES = re.compile(r"\s+")


def _literal_parser() -> MarkdownIt:
    # Without html, `<script>` stays visible text instead of vanishing; without entity and
    # escape rules, "&#x41;" and "\[" show as typed. Emphasis, lists, tables and code still work.
    return MarkdownIt("gfm-like", {"html": False}).disable(["entity", "escape"])


class SafeMarkdown(Markdown):
    """A Markdown view of untrusted text: links never open, controls are made visible."""

    def __init__(self, text: str, *, classes: str | None = None) -> None:
        self.text = text
        """The text as given (before control characters were made visible)."""
        super().__init__(
            visible(text), open_links=False, parser_factory=_literal_parser, classes=classes
        )

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()  # a link in a note must not run an action or open a browser


@lru_cache(maxsize=4096)
def plain_paragraphs(shown: str) -> tuple[str, ...] | None:
    """The paragraphs of `shown` (a text made `visible`) as the Markdown view shows them, if
    its Markdown is nothing but paragraphs of plain words: no emphasis, list, link, code …
    None otherwise. Most notes are plain: a Static shows them exactly as the Markdown view
    would (one blank line between paragraphs), without its parsing in a thread and a widget
    per paragraph. Cached: a note never changes, the details show it again and again."""
    tokens = _shared_parser().parse(shown)
    if len(tokens) % 3:
        return None
    paragraphs = []
    for start in range(0, len(tokens), 3):
        opening, inline, closing = tokens[start : start + 3]
        if (opening.type, inline.type, closing.type) != (
            "paragraph_open",
            "inline",
            "paragraph_close",
        ):
            return None
        words = []
        for child in inline.children or ():
            if child.type == "text":  # as Textual's Markdown view joins the words
                words.append(_SPACES.sub(" ", child.content))
            elif child.type == "softbreak":
                words.append(" ")
            else:
                return None
        paragraphs.append("".join(words))
    return tuple(paragraphs)


@cache
def _shared_parser() -> MarkdownIt:
    """Made on first use, not at import: the app's first screen is drawn before any note."""
    return _literal_parser()
