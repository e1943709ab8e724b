import SQLKit

/// `col("unit_id", "e")` and `alias(Employee.schema, "e")` for the hand-built report queries
/// (SQLKit builders with table aliases). A query type opts in by conforming.
protocol SQLShorthand {}

extension SQLShorthand {
    static func col(_ name: String, _ table: String) -> SQLColumn { SQLColumn(name, table: table) }
    static func alias(_ table: String, _ name: String) -> SQLAlias {
        SQLAlias(SQLIdentifier(table), as: SQLIdentifier(name))
    }
}
