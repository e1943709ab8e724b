import KompetenCore
import Vapor

/// The dashboard's step-3 panel: the evaluations this person still has to fill (their own L1
/// after a training, L3 for them and their direct reports), shown until filled.
struct EvaluationPanel: Encodable {
    struct Item: Encodable {
        let text: String
        let due: String
        let overdue: Bool
        let href: String
    }
    let items: [Item]
    let total: Int
    let more: Bool
}

extension EvaluationPanel {
    /// Nil when nothing is pending.
    init?(_ pending: [EvaluationWorklist.Item]) {
        guard !pending.isEmpty else { return nil }
        let items = pending.prefix(5).map { i in
            Item(
                text: "\(i.level.label) — \(i.programmeTitle)"
                    + (i.respondent == .supervisor ? " (\(i.employeeName))" : ""),
                due: IndonesianFormat.date(i.due), overdue: i.overdue,
                href: SiteURL.evaluate(i.enrolmentID, level: i.level.rawValue).path)
        }
        self.init(items: items, total: pending.count, more: pending.count > items.count)
    }
}
