import Foundation
import KompetenCore
import Vapor

/// A unit as the API shows it.
struct UnitDTO: Content, Equatable {
    let id: UUID
    let code: String
    let name: String
    let parentId: UUID?
    let kind: UnitKind

    init(_ unit: Unit) {
        id = unit.id!
        code = unit.code
        name = unit.name
        parentId = unit.parentID
        kind = unit.unitKind
    }
}

/// What a client sends to create or change a unit (API JSON or the web form).
struct UnitInput: Content {
    var code: String
    var name: String
    var kind: String
    var parentId: UUID?
}

/// The state written to the audit log.
struct UnitSnapshot: Encodable {
    let code: String, name: String, kind: String, parentId: UUID?
    init(_ u: Unit) {
        code = u.code
        name = u.name
        kind = u.kind
        parentId = u.parentID
    }
}

struct PagedResponse<Item: Content>: Content {
    struct Metadata: Content {
        let page: Int
        let per: Int
        let total: Int
    }
    let items: [Item]
    let metadata: Metadata
}
