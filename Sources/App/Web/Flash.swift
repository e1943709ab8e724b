import Vapor

/// A one-time message shown on the next page (after a redirect), kept in the session.
struct Flash: Codable {
    enum Kind: String, Codable { case success, error, info }
    let kind: Kind
    let text: String

    static let key = "flash"

    static func add(_ kind: Kind, _ text: String, to req: Request) {
        var list = peek(req)
        list.append(Flash(kind: kind, text: text))
        if let data = try? JSONEncoder().encode(list) { req.session.data[key] = String(decoding: data, as: UTF8.self) }
    }

    static func take(from req: Request) -> [Flash] {
        // Only touch the session when one exists, so anonymous pages don't create sessions needlessly.
        guard req.hasSession else { return [] }
        let list = peek(req)
        if !list.isEmpty { req.session.data[key] = nil }
        return list
    }

    private static func peek(_ req: Request) -> [Flash] {
        guard let raw = req.session.data[key], let list = try? JSONDecoder().decode([Flash].self, from: Data(raw.utf8))
        else { return [] }
        return list
    }
}
