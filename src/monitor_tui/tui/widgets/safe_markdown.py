"""Markdown from files, rendered without raw HTML, entities, escapes, links or control codes."""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.widgets import Markdown

from monitor_tui.tui.safe_text import visible


def _literal_parser() -> MarkdownIt:
    # Without html, `<script>` stays visible text instead of vanishing; without entity and
    # escape rules, "&#x41;" and "\[" show as typed. Emphasis, lists, tables and code still work.
    return MarkdownIt("gfm-like", {"html": False}).disable(["entity", "escape"])


class SafeMarkdown(Markdown):
    """A Markdown view of untrusted text: links never open, controls are made visible."""

    def __init__(self, text: str, *, classes: str | None = None) -> None:
        super().__init__(
            visible(text), open_links=False, parser_factory=_literal_parser, classes=classes
        )

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()  # a link in a note must not run an action or open a browser
