"""The one entry point: `monitor-tui [-w DIR] [--lang de|en] [COMMAND]`.

Every command returns an exit code; errors are printed as German (or English) sentences,
never as tracebacks. With no command the terminal app starts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from monitor_tui import i18n
from monitor_tui.i18n import _
from monitor_tui.i18n.core import ARGPARSE_DE
from monitor_tui.model import Catalogue
from monitor_tui.problems import ProblemsError
from monitor_tui.text import shortened, visible_line
from monitor_tui.workspace import WorkspaceError


def _argparse_text(message: str) -> str:
    if i18n.get_language() == "de":
        return ARGPARSE_DE.get(message, message)
    return message


def _argparse_ntext(singular: str, plural: str, count: int) -> str:
    return _argparse_text(singular if count == 1 else plural)


argparse._ = _argparse_text  # type: ignore[attr-defined]
argparse.ngettext = _argparse_ntext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """Usage line and the message, exit 2 (argparse's code for bad input)."""
        self.print_usage(sys.stderr)
        # The message quotes what was typed; a control character in it must not reach the
        # terminal raw.
        self.exit(2, f"{self.prog}: {_('cli_error_prefix')}: {visible_line(message)}\n")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("monitor-tui")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0+unknown"


class _VersionAction(argparse.Action):
    """`--version`: the installed version, looked up only when asked for (it costs a scan of
    the installed packages)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"monitor-tui {package_version()}")
        parser.exit()


def build_parser(catalogue: Catalogue | None = None) -> argparse.ArgumentParser:
    """The parser, its help in the chosen language; `catalogue` (only read for --help) lists
    the values the options take."""
    m = _metavar
    parser = _Parser(
        prog="monitor-tui",
        usage=_("cli_usage_line"),
        description=_("cli_description"),
        epilog=_("cli_epilog"),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=_("cli_help_help"))
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help=_("cli_version_help"),
    )
    parser.add_argument("-w", "--workspace", metavar=m("dir"), help=_("cli_workspace_help"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("cli_lang_help"))
    commands = parser.add_subparsers(
        dest="command", title=_("cli_commands"), metavar=m("command"), prog="monitor-tui"
    )
    add = _subcommand_adder(commands)
    words = _HelpWords(catalogue)

    add("check", _("cli_check_help"))
    init = add("init", _("cli_init_help"), workspace_option=False)
    init.add_argument("dir", metavar=m("dir"), help=_("cli_init_dir_help"))
    export = add("export", _("cli_export_help"))
    export.add_argument("--format", "-f", choices=_export_choices(), help=_("cli_format_help"))
    export.add_argument("-o", "--output", metavar=m("path"), help=_("cli_output_help"))
    export.add_argument("--date", metavar=m("date"), help=_("cli_export_date_help"))
    export.add_argument("--with-summary", action="store_true", help=_("cli_export_summary_help"))
    export.add_argument("--field", metavar=m("field"), help=words.fields())
    export.add_argument("--office", metavar=m("office"), help=_("cli_office_help"))
    export.add_argument(
        "--status", metavar=m("status"), help=words.values("cli_export_status_help", "statuses")
    )
    export.add_argument("--since", metavar=m("date"), help=_("cli_export_since_help"))
    export.add_argument("--notes", metavar=m("count"), type=int, help=_("cli_export_notes_help"))
    export.add_argument("--compare", metavar=m("compare"), help=_("cli_export_compare_help"))
    export.add_argument("--force", action="store_true", help=_("cli_export_force_help"))
    export.add_argument("--mine", action="store_true", help=_("cli_mine_help"))

    status = add("status", _("cli_status_help"))
    status.add_argument("id", metavar="ID", help=_("cli_status_id_help"))
    status.add_argument(
        "--set",
        metavar=m("status"),
        dest="set_status",
        help=words.values("cli_set_help", "statuses"),
    )
    status.add_argument(
        "--target", metavar=m("target"), action="append", default=[], help=words.targets()
    )
    status.add_argument(
        "--assessment",
        metavar=m("assessment"),
        help=words.values("cli_assessment_help", "assessments"),
    )
    status.add_argument(
        "--priority", metavar=m("priority"), help=words.values("cli_priority_help", "priorities")
    )
    status.add_argument("--reviewed", action="store_true", help=_("cli_reviewed_help"))
    status.add_argument("--note", metavar=m("note"), help=_("cli_note_help"))
    status.add_argument("--internal", action="store_true", help=_("cli_internal_help"))
    status.add_argument("--adopt", action="store_true", help=_("cli_adopt_help"))
    status.add_argument("--correct", action="store_true", help=_("cli_correct_help"))
    status.add_argument("--next-step", metavar=m("step"), help=_("cli_next_step_help"))
    status.add_argument("--next-step-due", metavar=m("date"), help=_("cli_next_step_due_help"))

    _report_parser(add("report", _("cli_report_help")))

    due = add("due", _("cli_due_help"))
    due.add_argument("--office", metavar=m("office"), help=_("cli_office_help"))
    due.add_argument("--mine", action="store_true", help=_("cli_mine_help"))
    due.add_argument("--date", metavar=m("date"), help=_("cli_due_date_help"))
    due.add_argument(
        "--format", "-f", choices=("text", "json"), default="text", help=_("cli_due_format_help")
    )
    _requests_parser(add("requests", _("cli_requests_help")))

    log = add("log", _("cli_log_help"))
    log.add_argument("--since", metavar=m("date"), help=_("cli_log_since_help"))
    log.add_argument("--office", metavar=m("office"), help=_("cli_office_help"))
    return parser


def _metavar(name: str) -> str:
    """A placeholder of the help in the user's language: BEFEHL, DATUM, PFAD …"""
    return _(f"cli_metavar_{name}")


class _HelpWords:
    """The values options take, from the workspace's catalogue (or the shipped one) when
    help is shown; without a catalogue the help says where to look."""

    def __init__(self, catalogue: Catalogue | None) -> None:
        self.catalogue = catalogue

    def values(self, key: str, vocabulary: str) -> str:
        if self.catalogue is None:
            return _(key)
        choices = getattr(self.catalogue.concept, vocabulary)
        listed = ", ".join(choice.key for choice in choices)
        return _("cli_help_with_values", help=_(key), values=listed)

    def targets(self) -> str:
        if self.catalogue is None:
            return _("cli_target_help")
        states = ", ".join(self.catalogue.concept.target_states.keys())
        return _("cli_target_help_values", states=states)

    def fields(self) -> str:
        if self.catalogue is None:
            return _("cli_export_field_help")
        fields = ", ".join(f"{f.id} ({f.number} {f.title})" for f in self.catalogue.fields)
        return _("cli_export_field_help_values", fields=fields)


def _report_parser(report: argparse.ArgumentParser) -> None:
    """`report freeze|list|show|withdraw|diff`: the reporting cycle."""
    m = _metavar
    actions = report.add_subparsers(
        dest="report_action",
        title=_("cli_report_actions"),
        metavar=m("action"),
        required=True,
        prog="monitor-tui report",
    )
    add = _subcommand_adder(actions)  # type: ignore[arg-type]
    freeze = add("freeze", _("cli_report_freeze_help"))
    freeze.add_argument("--date", metavar=m("date"), help=_("cli_report_date_help"))
    freeze.add_argument("--title", metavar=m("title"), default="", help=_("cli_report_title_help"))
    freeze.add_argument("--compare", metavar=m("compare"), help=_("cli_export_compare_help"))
    add("list", _("cli_report_list_help"))
    show = add("show", _("cli_report_show_help"))
    show.add_argument("id", metavar="ID", help=_("cli_report_id_help"))
    withdraw = add("withdraw", _("cli_report_withdraw_help"))
    withdraw.add_argument("id", metavar="ID", help=_("cli_report_id_help"))
    withdraw.add_argument(
        "--reason", metavar=m("reason"), required=True, help=_("cli_report_reason_help")
    )
    diff = add("diff", _("cli_report_diff_help"))
    diff.add_argument("first", metavar="A", nargs="?", help=_("cli_report_diff_a_help"))
    diff.add_argument("second", metavar="B", nargs="?", help=_("cli_report_diff_b_help"))
    diff.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown"),
        default="text",
        help=_("cli_report_diff_format_help"),
    )


