import Foundation
import KompetenCore
import Vapor

struct StandardDTO: Content, Equatable {
    let competencyCode: String
    let requiredLevel: Int
}

/// A position as the API shows it.
struct PositionDTO: Content {
    let id: UUID
    let code: String
    let name: String
    let kind: PositionKind
    let unitId: UUID
    let summary: String
    let duties: [String]
    let standards: [StandardDTO]
    /// Send it back in a PUT: a save over a newer version is a 409.
    let version: Int
    /// Key by its kind or marked by BKPPD (read-only here: `PUT …/key-position` sets the mark).
    let keyPosition: Bool
}

struct PositionInput: Content {
    var code: String
    var name: String
    var kind: String
    var unitId: UUID
    var summary: String?
    var duties: [String]?
    var standards: [StandardDTO]
    /// The version the client edited (from a GET); omitted: no check.
    var version: Int?
}

struct PositionSnapshot: Encodable {
    let code: String, name: String, kind: String, unitId: UUID, summary: String, duties: [String],
        standards: [StandardDTO]

    /// Flat field → value for the audit log's changes: one field per required level
    /// (`standar.M.5`), so a changed level shows as 3 → 4, not as two long lists.
    var auditFields: [String: String] {
        var fields = [
            "code": code, "name": name, "kind": kind, "unitId": unitId.uuidString, "summary": summary,
            "duties": duties.joined(separator: "\n"),
        ]
        for s in standards { fields["standar.\(s.competencyCode)"] = String(s.requiredLevel) }
        return fields
    }
}
