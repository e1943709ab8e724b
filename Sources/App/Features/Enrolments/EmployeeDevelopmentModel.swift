import KompetenCore
import Vapor

/// The development part of an employee's profile: the JP ledger of the year, enrolments,
/// outside learning, re-assessments due, and the way to their plans.
struct EmployeeDevelopmentModel: Encodable {
    struct Credit: Encodable {
        let date: String
        let title: String
        let jp: Int
    }
    struct EnrolmentRow: Encodable {
        let programme: String
        let href: String
        let batch: String
        let dates: String
        let status: String
        let certificate: String
    }
    struct LearningRow: Encodable {
        let title: String
        let dates: String
        let jp: Int
        let status: String
    }
    struct DueRow: Encodable {
        let code: String
        let due: String
        let overdue: Bool
    }
    let year: Int
    let jp: Int
    let jpStatus: String
    let jpMet: Bool
    let credits: [Credit]
    let enrolments: [EnrolmentRow]
    let learning: [LearningRow]
    let dues: [DueRow]
    let plansHref: String
    let learningHref: String?
}

extension EmployeeDevelopmentModel {
    /// `records` from `EnrolmentQueries.employeeDevelopment` for `today.year`.
    init(_ e: Employee, _ records: EnrolmentQueries.EmployeeDevelopment, actor: Principal, today: SimpleDate) throws {
        let r = records
        func date(_ iso: String) -> String { SimpleDate(iso: iso).map(IndonesianFormat.date) ?? iso }
        self.init(
            year: today.year, jp: r.status.jp, jpStatus: r.status.status, jpMet: r.status.met,
            credits: r.credits.map { Credit(date: date($0.endDate), title: $0.title, jp: $0.jp) },
            enrolments: try r.enrolments.compactMap { en in
                guard let b = r.batches[en.batchID], let p = r.programmes[en.programmeID] else { return nil }
                return try EnrolmentRow(
                    programme: "\(p.code) \(p.title)", href: SiteURL.batch(b.requireID()).path, batch: b.name,
                    dates: "\(date(b.startDate)) – \(date(b.endDate))", status: en.enrolmentStatus.label,
                    certificate: en.certificateNumber ?? "—")
            },
            learning: r.learning.map {
                LearningRow(
                    title: "\($0.title) (\($0.organiser))", dates: date($0.endDate), jp: $0.jp,
                    status: $0.learningStatus.label)
            },
            dues: r.dues.map {
                DueRow(code: r.codes[$0.competencyID] ?? "?", due: date($0.dueOn), overdue: $0.dueOn < today.iso)
            },
            plansHref: SiteURL.employeePlans(try e.requireID()).path,
            learningHref: AccessPolicy.recordLearning(actor, employee: r.placement, employeeID: try e.requireID())
                .isAllowed ? SiteURL.learningNew(try e.requireID()).path : nil)
    }
}
