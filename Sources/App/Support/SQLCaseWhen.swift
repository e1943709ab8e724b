import SQLKit

/// `CASE WHEN condition THEN value ELSE other END`, which SQLKit has no builder for. Composed
/// of expressions only (no SQL text from outside), and the same on SQLite and PostgreSQL.
struct SQLCaseWhen: SQLExpression {
    let condition: any SQLExpression
    let then: any SQLExpression
    let otherwise: any SQLExpression

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("CASE WHEN ")
        condition.serialize(to: &serializer)
        serializer.write(" THEN ")
        then.serialize(to: &serializer)
        serializer.write(" ELSE ")
        otherwise.serialize(to: &serializer)
        serializer.write(" END")
    }
}

/// `expression IS NULL`.
struct SQLIsNull: SQLExpression {
    let expression: any SQLExpression
    func serialize(to serializer: inout SQLSerializer) {
        expression.serialize(to: &serializer)
        serializer.write(" IS NULL")
    }
}
