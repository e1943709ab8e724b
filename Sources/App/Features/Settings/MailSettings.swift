import Foundation
import KompetenCore
import Vapor

/// The SMTP part of the settings page: read-only (the server is configured through environment
/// variables, one place for the whole deployment), and the admin's "Kirim e-mail uji".
struct MailSettingsModel: Encodable {
    struct Row: Encodable {
        let label: String
        let value: String
    }
    let configured: Bool
    let rows: [Row]
    let testAction: String?

    init(_ smtp: SMTPConfig?, canTest: Bool) {
        configured = smtp != nil
        guard let smtp else {
            rows = []
            testAction = nil
            return
        }
        rows = [
            .init(label: "Server SMTP", value: "\(smtp.host):\(smtp.port)"),
            .init(label: "Keamanan", value: smtp.security.label),
            .init(label: "Alamat pengirim", value: smtp.sender),
            .init(label: "Nama pengguna", value: smtp.username ?? "—"),
            // Whether it is set, never what it is.
            .init(
                label: "Kata sandi diatur lewat variabel lingkungan KOMPETEN_SMTP_PASSWORD",
                value: smtp.password == nil ? "tidak" : "ya"),
            .init(label: "Jam kirim ringkasan harian", value: String(format: "%02d.00 WITA", smtp.sendHour)),
        ]
        testAction = canTest ? SiteURL.settingsTestMail.path : nil
    }
}

enum TestMailController {
    static func register(_ web: any RoutesBuilder) {
        web.post(SiteURL.settingsTestMail.pathComponents, use: send)
    }

    /// One mail to the admin's own address; every failure is a message on the settings page.
    static func send(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.sendTestMail(actor))
        let back = req.redirect(to: SiteURL.settings.path)
        guard let smtp = req.application.kompeten.config.smtp, let transport = req.application.kompeten.mailTransport
        else {
            Flash.add(.error, "Server SMTP belum diatur (KOMPETEN_SMTP_HOST kosong).", to: req)
            return back
        }
        guard let email = try await UserQueries.find(actor.userID, on: req.db)?.email else {
            Flash.add(.error, "Isi dahulu alamat e-mail Anda di halaman E-mail (tautan di kanan atas).", to: req)
            return back
        }
        let message = MailMessage(
            from: smtp.sender, to: email, subject: "Kompeten: e-mail uji",
            body: "E-mail ini dikirim dari halaman Pengaturan Kompeten untuk menguji server SMTP.\n",
            date: req.now, messageID: DigestService.messageID(sender: smtp.sender))
        do {
            try await transport.send(message)
            Flash.add(.success, "E-mail uji terkirim ke \(email).", to: req)
        } catch let error as MailError {
            Flash.add(.error, "E-mail uji gagal dikirim: \(error.message)", to: req)
        } catch {
            Flash.add(.error, "E-mail uji gagal dikirim.", to: req)
        }
        return back
    }
}