def _requests_parser(requests: argparse.ArgumentParser) -> None:
    """`requests [--office NAME] [--format F] [--reply-by D]` writes the requests;
    `requests import FILE [--dry-run]` reads an answer back."""
    m = _metavar
    requests.add_argument("--office", metavar=m("office"), help=_("cli_office_help"))
    requests.add_argument(
        "--format",
        "-f",
        choices=("docx", "pdf", "markdown"),
        default="docx",
        help=_("cli_requests_format_help"),
    )
    requests.add_argument("--reply-by", metavar=m("date"), help=_("cli_requests_reply_help"))
    actions = requests.add_subparsers(
        dest="requests_action", title=_("cli_requests_actions"), metavar=m("action")
    )
    add = _subcommand_adder(actions)  # type: ignore[arg-type]
    reading = add("import", _("cli_requests_import_help"))
    reading.add_argument("file", metavar=m("docx_file"), help=_("cli_requests_file_help"))
    reading.add_argument("--dry-run", action="store_true", help=_("cli_requests_dry_run_help"))


def _export_choices() -> tuple[str, ...]:
    from monitor_tui.render.formats import ALL, FORMAT_NAMES

    return (*FORMAT_NAMES, ALL)


def _subcommand_adder(
    commands: argparse._SubParsersAction[_Parser],
) -> Callable[..., argparse.ArgumentParser]:
    """`add(name, help)`: a subcommand whose help option is German like the rest."""

    def add(name: str, help_text: str, workspace_option: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, add_help=False)
        sub.add_argument("-h", "--help", action="help", help=_("cli_help_help"))
        # -w and --lang also after the command (`check -w ws`, `export --lang en`); SUPPRESS
        # keeps the value given before it
        if workspace_option:
            sub.add_argument(
                "-w",
                "--workspace",
                metavar=_metavar("dir"),
                default=argparse.SUPPRESS,
                help=_("cli_workspace_help"),
            )
        sub.add_argument(
            "--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help=_("cli_lang_help")
        )
        return sub

    return add


