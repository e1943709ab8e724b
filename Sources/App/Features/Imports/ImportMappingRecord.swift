import Fluent
import Foundation

/// A saved column mapping of one import kind (`ImportsController.Kind`), shared by the
/// instansi's importers. `columns` is the JSON object {column code name: source header}.
final class ImportMappingRecord: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "import_mappings"
    static var instansiKey: KeyPath<ImportMappingRecord, FieldProperty<ImportMappingRecord, UUID>> {
        \ImportMappingRecord.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "column_map") var columns: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
