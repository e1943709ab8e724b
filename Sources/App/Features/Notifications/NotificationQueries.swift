import Fluent
import Foundation
import KompetenCore
import Vapor

/// The notices of one person, derived from the work waiting for them through the same queries
/// (and so the same access rules) as the lists they link to.
enum NotificationQueries {
    /// Days an approved or returned plan stays on its owner's list.
    static let decisionDays = 30
    /// A mandatory training shows this many days before its deadline (and after it, overdue).
    static let mandatoryLeadDays = 90
    /// The newest complaints listed one by one; the complaint list has the rest.
    static let complaintLimit = 20

    static func notices(for actor: Principal, at now: Date, on db: any Database) async throws -> [Notice] {
        guard let instansiID = actor.instansiID else { return [] }
        var notices: [Notice] = []
        // Evaluations this person fills: their own L1/L3, and L3 for their direct reports.
        for i in try await EvaluationWorklist.pending(for: actor, at: now, on: db) {
            let whose = i.respondent == .supervisor ? " untuk \(i.employeeName)" : ""
            notices.append(
                Notice(
                    kind: .evaluation, ref: "\(i.enrolmentID.uuidString).\(i.level.rawValue)",
                    text:
                        "Isi evaluasi \(i.level.label): \(i.programmeTitle)\(whose), batas \(IndonesianFormat.date(i.due))"
                        + (i.overdue ? " (lewat batas)" : "") + ".",
                    link: SiteURL.evaluate(i.enrolmentID, level: i.level.rawValue).path,
                    createdAt: WITA.startOfDay(i.completedOn)))
        }
        if AccessPolicy.approvalInbox(actor).isAllowed {
            for (plan, employee) in try await PlanService.inbox(actor, on: db) {
                notices.append(
                    Notice(
                        // The submission's time in the id: a plan sent back and submitted again
                        // is new work, unread again.
                        kind: .approval,
                        ref: "\(try plan.requireID().uuidString).\(Int(plan.updatedAt.timeIntervalSince1970))",
                        text: "Rencana pengembangan \(plan.year) \(employee.name) menunggu persetujuan Anda.",
                        link: SiteURL.plan(try plan.requireID()).path, createdAt: plan.updatedAt))
            }
            for (record, employee) in try await LearningQueries.awaitingVerification(actor, on: db) {
                notices.append(
                    Notice(
                        kind: .approval, ref: "belajar." + (try record.requireID().uuidString),
                        text: "Pembelajaran \"\(record.title)\" \(employee.name) menunggu verifikasi.",
                        link: SiteURL.plans.path, createdAt: record.createdAt))
            }
        }
        let today = WITA.today(now)
        if case .success(let opd) = AccessPolicy.reassessmentScope(actor) {
            let unitIDs = try await opd.asyncMap { try await UnitQueries.ids(inOPD: $0, on: db) }
            let overdue = try await ReassessmentQueries.count(
                instansiID: instansiID, unitIDs: unitIDs, status: .overdue, today: today, on: db)
            let upcoming = try await ReassessmentQueries.count(
                instansiID: instansiID, unitIDs: unitIDs, status: .upcoming, today: today, on: db)
            if overdue + upcoming > 0 {
                // One reminder a week: read this week's, and next Monday brings a new one.
                let week = NoticeInbox.weekStart(today)
                notices.append(
                    Notice(
                        kind: .reassessment, ref: week.iso,
                        text: "Penilaian ulang: \(IndonesianFormat.integer(overdue)) lewat jatuh tempo, "
                            + "\(IndonesianFormat.integer(upcoming)) jatuh tempo 30 hari ke depan.",
                        link: SiteURL.reassessments.path + "?status=" + (overdue > 0 ? "overdue" : "upcoming"),
                        createdAt: WITA.startOfDay(week)))
            }
        }
        if case .success(let opd) = AccessPolicy.complaintScope(actor) {
            var q = Complaint.query(on: db).filter(\.$instansiID == instansiID)
                .filter(\.$status == ComplaintStatus.received.rawValue)
            if let opd { q = q.filter(\.$opdID == opd) }
            for c in try await q.sort(\.$receivedAt, .descending).limit(complaintLimit).all() {
                notices.append(
                    Notice(
                        kind: .complaint, ref: try c.requireID().uuidString,
                        text: "Pengaduan \(c.trackingCode) belum dijawab.",
                        link: SiteURL.complaint(try c.requireID()).path, createdAt: c.receivedAt))
            }
        }
        if let me = actor.employeeID {
            // One's own Latsar/PKP/PKA/PKN II: from 90 days before the deadline, and again once
            // it has passed (the status is in the id).
            let own = try await MandatoryTrainingQueries.items(
                .init(instansiID: instansiID, unitIDs: nil, employeeID: me), today: today, on: db)
            for item in own where item.requirement.status != .done {
                let r = item.requirement
                guard r.status == .overdue || today.days(to: r.dueDate) <= mandatoryLeadDays else { continue }
                notices.append(
                    Notice(
                        kind: .mandatoryTraining, ref: "\(r.kind.rawValue).\(r.status.rawValue)",
                        text: "\(r.kind.label) "
                            + (r.status == .overdue
                                ? "lewat batas \(IndonesianFormat.date(r.dueDate)); segera daftar."
                                : "wajib diikuti paling lambat \(IndonesianFormat.date(r.dueDate))."),
                        link: SiteURL.mandatoryTraining.path, createdAt: WITA.startOfDay(r.start)))
            }
            let since = now.addingTimeInterval(-Double(decisionDays) * 86_400)
            let decided = try await DevelopmentPlan.query(on: db).filter(\.$employeeID == me)
                .filter(\.$status ~~ [PlanStatus.approved.rawValue, PlanStatus.rejected.rawValue])
                .filter(\.$updatedAt >= since).all()
            for plan in decided {
                let approved = plan.planStatus == .approved
                notices.append(
                    Notice(
                        kind: .planDecided, ref: "\(try plan.requireID().uuidString).\(plan.status)",
                        text: "Rencana pengembangan \(plan.year) Anda "
                            + (approved
                                ? "disetujui BKPPD." : "dikembalikan: \(plan.rejectionReason ?? "lihat catatan")."),
                        link: SiteURL.plan(try plan.requireID()).path, createdAt: plan.updatedAt))
            }
        }
        return notices
    }

    static func readIDs(of userID: UUID, on db: any Database) async throws -> Set<String> {
        Set(try await NotificationRead.query(on: db).filter(\.$userID == userID).all(\.$noticeID))
    }

    /// The person's notices arranged for the bell, the page and the API.
    static func inbox(for actor: Principal, at now: Date, on db: any Database) async throws -> (
        unread: Int, items: [(Notice, Bool)]
    ) {
        let notices = try await notices(for: actor, at: now, on: db)
        return NoticeInbox.arrange(notices, read: try await readIDs(of: actor.userID, on: db))
    }
}
