import Fluent
import SQLKit

/// A migration that only adds indexes: portable SQLKit DDL, dropped again in reverse order.
protocol IndexMigration: AsyncMigration {
    static var indexes: [(name: String, table: String, columns: [String])] { get }
}

extension IndexMigration {
    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }
    func revert(on db: any Database) async throws {
        let sql = try db.sql
        for index in Self.indexes.reversed() { try await sql.drop(index: index.name).run() }
    }
}
