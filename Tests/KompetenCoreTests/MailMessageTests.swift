import Foundation
import Testing

@testable import KompetenCore

@Suite struct MailMessageTests {
    @Test func plausibleAddresses() {
        #expect(EmailAddress.isPlausible("nama@kupangkota.go.id"))
        #expect(EmailAddress.isPlausible("a.b+c@x.id"))
        #expect(!EmailAddress.isPlausible("nama@localhost"))
        #expect(!EmailAddress.isPlausible("nama kupang@x.id"))
        #expect(!EmailAddress.isPlausible("@x.id"))
        #expect(!EmailAddress.isPlausible("a@@x.id"))
        #expect(!EmailAddress.isPlausible("a@x..id"))
        #expect(!EmailAddress.isPlausible("a@x.id>\r\nRCPT TO:<b@y.id"))
        #expect(EmailAddress.problem("  ") == nil)
        #expect(EmailAddress.normalised("  a@x.id ") == "a@x.id")
        // 250 + "@x.id" = 255 characters: one too many.
        #expect(
            EmailAddress.problem(String(repeating: "a", count: 250) + "@x.id")
                == "Alamat e-mail paling banyak 254 karakter.")
        #expect(EmailAddress.problem("bukan-alamat") == "Alamat e-mail tidak valid (contoh: nama@kupangkota.go.id).")
    }

    @Test func headersInOrderWithTheDateInWITA() {
        // 1796684400 = Monday 2026-12-07 23:00 UTC = Tuesday 2026-12-08 07:00 WITA (UTC+8).
        let m = MailMessage(
            from: "kompeten@kupangkota.go.id", to: "ana@kupangkota.go.id",
            subject: "Kompeten: 2 pemberitahuan belum dibaca",
            body: "Halo\n", date: Date(timeIntervalSince1970: 1_796_684_400), messageID: "abc@kupangkota.go.id")
        #expect(
            m.rendered
                == "Date: Tue, 08 Dec 2026 07:00:00 +0800\r\nMessage-ID: <abc@kupangkota.go.id>\r\n"
                + "From: kompeten@kupangkota.go.id\r\nTo: ana@kupangkota.go.id\r\n"
                + "Subject: Kompeten: 2 pemberitahuan belum dibaca\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Halo\r\n")
    }

    @Test func nonASCIISubjectIsEncodedInWholeCharacterWords() {
        #expect(MailMessage.encodedHeader("Pemberitahuan évaluasi") == "=?UTF-8?B?UGVtYmVyaXRhaHVhbiDDqXZhbHVhc2k=?=")
        // 30 × "ü" = 60 bytes; 45 bytes per word but "ü" is 2 bytes → 44 + 16.
        #expect(
            MailMessage.encodedHeader(String(repeating: "ü", count: 30))
                == "=?UTF-8?B?w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7w=?=\r\n"
                + " =?UTF-8?B?w7zDvMO8w7zDvMO8w7zDvA==?=")
        #expect(MailMessage.encodedHeader("Kompeten: 3") == "Kompeten: 3")
    }

    @Test func quotedPrintableBody() {
        #expect(MailMessage.quotedPrintable("Harga = 5 ü") == "Harga =3D 5 =C3=BC")
        #expect(MailMessage.quotedPrintable("akhir \nbaris") == "akhir=20\r\nbaris")
        // 80 characters: 75, a soft break, 5.
        let long = String(repeating: "a", count: 80)
        #expect(
            MailMessage.quotedPrintable(long) == String(repeating: "a", count: 75) + "=\r\n"
                + String(repeating: "a", count: 5))
    }

    @Test func dotStuffingAndTerminator() {
        #expect(MailMessage.smtpData("a\r\n.b\r\n..c") == "a\r\n..b\r\n...c\r\n.\r\n")
        #expect(MailMessage.smtpData(".") == "..\r\n.\r\n")
    }

    @Test func digestBodyHasOneLinePerNoticeAndTheStopLine() {
        let body = DigestMail.body(
            name: "ana",
            lines: [
                .init(text: "Isi evaluasi L1.", link: "/evaluasi/1"),
                .init(text: "Pengaduan X belum dijawab.", link: "/p/2"),
            ],
            baseURL: "https://k.id", accountPath: "/akun/data", inboxPath: "/notifikasi")
        #expect(
            body == """
                Yth. ana,

                Ada 2 pemberitahuan yang belum Anda baca di Kompeten:

                - Isi evaluasi L1. https://k.id/evaluasi/1
                - Pengaduan X belum dijawab. https://k.id/p/2

                Semua pemberitahuan: https://k.id/notifikasi

                Untuk berhenti menerima ringkasan harian ini, buka https://k.id/akun/data lalu hapus centang "Kirim ringkasan harian lewat e-mail".

                """)
        #expect(DigestMail.subject(count: 2) == "Kompeten: 2 pemberitahuan belum dibaca")
    }
}

@Suite struct DigestScheduleTests {
    @Test func dueFromTheSendHourInWITA() {
        // 1796684400 = 2026-12-07 23:00 UTC = 2026-12-08 07:00 WITA.
        #expect(DigestSchedule.isDue(Date(timeIntervalSince1970: 1_796_684_400), sendHour: 7))
        #expect(!DigestSchedule.isDue(Date(timeIntervalSince1970: 1_796_684_399), sendHour: 7))
        #expect(!DigestSchedule.isDue(Date(timeIntervalSince1970: 1_796_684_400), sendHour: 8))
        // 15:59 UTC = 23:59 WITA, still the same day's window.
        #expect(DigestSchedule.isDue(Date(timeIntervalSince1970: 1_796_684_400 + 8 * 3600 + 3540), sendHour: 7))
    }
}
