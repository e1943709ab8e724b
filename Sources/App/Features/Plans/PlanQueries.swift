import Fluent
import Foundation

/// The development plan read side.
enum PlanQueries {
    /// The enrolments made from these plan items.
    static func enrolments(itemIDs: [UUID], on db: any Database) async throws -> [Enrolment] {
        try await Enrolment.query(on: db).filter(\.$planItemID ~~ itemIDs).all()
    }
}

/// Σ JP and Σ cost per plan, one grouped read.
enum PlanItemTotals {
    static func load(_ planIDs: [UUID], on db: any Database) async throws -> [UUID: (jp: Int, cost: Int, items: Int)] {
        guard !planIDs.isEmpty else { return [:] }
        let items = try await PlanItem.query(on: db).filter(\.$planID ~~ planIDs).all()
        var result: [UUID: (jp: Int, cost: Int, items: Int)] = [:]
        for i in items {
            let t = result[i.planID] ?? (0, 0, 0)
            result[i.planID] = (t.jp + i.jp, t.cost + i.estimatedCost, t.items + 1)
        }
        return result
    }
}
