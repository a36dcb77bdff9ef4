"""Messages of the catalogue, workspace and command line: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # files
    "file_not_utf8": (
        "Datei ist nicht UTF-8-kodiert (Byte {byte})",
        "file is not UTF-8 encoded (byte {byte})",
    ),
    "file_unreadable": ("Datei kann nicht gelesen werden: {reason}", "cannot read file: {reason}"),
    "toml_syntax": ("TOML-Syntaxfehler: {detail}", "TOML syntax error: {detail}"),
    # catalogue validation
    "catalogue_missing": ("Katalogordner fehlt", "catalogue folder is missing"),
    "catalogue_no_fields": (
        "Katalogordner enthält keine Handlungsfeld-Dateien (*.toml)",
        "catalogue folder holds no field files (*.toml)",
    ),
    "key_missing": ("Pflichtfeld „{key}“ fehlt", "required key '{key}' is missing"),
    "key_not_text": ("„{key}“ muss ein Text sein", "'{key}' must be a string"),
    "key_empty": ("„{key}“ darf nicht leer sein", "'{key}' must not be empty"),
    "key_not_positive_int": (
        "„{key}“ muss eine positive ganze Zahl sein",
        "'{key}' must be a positive whole number",
    ),
    "key_not_bool": ("„{key}“ muss true oder false sein", "'{key}' must be true or false"),
    "key_not_text_list": (
        "„{key}“ muss eine Liste nicht leerer Texte sein",
        "'{key}' must be a list of non-empty strings",
    ),
    "key_not_tables": (
        "„{key}“ muss eine Liste von Tabellen ([[{key}]]) sein",
        "'{key}' must be an array of tables ([[{key}]])",
    ),
    "key_unknown": ("Unbekannter Schlüssel „{key}“", "unknown key '{key}'"),
    "id_format": ("Ungültige ID „{id}“", "invalid id '{id}'"),
    "id_parent": (
        "ID „{id}“ gehört nicht unter „{parent}“ (erwartet {parent}.N)",
        "id '{id}' does not belong under '{parent}' (expected {parent}.N)",
    ),
    "id_duplicate": (
        "Doppelte ID „{id}“ (bereits vergeben in {other})",
        "duplicate id '{id}' (already used at {other})",
    ),
    "term_unknown": (
        "Unbekannter Zeithorizont „{term}“ (erlaubt: {known})",
        "unknown time horizon '{term}' (allowed: {known})",
    ),
    "target_duplicate": (
        "Zeithorizont „{key}“ kommt in dieser Maßnahme mehrfach vor",
        "time horizon '{key}' occurs more than once in this measure",
    ),
    "horizons_incomplete": (
        "Die Zeithorizonte müssen genau {known} je einmal definieren",
        "the horizons must define each of {known} exactly once",
    ),
    "choice_duplicate": (
        "Wert „{key}“ kommt in „{vocabulary}“ mehrfach vor",
        "value '{key}' occurs more than once in '{vocabulary}'",
    ),
    "hotkey_format": (
        "„hotkey“ muss ein Kleinbuchstabe oder eine Ziffer sein, nicht „{value}“",
        "'hotkey' must be a lower-case letter or a digit, not '{value}'",
    ),
    "hotkey_duplicate": (
        "Taste „{value}“ ist in „{vocabulary}“ doppelt vergeben ({first} und {second})",
        "key '{value}' is used twice in '{vocabulary}' ({first} and {second})",
    ),
    "ascii_format": (
        "„ascii“ muss ein druckbares ASCII-Zeichen sein, nicht „{value}“",
        "'ascii' must be one printable ASCII character, not '{value}'",
    ),
    "ascii_duplicate": (
        "ASCII-Zeichen „{value}“ ist in „{vocabulary}“ doppelt vergeben ({first} und {second})",
        "ASCII mark '{value}' is used twice in '{vocabulary}' ({first} and {second})",
    ),
    # filters (filters.py): the tree, the export and an overview describe them alike
    "filter_dimension_field": ("Handlungsfeld", "Field of action"),
    "filter_dimension_status": ("Umsetzungsstand", "Status"),
    "filter_dimension_assessment": ("Bewertung", "Assessment"),
    "filter_dimension_priority": ("Priorität", "Priority"),
    "filter_dimension_office": ("Zuständigkeit", "Responsibility"),
    "filter_dimension_horizon": ("Zeithorizont", "Time horizon"),
    "filter_dimension_overdue": ("Überfällig", "Overdue"),
    "filter_dimension_next_step_due": ("Nächster Schritt fällig", "Next step due"),
    "filter_dimension_changed": (
        "Seit dem letzten Bericht geändert",
        "Changed since the last report",
    ),
    "filter_dimension_ids": ("Auswahl", "Selection"),
    "filter_not_set": ("nicht gesetzt", "not set"),
    "filter_term_kurz": ("kurzfristig", "short-term"),
    "filter_term_mittel": ("mittelfristig", "medium-term"),
    "filter_term_lang": ("langfristig", "long-term"),
    "filter_overdue_on": ("nur überfällige", "only overdue"),
    "filter_next_step_due_on": (
        "nur mit fälligem nächstem Schritt",
        "only with a next step due",
    ),
    "filter_changed_on": (
        "nur seit dem letzten Bericht geänderte",
        "only changed since the last report",
    ),
    "filter_overdue_active": ("nur überfällige", "only overdue"),
    "filter_next_step_due_active": ("nächster Schritt fällig", "next step due"),
    "filter_changed_active": (
        "seit dem letzten Bericht geändert",
        "changed since the last report",
    ),
    "filter_ids_active": ("Auswahl: {count} Maßnahmen", "selection: {count} measures"),
    "filter_ids_active_one": ("Auswahl: 1 Maßnahme", "selection: 1 measure"),
    "filter_active": ("{dimension}: {values}", "{dimension}: {values}"),
    "filter_or": (" oder ", " or "),
    # workspace
    "workspace_missing": (
        "Arbeitsbereich „{path}“ nicht gefunden (kein Ordner catalogue/ darin). "
        "Einen neuen anlegen mit: monitor-tui init {path}",
        "workspace '{path}' not found (no catalogue/ folder in it). "
        "Create a new one with: monitor-tui init {path}",
    ),
    "workspace_used": ("Arbeitsbereich: {path}", "Workspace: {path}"),
    "workspace_created": (
        "Neuer Arbeitsbereich mit dem Mainzer Katalog angelegt: {path}",
        "Created a new workspace with the Mainz catalogue: {path}",
    ),
    "workspace_exists": (
        "„{path}“ enthält bereits einen Katalog; nichts verändert",
        "'{path}' already holds a catalogue; nothing changed",
    ),
    "workspace_init_failed": (
        "Arbeitsbereich kann nicht angelegt werden: {reason}",
        "cannot create workspace: {reason}",
    ),
    "shipped_catalogue_missing": (
        "Der mitgelieferte Katalog fehlt in der Installation",
        "the shipped catalogue is missing from the installation",
    ),
    # command line
    "cli_description": (
        "Monitoring der Umsetzung des Kommunalen Integrationskonzeptes im Terminal.",
        "Monitoring how the municipal integration concept is carried out, in the terminal.",
    ),
    "cli_workspace_help": (
        "Arbeitsbereich (Ordner mit catalogue/, status/, exports/); "
        "Standard: $MONITOR_TUI_WORKSPACE, sonst der aktuelle Ordner, sonst der Benutzerordner",
        "workspace (folder with catalogue/, status/, exports/); "
        "default: $MONITOR_TUI_WORKSPACE, else the current folder, else the user data folder",
    ),
    "cli_lang_help": ("Sprache der Oberfläche (de, en)", "language of the interface (de, en)"),
    "cli_usage_line": (
        "monitor-tui [-h] [--version] [-w ORDNER] [--lang {de,en}] [BEFEHL …]",
        "monitor-tui [-h] [--version] [-w DIR] [--lang {de,en}] [COMMAND …]",
    ),
    "cli_epilog": (
        "Ohne BEFEHL startet die Terminal-App auf dem Arbeitsbereich. Hilfe zu einem Befehl: "
        "monitor-tui BEFEHL --help. Daten als TT.MM.JJJJ oder JJJJ-MM-TT.",
        "Without a COMMAND the terminal app starts on the workspace. Help on a command: "
        "monitor-tui COMMAND --help. Dates as YYYY-MM-DD or DD.MM.YYYY.",
    ),
    "cli_metavar_command": ("BEFEHL", "COMMAND"),
    "cli_metavar_action": ("AKTION", "ACTION"),
    "cli_metavar_dir": ("ORDNER", "DIR"),
    "cli_metavar_path": ("PFAD", "PATH"),
    "cli_metavar_date": ("DATUM", "DATE"),
    "cli_metavar_field": ("FELD", "FIELD"),
    "cli_metavar_office": ("AMT", "OFFICE"),
    "cli_metavar_status": ("STAND", "STATUS"),
    "cli_metavar_count": ("ANZAHL", "COUNT"),
    "cli_metavar_compare": ("ID|none", "ID|none"),
    "cli_metavar_target": ("ZIEL=STAND", "TARGET=STATE"),
    "cli_metavar_assessment": ("BEWERTUNG", "ASSESSMENT"),
    "cli_metavar_priority": ("PRIORITÄT", "PRIORITY"),
    "cli_metavar_note": ("NOTIZ", "NOTE"),
    "cli_metavar_title": ("TITEL", "TITLE"),
    "cli_metavar_reason": ("GRUND", "REASON"),
    "cli_metavar_step": ("SCHRITT", "STEP"),
    "cli_metavar_docx_file": ("DATEI.docx", "FILE.docx"),
    "cli_help_with_values": ("{help}: {values}", "{help}: {values}"),
    "cli_target_help_values": (
        "Stand eines Zeithorizont-Ziels setzen, z. B. kurz=erreicht (mehrfach möglich); ZIEL: "
        "kurz, mittel, lang (oder mittel-lang …); STAND: {states}",
        "set the state of a horizon target, e.g. kurz=erreicht (repeatable); TARGET: kurz, "
        "mittel, lang (or mittel-lang …); STATE: {states}",
    ),
    "cli_export_field_help_values": (
        "nur dieses Handlungsfeld: seine Nummer, seine Nummer wie gedruckt oder sein Titel "
        "(oder ein eindeutiger Teil davon): {fields}",
        "only this field of action: its number, its number as printed or its title (or a "
        "unique part of it): {fields}",
    ),
    "cli_version_help": ("Version anzeigen und beenden", "show the version and exit"),
    "cli_help_help": ("Diese Hilfe anzeigen und beenden", "show this help and exit"),
    "cli_commands": ("Befehle", "commands"),
    "cli_check_help": (
        "Katalog und Statusdateien prüfen",
        "validate the catalogue and the status files",
    ),
    "cli_init_help": (
        "Neuen Arbeitsbereich mit dem mitgelieferten Katalog anlegen",
        "create a new workspace with the shipped catalogue",
    ),
    "cli_init_dir_help": ("Ordner des neuen Arbeitsbereichs", "folder of the new workspace"),
    "cli_export_help": ("Synopse exportieren", "export the synopsis"),
    "cli_format_help": ("Ausgabeformat", "output format"),
    "cli_output_help": (
        "Zieldatei (- für die Standardausgabe); Standard: exports/synopse-<Datum>.<Endung>",
        "output file (- for standard output); default: exports/synopse-<date>.<ext>",
    ),
    "cli_export_date_help": (
        "Berichtsstand, TT.MM.JJJJ oder JJJJ-MM-TT (Standard: heute)",
        "report date, YYYY-MM-DD or DD.MM.YYYY (default: today)",
    ),
    "cli_export_summary_help": (
        "Zusammenfassungen der Handlungsfelder (Abschnitt 3) voranstellen",
        "include the field summaries (section 3) at the start",
    ),
    "cli_export_field_help": (
        "nur dieses Handlungsfeld: Nummer, Nummer wie gedruckt (4.3) oder Titel",
        "only this field of action: number, number as printed (4.3) or title",
    ),
    "cli_office_help": ("nur Maßnahmen dieses Amtes", "only measures of this office"),
    "cli_export_status_help": (
        "nur Maßnahmen mit diesem Umsetzungsstand",
        "only measures with this status",
    ),
    "cli_export_since_help": (
        "alle Notizen seit diesem Datum (TT.MM.JJJJ oder JJJJ-MM-TT)",
        "all notes since this date (YYYY-MM-DD or DD.MM.YYYY)",
    ),
    "cli_export_notes_help": (
        "Anzahl der neuesten Notizen je Maßnahme (Standard: die Notizen seit dem verglichenen "
        "Bericht; ohne Vergleich 3)",
        "number of latest notes per measure (default: the notes since the compared report; "
        "without a comparison 3)",
    ),
    "cli_status_help": (
        "Stand einer Maßnahme anzeigen oder ändern",
        "show or change the state of a measure",
    ),
    "cli_status_id_help": ("ID der Maßnahme, z. B. 1.2.2", "measure id, e.g. 1.2.2"),
    "cli_set_help": ("Umsetzungsstand setzen", "set the implementation status"),
    "cli_target_help": (
        "Stand eines Zeithorizont-Ziels setzen, z. B. kurz=erreicht (mehrfach möglich)",
        "set the state of a horizon target, e.g. kurz=erreicht (repeatable)",
    ),
    "cli_assessment_help": ("Bewertung setzen", "set the assessment"),
    "cli_priority_help": ("Priorität setzen", "set the priority"),
    "cli_reviewed_help": ("als heute überprüft vermerken", "record a review today"),
    "cli_note_help": (
        "Fortschrittsnotiz hinzufügen (- liest von der Standardeingabe)",
        "add a progress note (- reads standard input)",
    ),
    "cli_internal_help": (
        "Notiz als intern markieren (nie im Bericht)",
        "mark the note internal (never in the report)",
    ),
    "cli_log_help": (
        "Alle Einträge aller Maßnahmen, neueste zuerst",
        "all entries of all measures, newest first",
    ),
    "cli_log_since_help": (
        "nur Einträge ab diesem Datum (TT.MM.JJJJ oder JJJJ-MM-TT)",
        "only entries from this date on (YYYY-MM-DD or DD.MM.YYYY)",
    ),
    "cli_usage": ("Aufruf", "usage"),
    "cli_error_prefix": ("Fehler", "error"),
    "cli_invalid_choice": (
        "ungültiger Wert „{value}“ für {option} (möglich: {choices})",
        "invalid value '{value}' for {option} (choose from: {choices})",
    ),
    "cli_unknown_argument": ("unbekannte Angabe: {args}", "unrecognised arguments: {args}"),
    "cli_missing_argument": ("fehlende Angabe: {args}", "missing arguments: {args}"),
    "cli_expects_value": ("{option} braucht einen Wert", "{option} expects a value"),
    "check_summary": (
        "{fields} Handlungsfelder, {goals} Ziele, {measures} Maßnahmen",
        "{fields} fields of action, {goals} goals, {measures} measures",
    ),
    "check_failed": ("{count} Problem(e) gefunden", "{count} problem(s) found"),
    "export_written": ("Geschrieben: {path}", "Written: {path}"),
    "export_failed": ("Export fehlgeschlagen: {reason}", "export failed: {reason}"),
    "interrupted": ("Abgebrochen", "Interrupted"),
    "os_no_such_file": ("Datei oder Ordner nicht gefunden", "no such file or folder"),
    "os_permission_denied": ("Keine Berechtigung", "permission denied"),
    "os_disk_full": ("Kein Platz mehr auf dem Datenträger", "no space left on the disk"),
    "os_read_only": ("Datenträger ist schreibgeschützt", "the disk is read-only"),
    "os_is_a_folder": ("Ist ein Ordner, keine Datei", "is a folder, not a file"),
    "os_not_a_folder": ("Ist kein Ordner", "is not a folder"),
    "os_symlink": ("Symbolischer Link wird nicht verfolgt", "symbolic link is not followed"),
    "file_error": ("Dateifehler: {reason}", "file error: {reason}"),
    "unexpected_error": (
        "Unerwarteter Fehler: {reason}. Bitte melden Sie das mit dem Befehl, den Sie ausgeführt haben.",
        "Unexpected error: {reason}. Please report it with the command you ran.",
    ),
}

# argparse's own texts (Python 3.11–3.13), in German; cli.py hands them to argparse, which
# looks each up through its module-level `_`. Unknown texts stay English.
ARGPARSE_DE = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "Diese Hilfe anzeigen und beenden",
    "show program's version number and exit": "Version anzeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültiger Wert: %(value)r (möglich: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "expected one argument": "braucht einen Wert",
    "expected at least one argument": "braucht mindestens einen Wert",
    "expected at most one argument": "braucht höchstens einen Wert",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "one of the arguments %s is required": "eine dieser Angaben fehlt: %s",
    "unexpected option string: %s": "unerwartete Option: %s",
    "subcommands": "Befehle",
}
