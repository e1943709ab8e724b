import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Issue 19: the e-mail address and the digest switch, on one's own account page, the admin's
/// user form and the users API; and the settings page's SMTP block with its test mail.
@Suite("Email address and test mail")
struct EmailAddressFormsTests {
    struct UserJSON: Decodable {
        let email: String?
        let digestEnabled: Bool
    }

    @Test func ownAccountPageKeepsWhatWasTypedAndSaves() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "pegawai")
            let page = try await web.get("/akun/email")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Kirim ringkasan harian lewat e-mail"))
            #expect(page.body.string.contains(#"id="mail-off""#), "no SMTP host: the page says so")

            let bad = try await web.post("/akun/email", ["email": "maria di kupang", "digest": "1"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Alamat e-mail tidak valid (contoh: nama@kupangkota.go.id)."))
            #expect(bad.body.string.contains(#"value="maria di kupang""#))

            // Unticked: the digest is off.
            let ok = try await web.post("/akun/email", ["email": " maria@kupangkota.go.id "])
            #expect(ok.status == .seeOther && ok.headers.first(name: .location) == "/akun/email")
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "pegawai").first())
            #expect(user.email == "maria@kupangkota.go.id" && user.digestEnabled == false)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$summary == "Mengubah e-mail akun pegawai")
                .count()
            #expect(audit == 1)

            let superadmin = try await WebClient.login(app, "superadmin")
            #expect(try await superadmin.get("/akun/email").status == .forbidden)
        }
    }

    @Test func usersAPICarriesTheAddressAndNamesTheFieldWhenInvalid() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let id = try world.users["asesor"]!.requireID()
            let bad = try await admin.send(.PUT, "/api/v1/users/\(id)", raw: #"{"email":"asesor@"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.json(APIErrorBody.self).fields?.map(\.field) == ["email"])
            let long = String(repeating: "a", count: 250) + "@x.id"
            let tooLong = try await admin.send(.PUT, "/api/v1/users/\(id)", raw: #"{"email":"\#(long)"}"#)
            #expect(
                try tooLong.json(APIErrorBody.self).fields?.first?.message
                    == "Alamat e-mail paling banyak 254 karakter.")

            let ok = try await admin.send(
                .PUT, "/api/v1/users/\(id)", raw: #"{"email":"asesor@kupangkota.go.id","digestEnabled":false}"#)
            #expect(ok.status == .ok)
            let read = try await admin.send(.GET, "/api/v1/users/\(id)").json(UserJSON.self)
            #expect(read.email == "asesor@kupangkota.go.id" && read.digestEnabled == false)
            // Absent: unchanged; empty: removed.
            _ = try await admin.send(.PUT, "/api/v1/users/\(id)", raw: #"{"active":true}"#)
            #expect(
                try await admin.send(.GET, "/api/v1/users/\(id)").json(UserJSON.self).email == "asesor@kupangkota.go.id"
            )
            _ = try await admin.send(.PUT, "/api/v1/users/\(id)", raw: #"{"email":""}"#)
            #expect(try await admin.send(.GET, "/api/v1/users/\(id)").json(UserJSON.self).email == nil)

            let created = try await admin.send(
                .POST, "/api/v1/users",
                raw:
                    #"{"username":"operator.baru","password":"Rahasia-Baru-123","role":"operator","unitId":"\#(world.opdA.id!)","email":"op@kupangkota.go.id"}"#
            )
            #expect(created.status == .created)
            let made = try created.json(UserJSON.self)
            #expect(made.email == "op@kupangkota.go.id" && made.digestEnabled)
        }
    }

    @Test func adminUserFormValidatesTheAddress() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let id = try world.users["asesor"]!.requireID()
            let bad = try await web.post(
                "/admin/users/\(id)/edit",
                ["role": "assessor", "active": "1", "email": "asesor@@kupang", "digest": "1"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Alamat e-mail tidak valid"))
            #expect(bad.body.string.contains(#"value="asesor@@kupang""#))
            let ok = try await web.post(
                "/admin/users/\(id)/edit",
                ["role": "assessor", "active": "1", "email": "asesor@kupangkota.go.id", "digest": "1"])
            #expect(ok.status == .seeOther)
            let user = try #require(try await User.find(id, on: app.db))
            #expect(user.email == "asesor@kupangkota.go.id" && user.digestEnabled)
        }
    }

    @Test func settingsShowTheServerNotThePasswordAndSendATestMail() async throws {
        let sink = try await SMTPSink.start()
        try await withTestApp(settings: {
            $0.smtp = SMTPConfig(
                host: "127.0.0.1", port: sink.port, sender: "kompeten@kupangkota.go.id", security: .none,
                password: "rahasia-smtp-jangan-tampil", sendHour: 6)
        }) { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/admin/settings").body.string
            #expect(page.contains("127.0.0.1:\(sink.port)") && page.contains("06.00 WITA"))
            #expect(page.contains("KOMPETEN_SMTP_PASSWORD</dt><dd>ya"))
            #expect(!page.contains("rahasia-smtp-jangan-tampil"))
            #expect(page.contains(#"id="send-test-mail""#))

            // No address yet: told so, nothing sent.
            #expect(try await web.post("/admin/settings/test-mail", [:]).status == .seeOther)
            #expect(try await web.get("/admin/settings").body.string.contains("Isi dahulu alamat e-mail Anda"))
            #expect(sink.mails.isEmpty)

            try await EmailDigestTests.setEmail(app, "admin", "admin@kupangkota.go.id")
            #expect(try await web.post("/admin/settings/test-mail", [:]).status == .seeOther)
            #expect(
                try await web.get("/admin/settings").body.string.contains(
                    "E-mail uji terkirim ke admin@kupangkota.go.id."))
            #expect(sink.mails.map(\.to) == [["admin@kupangkota.go.id"]])
            #expect(sink.mails.first?.data.contains("Subject: Kompeten: e-mail uji") == true)

            // A server that does not answer: a message on the page, not a 500.
            app.kompeten.mailTransport = SMTPTransport(
                config: .init(host: "127.0.0.1", port: 1, sender: "kompeten@kupangkota.go.id", security: .none))
            #expect(try await web.post("/admin/settings/test-mail", [:]).status == .seeOther)
            #expect(
                try await web.get("/admin/settings").body.string.contains(
                    "E-mail uji gagal dikirim: Tidak dapat terhubung ke server SMTP 127.0.0.1:1."))

            let operatorWeb = try await WebClient.login(app, "operator.a")
            #expect(try await operatorWeb.post("/admin/settings/test-mail", [:]).status == .forbidden)
        }
        await sink.stop()
    }
}
