import Fluent
import Foundation
import SQLKit

/// Assessment history: where a result came from (`source`, `import_ref`), and `sequence` unique
/// per employee, so two results recorded at once can never share a number (the current profile
/// takes the highest number of a day).
struct AddAssessmentHistory: AsyncMigration {
    var name: String { "025_AssessmentHistory" }
    static let uniqueIndex = "uq_assessments_employee_sequence"

    func prepare(on db: any Database) async throws {
        // Nullable (read as `manual`): see migration 026 on SQLite and unset fields.
        try await db.schema("assessments").field("source", .string, .sql(.default("manual"))).update()
        try await db.schema("assessments").field("import_ref", .string).update()
        try await renumberDuplicates(on: db)
        let sql = try db.sql
        try await sql.create(index: Self.uniqueIndex).on("assessments").column("employee_id").column("sequence")
            .unique().run()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.drop(index: Self.uniqueIndex).run()
        try await db.schema("assessments").deleteField("import_ref").update()
        try await db.schema("assessments").deleteField("source").update()
    }

    /// Data recorded before the constraint may hold two results with one number (the old code
    /// counted outside its transaction): those employees are numbered again 1…n in the order
    /// they were recorded, which keeps every other order as it was.
    private func renumberDuplicates(on db: any Database) async throws {
        let sql = try db.sql
        let rows = try await sql.select().column("employee_id").from("assessments")
            .groupBy("employee_id").groupBy("sequence")
            .having(SQLFunction("COUNT", args: SQLLiteral.all), .greaterThan, SQLLiteral.numeric("1"))
            .all()
        let employees = Set(try rows.map { try $0.decode(column: "employee_id", as: UUID.self) })
        for employeeID in employees {
            let list = try await Assessment.query(on: db).filter(\.$employeeID == employeeID)
                .sort(\.$sequence).sort(\.$createdAt).sort(\.$id).all()
            for (index, assessment) in list.enumerated() where assessment.sequence != index + 1 {
                try await sql.update("assessments").set("sequence", to: SQLBind(index + 1)).where(
                    "id", .equal, SQLBind(try assessment.requireID())
                ).run()
            }
        }
    }
}
