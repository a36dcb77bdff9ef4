"""Messages of the overview screen and the report's charts: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the report's charts
    "report_chart_status": (
        "Umsetzungsstand je Handlungsfeld",
        "Status per field of action",
    ),
    "report_chart_status_caption": (
        "Anzahl der Maßnahmen je Handlungsfeld und Umsetzungsstand.",
        "Number of measures per field of action and status.",
    ),
    "report_chart_assessment": ("Bewertung je Handlungsfeld", "Assessment per field of action"),
    "report_chart_assessment_caption": (
        "Anzahl der Maßnahmen je Handlungsfeld und Bewertung; „–“: noch nicht bewertet.",
        "Number of measures per field of action and assessment; '–': not assessed yet.",
    ),
    "report_chart_not_assessed": ("ohne Bewertung", "not assessed"),
    "report_chart_targets": ("Zielerreichung je Zeithorizont", "Targets per time horizon"),
    "report_chart_targets_caption": (
        "Anzahl der Ziele je Stand; ein Ziel mehrerer Zeithorizonte "
        "(„mittel- und langfristig“) zählt bei jedem.",
        "Number of targets per state; a target of several horizons "
        "('medium and long term') counts under each.",
    ),
    "report_chart_targets_unit": ("Ziele", "targets"),
    "report_chart_compare": (
        "Umsetzungsstand je Handlungsfeld: vorher und jetzt",
        "Status per field of action: before and now",
    ),
    "report_chart_compare_caption": (
        "Je Handlungsfeld oben der Stand im verglichenen Bericht ({before}), darunter der "
        "Stand zum Berichtsstand ({now}); neue Maßnahmen zählen nur jetzt.",
        "Per field of action, above: the state in the compared report ({before}); below: "
        "the state on the report date ({now}); new measures count only now.",
    ),
    # the app's Übersicht (o)
    "tui_key_overview": (
        "Übersicht: Zahlen je Handlungsfeld, was Aufmerksamkeit braucht",
        "Overview: numbers per field of action, what needs attention",
    ),
    "tui_key_overview_short": ("Übersicht", "Overview"),
    "tui_key_overview_show": (
        "Genau diese Maßnahmen im Baum zeigen (Esc führt zurück)",
        "Show exactly these measures in the tree (Esc leads back)",
    ),
    "tui_key_overview_show_short": ("Zeigen", "Show"),
    "tui_key_overview_close": ("Zurück zum Baum", "Back to the tree"),
    "tui_key_overview_close_short": ("Zurück", "Back"),
    "tui_key_overview_up": ("Zur Zahl darüber", "To the number above"),
    "tui_key_overview_down": ("Zur Zahl darunter", "To the number below"),
    "tui_key_overview_left": ("Zur Zahl links", "To the number on the left"),
    "tui_key_overview_right": ("Zur Zahl rechts", "To the number on the right"),
    "tui_key_overview_next": ("Zur nächsten Zahl", "To the next number"),
    "tui_key_overview_previous": ("Zur vorigen Zahl", "To the previous number"),
    "tui_key_overview_first": ("Zur ersten Zahl", "To the first number"),
    "tui_key_overview_last": ("Zur letzten Zahl", "To the last number"),
    "tui_help_section_overview": ("In der Übersicht (o)", "In the overview (o)"),
    "tui_overview_title": ("Übersicht · Stand {date}", "Overview · as of {date}"),
    "tui_overview_since": (
        "+2 / {minus}1 und {changed} geändert: seit dem Bericht {id} (Berichtsstand {date})",
        "+2 / {minus}1 and {changed} changed: since report {id} (as of {date})",
    ),
    "tui_overview_no_report": (
        "Veränderungen (+/{minus}) erscheinen, sobald ein Bericht eingefroren ist (B).",
        "Changes (+/{minus}) appear once a report has been frozen (B).",
    ),
    "tui_overview_all": ("Alle Handlungsfelder", "All fields of action"),
    "tui_overview_all_short": ("alle Handlungsfelder", "all fields of action"),
    "tui_overview_measures": ("{count} Maßnahmen", "{count} measures"),
    "tui_overview_measures_one": ("1 Maßnahme", "1 measure"),
    "tui_overview_status": ("Stand", "Status"),
    "tui_overview_assessment": ("Bewertung", "Assessment"),
    "tui_overview_priority": ("Priorität", "Priority"),
    "tui_overview_fulfilled": ("Indikator erfüllt", "indicator fulfilled"),
    "tui_overview_overdue": ("überfällig", "overdue"),
    "tui_overview_changed": ("geändert", "changed"),
    "tui_overview_unreadable": ("Statusdatei unlesbar", "status file unreadable"),
    "tui_overview_unreadable_short": ("unlesbar", "unreadable"),
    "tui_overview_done": ("{done}/{total} umgesetzt", "{done}/{total} implemented"),
    "tui_overview_attention": ("Braucht Aufmerksamkeit", "Needs attention"),
    "tui_overview_attention_none": (
        "Keine Maßnahme braucht gerade Aufmerksamkeit.",
        "No measure needs attention right now.",
    ),
    "tui_overview_concern_priority": ("Priorität {value}", "priority {value}"),
    "tui_overview_concern_overdue": ("überfällig", "overdue"),
    "tui_overview_concern_next_step_due": ("nächster Schritt fällig", "next step due"),
    "tui_overview_reason_next_step_due": ("Schritt fällig", "step due"),
    "tui_overview_hint": ("{what} – {measures}{change}", "{what} – {measures}{change}"),
    "tui_overview_change": (" ({change} seit dem Bericht)", " ({change} since the report)"),
    "tui_overview_shown": (
        "Esc: zurück zur Übersicht · {what} – {measures}",
        "Esc: back to the overview · {what} – {measures}",
    ),
}
