import Fluent
import Foundation
import SQLKit

/// One changed field of a record: its value before and after, as text (nil: not set).
struct AuditChange: Codable, Equatable, Sendable {
    let field: String
    let before: String?
    let after: String?
}

/// Field-level differences for the audit log, so that history overwritten in a table is still
/// readable there (who changed what from which value to which).
enum AuditDiff {
    /// Field names that never go into the log, whatever a snapshot holds.
    static let secretWords = ["password", "hash", "token", "secret"]

    static func redacted(_ changes: [AuditChange]) -> [AuditChange] {
        changes.filter { change in !secretWords.contains { change.field.lowercased().contains($0) } }
    }

    /// Differences between two flat field → value maps, in field order.
    static func changes(from before: [String: String], to after: [String: String]) -> [AuditChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { key in
            before[key] == after[key] ? nil : AuditChange(field: key, before: before[key], after: after[key])
        }
    }

    /// Differences between two JSON snapshots (objects; nested objects by dotted path).
    static func changes(before: String?, after: String?) -> [AuditChange] {
        guard let before = before.flatMap(fields), let after = after.flatMap(fields) else { return [] }
        return changes(from: before, to: after)
    }

    /// A JSON object as flat field → text; nil when the JSON is not an object.
    static func fields(_ json: String) -> [String: String]? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
            case .object(let object) = value
        else { return nil }
        var result: [String: String] = [:]
        func walk(_ prefix: String, _ object: [String: JSONValue]) {
            for (key, value) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if case .object(let inner) = value {
                    walk(path, inner)
                } else if let text = value.text {
                    result[path] = text
                }
            }
        }
        walk("", object)
        return result
    }

    enum JSONValue: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let a = try? c.decode([JSONValue].self) {
                self = .array(a)
            } else {
                self = .object(try c.decode([String: JSONValue].self))
            }
        }

        /// Display text; nil for null.
        var text: String? {
            switch self {
            case .null: nil
            case .bool(let b): b ? "true" : "false"
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            case .string(let s): s
            case .array(let items): "[" + items.map { $0.text ?? "null" }.joined(separator: ", ") + "]"
            case .object(let o):
                "{" + o.keys.sorted().map { "\($0): \(o[$0]!.text ?? "null")" }.joined(separator: ", ") + "}"
            }
        }
    }
}
