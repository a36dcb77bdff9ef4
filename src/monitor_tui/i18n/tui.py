"""Messages of the terminal app: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # keys (shown in the footer, the help screen and the command palette)
    "tui_key_down": ("Im Baum nach unten", "Down in the tree"),
    "tui_key_up": ("Im Baum nach oben", "Up in the tree"),
    "tui_key_collapse": ("Zuklappen / zur übergeordneten Zeile", "Collapse / go to parent"),
    "tui_key_expand": ("Aufklappen / zur ersten Unterzeile", "Expand / go to first child"),
    "tui_key_home": ("Zur ersten Zeile", "To the first line"),
    "tui_key_end": ("Zur letzten Zeile", "To the last line"),
    "tui_key_open": ("Öffnen (Maßnahme im Detailbereich)", "Open (measure in the detail pane)"),
    "tui_key_switch": ("Zwischen Baum und Details wechseln", "Switch between tree and details"),
    "tui_key_search": ("Suchen", "Search"),
    "tui_key_clear_search": (
        "Suche aufheben, sonst alle Filter aufheben (Platz im Baum bleibt)",
        "Clear the search, else all filters (the place in the tree stays)",
    ),
    "tui_key_filter": (
        "Filter: Handlungsfeld, Stand, Bewertung, Priorität, Amt, Zeithorizont, überfällig …",
        "Filter: field, status, assessment, priority, office, horizon, overdue …",
    ),
    "tui_key_tree_wider": ("Baum breiter (wird gemerkt)", "Wider tree (remembered)"),
    "tui_key_tree_narrower": ("Baum schmaler (wird gemerkt)", "Narrower tree (remembered)"),
    "tui_key_tree_wider_short": ("Breiter", "Wider"),
    "tui_key_tree_narrower_short": ("Schmaler", "Narrower"),
    "tui_key_checklist_toggle": ("Wert an- oder abhaken", "Tick or untick a value"),
    "tui_key_status": ("Umsetzungsstand", "Status"),
    "tui_key_target": ("Zeithorizont-Ziele", "Horizon targets"),
    "tui_key_assessment": ("Bewertung", "Assessment"),
    "tui_key_priority": ("Priorität", "Priority"),
    "tui_key_note": ("Notiz", "Note"),
    "tui_key_edit": ("Statusdatei im Editor öffnen", "Open the status file in the editor"),
    "tui_key_export": (
        "Bericht exportieren (PDF, DOCX, HTML, Markdown, JSON)",
        "Export the report (PDF, DOCX, HTML, Markdown, JSON)",
    ),
    "tui_key_reviewed": (
        "Als heute überprüft vermerken",
        "Record that the measure was reviewed today",
    ),
    "tui_key_reload": ("Neu laden", "Reload"),
    "tui_key_help": ("Hilfe", "Help"),
    "tui_key_quit": ("Beenden", "Quit"),
    "tui_key_palette": (
        "Befehlspalette (alle Befehle, „Gehe zu Maßnahme …“)",
        "Command palette (all commands, 'Go to measure …')",
    ),
    "tui_key_search_short": ("Suche", "Search"),
    "tui_key_filter_short": ("Filter", "Filter"),
    "tui_key_status_short": ("Stand", "Status"),
    "tui_key_target_short": ("Ziele", "Targets"),
    "tui_key_assessment_short": ("Bewertung", "Assessment"),
    "tui_key_priority_short": ("Priorität", "Priority"),
    "tui_key_note_short": ("Notiz", "Note"),
    "tui_key_help_short": ("Hilfe", "Help"),
    "tui_key_quit_short": ("Ende", "Quit"),
    "tui_key_edit_short": ("Editor", "Editor"),
    "tui_key_export_short": ("Export", "Export"),
    "tui_key_reviewed_short": ("Geprüft", "Reviewed"),
    "tui_key_reload_short": ("Neu laden", "Reload"),
    "tui_key_open_short": ("Öffnen", "Open"),
    "tui_key_switch_short": ("Wechseln", "Switch"),
    "tui_key_clear_search_short": ("Aufheben", "Clear"),
    "tui_key_palette_short": ("Befehle", "Commands"),
    "tui_key_scroll_down": ("In den Details nach unten blättern", "Scroll down in the details"),
    "tui_key_scroll_up": ("In den Details nach oben blättern", "Scroll up in the details"),
    "tui_key_cancel": ("Abbrechen", "Cancel"),
    "tui_key_choice_next": ("Nächste Auswahl", "Next choice"),
    "tui_key_choice_previous": ("Vorige Auswahl", "Previous choice"),
    "tui_key_choice_first": ("Erste Auswahl", "First choice"),
    "tui_key_choice_last": ("Letzte Auswahl", "Last choice"),
    "tui_key_export_start": ("Exportieren", "Export"),
    "tui_key_next_field": ("Nächstes Feld", "Next field"),
    "tui_key_previous_field": ("Voriges Feld", "Previous field"),
    "tui_key_close": ("Schließen", "Close"),
    "tui_key_yes": ("Ja", "Yes"),
    "tui_key_no": ("Nein", "No"),
    "tui_key_note_save": ("Speichern", "Save"),
    "tui_key_note_internal": ("Intern an/aus", "Internal on/off"),
    "tui_key_note_close": ("Schließen", "Close"),
    "tui_key_conflict_mine": ("Meine Fassung speichern", "Save my version"),
    "tui_key_conflict_theirs": ("Andere Fassung behalten", "Keep the other version"),
    # key names everywhere (footer, help, palette, hints), as printed on the keyboard
    "tui_keyname_home": ("Pos1", "Home"),
    "tui_keyname_end": ("Ende", "End"),
    "tui_keyname_tab": ("Tab", "Tab"),
    "tui_keyname_esc": ("Esc", "Esc"),
    "tui_keyname_enter": ("Eingabe", "Enter"),
    "tui_keyname_space": ("Leertaste", "Space"),
    "tui_keyname_backspace": ("Rücktaste", "Backspace"),
    "tui_keyname_delete": ("Entf", "Del"),
    "tui_keyname_pageup": ("Bild↑", "PgUp"),
    "tui_keyname_pagedown": ("Bild↓", "PgDn"),
    "tui_keyname_ctrl": ("Strg", "Ctrl"),
    "tui_keyname_shift": ("Umschalt", "Shift"),
    "tui_keyname_alt": ("Alt", "Alt"),
    # tree and detail pane
    "tui_rollup": ("{done}/{total} umgesetzt", "{done}/{total} implemented"),
    "tui_measure_title": ("Maßnahme {id}", "Measure {id}"),
    "tui_goal_title": ("Ziel {id}", "Goal {id}"),
    "tui_cell_measure": ("Maßnahme", "Measure"),
    "tui_cell_indicator": ("Erfolgsindikator", "Success indicator"),
    "tui_cell_horizon": ("Zeithorizont", "Time horizon"),
    "tui_cell_responsible": ("Zuständigkeit", "Responsibility"),
    "tui_indicator_fulfilled": (
        "Indikator erfüllt (alle Ziele erreicht)",
        "Indicator fulfilled (all targets reached)",
    ),
    "tui_indicator_open": ("Indikator noch nicht erfüllt", "Indicator not yet fulfilled"),
    "tui_label_status": ("Umsetzungsstand:", "Status:"),
    "tui_label_assessment": ("Bewertung:", "Assessment:"),
    "tui_label_priority": ("Priorität:", "Priority:"),
    "tui_label_reviewed": ("Zuletzt überprüft:", "Last reviewed:"),
    "tui_value_not_set": ("nicht gesetzt", "not set"),
    "tui_status_unreadable": ("fehlerhaft", "unreadable"),
    "tui_value_never": ("noch nie", "never"),
    "tui_overdue_marker": (" ÜBERFÄLLIG ", " OVERDUE "),
    "tui_progress_log": ("Fortschritt (neueste zuerst)", "Progress (newest first)"),
    "tui_log_empty": ("Noch keine Einträge.", "No entries yet."),
    "tui_note_internal_marker": (" intern ", " internal "),
    "tui_field_summary": ("Zusammenfassung", "Summary"),
    "tui_field_goals": ("Ziele", "Goals"),
    "tui_goal_measures": ("Maßnahmen", "Measures"),
    "tui_nothing_selected": ("Keine Maßnahme ausgewählt.", "No measure selected."),
    "tui_status_file_broken": (
        "Die Statusdatei dieser Maßnahme ist fehlerhaft und wird nicht verändert. "
        "Mit e im Editor öffnen und korrigieren:",
        "The status file of this measure is broken and is left as it is. "
        "Press e to open it in the editor and fix it:",
    ),
    "tui_term_kurz": ("kurzfristig", "short-term"),
    "tui_term_mittel": ("mittelfristig", "medium-term"),
    "tui_term_lang": ("langfristig", "long-term"),
    "tui_too_small": (
        "Das Fenster ist zu klein.\nBitte auf mindestens {width}×{height} Zeichen vergrößern.",
        "The window is too small.\nPlease make it at least {width}×{height} characters.",
    ),
    # search and filter
    "tui_search_placeholder": (
        "Suchbegriff … · Eingabe: springen · Esc: aufheben",
        "Search words … · Enter: jump · Esc: clear",
    ),
    "tui_search_active": ("Suche „{query}“", "search '{query}'"),
    "tui_search_jumped": ("Erster Treffer: Maßnahme {id}", "First hit: measure {id}"),
    "tui_no_hits": ("Keine Maßnahme passt zu „{query}“", "No measure matches '{query}'"),
    "tui_hits": ("{count} von {total} Maßnahmen", "{count} of {total} measures"),
    "tui_filter_bar_label": ("{hits} –", "{hits} –"),
    "tui_filter_title": ("Filtern nach …", "Filter by …"),
    "tui_filter_clear": ("Alle Filter aufheben", "Clear all filters"),
    "tui_filter_any": ("alle", "any"),
    "tui_filter_values_title": (
        "{dimension}: Werte wählen (mehrere möglich)",
        "{dimension}: choose values (several possible)",
    ),
    "tui_filter_nothing_matches": (
        "Keine Maßnahme passt zu den Filtern – Esc hebt sie auf",
        "No measure matches the filters – Esc clears them",
    ),
    "tui_filter_cleared": (
        "Alle Filter aufgehoben – Auswahl und geöffnete Zweige bleiben",
        "All filters cleared – selection and open branches stay",
    ),
    "tui_tree_width": (
        "Baumbreite: {width} Spalten (gemerkt)",
        "Tree width: {width} columns (remembered)",
    ),
    "tui_tree_width_not_saved": (
        "Baumbreite: {width} Spalten (konnte nicht gespeichert werden)",
        "Tree width: {width} columns (could not be saved)",
    ),
    # dialogs
    "tui_picker_hint": (
        "↑↓ wählen · Eingabe übernehmen · Anfangsbuchstaben tippen · Esc abbrechen",
        "↑↓ choose · Enter take · type the first letters · Esc cancel",
    ),
    "tui_picker_hint_hotkeys": (
        "Buchstabe links wählt direkt · ↑↓ und Eingabe · Esc abbrechen",
        "The letter on the left chooses · ↑↓ and Enter · Esc cancel",
    ),
    "tui_checklist_hint": (
        "Leertaste/Buchstabe hakt an · Eingabe übernimmt · Esc bricht ab",
        "Space/letter ticks · Enter applies · Esc cancels",
    ),
    "tui_pick_status": ("Umsetzungsstand von Maßnahme {id}", "Status of measure {id}"),
    "tui_pick_assessment": ("Bewertung von Maßnahme {id}", "Assessment of measure {id}"),
    "tui_pick_priority": ("Priorität von Maßnahme {id}", "Priority of measure {id}"),
    "tui_pick_target": (
        "Welches Ziel des Zeithorizonts? (Maßnahme {id})",
        "Which horizon target? (measure {id})",
    ),
    "tui_pick_target_state": (
        "Stand des Ziels „{target}“ von Maßnahme {id}",
        "State of the target '{target}' of measure {id}",
    ),
    "tui_confirm_hint": ("j = ja · n = nein", "y = yes · n = no"),
    "tui_note_title": (
        "Neue Notiz zu Maßnahme {id} (Markdown)",
        "New note on measure {id} (Markdown)",
    ),
    "tui_note_internal_toggle": (
        "intern (nie im gedruckten Bericht)",
        "internal (never in the printed report)",
    ),
    "tui_toggle_state": ("{label}: {state}", "{label}: {state}"),
    "tui_toggle_on": ("ja", "yes"),
    "tui_toggle_off": ("nein", "no"),
    "tui_note_hint": (
        "Strg+S speichern · Strg+T intern an/aus · Esc schließen",
        "Ctrl+S save · Ctrl+T internal on/off · Esc close",
    ),
    "tui_note_empty": ("Die Notiz ist leer.", "The note is empty."),
    "tui_note_discard_question": (
        "Die Notiz ist nicht gespeichert. Verwerfen?",
        "The note is not saved. Discard it?",
    ),
    "tui_quit_unsaved_question": (
        "Eine Notiz ist noch nicht gespeichert und ginge verloren. Trotzdem beenden?",
        "A note is not saved yet and would be lost. Quit anyway?",
    ),
    "tui_help_title": ("Hilfe: Tasten und Zeichen", "Help: keys and marks"),
    "tui_help_hint": (
        "↑↓ / Bild↑↓ blättern · Esc, ? oder q schließt die Hilfe",
        "↑↓ / PgUp PgDn scroll · Esc, ? or q closes the help",
    ),
    "tui_help_section_about": ("Worum es geht", "What this is"),
    "tui_help_concept": ("Konzept", "Concept"),
    "tui_help_issuer": ("Herausgeber", "Issuer"),
    "tui_help_section_main": ("Überall in der Hauptansicht", "Anywhere on the main screen"),
    "tui_help_section_tree": ("Im Baum (links)", "In the tree (left)"),
    "tui_help_section_detail": (
        "In den Details (rechts, mit Tab erreichbar)",
        "In the details (right, reached with Tab)",
    ),
    "tui_help_section_lists": (
        "In Auswahllisten (s, t, b, p, f)",
        "In choice lists (s, t, b, p, f)",
    ),
    "tui_help_section_note": ("Im Notiz-Editor (n)", "In the note editor (n)"),
    "tui_help_section_export": ("Im Export-Dialog (x)", "In the export dialog (x)"),
    "tui_help_section_reports": ("In den Berichten (B)", "In the reports (B)"),
    "tui_help_section_questions": ("Bei Rückfragen", "When asked"),
    "tui_help_section_legend": ("Zeichen: {name}", "Marks: {name}"),
    "tui_help_section_marks": ("Weitere Zeichen", "Other marks"),
    "tui_help_list_move": ("Auswahl bewegen", "Move the choice"),
    "tui_help_list_take": ("Übernehmen", "Take it"),
    "tui_help_letter": ("Buchstabe", "Letter"),
    "tui_help_list_letter": (
        "Der Buchstabe links vor einem Eintrag wählt ihn direkt (Listen ohne Buchstaben: "
        "Anfangsbuchstaben tippen)",
        "The letter left of an entry chooses it (lists without letters: type the first letters)",
    ),
    "tui_legend_changed": (
        "seit dem letzten eingefrorenen Bericht geändert",
        "changed since the last frozen report",
    ),
    "tui_legend_broken": (
        "Statusdatei fehlerhaft (Stand unbekannt; e öffnet sie)",
        "status file broken (state unknown; e opens it)",
    ),
    "tui_legend_overdue": (
        "länger als die Frist des Konzepts nicht überprüft (u vermerkt eine Überprüfung)",
        "not reviewed for longer than the concept's period (u records a review)",
    ),
    "tui_legend_rollup_mark": ("3/7", "3/7"),
    "tui_legend_rollup": (
        "3 von 7 Maßnahmen umgesetzt (Handlungsfeld, Ziel)",
        "3 of 7 measures implemented (field, goal)",
    ),
    "tui_legend_branches": ("Zweig zugeklappt / aufgeklappt", "branch collapsed / expanded"),
    "tui_conflict_title": ("Gleichzeitige Änderung", "Simultaneous change"),
    "tui_conflict_intro": (
        "Während Sie Maßnahme {id} bearbeitet haben, wurden dieselben Felder geändert – "
        "zuletzt von {by}. Notizen sind in jedem Fall gespeichert. Welche Fassung soll gelten?",
        "While you edited measure {id}, the same fields were changed – last by {by}. "
        "Notes are saved either way. Which version should stand?",
    ),
    "tui_conflict_changed_by": ("(geändert von {by})", "(changed by {by})"),
    "tui_conflict_someone": ("jemand anderem", "someone else"),
    "tui_conflict_theirs": ("andere Fassung:", "other version:"),
    "tui_conflict_mine": ("meine Fassung: ", "my version:   "),
    "tui_conflict_hint": (
        "m = meine Fassung speichern · a oder Esc = andere Fassung behalten",
        "m = save my version · a or Esc = keep the other version",
    ),
    # status line
    "tui_saved": ("Maßnahme {id} gespeichert (als {login})", "Measure {id} saved (as {login})"),
    "tui_note_saved": (
        "Notiz zu {id} gespeichert (als {login}): „{quote}“ – siehe Fortschritt",
        "Note on {id} saved (as {login}): '{quote}' – see Progress",
    ),
    "tui_note_saved_internal": (
        "Interne Notiz zu {id} gespeichert (als {login}): „{quote}“ – siehe Fortschritt",
        "Internal note on {id} saved (as {login}): '{quote}' – see Progress",
    ),
    "tui_save_failed": (
        "Maßnahme {id} nicht gespeichert: {reason}",
        "Measure {id} not saved: {reason}",
    ),
    "tui_conflict_status": (
        "Maßnahme {id}: gleichzeitig geändert von {by} – bitte wählen",
        "Measure {id}: changed at the same time by {by} – please choose",
    ),
    "tui_conflict_kept_theirs": (
        "Maßnahme {id}: andere Fassung behalten",
        "Measure {id}: kept the other version",
    ),
    "tui_select_measure_first": (
        "Bitte zuerst eine Maßnahme auswählen.",
        "Please select a measure first.",
    ),
    "tui_no_targets": (
        "Maßnahme {id} hat keinen Zeithorizont.",
        "Measure {id} has no time horizon.",
    ),
    "tui_broken_file": (
        "Statusdatei von {id} fehlerhaft: {problem}",
        "Status file of {id} is broken: {problem}",
    ),
    "tui_broken_files": (
        "{count} fehlerhafte Statusdatei(en): {ids} – diese Maßnahmen werden nicht verändert",
        "{count} broken status file(s): {ids} – these measures are left unchanged",
    ),
    "tui_no_file_yet": (
        "Für Maßnahme {id} gibt es noch keine Statusdatei – erst mit s, t, b, p oder n etwas erfassen.",
        "Measure {id} has no status file yet – record something with s, t, b, p or n first.",
    ),
    "tui_editor_failed": (
        "Editor konnte nicht gestartet werden: {reason}",
        "Could not start the editor: {reason}",
    ),
    "tui_file_reread": ("Statusdatei von {id} neu gelesen", "Re-read the status file of {id}"),
    "tui_file_reread_after": (
        "Statusdatei von {id} nach {editor} neu gelesen – nichts nachzutragen",
        "Re-read the status file of {id} after {editor} – nothing to record",
    ),
    "tui_builtin_editor": ("dem eingebauten Editor", "the built-in editor"),
    "tui_file_editor_title": (
        "Statusdatei von Maßnahme {id} – eingebauter Editor ($VISUAL/$EDITOR nicht gesetzt, "
        "nano nicht installiert)",
        "Status file of measure {id} – built-in editor ($VISUAL/$EDITOR not set, nano not "
        "installed)",
    ),
    "tui_file_editor_hint": (
        "Strg+S speichern (Änderungen am Stand werden als „von-hand“ nachgetragen) · Esc schließen",
        "Ctrl+S save (changes of the state are recorded as 'von-hand') · Esc close",
    ),
    "tui_file_discard_question": (
        "Die Änderungen an der Datei sind nicht gespeichert. Verwerfen?",
        "The changes to the file are not saved. Discard them?",
    ),
    "tui_file_changed_meanwhile": (
        "die Datei wurde inzwischen anderswo gespeichert – Ihre Fassung ist nicht gespeichert; "
        "Esc und e öffnen die neue",
        "the file was saved elsewhere meanwhile – your version is not saved; Esc and e open "
        "the new one",
    ),
    "tui_export_running": ("Export läuft …", "Exporting …"),
    "tui_export_written": ("Export geschrieben: {path}", "Export written: {path}"),
    "tui_export_written_many": (
        "Export geschrieben: {count} Dateien in {folder}",
        "Export written: {count} files in {folder}",
    ),
    "tui_export_failed": ("Export fehlgeschlagen: {reason}", "Export failed: {reason}"),
    "tui_export_refused": (
        "Export abgelehnt: {count} Statusdatei(en) fehlerhaft – ein Bericht ohne diesen Stand "
        "darf nicht hinausgehen. Bitte korrigieren (Taste e):",
        "Export refused: {count} broken status file(s) – a report without their state must "
        "not go out. Please fix them (key e):",
    ),
    "tui_export_refused_short": (
        "Export abgelehnt: fehlerhafte Statusdatei {problem}",
        "Export refused: broken status file {problem}",
    ),
    "tui_export_already_running": (
        "Der Export läuft bereits – bitte warten.",
        "The export is already running – please wait.",
    ),
    "tui_reviewed_saved": (
        "Maßnahme {id}: als überprüft am {day} vermerkt (als {login})",
        "Measure {id}: recorded as reviewed on {day} (as {login})",
    ),
    # export dialog
    "tui_export_title": ("Bericht exportieren", "Export the report"),
    "tui_export_format_label": ("Format:", "Format:"),
    "tui_export_format_all": ("alle", "all"),
    "tui_export_date_label": ("Berichtsstand:", "Report date:"),
    "tui_export_date_hint": ("TT.MM.JJJJ oder JJJJ-MM-TT", "YYYY-MM-DD or DD.MM.YYYY"),
    "tui_date_hint": ("TT.MM.JJJJ", "YYYY-MM-DD"),
    "tui_export_field_label": ("Handlungsfeld:", "Field:"),
    "tui_export_field_all": ("alle", "all"),
    "tui_export_field_whole": ("der ganze Bericht", "the whole report"),
    "tui_export_notes_label": ("Notizen:", "Notes:"),
    "tui_export_notes_or_since": (
        "neueste je Maßnahme, oder alle seit",
        "latest per measure, or all since",
    ),
    "tui_export_summary_toggle": (
        "Zusammenfassungen der Handlungsfelder voranstellen",
        "Begin with the summaries of the fields",
    ),
    "tui_export_bad_since": (
        "„{value}“ ist kein gültiges Datum für „Notizen seit“. Bitte als TT.MM.JJJJ oder "
        "JJJJ-MM-TT eingeben, oder leer lassen.",
        "'{value}' is not a valid date for 'notes since'. Please enter it as YYYY-MM-DD or "
        "DD.MM.YYYY, or leave it empty.",
    ),
    "tui_export_bad_notes": (
        "„{value}“ ist keine Anzahl von Notizen. Bitte eine ganze Zahl ab 0 eingeben, oder "
        "leer lassen.",
        "'{value}' is no number of notes. Please enter a whole number from 0, or leave it empty.",
    ),
    "tui_export_bad_date": (
        "„{value}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ oder JJJJ-MM-TT eingeben, "
        "z. B. 31.03.2026.",
        "'{value}' is not a valid date. Please enter it as YYYY-MM-DD or DD.MM.YYYY, "
        "e.g. 2026-03-31.",
    ),
    "tui_export_filter_toggle": ("Aktuellen Filter anwenden", "Apply the current filter"),
    "tui_export_no_filter": (
        "Kein Filter aktiv: der ganze Bericht wird exportiert.",
        "No filter active: the whole report is exported.",
    ),
    "tui_export_filter_applies": (
        "Der Bericht wird beschränkt auf: {parts}",
        "The report is restricted to: {parts}",
    ),
    "tui_export_filter_whole": (
        "Filter nicht angewandt: der ganze Bericht wird exportiert.",
        "Filter not applied: the whole report is exported.",
    ),
    "tui_export_filter_nothing_applicable": (
        "Der aktive Filter lässt sich nicht auf den Bericht übertragen: der ganze Bericht wird "
        "exportiert.",
        "The active filter cannot be carried over to the report: the whole report is exported.",
    ),
    "tui_export_filter_ignored": (
        "Nicht übertragbar (der Bericht kennt nur Amt und Stand): {parts}",
        "Not carried over (the report only knows office and status): {parts}",
    ),
    "tui_export_progress": (
        "{bar} {number}/{count} {format} wird erstellt … {seconds} s",
        "{bar} {number}/{count} creating {format} … {seconds} s",
    ),
    "tui_export_preparing": (
        "Statusdateien werden gelesen … {seconds} s",
        "Reading the status files … {seconds} s",
    ),
    "tui_export_done": ("Geschrieben:", "Written:"),
    "tui_export_finished": ("{bar} fertig", "{bar} done"),
    "tui_export_hint": (
        "Tab Feld · ←→ wählen · Leertaste an/aus · Eingabe Export · Esc schließt",
        "Tab field · ←→ choose · Space on/off · Enter export · Esc closes",
    ),
    "tui_catalogue_broken": (
        "Katalog fehlerhaft, die bisherige Fassung bleibt angezeigt: {problem}",
        "The catalogue is broken; the previous version stays on screen: {problem}",
    ),
    "tui_reloaded": ("Neu geladen", "Reloaded"),
    "tui_ctrl_c_hint": ("Beenden mit q oder Strg+Q", "Quit with q or Ctrl+Q"),
    "tui_palette_placeholder": ("Befehl oder Maßnahme suchen …", "Search a command or measure …"),
    "tui_go_to_measure": ("Gehe zu Maßnahme {id}: {title}", "Go to measure {id}: {title}"),
    "tui_go_to_prefix": ("Gehe zu Maßnahme", "Go to measure"),
    "tui_app_catalogue_broken": (
        "Der Katalog enthält Fehler; die App startet erst, wenn sie behoben sind.",
        "The catalogue has errors; the app starts once they are fixed.",
    ),
}
