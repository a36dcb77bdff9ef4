"""Notes and summaries in Markdown, as the details show them: styled text, never markup."""

from __future__ import annotations

import re

from textual.content import Content

from monitor_tui.tui.safe_text import visible
from monitor_tui.tui.widgets.safe_markdown import RULE_WIDTH, markdown_content
from tests.tui_helpers import CONTROL_CHARACTERS, HOSTILE_CASES


def shown(markdown: str, ascii: bool = False) -> str:
    return markdown_content(visible(markdown), ascii).plain


def styles_at(content: Content, word: str) -> set[str]:
    """The styles of every span that covers the first `word` in `content`."""
    start = content.plain.index(word)
    end = start + len(word)
    return {str(s.style) for s in content.spans if s.start <= start and end <= s.end}


def test_paragraphs_are_joined_words_with_a_blank_line_between() -> None:
    assert shown("Erster\nAbsatz\n\n  Zweiter   Absatz ") == "Erster Absatz\n\nZweiter Absatz"
    assert shown("Zeile  \numgebrochen") == "Zeile\numgebrochen"  # a hard line break
    assert shown("") == ""
    assert not markdown_content("", False)


def test_headings_are_bold_and_stand_apart() -> None:
    content = markdown_content("# Titel\nText\n### Klein", False)
    assert content.plain == "Titel\n\nText\n\nKlein"
    assert "bold" in " ".join(styles_at(content, "Titel"))
    assert "bold" in styles_at(content, "Klein")
    assert not styles_at(content, "Text")


def test_emphasis_strong_strikethrough_and_inline_code_are_styled() -> None:
    content = markdown_content("ein *kursiv* **fett** ~~weg~~ `a*b*c` _x_", False)
    assert content.plain == "ein kursiv fett weg a*b*c x"
    assert styles_at(content, "kursiv") == {"italic"}
    assert styles_at(content, "fett") == {"bold"}
    assert styles_at(content, "weg") == {"strike"}
    assert styles_at(content, "a*b*c") == {"$text-warning"}  # code: its stars stay


def test_bullet_lists_nest_under_their_item() -> None:
    text = "- eins\n- zwei\n  über zwei Zeilen\n  - tiefer\n    - am tiefsten\n- drei"
    assert shown(text) == ("• eins\n• zwei über zwei Zeilen\n  ▪ tiefer\n    ‣ am tiefsten\n• drei")
    assert shown(text, ascii=True).splitlines()[2] == "  - tiefer"


def test_ordered_lists_count_from_their_start_with_aligned_numbers() -> None:
    assert shown("9. neun\n10. zehn\n11. elf") == " 9. neun\n10. zehn\n11. elf"
    assert shown("1. eins\n\n   Absatz dazu\n2. zwei") == "1. eins\n   Absatz dazu\n2. zwei"
    assert shown("1. a\n   - b") == "1. a\n   ▪ b"  # one list deep, as the Markdown view


def test_lists_stand_apart_from_paragraphs() -> None:
    assert shown("Vorher:\n\n- a\n- b\n\nNachher") == "Vorher:\n\n• a\n• b\n\nNachher"


def test_code_is_kept_line_for_line_and_indented() -> None:
    fenced = "```python\nx = 1\n\n    **nicht fett**\n```"
    assert shown(fenced) == "  x = 1\n  \n      **nicht fett**"
    assert shown("Text\n\n    eingerückt\n    Code") == "Text\n\n  eingerückt\n  Code"
    assert shown("```\nnicht geschlossen") == "  nicht geschlossen"


def test_block_quotes_have_a_bar_before_each_line() -> None:
    assert shown("> Zitat\n> weiter\n>\n> zweiter Absatz") == (
        "▌ Zitat weiter\n▌ \n▌ zweiter Absatz"
    )
    assert shown("> Zitat", ascii=True) == "> Zitat"


def test_links_show_their_label_underlined_and_their_address_and_never_an_action() -> None:
    content = markdown_content("Siehe [Stadt Mainz](https://www.mainz.de/a?b=1).", False)
    assert content.plain == "Siehe Stadt Mainz (https://www.mainz.de/a?b=1)."
    assert styles_at(content, "Stadt Mainz") == {"underline"}
    assert all("@click" not in str(span.style) for span in content.spans)
    assert (
        shown("<https://www.mainz.de> und www.mainz.de") == "https://www.mainz.de und www.mainz.de"
    )
    assert shown("![Plan](plan.png)") == "Plan (plan.png)"
    # an address Markdown refuses stays text as typed
    assert shown("[klick](javascript:alert(1))") == "[klick](javascript:alert(1))"


def test_tables_become_aligned_rows_under_a_bold_header() -> None:
    table = "| Jahr | Plätze | Ort |\n|---:|:--|:-:|\n| 2025 | 12 | Neustadt |\n| 26 | 3 | Ost |"
    content = markdown_content(table, False)
    assert content.plain.splitlines() == [
        "Jahr │ Plätze │   Ort",
        "─────┼────────┼─────────",
        "2025 │ 12     │ Neustadt",
        "  26 │ 3      │   Ost",
    ]
    assert "bold" in styles_at(content, "Plätze")
    assert "bold" not in styles_at(content, "Neustadt")
    assert shown("| a | b |\n|---|---|\n| 1 | 2 |", ascii=True).splitlines() == [
        "a | b",
        "--+--",
        "1 | 2",
    ]


def test_thematic_breaks_are_a_rule() -> None:
    assert shown("oben\n\n---\n\nunten") == f"oben\n\n{'─' * RULE_WIDTH}\n\nunten"
    assert shown("***", ascii=True) == "-" * RULE_WIDTH


def test_markup_entities_escapes_and_html_show_as_typed() -> None:
    literal = [
        "&#x41; &amp; &nbsp;",
        "\\[kein Link\\] \\(1\\)",
        "<script>alert(1)</script>",
        "<b>fett</b>",
        "[bold red]Alarm[/] [@click=app.quit]Beenden[/]",
        "[link=https://example.org]klick[/link]",
    ]
    for text in literal:
        content = markdown_content(text, False)
        assert content.plain == text, text
        # nothing but the address found in the text underlined: no markup took effect
        assert {str(span.style) for span in content.spans} <= {"underline"}, text
    assert shown("a <br> b\n\n<div>\nx\n</div>") == "a <br> b\n\n<div> x </div>"


MARKDOWN_SYNTAX = re.compile(r"[|`>#*_~-]+|[-:|]+")
"""Tokens Markdown turns into structure (table rules, fences, bullets), not into text."""


def test_every_hostile_note_keeps_its_words_and_shows_no_control_character() -> None:
    for case in HOSTILE_CASES:
        for ascii in (False, True):
            text = markdown_content(visible(case["text"]), ascii).plain
            assert not [c for c in CONTROL_CHARACTERS if c in text], case["name"]
            words = [w for w in visible(case["text"]).split() if not MARKDOWN_SYNTAX.fullmatch(w)]
            assert [w for w in words if w not in text] == [], case["name"]


def test_deep_nesting_neither_exhausts_the_stack_nor_takes_long_to_build() -> None:
    """Emphasis nests as deep as a text has stars (the parser bounds only blocks): the
    inline text is walked without recursion."""
    content = markdown_content("*" * 6000 + "tief" + "*" * 6000, False)
    assert content.plain == "tief"
    assert styles_at(content, "tief") == {"bold"}
    # blocks: the parser stops nesting them at 20 levels
    assert shown("> " * 3000 + "x").startswith("▌ ▌ ▌")
    assert shown("- " * 3000 + "x").startswith("• ▪ ‣")
