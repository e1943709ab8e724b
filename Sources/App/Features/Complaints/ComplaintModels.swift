import Foundation
import KompetenCore

/// The worklist row: what an operator needs to pick the next complaint.
struct ComplaintListModel: Encodable {
    struct Row: Encodable {
        let href: String
        let code: String
        let service: String
        let received: String
        let status: String
        let statusLabel: String
        /// Working days since receipt (open) or to closing (closed), and whether past the target.
        let days: Int
        let late: Bool
        let flagged: Bool
        let excerpt: String
    }
    struct Tab: Encodable {
        let label: String
        let href: String
        let active: Bool
    }
    let rows: [Row]
    let tabs: [Tab]
    let targetDays: Int
    /// BKPPD's view of every OPD, or one operator's OPD (the page's wording only).
    let wholeInstansi: Bool

    init(
        rows: [(complaint: Complaint, service: PublicService)], status: ComplaintStatus?, today: SimpleDate,
        targetDays: Int, calendar: WorkingCalendar, wholeInstansi: Bool
    ) {
        self.rows = rows.compactMap { c, s in
            guard let id = c.id else { return nil }
            let end = c.closedAt.map(WorkingCalendar.witaDay) ?? today
            let days = ComplaintTimeliness.workingDays(
                from: WorkingCalendar.witaDay(c.receivedAt), to: end, calendar: calendar)
            return Row(
                href: SiteURL.complaint(id).path, code: c.trackingCode, service: s.name,
                received: IndonesianFormat.dateTime(c.receivedAt), status: c.status,
                statusLabel: c.complaintStatus.label, days: days, late: days > targetDays, flagged: c.flagged,
                excerpt: c.text.count > 120 ? String(c.text.prefix(120)) + "…" : c.text)
        }
        tabs =
            [Tab(label: "Semua", href: SiteURL.complaints.path, active: status == nil)]
            + ComplaintStatus.allCases.map {
                Tab(label: $0.label, href: SiteURL.complaints.path + "?status=\($0.rawValue)", active: status == $0)
            }
        self.targetDays = targetDays
        self.wholeInstansi = wholeInstansi
    }
}

/// One complaint for the handling unit: the text, the complainant's contact (or that it was
/// erased), the timeline, the reply form and the transitions still open.
struct ComplaintPageModel: Encodable {
    struct Transition: Encodable {
        let value: String
        let label: String
        let needsReason: Bool
    }
    let code: String
    let service: String
    let opd: String
    let text: String
    let name: String
    let contact: String
    let personalNote: String?
    let status: String
    let statusLabel: String
    let flagged: Bool
    let received: String
    let firstReply: String?
    let closed: String?
    let rejectReason: String?
    let days: Int
    let targetDays: Int
    let late: Bool
    let competencyCode: String
    let open: Bool
    let replyAction: String
    let replyText: String
    let transitionAction: String
    let transitions: [Transition]
    let errors: [String: String]
    let trackHref: String
    let csrf: String

    init(
        _ c: Complaint, service: PublicService?, opd: Unit?, replyText: String, errors: [FieldError],
        today: SimpleDate, targetDays: Int, calendar: WorkingCalendar, csrf: String
    ) throws {
        let id = try c.requireID()
        code = c.trackingCode
        self.service = service?.name ?? ""
        self.opd = opd?.name ?? ""
        text = c.text
        name = c.name ?? "—"
        contact = c.contact ?? "—"
        personalNote =
            c.personalErasedAt.map { "Nama dan kontak dihapus \(IndonesianFormat.date($0)) (masa simpan berakhir)." }
        status = c.status
        statusLabel = c.complaintStatus.label
        flagged = c.flagged
        received = IndonesianFormat.dateTime(c.receivedAt)
        firstReply = c.firstReplyAt.map(IndonesianFormat.dateTime)
        closed = c.closedAt.map(IndonesianFormat.dateTime)
        rejectReason = c.rejectReason
        let end = c.closedAt.map(WorkingCalendar.witaDay) ?? today
        days = ComplaintTimeliness.workingDays(from: WorkingCalendar.witaDay(c.receivedAt), to: end, calendar: calendar)
        self.targetDays = targetDays
        late = days > targetDays
        competencyCode = c.competencyCode ?? ""
        open = !c.complaintStatus.isClosed
        replyAction = SiteURL.complaintReply(id).path
        self.replyText = replyText
        transitionAction = SiteURL.complaintTransition(id).path
        transitions = ComplaintWorkflow.next(from: c.complaintStatus).map {
            Transition(value: $0.rawValue, label: $0.label, needsReason: $0 == .rejected)
        }
        self.errors = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
        trackHref = SiteURL.complaintTrack(c.trackingCode).path
        self.csrf = csrf
    }
}
