"""Messages of export targets, hand edits of logs, limits (hardening): key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # bad input
    "toml_too_deep": (
        "zu tief verschachtelt (mehr als {limit} Ebenen aus [ oder {{)",
        "nested too deeply (more than {limit} levels of [ or {{)",
    ),
    "colour_format": (
        "„{key}“ muss eine Farbe der Form #rrggbb sein, nicht „{value}“",
        "'{key}' must be a colour written #rrggbb, not '{value}'",
    ),
    "unexpected_error_short": ("{kind}: {message}", "{kind}: {message}"),
    "input_not_utf8": (
        "{source}: kein gültiges UTF-8 (Byte {position}: 0x{value})",
        "{source}: not valid UTF-8 (byte {position}: 0x{value})",
    ),
    "input_stdin": ("Standardeingabe (--note -)", "standard input (--note -)"),
    "text_not_utf8": (
        "{field} enthält ein Zeichen, das kein gültiges UTF-8 ist (Zeichen {position})",
        "{field} holds a character that is not valid UTF-8 (character {position})",
    ),
    "note_too_long": (
        "Die Notiz ist zu lang: {length} Zeichen, höchstens {limit} (längere Texte bitte als "
        "Datei ablegen und in der Notiz darauf verweisen)",
        "the note is too long: {length} characters, at most {limit} (please keep longer texts "
        "in a file and refer to it in the note)",
    ),
    "field_note": ("Die Notiz", "The note"),
    "field_next_step": ("Der nächste Schritt", "The next step"),
    "field_file_text": ("Der Text der Statusdatei", "The text of the status file"),
    "status_folder_symlink_read": (
        "status/ ist ein symbolischer Verweis; die Statusdateien werden nicht durch ihn gelesen",
        "status/ is a symbolic link; the status files are not read through it",
    ),
    # hand edits of a log
    "log_not_newest_first": (
        "Protokoll nicht neueste zuerst: dieser Eintrag ({time}) ist neuer als der darüber "
        "({above})",
        "log not newest first: this entry ({time}) is newer than the one above it ({above})",
    ),
    "log_chain_broken": (
        "Kette unterbrochen: {field} war vorher „{before}“, diese Zeile nennt „{old}“ als alten Wert",
        "chain broken: {field} was '{before}' before, this line gives '{old}' as the old value",
    ),
    "log_replay_differs": (
        "Stand passt nicht zum Protokoll: {field} ist „{value}“, das Protokoll ergibt "
        "„{replayed}“ (von Hand geändert? monitor-tui status ID --adopt trägt es nach)",
        "state does not match the log: {field} is '{value}', the log gives '{replayed}' "
        "(edited by hand? monitor-tui status ID --adopt records it)",
    ),
    "log_rev_below_entries": (
        "rev = {rev} ist kleiner als die Zahl der Einträge ({count})",
        "rev = {rev} is smaller than the number of entries ({count})",
    ),
    "log_rev_range": (
        "rev = {rev} liegt außerhalb von 1 … {max}",
        "rev = {rev} is outside 1 … {max}",
    ),
    # recording hand edits and corrections
    "cli_adopt_help": (
        "eine Änderung von Hand am Stand (Kopf der Datei) als signierten Eintrag „von-hand“ "
        "nachtragen, damit Stand und Protokoll wieder übereinstimmen (--note: was und warum)",
        "record a change made by hand to the state (head of the file) as a signed 'von-hand' "
        "entry, so that state and log agree again (--note: what and why)",
    ),
    "cli_correct_help": (
        "Korrektur eines falschen Eintrags: die Änderungen, die ihn rückgängig machen, als "
        "signierter Eintrag „korrektur“; --note nennt den Grund (Pflicht). Nichts wird gelöscht",
        "correct a wrong entry: the changes that undo it, as a signed 'korrektur' entry; "
        "--note gives the reason (required). Nothing is deleted",
    ),
    "status_adopt_alone": (
        "--adopt trägt nur nach, was von Hand geändert wurde; es geht nur mit --note, nicht mit "
        "Änderungen, --internal oder --correct",
        "--adopt only records what was changed by hand; it takes --note, but no changes, "
        "--internal or --correct",
    ),
    "status_adopt_nothing": (
        "{id}: nichts nachzutragen, Stand und Protokoll stimmen überein",
        "{id}: nothing to record, state and log agree",
    ),
    "status_adopted": (
        "{id}: Änderung von Hand als Eintrag „von-hand“ nachgetragen ({count} Feld(er))",
        "{id}: hand edit recorded as a 'von-hand' entry ({count} field(s))",
    ),
    "status_correct_needs_reason": (
        '--correct braucht den Grund der Korrektur: --note "…"',
        '--correct needs the reason for the correction: --note "…"',
    ),
    "tag_von-hand": ("von Hand", "by hand"),
    "tag_korrektur": ("Korrektur", "correction"),
    "tag_abfrage": ("Abfrage", "update request"),
    # the app
    "tui_log_inconsistent_notice": (
        "Das Protokoll dieser Maßnahme passt nicht zu ihrem Stand (von Hand geändert?). "
        "Der Stand unten ist der aus dem Kopf der Datei. e öffnet sie; beim Schließen wird "
        "eine Änderung am Stand als „von-hand“-Eintrag nachgetragen.",
        "The log of this measure does not match its state (edited by hand?). "
        "The state below is the one in the head of the file. e opens it; when it is closed, "
        "a change of the state is recorded as a 'von-hand' entry.",
    ),
    "tui_inconsistent_file": (
        "Protokoll von {id} passt nicht zum Stand: {problem}",
        "Log of {id} does not match its state: {problem}",
    ),
    "tui_inconsistent_files": (
        "Protokoll passt nicht zum Stand (von Hand geändert?): {ids}",
        "Log does not match the state (edited by hand?): {ids}",
    ),
    "tui_hand_edit_recorded": (
        "{id} nach {editor} neu gelesen, Handänderung als „von-hand“-Eintrag ({login}) "
        "nachgetragen",
        "Re-read {id} after {editor}, hand edit recorded as a 'von-hand' entry ({login})",
    ),
    # export targets
    "cli_export_force_help": (
        "eine vorhandene Datei ersetzen, die kein früherer Export ist",
        "replace an existing file that is not an earlier export",
    ),
    "export_target_protected": (
        "„{path}“ liegt im Ordner {folder} des Arbeitsbereichs; dorthin wird nie exportiert",
        "'{path}' lies in the workspace's {folder} folder; exports never go there",
    ),
    "export_target_lock": (
        "„{path}“ ist eine Sperrdatei; dorthin wird nie exportiert",
        "'{path}' is a lock file; exports never go there",
    ),
    "export_target_no_folder": (
        "Ordner „{path}“ existiert nicht (mit / am Ende wird er angelegt)",
        "folder '{path}' does not exist (with a trailing / it is created)",
    ),
    "export_target_not_folder": (
        "„{path}“ ist kein Ordner",
        "'{path}' is not a folder",
    ),
    "export_target_is_folder": (
        "„{path}“ ist ein Ordner, keine Datei",
        "'{path}' is a folder, not a file",
    ),
    "export_target_symlink": (
        "„{path}“ ist ein symbolischer Verweis; bitte das Ziel selbst angeben",
        "'{path}' is a symbolic link; please name its target itself",
    ),
    "export_target_special": (
        "„{path}“ ist keine gewöhnliche Datei (Gerät, FIFO oder Socket); dorthin wird nicht "
        "exportiert",
        "'{path}' is not a regular file (a device, FIFO or socket); exports do not go there",
    ),
    "export_target_read_only": (
        "„{path}“ ist schreibgeschützt und wird nicht ersetzt",
        "'{path}' is read-only and is not replaced",
    ),
    "export_target_foreign": (
        "„{path}“ gibt es schon und ist kein früherer Export von monitor-tui; "
        "--force ersetzt die Datei",
        "'{path}' exists and is not an earlier export of monitor-tui; --force replaces it",
    ),
    "tui_export_target": ("Datei: {path}", "File: {path}"),
    "tui_export_targets": ("Dateien: {path} ({extensions})", "Files: {path} ({extensions})"),
    "tui_export_replace": (
        "{path} gibt es schon und ist kein früherer Export. Ersetzen?",
        "{path} exists and is not an earlier export. Replace it?",
    ),
    "tui_export_not_replaced": (
        "Nichts geschrieben: {path} bleibt, wie sie ist",
        "Nothing written: {path} stays as it is",
    ),
}
