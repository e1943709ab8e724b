import Fluent
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

    static func load(_ e: Employee, actor: Principal, at now: Date, on db: any Database) async throws
        -> EmployeeDevelopmentModel
    {
        let today = WITA.today(now)
        let status = try await JPQueries.status(e, year: today.year, on: db)
        let credits = try await JPCredit.query(on: db).filter(\.$employeeID == e.requireID()).filter(
            \.$year == today.year
        ).sort(\.$endDate).all()
        let enrolments = try await Enrolment.query(on: db).filter(\.$employeeID == e.requireID()).sort(
            \.$createdAt, .descending
        ).limit(50).all()
        let batches = Dictionary(
            uniqueKeysWithValues: try await Batch.query(on: db).filter(\.$id ~~ Set(enrolments.map(\.batchID))).all()
                .map { try ($0.requireID(), $0) })
        let programmes = Dictionary(
            uniqueKeysWithValues: try await Programme.query(on: db).filter(\.$id ~~ Set(enrolments.map(\.programmeID)))
                .all().map { try ($0.requireID(), $0) })
        let learning = try await LearningRecord.query(on: db).filter(\.$employeeID == e.requireID()).sort(
            \.$endDate, .descending
        ).limit(50).all()
        let dues = try await ReassessmentDue.query(on: db).filter(\.$employeeID == e.requireID()).filter(
            \.$closedOn == nil
        ).sort(\.$dueOn).all()
        let codes = try await PositionService.codesByID(Set(dues.map(\.competencyID)), on: db)
        let placement = try await EnrolmentService.placement(of: e, on: db)
        func date(_ iso: String) -> String { SimpleDate(iso: iso).map(IndonesianFormat.date) ?? iso }
        return EmployeeDevelopmentModel(
            year: today.year, jp: status.jp, jpStatus: status.status, jpMet: status.met,
            credits: credits.map { Credit(date: date($0.endDate), title: $0.title, jp: $0.jp) },
            enrolments: try enrolments.compactMap { en in
                guard let b = batches[en.batchID], let p = programmes[en.programmeID] else { return nil }
                return try EnrolmentRow(
                    programme: "\(p.code) \(p.title)", href: SiteURL.batch(b.requireID()).path, batch: b.name,
                    dates: "\(date(b.startDate)) – \(date(b.endDate))", status: en.enrolmentStatus.label,
                    certificate: en.certificateNumber ?? "—")
            },
            learning: learning.map {
                LearningRow(
                    title: "\($0.title) (\($0.organiser))", dates: date($0.endDate), jp: $0.jp,
                    status: $0.learningStatus.label)
            },
            dues: dues.map {
                DueRow(code: codes[$0.competencyID] ?? "?", due: date($0.dueOn), overdue: $0.dueOn < today.iso)
            },
            plansHref: SiteURL.employeePlans(try e.requireID()).path,
            learningHref: AccessPolicy.recordLearning(actor, employee: placement, employeeID: try e.requireID())
                .isAllowed ? SiteURL.learningNew(try e.requireID()).path : nil)
    }
}
