"""The keys of the app: one table for the main screen, and the one way help and the command
palette read the bindings (so that neither can disagree with the keys that work)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from monitor_tui.i18n import _

ID_PREFIX = "monitor."
"""Every binding of ours has an id with this prefix (users may remap them by id)."""

KEY_NAMES = {
    "home": "tui_keyname_home",
    "end": "tui_keyname_end",
    "tab": "tui_keyname_tab",
    "esc": "tui_keyname_esc",
    "⏎": "tui_keyname_enter",
}
"""Message keys of the key names shown to people (German keyboards print "Pos1", "Ende")."""


@dataclass(frozen=True)
class Key:
    """One row of a binding table. `text` names the messages `<text>` (long, for help and the
    palette) and `<text>_short` (the footer)."""

    key: str
    action: str
    text: str
    id: str
    show: bool = True
    priority: bool = False


MAIN_KEYS = (
    Key("enter", "open", "tui_key_open", "open", show=False),
    Key("tab", "switch_pane", "tui_key_switch", "switch", show=False),
    # Priority: the app runs it before handing on the keys typed right after "/", so a burst
    # ("/Elternbrief" in one packet over SSH) lands in the search line.
    Key("slash", "search", "tui_key_search", "search", priority=True),
    Key("escape", "clear_search", "tui_key_clear_search", "clear", show=False),
    Key("f", "filter", "tui_key_filter", "filter"),
    Key("s", "set_status", "tui_key_status", "status"),
    Key("t", "set_target", "tui_key_target", "target"),
    Key("b", "set_assessment", "tui_key_assessment", "assessment"),
    Key("p", "set_priority", "tui_key_priority", "priority"),
    Key("n", "add_note", "tui_key_note", "note"),
    # u, N, F, i, e, x, B, r: the footer has no room left at 80 columns; help and palette
    # list them.
    Key("u", "mark_reviewed", "tui_key_reviewed", "reviewed", show=False),  # "überprüft"
    Key("N", "set_next_step", "tui_key_next_step", "next_step", show=False),  # n: Notiz
    Key("F", "due", "tui_key_due", "due", show=False),  # Fällig (f: Filter)
    Key("i", "import_answers", "tui_key_import", "import", show=False),
    Key("e", "edit_file", "tui_key_edit", "edit", show=False),
    Key("x", "export", "tui_key_export", "export", show=False),
    Key("B", "reports", "tui_key_reports", "reports", show=False),  # Berichte (b: Bewertung)
    Key("r", "reload", "tui_key_reload", "reload", show=False),
    Key("question_mark", "help", "tui_key_help", "help"),
    Key("q", "app.quit", "tui_key_quit", "quit"),
)


def bindings(keys: Iterable[Key]) -> list[BindingType]:
    """Textual bindings for a table of keys, translated now (after --lang was applied)."""
    return [
        Binding(
            key.key,
            key.action,
            _(f"{key.text}_short"),
            tooltip=_(key.text),
            show=key.show,
            priority=key.priority,
            id=ID_PREFIX + key.id,
        )
        for key in keys
    ]


def class_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings a node's class declares, in the order Textual merges them (base classes
    first; a key bound again further down keeps its place)."""
    by_key: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        declared = cls.__dict__.get("BINDINGS")
        if not declared:
            continue
        found: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(declared):
            found.setdefault(binding.key, []).append(binding)
        by_key.update(found)
    for key_bindings in by_key.values():
        yield from key_bindings


@dataclass(frozen=True)
class DescribedKey:
    """A command as help and the palette show it: all its keys and what it does."""

    id: str
    keys: tuple[str, ...]
    description: str
    action: str


def key_name(app: App[object], binding: Binding) -> str:
    """The key as people read it: "Pos1", "Tab", "Esc"."""
    display = app.get_key_display(binding)
    return _(KEY_NAMES[display]) if display in KEY_NAMES else display


def described_keys(app: App[object], nodes: Iterable[DOMNode]) -> list[DescribedKey]:
    """Every key of ours on `nodes`, merged by id ("↓ / j"), in the order they are bound."""
    keys: dict[str, list[str]] = {}
    found: dict[str, tuple[str, str]] = {}
    for node in nodes:
        for binding in class_bindings(node):
            if binding.id is None or not binding.id.startswith(ID_PREFIX):
                continue
            if not (binding.tooltip or binding.description):
                continue  # ctrl+c: only there to say how to quit
            names = keys.setdefault(binding.id, [])
            name = key_name(app, binding)
            if name not in names:
                names.append(name)
            found[binding.id] = (binding.tooltip or binding.description, binding.action)
    return [
        DescribedKey(binding_id, tuple(keys[binding_id]), *found[binding_id]) for binding_id in keys
    ]
