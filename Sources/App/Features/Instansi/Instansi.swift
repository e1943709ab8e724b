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
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}
