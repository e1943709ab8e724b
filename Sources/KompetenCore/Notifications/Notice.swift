import Foundation

/// What a notification (pemberitahuan) is about. Notices are derived from the state of the work
/// (an evaluation still to fill, a plan waiting for approval), not stored when something happens,
/// so one can never go stale: once the work is done, the notice is gone.
public enum NoticeKind: String, CaseIterable, Codable, Sendable {
    case evaluation = "evaluasi"
    case approval = "persetujuan"
    case reassessment = "asesmen_ulang"
    case complaint = "pengaduan"
    case planDecided = "rencana"
    case mandatoryTraining = "pelatihan_wajib"

    public var label: String {
        switch self {
        case .evaluation: "Evaluasi jatuh tempo"
        case .approval: "Menunggu persetujuan"
        case .reassessment: "Penilaian ulang jatuh tempo"
        case .complaint: "Pengaduan perlu dijawab"
        case .planDecided: "Keputusan rencana pengembangan"
        case .mandatoryTraining: "Pelatihan wajib"
        }
    }
}

/// One notice: `id` is stable for as long as the same piece of work waits ("evaluasi.<enrolment>.3"),
/// so a person's "read" mark on it holds until the work changes.
public struct Notice: Sendable, Equatable {
    public let id: String
    public let kind: NoticeKind
    public let text: String
    public let link: String
    public let createdAt: Date

    public init(kind: NoticeKind, ref: String, text: String, link: String, createdAt: Date) {
        id = kind.rawValue + "." + ref
        self.kind = kind
        self.text = text
        self.link = link
        self.createdAt = createdAt
    }
}

public enum NoticeInbox {
    /// The most a person is shown at once; the oldest fall off (the lists they link to keep them).
    public static let limit = 50

    /// Newest first (ties by id, a stable order), each with its read flag, and the unread count
    /// of all of them — not only of the first `limit`.
    public static func arrange(_ notices: [Notice], read: Set<String>) -> (unread: Int, items: [(Notice, Bool)]) {
        let sorted = notices.sorted { ($0.createdAt, $1.id) > ($1.createdAt, $0.id) }
        let unread = sorted.filter { !read.contains($0.id) }.count
        return (unread, sorted.prefix(limit).map { ($0, read.contains($0.id)) })
    }

    /// An id as `Notice` builds it: a known kind, a dot, then letters, digits, `-` and `.` only
    /// (≤ 100 characters), so a path parameter cannot carry anything else into the database.
    public static func isWellFormed(_ id: String) -> Bool {
        guard id.count <= 100, let dot = id.firstIndex(of: "."), NoticeKind(rawValue: String(id[..<dot])) != nil
        else { return false }
        let ref = id[id.index(after: dot)...]
        return !ref.isEmpty && ref.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
    }

    /// Monday of the ISO week of `day`: weekly reminders (re-assessments due) are one notice per
    /// week, so a person who read this week's is reminded again next week.
    public static func weekStart(_ day: SimpleDate) -> SimpleDate {
        let monday = SimpleDate(year: 2024, month: 1, day: 1)! // a Monday
        let weekday = ((monday.days(to: day) % 7) + 7) % 7 // Monday 0 … Sunday 6
        return day.adding(days: -weekday)
    }
}
