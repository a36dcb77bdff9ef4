"""Messages of frozen reports, the as-of state and comparisons: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- in the report document -----------------------------------------------------------
    "report_frozen": ("Eingefrorener Bericht", "Frozen report"),
    "report_compare": ("Vergleich", "Comparison"),
    "report_compare_none": ("keiner", "none"),
    "report_compare_with": (
        "Veränderungen gegenüber dem Bericht vom {date} (Nr. {id}, Datenstand {digest})",
        "Changes since the report of {date} (no. {id}, data version {digest})",
    ),
    "report_warning": ("Achtung", "Caution"),
    "report_note": ("Hinweis", "Note"),
    "report_hand_edited": (
        "Der Stand zum Berichtsstand ist nicht gesichert: Die Statusdatei wurde von Hand "
        "geändert, ihr Verlauf ergibt nicht den heutigen Stand. Gezeigt ist der Verlauf bis "
        "zum Berichtsstand.",
        "The state on the report date cannot be vouched for: the status file was edited by "
        "hand and its log does not add up to today's state. Shown is the log up to the report "
        "date.",
    ),
    "report_hand_edited_summary": (
        "Stand nicht gesichert bei {count} Maßnahme(n) (Statusdatei von Hand geändert): {ids}",
        "State not vouched for in {count} measure(s) (status file edited by hand): {ids}",
    ),
    "report_overview_changes": (
        "In Klammern: Veränderung gegenüber dem Bericht vom {date}",
        "In brackets: change since the report of {date}",
    ),
    "report_flag_changed": ("geändert", "changed"),
    "report_flag_new": ("neu", "new"),
    "report_flag_text_changed": ("Text geändert", "text changed"),
    "report_flag_unverified": ("ungesichert", "unverified"),
    "report_previous": ("bisher", "previously"),
    "report_indicator_was_fulfilled": ("erfüllt", "fulfilled"),
    "report_indicator_was_open": ("nicht erfüllt", "not fulfilled"),
    "report_no_new_notes": (
        "Keine neuen Einträge seit dem verglichenen Bericht",
        "No new entries since the compared report",
    ),
    # --- reading and writing frozen reports ---------------------------------------------------
    "reports_synopse_unreadable": (
        "synopse.json kann nicht gelesen werden ({reason})",
        "synopse.json cannot be read ({reason})",
    ),
    "reports_schema_newer": (
        "Schema-Version {version} ist unbekannt (diese Programmversion kennt bis {known}); "
        "bitte monitor-tui aktualisieren",
        "schema version {version} is unknown (this version knows up to {known}); "
        "please update monitor-tui",
    ),
    "reports_toml_invalid": (
        "report.toml ist ungültig: {detail}",
        "report.toml is invalid: {detail}",
    ),
    "reports_id_mismatch": (
        "Die ID „{id}“ passt nicht zum Ordnernamen „{folder}“",
        "the id '{id}' does not match the folder name '{folder}'",
    ),
    "reports_none_yet": ("Noch kein Bericht eingefroren.", "No report frozen yet."),
    "reports_none_left": (
        "Kein gültiger Bericht mehr; Vergleiche entfallen.",
        "No valid report left; comparisons are off.",
    ),
    "reports_unknown": (
        "Unbekannter Bericht „{id}“ (vorhanden: {known})",
        "unknown report '{id}' (there are: {known})",
    ),
    "reports_file_missing": (
        "Datei des eingefrorenen Berichts fehlt oder ist unlesbar: {reason}",
        "file of the frozen report is missing or unreadable: {reason}",
    ),
    "reports_file_changed": (
        "nach dem Einfrieren geändert (Prüfsumme passt nicht zu reports/{id}/report.toml)",
        "changed after freezing (checksum does not match reports/{id}/report.toml)",
    ),
    "reports_file_added": (
        "nach dem Einfrieren hinzugefügt (nicht in reports/{id}/report.toml)",
        "added after freezing (not in reports/{id}/report.toml)",
    ),
    "reports_digest_mismatch": (
        "Datenstand {digest} passt nicht zum Datenstand {expected} in report.toml",
        "data version {digest} does not match {expected} in report.toml",
    ),
    "reports_toml_comment": (
        "Eingefrorener Bericht, von monitor-tui geschrieben. Nicht ändern: `monitor-tui check` "
        "prüft jede Datei gegen ihre Prüfsumme.",
        "Frozen report, written by monitor-tui. Do not edit: `monitor-tui check` verifies every "
        "file against its checksum.",
    ),
    "reports_folder_symlink": (
        "{path} ist ein symbolischer Link; Berichte werden nur im Arbeitsbereich selbst abgelegt",
        "{path} is a symbolic link; reports are only stored inside the workspace",
    ),
    "reports_folder_failed": (
        "Ordner reports/ kann nicht angelegt werden: {reason}",
        "cannot create the folder reports/: {reason}",
    ),
    "reports_lock_failed": (
        "Sperre für das Einfrieren nicht möglich: {reason}",
        "cannot lock for freezing: {reason}",
    ),
    "reports_withdraw_no_reason": (
        "Bitte einen Grund angeben (--reason TEXT): ein Bericht wird nur begründet zurückgezogen",
        "please give a reason (--reason TEXT): a report is only withdrawn with a reason",
    ),
    "reports_already_withdrawn": (
        "Bericht {id} wurde bereits am {at} zurückgezogen",
        "report {id} was already withdrawn on {at}",
    ),
    "reports_hand_edited_warning": (
        "Achtung: Maßnahme {id}: Stand zum {date} nicht gesichert – die Statusdatei wurde von "
        "Hand geändert; der Bericht zeigt den Verlauf bis zu diesem Tag und vermerkt das",
        "caution: measure {id}: state on {date} not vouched for – the status file was edited by "
        "hand; the report shows the log up to that day and says so",
    ),
    "reports_date_future": (
        "Der Berichtsstand {date} liegt in der Zukunft (heute ist der {today}); ein Bericht "
        "zeigt nur, was erfasst ist",
        "the report date {date} is in the future (today is {today}); a report only shows what "
        "has been recorded",
    ),
    "reports_compare_later": (
        "Bericht {id} ({date}) liegt nach dem Berichtsstand {day}; verglichen wird nur mit "
        "früheren Berichten",
        "report {id} ({date}) is after the report date {day}; only earlier reports can be "
        "compared with",
    ),
    "reports_none_to_compare": (
        "Noch kein Bericht eingefroren, mit dem verglichen werden könnte "
        "(monitor-tui report freeze)",
        "no report frozen yet to compare with (monitor-tui report freeze)",
    ),
    "reports_freeze_refused_broken": (
        "{count} Statusdatei(en) fehlerhaft; nichts eingefroren",
        "{count} status file(s) broken; nothing frozen",
    ),
    "reports_title_too_long": (
        "Der Titel ist {length} Zeichen lang; höchstens {limit} passen in den Titelblock",
        "the title is {length} characters long; at most {limit} fit the title block",
    ),
    "reports_freeze_failed": (
        "Bericht konnte nicht eingefroren werden: {reason}",
        "the report could not be frozen: {reason}",
    ),
    "reports_frozen_again": (
        "Für den {date} gibt es schon einen Bericht; dieser wird zusätzlich als {id} abgelegt.",
        "There is already a report for {date}; this one is kept as well, as {id}.",
    ),
    "reports_frozen": (
        "Bericht {id} (Berichtsstand {date}) eingefroren: {path} (Datenstand {digest})",
        "Report {id} (report date {date}) frozen: {path} (data version {digest})",
    ),
    "reports_frozen_compared": (
        "Veränderungen darin gegenüber Bericht {id}",
        "Changes in it are shown against report {id}",
    ),
    "reports_withdrawn": (
        "Bericht {id} zurückgezogen (bleibt erhalten, wird nicht mehr zum Vergleich genommen).",
        "Report {id} withdrawn (it is kept, and no longer used for comparisons).",
    ),
    "reports_withdrawn_note": (
        "ZURÜCKGEZOGEN am {date} von {by}: {reason}",
        "WITHDRAWN on {date} by {by}: {reason}",
    ),
    "reports_by": ("von {by}", "by {by}"),
    "reports_measures": ("{count} Maßnahmen", "{count} measures"),
    "reports_list_last": (
        "* = der letzte Bericht ({id}): Vergleichsgrundlage für neue Exporte",
        "* = the last report ({id}): what new exports compare with",
    ),
    "reports_label_id": ("ID", "Id"),
    "reports_label_date": ("Berichtsstand", "Report date"),
    "reports_label_title": ("Titel", "Title"),
    "reports_label_frozen": ("Eingefroren", "Frozen"),
    "reports_label_digest": ("Datenstand", "Data version"),
    "reports_label_version": ("Programmversion", "Program version"),
    "reports_label_compared": ("Verglichen mit", "Compared with"),
    "reports_label_measures": ("Maßnahmen", "Measures"),
    "reports_label_statuses": ("Umsetzungsstand", "Status"),
    "reports_label_folder": ("Ordner", "Folder"),
    "reports_label_withdrawn": ("Zurückgezogen", "Withdrawn"),
    "reports_label_files": ("Dateien", "Files"),
    "reports_file_ok": ("unverändert", "unchanged"),
    "reports_file_bad": ("GEÄNDERT ODER FEHLEND", "CHANGED OR MISSING"),
    "reports_frozen_at_by": ("{at} von {by}", "{at} by {by}"),
    "reports_check_summary": (
        "{count} eingefrorene(r) Bericht(e) geprüft: unverändert",
        "{count} frozen report(s) verified: unchanged",
    ),
    # --- diff ----------------------------------------------------------------------------------
    "reports_now_word": ("jetzt", "now"),
    "reports_side_now": ("jetzt ({date})", "now ({date})"),
    "reports_side_report": ("Bericht {id} ({date})", "report {id} ({date})"),
    "reports_diff_title": ("Veränderungen: {before} → {after}", "Changes: {before} → {after}"),
    "reports_diff_nothing": ("Keine Veränderungen.", "No changes."),
    "reports_diff_summary": (
        "{changed} Maßnahme(n) verändert, {added} neu, {removed} entfallen, {text} mit "
        "geändertem Katalogtext",
        "{changed} measure(s) changed, {added} new, {removed} removed, {text} with changed "
        "catalogue text",
    ),
    "reports_field_indicator": ("Erfolgsindikator", "Success indicator"),
    "reports_fulfilled": ("erfüllt", "fulfilled"),
    "reports_not_fulfilled": ("nicht erfüllt", "not fulfilled"),
    "reports_measure_added": ("neu im Katalog", "new in the catalogue"),
    "reports_measure_removed": ("nicht mehr im Katalog", "no longer in the catalogue"),
    "reports_new_note": ("1 neuer öffentlicher Eintrag", "1 new public note"),
    "reports_new_notes": ("{count} neue öffentliche Einträge", "{count} new public notes"),
    "reports_text_changed": ("Katalogtext geändert: {cells}", "catalogue text changed: {cells}"),
    "reports_cell_label": ("Bezeichnung", "label"),
    "reports_cell_text": ("Maßnahme", "measure"),
    "reports_cell_indicator": ("Erfolgsindikator", "indicator"),
    "reports_cell_responsible": ("Zuständigkeit", "responsibility"),
    "reports_cell_targets": ("Zeithorizont", "time horizon"),
    # --- command line --------------------------------------------------------------------------
    "cli_export_compare_help": (
        "Vergleich mit dem eingefrorenen Bericht ID (Standard: der letzte vor dem "
        "Berichtsstand; none: ohne Vergleich)",
        "compare with the frozen report ID (default: the last one before the report date; "
        "none: no comparison)",
    ),
    "cli_report_help": (
        "eingefrorene Berichte: einfrieren, auflisten, zeigen, zurückziehen, vergleichen",
        "frozen reports: freeze, list, show, withdraw, compare",
    ),
    "cli_report_actions": ("Aktionen", "actions"),
    "cli_report_freeze_help": (
        "den Bericht zum Berichtsstand einfrieren (reports/<Datum>/: alle fünf Formate, "
        "synopse.json, report.toml)",
        "freeze the report of a report date (reports/<date>/: all five formats, synopse.json, "
        "report.toml)",
    ),
    "cli_report_date_help": (
        "Berichtsstand, TT.MM.JJJJ oder JJJJ-MM-TT (Standard: heute)",
        "report date, YYYY-MM-DD or DD.MM.YYYY (default: today)",
    ),
    "cli_report_title_help": ("Titel des Berichts", "title of the report"),
    "cli_report_list_help": ("alle eingefrorenen Berichte", "every frozen report"),
    "cli_report_show_help": (
        "einen Bericht zeigen und seine Dateien prüfen",
        "show a report and verify its files",
    ),
    "cli_report_id_help": (
        "ID des Berichts, z. B. 2026-03-31",
        "id of the report, e.g. 2026-03-31",
    ),
    "cli_report_withdraw_help": (
        "einen Bericht zurückziehen (bleibt erhalten, wird nicht mehr verglichen)",
        "withdraw a report (it is kept, no longer compared with)",
    ),
    "cli_report_reason_help": ("Grund (Pflicht)", "reason (required)"),
    "cli_report_diff_help": (
        "Veränderungen zwischen zwei Berichten (Standard: letzter Bericht → jetzt)",
        "changes between two reports (default: the last report → now)",
    ),
    "cli_report_diff_a_help": (
        "früherer Bericht (ID oder now; Standard: der letzte)",
        "earlier report (id or now; default: the last one)",
    ),
    "cli_report_diff_b_help": (
        "späterer Bericht (ID oder now; Standard: now)",
        "later report (id or now; default: now)",
    ),
    "cli_report_diff_format_help": (
        "Ausgabe: text, json oder markdown",
        "output: text, json or markdown",
    ),
    # --- the app -------------------------------------------------------------------------------
    "tui_key_reports": (
        "Berichte: einfrieren, Veränderungen seit einem Bericht",
        "Reports: freeze, changes since a report",
    ),
    "tui_key_reports_short": ("Berichte", "Reports"),
    "tui_key_reports_freeze": ("Bericht einfrieren", "Freeze a report"),
    "tui_key_reports_diff": ("Veränderungen seit diesem Bericht", "Changes since this report"),
    "tui_key_freeze_submit": ("Weiter", "Continue"),
    "tui_reports_title": ("Berichte", "Reports"),
    "tui_reports_hint": (
        "f einfrieren · Eingabe/d Veränderungen seit dem Bericht · Esc schließen",
        "f freeze · Enter/d changes since the report · Esc close",
    ),
    "tui_reports_none": (
        "Noch kein Bericht eingefroren. Mit f wird der Stand zu einem Berichtsstand festgehalten.",
        "No report frozen yet. f keeps the state of a report date.",
    ),
    "tui_reports_all_withdrawn": (
        "Alle Berichte sind zurückgezogen; es gibt keine Vergleichsgrundlage.",
        "Every report is withdrawn; there is nothing to compare with.",
    ),
    "tui_reports_last": (
        "* letzter Bericht: {id} ({date}) – Δ im Baum heißt „seitdem geändert“",
        "* last report: {id} ({date}) – Δ in the tree means 'changed since'",
    ),
    "tui_reports_withdrawn": ("zurückgezogen", "withdrawn"),
    "tui_reports_freezing": (
        "Bericht wird eingefroren (alle fünf Formate) …",
        "Freezing the report (all five formats) …",
    ),
    "tui_reports_diff_title": ("Veränderungen seit Bericht {id}", "Changes since report {id}"),
    "tui_reports_confirm": (
        "Bericht zum Berichtsstand {date} („{title}“) einfrieren?\nEr wird in reports/ "
        "abgelegt und kann danach nicht mehr geändert, nur zurückgezogen werden.",
        "Freeze the report of {date} ('{title}')?\nIt is stored in reports/ and can no longer "
        "be changed afterwards, only withdrawn.",
    ),
    "tui_reports_confirm_again": (
        "Für diesen Tag gibt es schon {count} Bericht(e); dieser kommt hinzu.",
        "There are already {count} report(s) for this day; this one is added.",
    ),
    "tui_reports_frozen": ("Bericht {id} eingefroren.", "Report {id} frozen."),
    "tui_reports_frozen_again": (
        "Der Tag war schon eingefroren; der neue Bericht heißt {id}.",
        "The day had been frozen before; the new report is {id}.",
    ),
    "tui_freeze_title": ("Bericht einfrieren", "Freeze a report"),
    "tui_freeze_title_label": ("Titel", "Title"),
    "tui_freeze_title_placeholder": ("z. B. Bericht 1. Quartal 2026", "e.g. Report Q1 2026"),
    "tui_freeze_date_label": (
        "Berichtsstand (TT.MM.JJJJ oder JJJJ-MM-TT)",
        "Report date (YYYY-MM-DD or DD.MM.YYYY)",
    ),
    "tui_freeze_hint": (
        "Eingabe weiter (mit Rückfrage) · Tab nächstes Feld · Esc abbrechen",
        "Enter continue (asks first) · Tab next field · Esc cancel",
    ),
    "tui_diff_hint": ("↑↓/j k blättern · Esc schließen", "↑↓/j k scroll · Esc close"),
    "tui_filter_by_changed": (
        "Nur seit dem letzten Bericht geänderte",
        "Only changed since the last report",
    ),
    "tui_filter_by_changed_off": (
        "Nicht nur seit dem letzten Bericht geänderte",
        "Not only changed since the last report",
    ),
    "tui_filter_changed_active": (
        "seit dem letzten Bericht geändert",
        "changed since the last report",
    ),
    "tui_filter_changed_no_report": (
        "Noch kein Bericht eingefroren (B: Berichte); nichts zu vergleichen",
        "No report frozen yet (B: reports); nothing to compare with",
    ),
    "tui_since_report": ("Bericht vom {date} ({id}):", "Report of {date} ({id}):"),
    "tui_since_report_added": (
        "neu im Katalog seit diesem Bericht",
        "new in the catalogue since that report",
    ),
    "tui_since_report_unchanged": ("unverändert", "unchanged"),
    "tui_since_report_change": (
        "{field}: {before} → jetzt {after}",
        "{field}: {before} → now {after}",
    ),
    "tui_export_compare_with": (
        "Vergleich: Bericht {id} vom {date} (der letzte davor)",
        "Comparison: report {id} of {date} (the last one before)",
    ),
    "tui_export_compare_none": (
        "Vergleich: keiner (kein früherer Bericht eingefroren)",
        "Comparison: none (no earlier report frozen)",
    ),
}
