"""`monitor-tui` with no command: the terminal app on the workspace."""

from __future__ import annotations

import argparse
import gc
import sys

from monitor_tui.i18n import _
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.session import WorkspaceSession
from monitor_tui.text import visible_line
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    """Check the catalogue first, so that its problems reach the shell as `path:line: message`."""
    gc.disable()  # until the app starts: see `_collections_resume`
    try:
        session = WorkspaceSession.start(workspace)
        # Imported here: the bindings' texts are translated at import, after --lang was applied.
        from monitor_tui.tui.app import MonitorApp

        app = MonitorApp(session, freeze_loaded=True)
    except ProblemsError as error:
        return _catalogue_broken(error.problems)
    finally:
        _collections_resume()
    app.run()
    if app.start_problems:
        return _catalogue_broken(app.start_problems)
    # Textual prints a crash's traceback and returns normally; the shell must still see the
    # failure: a crash sets the return code to 1.
    return app.return_code or 0


def _catalogue_broken(problems: list[Problem]) -> int:
    for problem in problems:
        print(visible_line(str(problem)), file=sys.stderr)
    print(_("tui_app_catalogue_broken"), file=sys.stderr)
    return 1


def _collections_resume() -> None:
    """Collect again, leaving out what was built so far.

    Opening a session builds an object per measure, status and text (tens of thousands at
    5,000 measures), and importing Textual as many: they live as long as the app, and the
    cyclic collector walked them during the load and again while the app started, a tenth of
    a second before the first screen. They are moved out of its sight instead (`gc.freeze`);
    they are still freed by reference counting when a reload replaces them. The same for what
    the session loads after a first screen drawn from its record (`MonitorApp.started`).
    """
    gc.disable()
    gc.freeze()
    gc.enable()
