/// Pages whose tables are wider than a portrait A4: they print on A4 landscape (the `wide` named
/// page in app.css), so the needs analysis keeps its budget column on paper. Listed by template,
/// in one place, so a controller never has to know about paper.
enum PrintLayout {
    static let landscapeTemplates: Set<String> = [
        "development/needs", "development/annual-plan", "development/jp", "development/assessment-needs",
        "reports/gaps", "reports/heat-map", "reports/workload", "monitoring/index", "monitoring/overdue",
        "talent/index",
    ]

    static func isLandscape(_ template: String) -> Bool { landscapeTemplates.contains(template) }
}
