import Fluent
import Foundation
import KompetenCore

/// A competency of the dictionary (kamus kompetensi): the national manajerial and sosial
/// kultural ones (seeded into every instansi) and the teknis ones the instansi defines.
final class Competency: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "competencies"
    static var instansiKey: KeyPath<Competency, FieldProperty<Competency, UUID>> { \Competency.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "group") var group: String
    @Field(key: "definition") var definition: String
    /// The field (bidang urusan) of a teknis competency, e.g. administrasi kependudukan.
    @OptionalField(key: "field") var field: String?
    @Field(key: "is_national") var isNational: Bool
    /// A competency in use is never deleted, only retired: history keeps pointing at it.
    @OptionalField(key: "retired_at") var retiredAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var competencyGroup: CompetencyGroup { CompetencyGroup(rawValue: group) ?? .teknis }
}

/// One of the five levels of a competency, with its behavioural indicators.
final class CompetencyLevel: Model, @unchecked Sendable {
    static let schema = "competency_levels"

    @ID(key: .id) var id: UUID?
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "level") var level: Int
    @Field(key: "description") var description: String
    /// JSON array of strings.
    @Field(key: "indicators") var indicatorsJSON: String

    init() {}

    var indicators: [String] {
        get { (try? JSONDecoder().decode([String].self, from: Data(indicatorsJSON.utf8))) ?? [] }
        set {
            indicatorsJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self)
        }
    }
}