def _language_from_argv(argv: Sequence[str]) -> str | None:
    """--lang must be known before the parser is built, since its help texts are translated."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _option_value(argv: Sequence[str], names: tuple[str, ...]) -> str | None:
    """The value of an option given anywhere in `argv` ("-w DIR", "--workspace=DIR")."""
    for index, arg in enumerate(argv):
        if arg in names and index + 1 < len(argv):
            return argv[index + 1]
        for name in names:
            if name.startswith("--") and arg.startswith(name + "="):
                return arg.split("=", 1)[1]
    return None


def _help_catalogue(argv: Sequence[str]) -> Catalogue | None:
    """For --help: the catalogue of the workspace the command would use (never creating one),
    else the shipped one, so that help lists the values the options take."""
    from monitor_tui.catalogue import load_catalogue
    from monitor_tui.workspace import ENV_WORKSPACE, Workspace, shipped_catalogue

    candidates = [_option_value(argv, ("-w", "--workspace")), os.environ.get(ENV_WORKSPACE), "."]
    for candidate in candidates:
        if candidate and Workspace(Path(candidate)).exists():
            try:
                return load_catalogue(Workspace(Path(candidate)).catalogue_dir)
            except ProblemsError:
                break
    try:
        return load_catalogue(shipped_catalogue())
    except (ProblemsError, WorkspaceError):
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_from_argv(args_list))
    wants_help = any(arg in ("-h", "--help") for arg in args_list)
    parser = build_parser(_help_catalogue(args_list) if wants_help else None)
    args = parser.parse_args(args_list)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `monitor-tui export -o - | head`
        return 0
    except OSError as error:  # a full disk, a folder without write permission …
        _say(_("file_error", reason=i18n.os_error(error)))
        return 1
    except Exception as error:  # a bug: say so in a sentence, never with a traceback
        _say(_("unexpected_error", reason=describe_exception(error)))
        return 1


ERROR_DETAIL_LIMIT = 160
"""How much of an unexpected exception's message is printed: enough to recognise the bug, too
little to spill a file's content (a UnicodeEncodeError's repr holds the whole text)."""


def describe_exception(error: BaseException) -> str:
    """The exception's type and the start of its message, escaped; never its arguments."""
    detail = shortened(visible_line(str(error)), ERROR_DETAIL_LIMIT)
    return _("unexpected_error_short", kind=type(error).__name__, message=detail)


def _say(message: str) -> None:
    print(f"monitor-tui: {visible_line(message)}", file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    """Find the workspace (except for `init`) and run the command, or the app without one.

    Front ends are imported only when chosen: the CLI must not pay for Textual, nor the app
    for ReportLab.
    """
    from monitor_tui.workspace import find_workspace

    if args.command == "init":
        from monitor_tui.commands import init

        return init.run(args)
    try:
        workspace, created = find_workspace(args.workspace)
    except WorkspaceError as error:
        _say(str(error))
        return 1
    if created:
        print(visible_line(created), file=sys.stderr)
    if args.command:
        _fewer_collections()
    module_name = (
        f"monitor_tui.commands.{args.command}" if args.command else "monitor_tui.tui.launch"
    )
    module = importlib.import_module(module_name)
    code: int = module.run(args, workspace)
    return code


BATCH_GC_THRESHOLDS = (50_000, 20, 100)
"""Collection thresholds for a command: it builds millions of objects that live until it
ends (a report of thousands of measures), and with the defaults the cyclic collector would
walk them again and again, a third of an export's time; young cycles are still collected."""


def _fewer_collections() -> None:
    import gc

    gc.set_threshold(*BATCH_GC_THRESHOLDS)


def entry_point() -> None:
    sys.exit(main())
