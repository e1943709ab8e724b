import Fluent
import SQLKit

/// The readiness check's reads.
enum HealthQueries {
    /// How many migrations the database has recorded, after a `SELECT 1` that proves it answers.
    static func appliedMigrations(on db: any Database) async throws -> Int {
        let sql = try db.sql
        _ = try await sql.raw("SELECT 1").all()
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
            "_fluent_migrations"
        ).first()?
        .decode(column: "n", as: Int.self) ?? 0
    }
}
