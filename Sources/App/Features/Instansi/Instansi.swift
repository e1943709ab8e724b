import Fluent
import Foundation

/// An organisation hosted by a deployment (a pemerintah kota/kabupaten/provinsi, a ministry).
final class Instansi: Model, @unchecked Sendable {
    static let schema = "instansi"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    init(id: UUID? = nil, code: String, name: String, createdAt: Date) {
        self.id = id; self.code = code; self.name = name; self.createdAt = createdAt
    }
}

struct CreateInstansi: AsyncMigration {
    var name: String { "001_CreateInstansi" }
    func prepare(on db: any Database) async throws {
        try await db.schema(Instansi.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Instansi.schema).delete() }
}
