import Fluent

/// Issue 19 (daily e-mail digest): a person's e-mail address, whether they want the digest, and
/// the WITA day their last digest went out. That day is claimed by a conditional UPDATE, so with
/// several instances only one sends a person's digest per day.
struct AddUserEmailDigest: AsyncMigration {
    var name: String { "063_AddUserEmailDigest" }

    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("email", .string).update()
        // NULL = on (the default once an address is set); false = the person opted out.
        try await db.schema("users").field("digest_enabled", .bool).update()
        // `YYYY-MM-DD` (WITA): compares as text on SQLite and PostgreSQL alike.
        try await db.schema("users").field("digest_sent_on", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("digest_sent_on").update()
        try await db.schema("users").deleteField("digest_enabled").update()
        try await db.schema("users").deleteField("email").update()
    }
}
