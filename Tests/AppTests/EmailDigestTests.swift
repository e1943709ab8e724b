import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 19: the daily e-mail digest, sent over SMTP to a sink in the test process.
@Suite("Email digest")
struct EmailDigestTests {
    struct PlanJSON: Decodable { let id: UUID }

    static let base = "https://kompeten.kupangkota.go.id"

    /// Quoted-printable undone (RFC 2045 §6.7): soft breaks removed, `=XX` back to bytes.
    static func decodeQP(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var i = 0
        while i < joined.count {
            if joined[i] == UInt8(ascii: "="), i + 2 < joined.count,
                let b = UInt8(String(decoding: joined[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                out.append(b)
                i += 3
            } else {
                out.append(joined[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func setEmail(_ app: Application, _ username: String, _ email: String?, digest: Bool? = nil) async throws {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
        user.email = email
        user.digestEnabledValue = digest
        try await user.save(on: app.db)
    }

    /// atasan (Yohanes Benu) has two unread notices: Maria's submitted 2027 plan and their own PKA
    /// due on 29 November 2026 (MandatoryTrainingTests' city); a third, read, is not mailed. pegawai has one (Latsar overdue)
    /// but opted out; asesor has an address and no notices.
    @Test func onlyUnreadNoticesOnlyOnceADay() async throws {
        let sink = try await SMTPSink.start()
        try await withTestApp(settings: {
            $0.smtp = SMTPConfig(
                host: "127.0.0.1", port: sink.port, sender: "kompeten@kupangkota.go.id", security: .none)
            $0.publicURL = Self.base
        }) { app in
            let world = try await World.make(on: app)
            _ = try await MandatoryTrainingTests.build(app, world)
            let pegawai = try await APIClient.login(app, "pegawai")
            let plan = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Coaching oleh kepala bidang", jp: 4)])
            ).json(PlanJSON.self)
            _ = try await pegawai.send(
                .POST, "/api/v1/plans/\(plan.id)/transition", json: TransitionInput(to: "submitted"))
            // That city also has an L3 evaluation for atasan to fill; read on the bell, it is left out.
            let atasanAPI = try await APIClient.login(app, "atasan")
            struct Inbox: Decodable {
                struct Item: Decodable { let id: String }
                let items: [Item]
            }
            let evaluation = try #require(
                try await atasanAPI.send(.GET, "/api/v1/me/notifications").json(Inbox.self).items.first {
                    $0.id.hasPrefix("evaluasi.")
                })
            #expect(
                try await atasanAPI.send(.POST, "/api/v1/me/notifications/\(evaluation.id)/read").status == .noContent)
            try await Self.setEmail(app, "atasan", "yohanes.benu@kupangkota.go.id")
            try await Self.setEmail(app, "pegawai", "maria.fanggidae@kupangkota.go.id", digest: false)
            try await Self.setEmail(app, "asesor", "asesor@kupangkota.go.id")

            #expect(try await DigestCommand.execute(app, dryRun: false) == ["1 ringkasan terkirim, 0 gagal."])
            let mails = sink.mails
            try #require(mails.count == 1)
            let mail = mails[0]
            #expect(mail.from == "kompeten@kupangkota.go.id")
            #expect(mail.to == ["yohanes.benu@kupangkota.go.id"])
            let parts = mail.data.components(separatedBy: "\r\n\r\n")
            let headers = parts[0].components(separatedBy: "\r\n")
            #expect(headers.contains("Subject: Kompeten: 2 pemberitahuan belum dibaca"))
            #expect(headers.contains("To: yohanes.benu@kupangkota.go.id"))
            #expect(headers.contains("From: kompeten@kupangkota.go.id"))
            // testNow = 29 November 2026 10:00 WITA, a Sunday.
            #expect(headers.contains("Date: Sun, 29 Nov 2026 10:00:00 +0800"))
            #expect(headers.contains("Content-Type: text/plain; charset=utf-8"))
            let body = Self.decodeQP(parts.dropFirst().joined(separator: "\r\n\r\n"))
            let lines = body.components(separatedBy: "\r\n")
            #expect(
                lines.filter { $0.hasPrefix("- ") } == [
                    "- Rencana pengembangan 2027 Maria Fanggidae menunggu persetujuan Anda. \(Self.base)/plans/\(plan.id)",
                    "- PKA (Pelatihan Kepemimpinan Administrator) wajib diikuti paling lambat 29 November 2026. "
                        + "\(Self.base)/development/pelatihan-wajib",
                ])
            #expect(lines.contains { $0.contains("\(Self.base)/akun/email") && $0.contains("berhenti") })

            // The same day again: nothing (the day is claimed).
            #expect(try await DigestCommand.execute(app, dryRun: false) == ["0 ringkasan terkirim, 0 gagal."])
            #expect(sink.mails.count == 1)
            let atasan = try #require(try await User.query(on: app.db).filter(\.$username == "atasan").first())
            #expect(atasan.digestSentOn == "2026-11-29")

            // The next day (10:00 WITA) the notices still unread go out again: the plan, and the
            // PKA now past its deadline (a new notice); the evaluation read before stays out.
            app.kompeten.clock = { testNow.addingTimeInterval(86_400) }
            #expect(try await DigestCommand.execute(app, dryRun: false) == ["1 ringkasan terkirim, 0 gagal."])
            try #require(sink.mails.count == 2)
            let next = Self.decodeQP(sink.mails[1].data).components(separatedBy: "\r\n")
            #expect(next.contains("Subject: Kompeten: 2 pemberitahuan belum dibaca"))
            #expect(
                next.filter { $0.hasPrefix("- ") } == [
                    "- Rencana pengembangan 2027 Maria Fanggidae menunggu persetujuan Anda. \(Self.base)/plans/\(plan.id)",
                    "- PKA (Pelatihan Kepemimpinan Administrator) lewat batas 29 November 2026; segera daftar. "
                        + "\(Self.base)/development/pelatihan-wajib",
                ])
        }
        await sink.stop()
    }

    /// `--dry-run` prints the mail and sends nothing, claiming no day.
    @Test func dryRunPrintsAndSendsNothing() async throws {
        let sink = try await SMTPSink.start()
        try await withTestApp(settings: {
            $0.smtp = SMTPConfig(
                host: "127.0.0.1", port: sink.port, sender: "kompeten@kupangkota.go.id", security: .none)
            $0.publicURL = Self.base
        }) { app in
            let world = try await World.make(on: app)
            let pegawai = try await APIClient.login(app, "pegawai")
            let plan = try await pegawai.send(
                .POST, "/api/v1/employees/\(world.staffA.id!)/plans",
                json: PlanInput(year: 2027, items: [PlanItemInput(title: "Coaching oleh kepala bidang", jp: 4)])
            ).json(PlanJSON.self)
            _ = try await pegawai.send(
                .POST, "/api/v1/plans/\(plan.id)/transition", json: TransitionInput(to: "submitted"))
            try await Self.setEmail(app, "atasan", "yohanes.benu@kupangkota.go.id")
            let out = try await DigestCommand.execute(app, dryRun: true)
            #expect(out.first == "----- kepada yohanes.benu@kupangkota.go.id")
            #expect(out.dropFirst().first == "Subjek: Kompeten: 1 pemberitahuan belum dibaca")
            #expect(
                out.contains {
                    $0.contains(
                        "- Rencana pengembangan 2027 Maria Fanggidae menunggu persetujuan Anda. \(Self.base)/plans/\(plan.id)\n"
                    )
                })
            #expect(out.last == "1 e-mail akan dikirim (uji coba, tidak ada yang dikirim).")
            #expect(sink.mails.isEmpty)
            let atasan = try #require(try await User.query(on: app.db).filter(\.$username == "atasan").first())
            #expect(atasan.digestSentOn == nil)
        }
        await sink.stop()
    }

    @Test func withoutAnSMTPHostNothingIsSent() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            try await Self.setEmail(app, "atasan", "yohanes.benu@kupangkota.go.id")
            #expect(
                try await DigestCommand.execute(app, dryRun: false) == [
                    "Server SMTP belum diatur (KOMPETEN_SMTP_HOST kosong): tidak ada e-mail yang dikirim."
                ])
            #expect(app.kompeten.mailTransport == nil)
        }
    }

    @Test func aDayIsClaimedOnce() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let id = try world.users["asesor"]!.requireID()
            #expect(try await DigestService.claim(id, today: "2026-11-29", on: app.db))
            #expect(!(try await DigestService.claim(id, today: "2026-11-29", on: app.db)))
            #expect(try await DigestService.claim(id, today: "2026-11-30", on: app.db))
        }
    }

    @Test func anUnreachableServerIsReportedInIndonesian() async throws {
        // Port 1 on the loopback: nothing listens there.
        let t = SMTPTransport(config: .init(host: "127.0.0.1", port: 1, sender: "a@b.id", security: .none))
        let m = MailMessage(from: "a@b.id", to: "c@d.id", subject: "x", body: "y", date: testNow, messageID: "1@b.id")
        await #expect(throws: MailError.self) { try await t.send(m) }
    }
}
