import Foundation
import KompetenCore

/// The notification list: unread first in weight, newest first in order.
struct NotificationsPageModel: Encodable {
    struct Item: Encodable {
        let kind: String
        let text: String
        let href: String
        let when: String
        let read: Bool
        let readAction: String
    }
    let unread: Int
    let items: [Item]
    let readAllAction = SiteURL.notificationsReadAll.path

    init(_ inbox: (unread: Int, items: [(Notice, Bool)])) {
        unread = inbox.unread
        items = inbox.items.map { n, read in
            Item(
                kind: n.kind.label, text: n.text, href: n.link, when: IndonesianFormat.date(n.createdAt), read: read,
                readAction: SiteURL.notificationRead(n.id).path)
        }
    }
}
