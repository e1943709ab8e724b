import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// The daily e-mail digest: each person with an address, the digest on and unread notices gets
/// one mail a day listing exactly the unread notices `GET /api/v1/me/notifications` returns them.
enum DigestService {
    struct Report: Sendable {
        var sent = 0
        var failed = 0
        /// The messages `--dry-run` would send, in user-name order.
        var previews: [MailMessage] = []
    }

    /// Sends (or with `dryRun`, only builds) today's digests. A person's day is claimed by a
    /// conditional UPDATE before sending, so two instances or two runs never send it twice; a
    /// failed send gives the day back, so a later run tries again.
    static func run(
        _ app: Application, smtp: SMTPConfig, transport: any MailTransport, at now: Date, dryRun: Bool = false
    ) async throws -> Report {
        let db = app.db
        let today = WITA.today(now).iso
        let baseURL = app.kompeten.config.publicURL
        var report = Report()
        let users = try await User.query(on: db).filter(\.$email != nil).filter(\.$isActive == true)
            .filter(\.$instansiID != nil).sort(\.$username).all()
        for user in users where user.digestEnabled {
            guard let email = user.email, EmailAddress.isPlausible(email), (user.digestSentOn ?? "") < today else {
                continue
            }
            let actor = try await ActorResolver.actor(for: user, on: db)
            let inbox = try await NotificationQueries.inbox(for: actor, at: now, on: db)
            let unread = inbox.items.filter { !$0.1 }.map(\.0)
            guard !unread.isEmpty else { continue }
            let message = compose(
                user: user, to: email, unread: unread, sender: smtp.sender, baseURL: baseURL, at: now)
            if dryRun {
                report.previews.append(message)
                continue
            }
            let id = try user.requireID()
            guard try await claim(id, today: today, on: db) else { continue }
            do {
                try await transport.send(message)
                report.sent += 1
            } catch {
                try await release(id, today: today, previous: user.digestSentOn, on: db)
                report.failed += 1
                // The user id only: an address is personal data, the server's words may echo it.
                app.logger.warning("digest not sent", metadata: ["user_id": .string(id.uuidString)])
            }
        }
        return report
    }

    static func compose(user: User, to email: String, unread: [Notice], sender: String, baseURL: String, at now: Date)
        -> MailMessage
    {
        MailMessage(
            from: sender, to: email, subject: DigestMail.subject(count: unread.count),
            body: DigestMail.body(
                name: user.username, lines: unread.map { .init(text: $0.text, link: $0.link) }, baseURL: baseURL,
                accountPath: SiteURL.accountEmail.path, inboxPath: SiteURL.notifications.path),
            date: now, messageID: messageID(sender: sender))
    }

    static func messageID(sender: String) -> String {
        let domain = sender.split(separator: "@").last.map(String.init) ?? "kompeten"
        return UUID().uuidString.lowercased() + "@" + domain
    }

    /// `UPDATE users SET digest_sent_on = today WHERE id = ? AND (digest_sent_on IS NULL OR
    /// digest_sent_on < today)`: true for the one caller that changed the row.
    static func claim(_ id: UUID, today: String, on db: any Database) async throws -> Bool {
        let rows = try await db.sql.update(User.schema)
            .set("digest_sent_on", to: SQLBind(today))
            .where("id", .equal, SQLBind(id))
            .where {
                $0.where("digest_sent_on", .is, SQLLiteral.null).orWhere("digest_sent_on", .lessThan, SQLBind(today))
            }
            .returning("id").all()
        return rows.count == 1
    }

    private static func release(_ id: UUID, today: String, previous: String?, on db: any Database) async throws {
        try await db.sql.update(User.schema)
            .set("digest_sent_on", to: previous.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("digest_sent_on", .equal, SQLBind(today))
            .run()
    }
}

extension Application.Kompeten {
    struct MailTransportKey: StorageKey { typealias Value = any MailTransport }

    /// The SMTP client for the configured server; tests put a recording transport here.
    var mailTransport: (any MailTransport)? {
        get { app.storage[MailTransportKey.self] ?? config.smtp.map { SMTPTransport(config: $0) } }
        nonmutating set { app.storage[MailTransportKey.self] = newValue }
    }
}

/// `kompeten digest [--dry-run]`: sends today's digests now (the scheduler does the same each
/// day from the configured hour).
struct DigestCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "Tampilkan e-mail tanpa mengirim.")
        var dryRun: Bool
    }

    var help: String { "Mengirim ringkasan harian pemberitahuan lewat e-mail." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        for line in try await Self.execute(app, dryRun: signature.dryRun) { context.console.print(line) }
    }

    /// The command's work, returning what it prints (tests call this).
    static func execute(_ app: Application, dryRun: Bool) async throws -> [String] {
        guard let smtp = app.kompeten.config.smtp, let transport = app.kompeten.mailTransport else {
            return ["Server SMTP belum diatur (KOMPETEN_SMTP_HOST kosong): tidak ada e-mail yang dikirim."]
        }
        var out: [String] = []
        if app.kompeten.config.publicURL.isEmpty {
            out.append("Peringatan: KOMPETEN_PUBLIC_URL kosong, tautan di e-mail tidak memuat alamat server.")
        }
        let report = try await DigestService.run(
            app, smtp: smtp, transport: transport, at: app.kompeten.now, dryRun: dryRun)
        if dryRun {
            for m in report.previews { out += ["----- kepada \(m.to)", "Subjek: \(m.subject)", "", m.body] }
            out.append("\(report.previews.count) e-mail akan dikirim (uji coba, tidak ada yang dikirim).")
        } else {
            out.append("\(report.sent) ringkasan terkirim, \(report.failed) gagal.")
        }
        return out
    }
}
