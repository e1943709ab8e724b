import SQLKit

extension SQLRow {
    /// An integer column of a report query: NULL (SUM over no rows) is 0, and PostgreSQL's
    /// NUMERIC for SUM(bigint) is read too, so the same code serves both databases.
    func integer(_ column: String) throws -> Int {
        if try decodeNil(column: column) { return 0 }
        if let n = try? decode(column: column, as: Int.self) { return n }
        if let d = try? decode(column: column, as: Double.self) { return Int(d) }
        return Int(try decode(column: column, as: String.self)) ?? 0
    }
}
