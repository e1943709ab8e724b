import Foundation
import SQLKit

/// The rows every gap, needs and assessment-needs query starts from: the active employees of an
/// instansi (optionally of some units) × their position's standard × their current level —
/// `employees e JOIN position_standards s JOIN current_levels c`. The callers add what they
/// want of it: every row (`GapEngine`), known levels below standard (`TNAQueries`), or no
/// level at all (`AssessmentNeedsQueries`). The aliases are fixed: `e`, `s`, `c`.
enum StandardLevelRows: SQLShorthand {
    static func select(
        _ sql: any SQLDatabase, instansiID: UUID, unitIDs: [UUID]?,
        standardJoin: SQLJoinMethod = .inner, levelJoin: SQLJoinMethod = .left
    ) -> SQLSelectBuilder {
        var q = sql.select()
            .from(alias(Employee.schema, "e"))
            .join(
                alias(PositionStandard.schema, "s"), method: standardJoin, on: col("position_id", "s"), .equal,
                col("position_id", "e")
            )
            .join(
                alias(CurrentLevel.schema, "c"), method: levelJoin,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(col("employee_id", "c"), .equal, col("id", "e")), .and,
                    SQLBinaryExpression(col("competency_id", "c"), .equal, col("competency_id", "s")))
            )
            .where(col("instansi_id", "e"), .equal, SQLBind(instansiID))
            .where(col("is_active", "e"), .equal, SQLBind(true))
        if let unitIDs { q = q.where(col("unit_id", "e"), .in, SQLBind.group(unitIDs)) }
        return q
    }
}
