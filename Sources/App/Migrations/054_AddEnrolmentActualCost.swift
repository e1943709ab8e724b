import Fluent

/// Issue 17, realisation of the annual plan: what an enrolment actually cost (Rupiah, optional;
/// the budget absorbed is the sum of these).
struct AddEnrolmentActualCost: AsyncMigration {
    var name: String { "054_AddEnrolmentActualCost" }

    func prepare(on db: any Database) async throws {
        try await db.schema("enrolments").field("actual_cost", .int64).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("enrolments").deleteField("actual_cost").update()
    }
}
