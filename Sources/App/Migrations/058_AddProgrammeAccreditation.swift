import Fluent

/// Issue 17 (partners): LAN's accreditation of a programme (akreditasi program pelatihan) beside
/// the institution's accreditation on the provider: grade, certificate number, expiry. Existing
/// programmes start unaccredited ("belum"), which is what the catalogue knew of them.
struct AddProgrammeAccreditation: AsyncMigration {
    var name: String { "058_AddProgrammeAccreditation" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await db.schema("programs")
            .field("lan_accreditation", .string, .required, .sql(.default("belum"))).update()
        try await db.schema("programs")
            .field("lan_accreditation_number", .string, .required, .sql(.default(""))).update()
        try await db.schema("programs").field("lan_accreditation_until", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("programs").deleteField("lan_accreditation_until").update()
        try await db.schema("programs").deleteField("lan_accreditation_number").update()
        try await db.schema("programs").deleteField("lan_accreditation").update()
    }
}
