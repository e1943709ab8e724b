import Fluent
import KompetenCore
import Vapor

/// Access decided before a request body is read, for write routes whose service reads the
/// record and decides access itself (after the controller has decoded the body). Each check
/// loads the record the way its service does and asks the same AccessPolicy rule, so a user
/// who may not touch the record gets 403/404 — never a 422 that names the form's fields, and
/// never a validation answer about someone else's record. The service checks again (cheap).
enum AccessFirst {
    /// An employee's record for an action on them; `rule` is the action's AccessPolicy rule.
    static func employee(
        _ id: UUID?, _ actor: Principal, on db: any Database,
        _ rule: (Principal, Placement, Employee) -> AccessDecision
    ) async throws -> Employee {
        let employee = try await EmployeeQueries.find(id, for: actor, .read, on: db)
        try rule(actor, try await EnrolmentService.placement(of: employee, on: db), employee).require()
        return employee
    }

    static func recordAssessment(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        _ = try await employee(id, actor, on: db) { actor, placement, _ in
            AccessPolicy.recordAssessment(actor, placement)
        }
    }

    static func recordPerformance(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        _ = try await employee(id, actor, on: db) { actor, placement, e in
            AccessPolicy.recordPerformance(actor, employee: placement, employeeID: e.id!, supervisorID: e.supervisorID)
        }
    }

    static func recordLearning(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        _ = try await employee(id, actor, on: db) { actor, placement, e in
            AccessPolicy.recordLearning(actor, employee: placement, employeeID: e.id!)
        }
    }

    /// Writing a development plan for an employee: the employee, their OPD's operator, BKPPD.
    static func authorPlan(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        let employee = try await EmployeeQueries.find(id, for: actor, .read, on: db)
        guard try await PlanService.planActor(actor, employee, on: db).isAuthor else {
            throw Abort(.forbidden, reason: "Rencana disusun oleh pegawai sendiri, operator OPD-nya, atau Admin BKPPD.")
        }
    }

    /// A plan one reaches (its items and steps are then the workflow's to allow or refuse).
    static func plan(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        _ = try await PlanService.find(id, actor, on: db)
    }

    /// Outside learning waiting for its verification.
    static func decideLearning(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        let l = try await LearningRecord.findScoped(id, actor, on: db, what: "Catatan pembelajaran")
        guard let employee = try await Employee.find(l.employeeID, on: db) else {
            throw Abort(.notFound, reason: "Pegawai tidak ditemukan.")
        }
        try AccessPolicy.verifyLearning(
            actor, employee: try await EnrolmentService.placement(of: employee, on: db),
            employeeID: employee.requireID(), supervisorID: employee.supervisorID
        ).require()
    }

    /// Attendance and completion of an enrolment: the programme's provider or BKPPD.
    static func recordCompletion(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        let e = try await Enrolment.findScoped(id, actor, on: db, what: "Pendaftaran")
        guard let programme = try await Programme.find(e.programmeID, on: db) else {
            throw Abort(.notFound, reason: "Pendaftaran tidak ditemukan.")
        }
        if !AccessPolicy.providerReach(actor).reaches(programme.providerID) {
            throw Abort(.notFound, reason: "Pendaftaran tidak ditemukan.")
        }
        try AccessPolicy.recordCompletion(actor, providerID: programme.providerID).require()
    }

    /// A batch's pre-/post-test scores: the programme's provider or BKPPD.
    static func recordTests(_ batchID: UUID?, _ actor: Principal, on db: any Database) async throws {
        let (_, programme) = try await ProgrammeService.findBatch(batchID, actor, .read, on: db)
        try AccessPolicy.recordCompletion(actor, providerID: programme.providerID).require()
    }

    /// Enrolling into a batch: the batch must be visible, and the role one that enrols people.
    static func enrol(_ batchID: UUID?, _ actor: Principal, on db: any Database) async throws {
        _ = try await ProgrammeService.findBatch(batchID, actor, .read, on: db)
        try AccessPolicy.mayCreate(actor, .enrolment).require()
    }

    /// Filling an evaluation of an enrolment as some respondent.
    static func fillEvaluation(_ id: UUID?, _ actor: Principal, on db: any Database) async throws {
        let c = try await EvaluationService.context(id, actor: actor, on: db)
        try AccessPolicy.mayFillSomeEvaluation(actor, c.parties).require()
    }
}
