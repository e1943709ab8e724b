import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/notifikasi` (the list, mark one or all read) and `GET /api/v1/me/notifications`,
/// `POST /api/v1/me/notifications/{id}/read`. Everyone signed in to an instansi has notices of
/// their own; nobody reads another's.
enum NotificationsController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.notifications.pathComponents, use: page)
        web.post(SiteURL.notificationRead(.routeParameter).pathComponents, use: markForm)
        web.post(SiteURL.notificationsReadAll.pathComponents, use: markAllForm)
        api.get("me", "notifications", use: list)
        api.post("me", "notifications", ":id", "read", use: markAPI)
    }

    /// A superadmin has no instansi and so no work that notices come from.
    private static func requireMember(_ req: Request) throws -> Principal {
        let actor = try req.actor
        guard actor.instansiID != nil else { throw Abort(.forbidden, reason: "Pemberitahuan untuk pengguna instansi.") }
        return actor
    }

    static func list(req: Request) async throws -> NotificationsDTO {
        let actor = try requireMember(req)
        return NotificationsDTO(try await NotificationQueries.inbox(for: actor, at: req.now, on: req.db))
    }

    static func markAPI(req: Request) async throws -> HTTPStatus {
        let actor = try requireMember(req)
        let id = try req.parameters.require("id")
        guard NoticeInbox.isWellFormed(id) else {
            throw ValidationFailure(errors: [.init(field: "id", message: "Id pemberitahuan tidak dikenal.")])
        }
        // Only a notice the person has now: anything else is "not found", whoever's it might be.
        guard try await NotificationService.markRead([id], for: actor, at: req.now, on: req.db) == 1 else {
            throw Abort(.notFound, reason: "Pemberitahuan tidak ditemukan (mungkin pekerjaannya sudah selesai).")
        }
        return .noContent
    }

    static func page(req: Request) async throws -> Response {
        let actor = try requireMember(req)
        let inbox = try await NotificationQueries.inbox(for: actor, at: req.now, on: req.db)
        return try await req.renderPage(
            "notifications/index", title: "Pemberitahuan", crumbs: [Crumb("Pemberitahuan")],
            NotificationsPageModel(inbox))
    }

    static func markForm(req: Request) async throws -> Response {
        let actor = try requireMember(req)
        let id = try req.parameters.require("nid")
        if NoticeInbox.isWellFormed(id) {
            try await NotificationService.markRead([id], for: actor, at: req.now, on: req.db)
        }
        return req.redirect(to: SiteURL.notifications.path)
    }

    static func markAllForm(req: Request) async throws -> Response {
        let actor = try requireMember(req)
        let all = try await NotificationQueries.notices(for: actor, at: req.now, on: req.db).map(\.id)
        let n = try await NotificationService.markRead(all, for: actor, at: req.now, on: req.db)
        if n > 0 { Flash.add(.success, "Semua pemberitahuan ditandai sudah dibaca.", to: req) }
        return req.redirect(to: SiteURL.notifications.path)
    }
}

/// `GET /api/v1/me/notifications`.
struct NotificationsDTO: Content {
    struct Item: Content {
        let id: String
        let kind: NoticeKind
        let text: String
        let link: String
        let read: Bool
        let createdAt: Date
    }
    let unread: Int
    let items: [Item]

    init(_ inbox: (unread: Int, items: [(Notice, Bool)])) {
        unread = inbox.unread
        items = inbox.items.map {
            Item(id: $0.0.id, kind: $0.0.kind, text: $0.0.text, link: $0.0.link, read: $0.1, createdAt: $0.0.createdAt)
        }
    }
}
