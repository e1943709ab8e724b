import Foundation

/// An e-mail address as a person types it into a form: checked for being plausible (one `@`,
/// a dotted domain, no spaces, at most 254 characters as RFC 5321 allows), not for existing.
public enum EmailAddress {
    public static let maxLength = 254

    /// Trimmed, or nil for an empty field (the address is optional).
    public static func normalised(_ raw: String?) -> String? {
        let t = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    public static func isPlausible(_ address: String) -> Bool {
        guard address.count <= maxLength, address.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != "-" && $0.last != "-" }) else {
            return false
        }
        // No characters that would break a header or the SMTP dialogue.
        return !address.contains(where: { "<>()[],;:\\\"".contains($0) })
    }

    /// The field's message when `raw` is set but not an address; nil when fine or empty.
    public static func problem(_ raw: String?) -> String? {
        guard let a = normalised(raw) else { return nil }
        if a.count > maxLength { return "Alamat e-mail paling banyak \(maxLength) karakter." }
        return isPlausible(a) ? nil : "Alamat e-mail tidak valid (contoh: nama@kupangkota.go.id)."
    }
}

/// A plain-text message as RFC 5322 wants it: headers, a UTF-8 body sent quoted-printable (so it
/// passes through any relay, 8BITMIME or not), and a Subject encoded per RFC 2047 when it is not ASCII.
public struct MailMessage: Sendable, Equatable {
    public let from: String
    public let to: String
    public let subject: String
    public let body: String
    public let date: Date
    public let messageID: String

    public init(from: String, to: String, subject: String, body: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message as sent after DATA (CRLF line ends, not yet dot-stuffed).
    public var rendered: String {
        let headers = [
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(messageID)>",
            "From: \(from)",
            "To: \(to)",
            "Subject: " + Self.encodedHeader(subject),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(body)
    }

    /// `Mon, 07 Dec 2026 07:00:00 +0800`: in WITA, the time the recipients live in.
    public static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0800", days[c.weekday! - 1], c.day!, months[c.month! - 1],
            c.year!, c.hour!, c.minute!, c.second!)
    }

    /// ASCII text as it is; anything else as RFC 2047 `=?UTF-8?B?…?=` words of at most 75
    /// characters, split between whole characters (a word must decode on its own).
    public static func encodedHeader(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && $0 != "\r" && $0 != "\n" }) { return text }
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters → 45 bytes per word.
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for ch in text where ch != "\r" && ch != "\n" {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// RFC 2045 §6.7: printable ASCII stays, `=` and other bytes become `=XX`, spaces at a line's
    /// end are encoded, and lines longer than 76 characters get soft breaks (`=` CRLF).
    public static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line -> String in
            let bytes = Array(line.utf8)
            var tokens: [String] = []
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                if (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !last) {
                    tokens.append(String(UnicodeScalar(b)))
                } else {
                    tokens.append(String(format: "=%02X", b))
                }
            }
            var out = ""
            var width = 0
            for t in tokens {
                if width + t.count > 75 {
                    out += "=\r\n"
                    width = 0
                }
                out += t
                width += t.count
            }
            return out
        }.joined(separator: "\r\n")
    }

    /// RFC 5321 §4.5.2: a line starting with `.` gets another, so no line of the message can end
    /// the DATA; the terminating `.` line is appended.
    public static func smtpData(_ rendered: String) -> String {
        let stuffed = rendered.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return stuffed.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}

/// The daily digest: what it says, built from the person's unread notices (already chosen by the
/// notification queries; this only writes them down).
public enum DigestMail {
    public struct Line: Sendable, Equatable {
        public let text: String
        public let link: String
        public init(text: String, link: String) {
            self.text = text
            self.link = link
        }
    }

    public static func subject(count: Int) -> String { "Kompeten: \(count) pemberitahuan belum dibaca" }

    /// `baseURL` without a trailing slash; links are paths (`/notifikasi`).
    public static func body(name: String, lines: [Line], baseURL: String, accountPath: String, inboxPath: String)
        -> String
    {
        var out = [
            "Yth. \(name),", "",
            "Ada \(lines.count) pemberitahuan yang belum Anda baca di Kompeten:", "",
        ]
        out += lines.map { "- \($0.text) \(baseURL)\($0.link)" }
        out += [
            "", "Semua pemberitahuan: \(baseURL)\(inboxPath)", "",
            "Untuk berhenti menerima ringkasan harian ini, buka \(baseURL)\(accountPath) lalu hapus centang "
                + "\"Kirim ringkasan harian lewat e-mail\".",
        ]
        return out.joined(separator: "\n") + "\n"
    }
}

/// When the day's digests may go out: from `sendHour` WITA until the end of the WITA day.
public enum DigestSchedule {
    public static func isDue(_ now: Date, sendHour: Int) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar.component(.hour, from: now) >= sendHour
    }
}
