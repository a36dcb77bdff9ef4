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
}
