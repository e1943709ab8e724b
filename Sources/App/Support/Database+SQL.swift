import FluentKit
import SQLKit
import Vapor

extension Database {
    /// The SQLKit view of this database, for reports and bulk statements. Both drivers Kompeten
    /// runs on (SQLite, PostgreSQL) are SQL databases; one throwing accessor instead of a force
    /// cast at every call site, so a non-SQL driver would be a clear error, not a crash.
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else {
                throw Abort(
                    .internalServerError, reason: "Database \(String(describing: type(of: self))) tidak mendukung SQL.")
            }
            return sql
        }
    }
}
