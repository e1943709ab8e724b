import Fluent
import Foundation
import KompetenCore

/// An organisational unit: an OPD or kecamatan at the top, bidang/seksi/UPT/kelurahan below.
final class Unit: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "units"
    static var instansiKey: KeyPath<Unit, FieldProperty<Unit, UUID>> { \Unit.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?
    /// The top-level ancestor (itself for an OPD or kecamatan). Kept so that "everything in
    /// this OPD" is one indexed filter instead of a tree walk per query.
    @Field(key: "opd_id") var opdID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var unitKind: UnitKind { UnitKind(rawValue: kind) ?? .bidang }
    var node: UnitNode<UUID> { UnitNode(id: id!, parentID: parentID, code: code, name: name, kind: unitKind) }
}
