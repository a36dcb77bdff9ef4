"""The keys of the app: one table for the main screen, the names keys are shown by, and the one
way help and the command palette read the bindings (so that neither can disagree with the keys
that work)."""

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
    "enter": "tui_keyname_enter",
    "escape": "tui_keyname_esc",
    "tab": "tui_keyname_tab",
    "home": "tui_keyname_home",
    "end": "tui_keyname_end",
    "space": "tui_keyname_space",
    "backspace": "tui_keyname_backspace",
    "delete": "tui_keyname_delete",
    "pageup": "tui_keyname_pageup",
    "pagedown": "tui_keyname_pagedown",
}
"""Message keys of key names as printed on German keyboards ("Pos1", "Ende", "Eingabe")."""
KEY_SYMBOLS = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "full_stop": ".",
    "comma": ",",
}
MODIFIERS = {"ctrl": "tui_keyname_ctrl", "shift": "tui_keyname_shift", "alt": "tui_keyname_alt"}


def key_label(key: str) -> str:
    """A key as people read it in the chosen language: "Strg+S", "Eingabe", "Pos1", "↑", "B"."""
    *modifiers, name = key.split("+") if key != "+" else ["plus"]
    if name in KEY_NAMES:
        shown = _(KEY_NAMES[name])
    elif name in KEY_SYMBOLS:
        shown = KEY_SYMBOLS[name]
    elif len(name) == 1:
        shown = name.upper() if modifiers else name
    else:
        shown = name.replace("_", " ").capitalize()
    prefix = "".join(_(MODIFIERS[m]) + "+" if m in MODIFIERS else m + "+" for m in modifiers)
    return prefix + shown


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
    # The footer shows what is used most and fits 80 columns; help and palette list the rest.
    Key("b", "set_assessment", "tui_key_assessment", "assessment", show=False),
    Key("p", "set_priority", "tui_key_priority", "priority", show=False),
    Key("n", "add_note", "tui_key_note", "note"),
    Key("u", "mark_reviewed", "tui_key_reviewed", "reviewed"),  # "überprüft"
    Key("N", "set_next_step", "tui_key_next_step", "next_step", show=False),  # n: Notiz
    Key("F", "due", "tui_key_due", "due", show=False),  # Fällig (f: Filter)
    Key("o", "overview", "tui_key_overview", "overview", show=False),  # Übersicht
    Key("i", "import_answers", "tui_key_import", "import", show=False),
    Key("e", "edit_file", "tui_key_edit", "edit", show=False),
    Key("x", "export", "tui_key_export", "export"),
    Key("B", "reports", "tui_key_reports", "reports", show=False),  # Berichte (b: Bewertung)
    Key("r", "reload", "tui_key_reload", "reload", show=False),
    Key("plus", "tree_width(4)", "tui_key_tree_wider", "tree_wider", show=False),
    Key("minus", "tree_width(-4)", "tui_key_tree_narrower", "tree_narrower", show=False),
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


def class_bindings(cls: type) -> Iterator[Binding]:
    """The bindings a class declares, in the order Textual merges them (base classes first; a
    key bound again further down keeps its place)."""
    by_key: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        declared = base.__dict__.get("BINDINGS")
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
    """The key as people read it: "Pos1", "Tab", "Esc", "Strg+P"."""
    return app.get_key_display(binding)


def described_keys(app: App[object], owners: Iterable[DOMNode | type]) -> list[DescribedKey]:
    """Every key of ours on `owners` (widgets, screens or their classes), merged by id
    ("↓ / j"), in the order they are bound."""
    keys: dict[str, list[str]] = {}
    found: dict[str, tuple[str, str]] = {}
    for owner in owners:
        for binding in class_bindings(owner if isinstance(owner, type) else type(owner)):
            if binding.id is None or not binding.id.startswith(ID_PREFIX):
                continue
            if not (binding.tooltip or binding.description):
                continue  # ctrl+c: only there to say how to quit
            names = keys.setdefault(binding.id, [])
            for single in binding.key.split(","):
                one = Binding(single.strip(), binding.action, key_display=binding.key_display)
                name = key_name(app, one)
                if name not in names:
                    names.append(name)
            found[binding.id] = (binding.tooltip or binding.description, binding.action)
    return [
        DescribedKey(binding_id, tuple(keys[binding_id]), *found[binding_id]) for binding_id in keys
    ]
