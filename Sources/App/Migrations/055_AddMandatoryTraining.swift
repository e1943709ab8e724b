import Fluent

/// Issue 17, mandatory training: an employee's TMT CPNS (set while they are a CPNS, on
/// probation; cleared when appointed PNS) and TMT jabatan (the appointment to the position held,
/// from which PKP/PKA/PKN II are due); the requirement a catalogue programme or an outside
/// learning record fulfils (`latsar`, `pkp`, `pka`, `pkn2`; null for ordinary training).
struct AddMandatoryTraining: AsyncMigration {
    var name: String { "055_AddMandatoryTraining" }

    func prepare(on db: any Database) async throws {
        try await db.schema("employees").field("cpns_tmt", .string).update()
        try await db.schema("employees").field("position_tmt", .string).update()
        try await db.schema("programs").field("mandatory_kind", .string).update()
        try await db.schema("learning_records").field("mandatory_kind", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("learning_records").deleteField("mandatory_kind").update()
        try await db.schema("programs").deleteField("mandatory_kind").update()
        try await db.schema("employees").deleteField("position_tmt").update()
        try await db.schema("employees").deleteField("cpns_tmt").update()
    }
}
