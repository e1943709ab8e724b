import Vapor

/// Gives the request a brand-new session id with empty data, deleting the old server-side
/// record: a session id planted before login (session fixation) is worthless afterwards.
enum SessionRotation {
    static func rotate(_ req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
    }
}
