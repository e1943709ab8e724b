import Fluent
import KompetenCore
import Vapor

enum LearningQueries {
    /// An employee's outside learning in the actor's instansi, latest end date first.
    static func records(of employeeID: UUID, _ actor: Principal, on db: any Database) async throws
        -> [LearningRecord]
    {
        try await LearningRecord.scopedQuery(actor, on: db).filter(\.$employeeID == employeeID).sort(
            \.$endDate, .descending
        ).all()
    }

    /// Outside learning this actor can verify: their direct subordinates'; for BKPPD, that of
    /// people without a supervisor.
    static func awaitingVerification(_ actor: Principal, on db: any Database) async throws -> [(
        LearningRecord, Employee
    )] {
        let pending = try LearningRecord.scopedQuery(actor, on: db).filter(
            \.$status == LearningStatus.submitted.rawValue)
        var employees: [Employee]
        switch AccessPolicy.approvalQueue(actor) {
        case .bkppd:
            let records = try await pending.sort(\.$createdAt).limit(500).all()
            employees = try await Employee.query(on: db).filter(\.$id ~~ records.map(\.employeeID)).filter(
                \.$supervisorID == nil
            ).all()
            let byID = try Dictionary(uniqueKeysWithValues: employees.map { try ($0.requireID(), $0) })
            return records.compactMap { r in byID[r.employeeID].map { (r, $0) } }
        case .nothing: return []
        case .subordinates(let me):
            employees = try await Employee.scopedQuery(actor, on: db).filter(\.$supervisorID == me).all()
            let byID = try Dictionary(uniqueKeysWithValues: employees.map { try ($0.requireID(), $0) })
            let records = try await pending.filter(\.$employeeID ~~ employees.map { try $0.requireID() }).sort(
                \.$createdAt
            ).all()
            return records.compactMap { r in byID[r.employeeID].map { (r, $0) } }
        }
    }
}
