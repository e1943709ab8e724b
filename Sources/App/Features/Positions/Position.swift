import Fluent
import Foundation
import KompetenCore

/// A position (jabatan) in a unit, with its job analysis and competency standard.
final class Position: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "positions"
    static var instansiKey: KeyPath<Position, FieldProperty<Position, UUID>> { \Position.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    /// Ikhtisar jabatan (job summary) from the job analysis.
    @Field(key: "summary") var summary: String
    /// Tugas pokok, one per line.
    @Field(key: "duties") var duties: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Raised by every change of the position or its standard (migration 026): see Employee.version.
    @OptionalField(key: "version") var version: Int?
    /// Marked by BKPPD as a key position (migration 059): it gets a successor list although its
    /// kind is not one that always does. Optional in the model so that code creating positions
    /// need not know it (the column defaults to false).
    @OptionalField(key: "key_position") var keyPosition: Bool?

    init() {}

    var positionKind: PositionKind { PositionKind(rawValue: kind) ?? .pelaksana }
    /// A key position by its kind or by BKPPD's mark (`Succession.isKey`).
    var isKey: Bool { Succession.isKey(positionKind, marked: keyPosition ?? false) }
    var dutyList: [String] { duties.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty } }
}

/// The required level of one competency for one position (standar kompetensi jabatan).
final class PositionStandard: Model, @unchecked Sendable {
    static let schema = "position_standards"

    @ID(key: .id) var id: UUID?
    @Field(key: "position_id") var positionID: UUID
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "required_level") var requiredLevel: Int

    init() {}
    init(positionID: UUID, competencyID: UUID, requiredLevel: Int) {
        self.id = UUID()
        self.positionID = positionID
        self.competencyID = competencyID
        self.requiredLevel = requiredLevel
    }
}
