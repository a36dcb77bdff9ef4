"""Makes tests/data/request-libreoffice.docx: a request to the Flüchtlingskoordination, filled in
and then opened and saved by LibreOffice, so that the tests read back a form as LibreOffice
writes it without needing LibreOffice themselves.

    python tests/make_request_fixture.py        # needs `soffice` (libreoffice-writer-nogui)

The answers are those `FILLED` lists; tests/test_requests_import.py expects exactly them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))

from monitor_tui.catalogue import load_catalogue
from monitor_tui.people import Directory
from monitor_tui.requests.service import write_requests
from monitor_tui.workspace import Workspace
from request_forms import tick, type_x, write

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "request-libreoffice.docx"
OFFICE = "Flüchtlingskoordination"
MOMENT = datetime(2026, 11, 20, 10, 0, tzinfo=timezone(timedelta(hours=1)))
REPLY_BY = date(2026, 12, 4)

# (how, measure, field, value): tick = the check box, x = ☐ replaced by X, write = text
FILLED = [
    ("tick", "3.2.1", "status", "in Umsetzung"),
    ("tick", "3.2.1", "target:mittel", "teilweise erreicht"),
    ("tick", "3.2.1", "assessment", "im Plan"),
    ("write", "3.2.1", "progress", "Arbeitspapier aktualisiert.\nVorlage im Ausschuss am 10.12."),
    ("write", "3.2.1", "next_step", "Fortschreibung 2027"),
    ("write", "3.2.1", "next_step_due", "31.03.2027"),
    ("x", "3.4.1", "status", "umgesetzt"),
    ("x", "3.4.1", "target:kurz", "erreicht"),
    ("write", "3.4.1", "progress", "Konzept verabschiedet."),
    ("tick", "4.1.1", "assessment", "gefährdet"),
    ("write", "4.1.1", "progress", "Es fehlen Ehrenamtliche."),
    ("write", "4.3.1", "next_step", "Treffen mit den Trägern"),
    ("tick", "4.3.2", "status", "entfallen"),
    ("write", "4.3.2", "progress", "Projekt vom Träger beendet – „Mentoren“ & <Paten>."),
]


def fill(document: object, workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    actions = {"tick": tick, "x": type_x, "write": write}
    for how, measure_id, key, value in FILLED:
        actions[how](document, catalogue, measure_id, key, value)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "ws"
        shutil.copytree(REPO / "catalogue", root / "catalogue")
        workspace = Workspace(root)
        catalogue = load_catalogue(workspace.catalogue_dir)
        (written,) = write_requests(
            workspace, catalogue, Directory(), "docx", REPLY_BY, "de", {OFFICE}, {}, MOMENT
        )
        document = Document(str(written.path))
        fill(document, workspace)
        filled = Path(temp) / "in" / "abfrage.docx"
        filled.parent.mkdir()
        document.save(str(filled))
        out = Path(temp) / "out"
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "docx", "--outdir", str(out), str(filled)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copyfile(out / "abfrage.docx", FIXTURE)
    print(FIXTURE)


if __name__ == "__main__":
    main()
