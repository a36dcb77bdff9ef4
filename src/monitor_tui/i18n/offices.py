"""Messages of people, offices, due measures and update requests: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- people.toml and concept.toml -------------------------------------------------------
    "people_format": (
        "people.toml kennt nur Tabellen [people.<anmeldename>] (name, offices, email) und "
        '[offices."<Amt>"] (contact, email, phone)',
        "people.toml knows only tables [people.<login>] (name, offices, email) and "
        '[offices."<office>"] (contact, email, phone)',
    ),
    "people_entry": (
        "Eintrag „{login}“ braucht einen Namen (name); offices ist eine Liste von Ämtern, "
        "email ein Text",
        "entry '{login}' needs a name; offices is a list of offices, email a text",
    ),
    "people_office_entry": (
        "Amt „{office}“: contact, email und phone müssen Texte sein",
        "office '{office}': contact, email and phone must be texts",
    ),
    "people_office_unknown": (
        "Unbekanntes Amt „{office}“ ({where}). Ämter im Katalog: {known}",
        "unknown office '{office}' ({where}). Offices in the catalogue: {known}",
    ),
    "key_not_date": (
        "„{key}“ muss ein Datum sein (JJJJ-MM-TT, ohne Anführungszeichen)",
        "'{key}' must be a date (YYYY-MM-DD, without quotes)",
    ),
    "check_no_monitoring_start": (
        "Hinweis: catalogue/concept.toml nennt keinen Beginn des Monitorings "
        "(monitoring_start = JJJJ-MM-TT); bis dahin gilt der früheste Eintrag in status/: {start}",
        "note: catalogue/concept.toml names no start of monitoring "
        "(monitoring_start = YYYY-MM-DD); until then the earliest entry in status/ stands in: "
        "{start}",
    ),
    "check_no_entries_yet": ("noch keiner", "none yet"),
    "init_monitoring_start_comment": (
        "Beginn des Monitorings (von „monitor-tui init“ eingetragen).",
        "Start of monitoring (written by 'monitor-tui init').",
    ),
    # --- next steps ---------------------------------------------------------------------------
    "report_next_step": ("Nächster Schritt", "Next step"),
    "report_next_step_due": ("Nächster Schritt (bis {date})", "Next step (by {date})"),
    "report_next_step_overdue": ("Termin verstrichen", "date passed"),
    "status_next_step_due_without_step": (
        '--next-step-due braucht einen Nächsten Schritt (--next-step "" löscht ihn samt Termin)',
        '--next-step-due needs a next step (--next-step "" clears it and its date)',
    ),
    "status_reason_required": (
        "{values} braucht eine Begründung: bitte mit --note TEXT sagen, warum (nichts gespeichert)",
        "{values} needs a reason: please say why with --note TEXT (nothing saved)",
    ),
    "wording_request_answer": (
        "Antwort von {who} auf die Abfrage vom {date}",
        "answer from {who} to the request of {date}",
    ),
    "offices_none_for_login": (
        "Für die Anmeldung „{login}“ nennt catalogue/people.toml keine Ämter "
        '([people.{login}] mit offices = ["…"])',
        "catalogue/people.toml names no offices for the login '{login}' "
        '([people.{login}] with offices = ["…"])',
    ),
    "report_restriction_offices": ("Ämter: {value}", "offices: {value}"),
    "tui_filter_mine_active": ("meine Maßnahmen", "my measures"),
    "tui_filter_by_mine": ("Meine Maßnahmen (meiner Ämter)", "My measures (of my offices)"),
    "tui_filter_by_mine_off": ("Nicht nur meine Maßnahmen", "Not only my measures"),
    # --- command line ---------------------------------------------------------------------------
    "cli_mine_help": (
        "nur Maßnahmen der Ämter der angemeldeten Person (catalogue/people.toml)",
        "only measures of the offices of the person logged in (catalogue/people.toml)",
    ),
    "cli_next_step_help": (
        'Nächster Schritt als Text ("" löscht ihn)',
        'next step as text ("" clears it)',
    ),
    "cli_next_step_due_help": ("Termin des Nächsten Schritts", "date of the next step"),
    "cli_due_help": (
        "fällige und überfällige Maßnahmen je Amt",
        "measures due and overdue, per office",
    ),
    "cli_due_date_help": (
        "Stichtag (Standard: heute; darf in der Zukunft liegen)",
        "reference day (default: today; may lie in the future)",
    ),
    "cli_due_format_help": ("Ausgabe als Text oder JSON", "output as text or JSON"),
    "cli_requests_help": (
        "Abfragen an die Ämter schreiben (eine Datei je Amt) oder eine Antwort einlesen",
        "write update requests to the offices (one file each) or read an answer back",
    ),
    "cli_requests_format_help": ("Format der Abfrage (Standard: docx)", "format (default: docx)"),
    "cli_requests_reply_help": (
        "Antwort erbeten bis (Standard: in 14 Tagen)",
        "reply requested by (default: in 14 days)",
    ),
    "cli_requests_actions": ("Aktionen", "actions"),
    "cli_requests_import_help": (
        "ein ausgefülltes DOCX-Formular einlesen: zeigt je Maßnahme, was sich ändert, und "
        "übernimmt es",
        "read a filled-in DOCX form: shows per measure what changes, then applies it",
    ),
    "cli_requests_file_help": ("das ausgefüllte Formular", "the filled-in form"),
    "cli_requests_dry_run_help": (
        "nur zeigen, was sich ändern würde; nichts speichern",
        "only show what would change; save nothing",
    ),
    # --- due -----------------------------------------------------------------------------------
    "list_or": ("oder", "or"),
    "due_heading": ("Fällig und überfällig, Stichtag {date}:", "Due and overdue, as of {date}:"),
    "due_rule_report": (
        "fällig: kein Eintrag (Änderung, Notiz, Überprüfung) seit dem Bericht {id} "
        "(Berichtsstand {date}) oder ein Nächster Schritt mit verstrichenem Termin",
        "due: no entry (change, note, review) since report {id} (as of {date}) or a next step "
        "past its date",
    ),
    "due_rule_start": (
        "fällig: kein Eintrag (Änderung, Notiz, Überprüfung) seit Beginn des Monitorings "
        "({date}; noch kein Bericht eingefroren) oder ein Nächster Schritt mit verstrichenem "
        "Termin",
        "due: no entry (change, note, review) since monitoring began ({date}; no report frozen "
        "yet) or a next step past its date",
    ),
    "due_rule_nothing": (
        "fällig: noch nichts erfasst und noch kein Bericht eingefroren",
        "due: nothing recorded and no report frozen yet",
    ),
    "due_rule_overdue": (
        "überfällig: länger als {days} Tage nicht überprüft (nie überprüfte ab Beginn des "
        "Monitorings: {start})",
        "overdue: not reviewed for more than {days} days (never reviewed ones counting from the "
        "start of monitoring: {start})",
    ),
    "due_start_unknown": ("unbekannt", "unknown"),
    "due_start_earliest": (
        "{date}, der früheste Eintrag – monitoring_start in concept.toml fehlt",
        "{date}, the earliest entry – monitoring_start is missing in concept.toml",
    ),
    "due_office": (
        "{office} – {total} Maßnahmen: {due} fällig, {overdue} überfällig",
        "{office} – {total} measures: {due} due, {overdue} overdue",
    ),
    "due_contact": ("Kontakt", "contact"),
    "due_mark_due": ("fällig", "due"),
    "due_mark_overdue": ("überfällig", "overdue"),
    "due_broken": ("Statusdatei fehlerhaft", "status file broken"),
    "due_last_update": ("letzter Eintrag {date}", "last entry {date}"),
    "due_never_updated": ("noch nichts erfasst", "nothing recorded"),
    "due_reviewed": ("geprüft {date}", "reviewed {date}"),
    "due_never_reviewed": ("nie geprüft", "never reviewed"),
    "due_next_step": ("Nächster Schritt bis {date}: {text}", "next step by {date}: {text}"),
    "due_next_step_late": (
        "Nächster Schritt bis {date} (Termin verstrichen): {text}",
        "next step by {date} (date passed): {text}",
    ),
    "due_next_step_undated": ("Nächster Schritt: {text}", "next step: {text}"),
    "due_nothing_due": (
        "Nichts fällig bei {count} Ämtern: {offices}",
        "nothing due at {count} offices: {offices}",
    ),
    # --- the request letter --------------------------------------------------------------------
    "request_subject": (
        "Abfrage zum Umsetzungsstand der Maßnahmen des Integrationskonzeptes",
        "Request for the state of the measures of the integration concept",
    ),
    "request_reply_by": (
        "Bitte antworten Sie bis zum {date}.",
        "Please reply by {date}.",
    ),
    "request_attention": ("z. Hd. {name}", "attn. {name}"),
    "request_salutation": ("Sehr geehrte Damen und Herren,", "Dear Sir or Madam,"),
    "request_salutation_named": ("Guten Tag {name},", "Dear {name},"),
    "request_body_intro": (
        "für den nächsten Bericht zum „{title}“ bitten wir Sie um den aktuellen Stand der "
        "Maßnahmen, für die Ihr Amt zuständig ist ({count}).",
        "for the next report on the '{title}' we ask you for the current state of the measures "
        "your office is responsible for ({count}).",
    ),
    "request_body_pages": (
        "Auf den folgenden Seiten finden Sie zu jeder Maßnahme den Wortlaut aus dem Konzept, "
        "den bisher erfassten Stand und die letzten Einträge. Bitte füllen Sie darunter die gelb "
        "hinterlegten Felder „Ihre Angaben“ aus:",
        "On the following pages you find for each measure its wording in the concept, the state "
        "recorded so far and the latest entries. Please fill in the fields 'Your answer' on a "
        "yellow ground below them:",
    ),
    "request_instruction_tick": (
        "Kreuzen Sie je Frage eine Antwort an: in Word und LibreOffice per Klick auf ☐, sonst "
        "☐ durch X ersetzen. Eine Frage ohne Kreuz lässt den bisherigen Stand unverändert.",
        "Tick one answer per question: in Word and LibreOffice click ☐, elsewhere replace ☐ by "
        "X. A question left unticked keeps the state as it is.",
    ),
    "request_instruction_text": (
        "Beschreiben Sie den Fortschritt seit dem letzten Bericht und die nächsten Schritte "
        "mit Termin.",
        "Describe the progress since the last report and the next steps with a date.",
    ),
    "request_instruction_reason": (
        "Wenn Sie {values} ankreuzen, begründen Sie dies bitte im Feld „Fortschritt seit dem "
        "letzten Bericht“.",
        "If you tick {values}, please give the reason under 'Progress since the last report'.",
    ),
    "request_body_keep": (
        "Bitte ändern Sie an den Tabellen sonst nichts und löschen Sie keine Zeilen: Ihre "
        "Antwort wird maschinell eingelesen. Speichern Sie die Datei im Format DOCX und senden "
        "Sie sie bis zum {date} an {address}.",
        "Please change nothing else in the tables and delete no rows: your answer is read by a "
        "program. Save the file as DOCX and send it by {date} to {address}.",
    ),
    "request_thanks": ("Vielen Dank für Ihre Unterstützung.", "Thank you for your support."),
    "request_regards": ("Mit freundlichen Grüßen", "Kind regards"),
    "request_form_id": (
        "Kennung der Abfrage (bitte nicht ändern): {id}",
        "Id of the request (please do not change): {id}",
    ),
    "request_measures_heading": (
        "Ihre Maßnahmen ({count})",
        "Your measures ({count})",
    ),
    "request_measure_heading": ("Maßnahme {id} · {label}", "Measure {id} · {label}"),
    "request_catalogue_heading": (
        "Maßnahme {id}: Wortlaut im Konzept",
        "Measure {id}: wording in the concept",
    ),
    "request_state_heading": ("Bisher erfasster Stand", "State recorded so far"),
    "request_notes_label": ("Letzte Einträge", "Latest entries"),
    "request_no_notes": ("noch keine", "none yet"),
    "request_never": ("noch nie", "never"),
    "request_answers_heading": (
        "Ihre Angaben (bitte ausfüllen)",
        "Your answer (please fill in)",
    ),
    "request_target_label": ("Ziel „{label}“", "Target '{label}'"),
    "request_progress": (
        "Fortschritt seit dem letzten Bericht",
        "Progress since the last report",
    ),
    "request_progress_hint": (
        "was erreicht wurde; Begründungen (siehe Anschreiben)",
        "what was achieved; reasons (see the letter)",
    ),
    "request_next_step": ("Nächste Schritte", "Next steps"),
    "request_next_step_hint": ("was als Nächstes geschieht", "what happens next"),
    "request_next_step_due": ("Nächste Schritte bis", "Next steps by"),
    "request_date_hint": ("Datum: TT.MM.JJJJ", "date: DD.MM.YYYY"),
    # --- writing and reading requests ----------------------------------------------------------
    "requests_written": (
        "Abfrage an {office} (Maßnahmen: {count}): {path}",
        "request to {office} (measures: {count}): {path}",
    ),
    "requests_written_renamed": (
        "Abfrage an {office} (Maßnahmen: {count}): {path} (der übliche Name ist schon vergeben, "
        "z. B. von einer zurückgelegten Antwort; sie bleibt unverändert)",
        "request to {office} (measures: {count}): {path} (the usual name is taken, e.g. by an "
        "answer saved back; it stays as it is)",
    ),
    "requests_reply_past": (
        "Das Antwortdatum {date} liegt vor heute ({today})",
        "the reply date {date} is before today ({today})",
    ),
    "requests_status_broken": (
        "{count} Statusdatei(en) nicht lesbar: keine Abfrage geschrieben (sie zeigte einen "
        "falschen Stand)",
        "{count} status file(s) unreadable: no request written (it would show a wrong state)",
    ),
    "requests_form_unreadable": (
        "Datei nicht lesbar: {reason}",
        "file unreadable: {reason}",
    ),
    "requests_form_not_docx": (
        "{path}: keine lesbare DOCX-Datei (bitte in Word oder LibreOffice als .docx speichern)",
        "{path}: not a readable DOCX file (please save it as .docx in Word or LibreOffice)",
    ),
    "requests_form_no_id": (
        "Das ist kein Abfrage-Formular: die Kennung „[abfrage …]“ am Ende des Anschreibens "
        "fehlt oder wurde verändert",
        "this is no request form: the id '[abfrage …]' at the end of the letter is missing or "
        "was changed",
    ),
    "requests_form_office_unknown": (
        "Die Kennung nennt das Amt „{office}“, das der Katalog nicht kennt",
        "the id names the office '{office}', which the catalogue does not know",
    ),
    "requests_form_foreign_table": (
        "Tabelle zu Maßnahme {id}: gehört nicht zu dieser Abfrage (Formular verändert)",
        "table of measure {id}: not part of this request (form altered)",
    ),
    "requests_form_measure_gone": (
        "Maßnahme {id} aus der Abfrage gibt es im Katalog nicht mehr",
        "measure {id} of the request is no longer in the catalogue",
    ),
    "requests_form_table_missing": (
        "Die Tabelle zu Maßnahme {id} fehlt (Formular verändert: gelöscht, oder die erste "
        "Zelle nennt die Maßnahme nicht mehr)",
        "the table of measure {id} is missing (form altered: deleted, or its first cell no "
        "longer names the measure)",
    ),
    "requests_form_table_twice": (
        "Die Tabelle zu Maßnahme {id} steht zweimal im Formular",
        "the table of measure {id} is in the form twice",
    ),
    "requests_form_rows_missing": (
        "Tabelle zu Maßnahme {id}: Zeilen von „Ihre Angaben“ fehlen (Formular verändert)",
        "table of measure {id}: rows of 'Your answer' are missing (form altered)",
    ),
    "requests_form_row_changed": (
        "Tabelle zu Maßnahme {id}, Zeile {row}: erwartet „{label}“, gefunden „{found}“ "
        "(Formular verändert)",
        "table of measure {id}, row {row}: expected '{label}', found '{found}' (form altered)",
    ),
    "requests_answer_bad_date": (
        "„{label}“: „{value}“ ist kein Datum (TT.MM.JJJJ)",
        "'{label}': '{value}' is no date (DD.MM.YYYY)",
    ),
    "requests_answer_two_ticks": (
        "„{label}“: mehr als ein Wert angekreuzt",
        "'{label}': more than one value ticked",
    ),
    "requests_answer_unknown_line": (
        "„{label}“: „{text}“ ist keiner der vorgegebenen Werte",
        "'{label}': '{text}' is none of the given values",
    ),
    "requests_reason_missing": (
        "{values} ohne Begründung: bitte im Feld „Fortschritt seit dem letzten Bericht“ sagen, "
        "warum",
        "{values} without a reason: please say why under 'Progress since the last report'",
    ),
    "requests_plan_heading": (
        "Antwort von {who} auf die Abfrage vom {date}",
        "Answer from {who} to the request of {date}",
    ),
    "requests_plan_file": ("Datei: {path}", "file: {path}"),
    "requests_plan_empty": (
        "{title}: keine Angaben – bleibt, wie es ist",
        "{title}: no answer – stays as it is",
    ),
    "requests_plan_done": (
        "{title}: aus diesem Formular schon eingelesen am {date} von {who} – nichts zu tun",
        "{title}: already read from this form on {date} by {who} – nothing to do",
    ),
    "requests_plan_invalid": (
        "{title}: wird nicht übernommen –",
        "{title}: not taken –",
    ),
    "requests_plan_conflict": (
        "! {field} wurde seit der Abfrage auf „{theirs}“ geändert; die Antwort „{mine}“ wird "
        "nicht übernommen",
        "! {field} was changed to '{theirs}' since the request; the answer '{mine}' is not taken",
    ),
    "requests_plan_note": ("Notiz:", "note:"),
    "requests_plan_summary": (
        "Übernommen werden {count} von {total} Maßnahmen.",
        "{count} of {total} measures will be taken.",
    ),
    "requests_dry_run": ("Probelauf: nichts gespeichert.", "dry run: nothing saved."),
    "requests_applied_saved": ("{id}: gespeichert", "{id}: saved"),
    "requests_applied_failed": ("{id}: nicht gespeichert – {reason}", "{id}: not saved – {reason}"),
    "requests_applied_summary": (
        "Übernommen: {count} Maßnahmen.",
        "{count} measures taken.",
    ),
    "requests_import_incomplete": (
        "monitor-tui: nicht alle Antworten übernommen (siehe oben)",
        "monitor-tui: not every answer was taken (see above)",
    ),
    # --- the app ---------------------------------------------------------------------------------
    "tui_key_next_step": (
        "Nächsten Schritt mit Termin setzen",
        "Set the next step and its date",
    ),
    "tui_key_next_step_short": ("Nächster Schritt", "Next step"),
    "tui_key_due": (
        "Fällig: was je Amt zu tun ist (Abfrage, Antwort)",
        "Due: what is to do per office (request, answer)",
    ),
    "tui_key_due_short": ("Fällig", "Due"),
    "tui_key_import": (
        "Antwort eines Amtes einlesen (ausgefülltes DOCX-Formular)",
        "Read an office's answer (filled-in DOCX form)",
    ),
    "tui_key_import_short": ("Antwort einlesen", "Read answer"),
    "tui_due_office": (
        "{office}: {due} fällig, {overdue} überfällig (von {total})",
        "{office}: {due} due, {overdue} overdue (of {total})",
    ),
    "tui_key_due_request": ("Abfrage an dieses Amt schreiben", "Write the request to this office"),
    "tui_key_due_mine": ("Nur meine Ämter", "Only my offices"),
    "tui_key_import_read": ("Einlesen", "Read"),
    "tui_key_import_apply": ("Übernehmen", "Apply"),
    "tui_key_next_step_save": ("Speichern", "Save"),
    "tui_label_next_step": ("Nächster Schritt:", "Next step:"),
    "tui_next_step_by": ("Nächster Schritt bis {date}:", "Next step by {date}:"),
    "tui_next_step_late_marker": (" TERMIN VERSTRICHEN ", " DATE PASSED "),
    "tui_next_step_title": (
        "Nächster Schritt für Maßnahme {id}",
        "Next step for measure {id}",
    ),
    "tui_next_step_text_label": ("Was geschieht als Nächstes?", "What happens next?"),
    "tui_next_step_text_placeholder": (
        "z. B. Flyer an alle Kitas verteilen",
        "e.g. hand out the flyers to every nursery",
    ),
    "tui_next_step_date_placeholder": ("TT.MM.JJJJ", "YYYY-MM-DD"),
    "tui_next_step_date_label": (
        "Bis wann? (JJJJ-MM-TT oder TT.MM.JJJJ, leer: ohne Termin)",
        "By when? (YYYY-MM-DD or DD.MM.YYYY, empty: no date)",
    ),
    "tui_next_step_hint": (
        "Enter speichert · leerer Text löscht den Schritt · Tab nächstes Feld · Esc abbrechen",
        "Enter saves · an empty text clears the step · Tab next field · Esc cancel",
    ),
    "tui_next_step_bad_date": (
        "„{value}“ ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ)",
        "'{value}' is no date (YYYY-MM-DD or DD.MM.YYYY)",
    ),
    "tui_next_step_date_without_text": (
        "Ein Termin braucht einen Schritt: bitte sagen, was geschieht",
        "A date needs a step: please say what happens",
    ),
    "tui_reason_title": (
        "Begründung für Maßnahme {id}: {values} – warum? (Strg+S speichert beides)",
        "Reason for measure {id}: {values} – why? (ctrl+s saves both)",
    ),
    "tui_due_title": (
        "Fällig zum nächsten Bericht · Stichtag {date}",
        "Due for the next report · as of {date}",
    ),
    "tui_due_since_report": (
        "fällig: kein Eintrag seit Bericht {id} ({date}) oder Termin verstrichen",
        "due: no entry since report {id} ({date}) or a step past its date",
    ),
    "tui_due_since_start": (
        "fällig: kein Eintrag seit Beginn ({date}) oder Termin verstrichen",
        "due: no entry since monitoring began on {date} or a step past its date",
    ),
    "tui_due_overdue_rule": (
        "überfällig: länger als {days} Tage nicht überprüft",
        "overdue: not reviewed for more than {days} days",
    ),
    "tui_due_quiet": (
        "Nichts fällig bei {count} weiteren Ämtern",
        "Nothing due at {count} more offices",
    ),
    "tui_due_step_late": ("Schritt verstrichen", "step late"),
    "tui_due_never_short": ("nie", "never"),
    "tui_due_column_id": ("Nr.", "No."),
    "tui_due_column_why": ("Grund", "Why"),
    "tui_due_column_entry": ("Eintrag", "Entry"),
    "tui_due_column_reviewed": ("geprüft", "Reviewed"),
    "tui_due_column_status": ("Stand", "Status"),
    "tui_due_hint": (
        "Enter zeigen · a Abfrage ans Amt · i Antwort einlesen · m meine Ämter · Esc",
        "Enter show · a request to the office · i read an answer · m my offices · Esc",
    ),
    "tui_due_pick_office": (
        "Bitte zuerst ein Amt oder eine seiner Maßnahmen wählen",
        "Please choose an office or one of its measures first",
    ),
    "tui_due_request_running": (
        "Eine Abfrage wird gerade geschrieben – bitte warten.",
        "A request is being written – please wait.",
    ),
    "tui_due_request_writing": (
        "Abfrage an {office} wird geschrieben …",
        "Writing the request to {office} …",
    ),
    "tui_due_request_written": ("Abfrage an {office}: {path}", "Request to {office}: {path}"),
    "tui_import_title": ("Antwort eines Amtes einlesen", "Read an office's answer"),
    "tui_import_path_label": (
        "Ausgefülltes Formular (DOCX), Pfad auf dem Server:",
        "Filled-in form (DOCX), path on the server:",
    ),
    "tui_import_hint": (
        "Enter zeigt, was sich ändern würde (noch nichts wird gespeichert) · Esc abbrechen",
        "Enter shows what would change (nothing is saved yet) · Esc cancel",
    ),
    "tui_import_no_path": ("Bitte den Pfad der Datei angeben", "Please give the file's path"),
    "tui_import_is_folder": (
        "{path} ist ein Ordner; bitte den Dateinamen ergänzen",
        "{path} is a folder; please add the file name",
    ),
    "tui_import_preview_title": (
        "Vorschau: was die Antwort ändert",
        "Preview: what the answer changes",
    ),
    "tui_import_preview_hint": (
        "Strg+S oder Enter übernimmt (Maßnahmen: {count}) · Esc bricht ab, nichts gespeichert",
        "ctrl+s or Enter applies (measures: {count}) · Esc cancels, nothing saved",
    ),
    "tui_import_nothing_hint": (
        "Nichts zu übernehmen · Esc schließen",
        "Nothing to apply · Esc close",
    ),
    "tui_import_done_hint": ("Übernommen · Esc schließen", "Applied · Esc close"),
    "filter_dimension_mine": ("Meine Maßnahmen", "My measures"),
    "filter_mine_on": (
        "nur die Maßnahmen meiner Ämter (catalogue/people.toml)",
        "only the measures of my offices (catalogue/people.toml)",
    ),
    "filter_mine_active": ("nur meine Maßnahmen", "only my measures"),
}
