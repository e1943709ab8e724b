import Fluent
import KompetenCore
import Vapor

/// The enrolment read side: what `EmployeeDevelopmentModel` shows, read here so that the model is
/// built from values and never touches the database.
enum EnrolmentQueries {
    /// The evaluation records (pre/post-tests and the rest) of these enrolments.
    static func evaluationRecords(enrolmentIDs: [UUID], on db: any Database) async throws -> [EvaluationRecord] {
        try await EvaluationRecord.query(on: db).filter(\.$enrolmentID ~~ enrolmentIDs).all()
    }

    /// The rows behind the development part of one employee's profile for one year.
    struct EmployeeDevelopment {
        let status: JPDTO
        let credits: [JPCredit]
        /// The latest 50, newest first.
        let enrolments: [Enrolment]
        let batches: [UUID: Batch]
        let programmes: [UUID: Programme]
        /// The latest 50 by end date.
        let learning: [LearningRecord]
        /// Open re-assessments, soonest first.
        let dues: [ReassessmentDue]
        let codes: [UUID: String]
        let placement: Placement
    }

    static func employeeDevelopment(_ e: Employee, year: Int, on db: any Database) async throws
        -> EmployeeDevelopment
    {
        let status = try await JPQueries.status(e, year: year, on: db)
        let credits = try await JPCredit.query(on: db).filter(\.$employeeID == e.requireID()).filter(
            \.$year == year
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
        return EmployeeDevelopment(
            status: status, credits: credits, enrolments: enrolments, batches: batches, programmes: programmes,
            learning: learning, dues: dues, codes: codes, placement: placement)
    }
}
