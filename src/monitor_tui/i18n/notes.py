"""Messages of the status files and the status/log commands: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "measure_id_invalid": (
        "Ungültige Maßnahmen-ID „{id}“ (Form: Feld.Ziel.Maßnahme, z. B. 1.2.2)",
        "invalid measure id '{id}' (form: field.goal.measure, e.g. 1.2.2)",
    ),
    "measure_unknown": (
        "Unbekannte Maßnahme „{id}“. Gültig sind: {known}",
        "unknown measure '{id}'. Valid ids: {known}",
    ),
    "value_unknown": (
        "Unbekannter Wert „{value}“ für {key}. Möglich: {known}",
        "unknown value '{value}' for {key}. Valid values: {known}",
    ),
    "status_target_unknown": (
        "Unbekannter Zeithorizont „{key}“ für diese Maßnahme. Möglich: {known}",
        "unknown time horizon '{key}' for this measure. Valid: {known}",
    ),
    "author_invalid": (
        "Ungültiger Anmeldename „{author}“",
        "invalid login name '{author}'",
    ),
    "status_orphan": (
        "Statusdatei zu „{id}“, aber diese Maßnahme gibt es im Katalog nicht (Datei bleibt erhalten)",
        "status file for '{id}', but the catalogue has no such measure (the file is kept)",
    ),
    "status_folder_symlink": (
        "Der Ordner status/ ist ein symbolischer Link; gespeichert wird nur im Arbeitsbereich selbst",
        "the status/ folder is a symbolic link; saving happens only inside the workspace itself",
    ),
    "status_note_empty": (
        "Die Notiz ist leer; nichts gespeichert",
        "the note is empty; nothing saved",
    ),
    "status_symlink": (
        "Symbolischer Link im Statusordner wird nicht verfolgt",
        "symbolic link in the status folder is not followed",
    ),
    "status_no_front_matter": (
        "Datei muss mit einer Zeile „+++“ (Beginn der Kopfdaten) anfangen",
        "file must start with a line '+++' (start of the front matter)",
    ),
    "status_front_matter_open": (
        "Kopfdaten werden nicht mit einer Zeile „+++“ abgeschlossen",
        "front matter is not closed by a line '+++'",
    ),
    "status_wrong_measure": (
        "Datei gehört zu Maßnahme „{found}“, erwartet „{id}“",
        "file belongs to measure '{found}', expected '{id}'",
    ),
    "status_value_not_date": (
        "„{key}“ muss ein Datum sein (JJJJ-MM-TT)",
        "'{key}' must be a date (YYYY-MM-DD)",
    ),
    "status_targets_not_table": (
        "„targets“ muss eine Tabelle sein ([targets])",
        "'targets' must be a table ([targets])",
    ),
    "status_log_expected_entry": (
        "Hier wird ein Eintrag erwartet: „## JJJJ-MM-TTThh:mm:ss+01:00 · anmeldename“",
        "an entry is expected here: '## YYYY-MM-DDThh:mm:ss+01:00 · login'",
    ),
    "status_bad_timestamp": (
        "Ungültiger Zeitstempel „{value}“ (ISO 8601 mit Zeitzone, z. B. 2026-11-27T10:15:00+01:00)",
        "invalid timestamp '{value}' (ISO 8601 with offset, e.g. 2026-11-27T10:15:00+01:00)",
    ),
    "status_fence_open": (
        "Notiz wird nicht mit derselben Tilden-Zeile abgeschlossen",
        "note is not closed by the same line of tildes",
    ),
    "status_lock_failed": (
        "Sperrdatei kann nicht angelegt werden: {reason}",
        "cannot create lock file: {reason}",
    ),
    "status_file_comment": (
        "Stand der Maßnahme {id}. Von monitor-tui gepflegt; Änderungen von Hand sind möglich.",
        "State of measure {id}. Kept by monitor-tui; hand edits are fine.",
    ),
    "status_target_syntax": (
        "--target erwartet ZEITHORIZONT=STAND, z. B. kurz=erreicht (nicht „{value}“)",
        "--target expects TERM=STATE, e.g. kurz=erreicht (not '{value}')",
    ),
    "status_internal_without_note": (
        "--internal gilt nur zusammen mit --note",
        "--internal only goes with --note",
    ),
    "status_not_set": ("nicht gesetzt", "not set"),
    "status_never_reviewed": ("noch nie", "never"),
    "status_log_empty": ("Verlauf: noch keine Einträge", "Log: no entries yet"),
    "label_status": ("Umsetzungsstand", "Status"),
    "label_assessment": ("Bewertung", "Assessment"),
    "label_priority": ("Priorität", "Priority"),
    "label_reviewed": ("Zuletzt überprüft", "Last reviewed"),
    "label_overdue": ("überfällig", "overdue"),
    "label_targets": ("Zeithorizont", "Time horizon"),
    "label_next_step": ("Nächster Schritt", "Next step"),
    "label_next_step_due": ("Nächster Schritt fällig am", "Next step due"),
    "label_indicator_fulfilled": ("Indikator erfüllt", "Indicator fulfilled"),
    "label_log": ("Verlauf (neueste zuerst)", "Log (newest first)"),
    "label_internal": ("intern", "internal"),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "date_invalid": (
        "Ungültiges Datum „{value}“ für {option} (JJJJ-MM-TT oder TT.MM.JJJJ)",
        "invalid date '{value}' for {option} (YYYY-MM-DD or DD.MM.YYYY)",
    ),
    "office_unknown": (
        "Unbekannte Zuständigkeit „{value}“ (möglich: {choices})",
        "unknown office '{value}' (choose from: {choices})",
    ),
    "office_ambiguous": (
        "„{value}“ passt zu mehreren Zuständigkeiten: {choices}",
        "'{value}' matches several offices: {choices}",
    ),
    "log_empty": ("Keine Einträge.", "No entries."),
}
