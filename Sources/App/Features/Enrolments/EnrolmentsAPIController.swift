import Fluent
import KompetenCore
import Vapor

/// `/api/v1/batches/{id}/enrolments`, `/api/v1/enrolments/{id}/…`, outside learning and the JP ledger.
enum EnrolmentsAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("batches", ":id", "enrolments", use: list)
        api.post("batches", ":id", "enrolments", use: enrol)
        api.post("enrolments", ":id", "complete", use: complete)
        api.post("enrolments", ":id", "attendance", use: attendance)
        api.post("enrolments", ":id", "cancel", use: cancel)
        api.get("employees", ":id", "jp", use: jp)
        api.get("employees", ":id", "learning", use: learning)
        api.post("employees", ":id", "learning", use: recordLearning)
        api.post("learning", ":id", "decision", use: decide)
    }

    static func list(req: Request) async throws -> [EnrolmentDTO] {
        let (_, _, rows) = try await EnrolmentService.participants(
            batchID: try req.parameters.require("id"), actor: try req.actor, on: req.db)
        return rows.map { EnrolmentDTO($0.0) }
    }

    static func enrol(req: Request) async throws -> Response {
        let batchID: UUID = try req.parameters.require("id")
        let actor = try req.actor
        try await AccessFirst.enrol(batchID, actor, on: req.db) // access before the body is read
        let input = try req.content.decode(EnrolmentInput.self)
        let now = req.now
        guard let key = try IdempotencyStore.key(req) else {
            let e = try await EnrolmentService.enrol(batchID: batchID, input, actor: actor, at: now, on: req.db)
            return try await EnrolmentDTO(e).encodeResponse(status: .created, for: req)
        }
        // Keys are per user: one operator's key can never replay another's answer.
        return try await IdempotencyStore.run(req, scope: "enrol:\(actor.userID)", key: key) { db in
            let e = try await EnrolmentService.enrol(batchID: batchID, input, actor: actor, at: now, on: db)
            return (.created, try JSONEncoder.custom(dates: .iso8601).encode(EnrolmentDTO(e)))
        }
    }

    static func complete(req: Request) async throws -> EnrolmentDTO {
        try await AccessFirst.recordCompletion(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(CompletionInput.self)
        return EnrolmentDTO(
            try await EnrolmentService.complete(
                try req.parameters.require("id"), input, certificate: nil,
                actor: try req.actor, at: req.now, on: req.db))
    }

    static func attendance(req: Request) async throws -> EnrolmentDTO {
        try await AccessFirst.recordCompletion(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(AttendanceInput.self)
        return EnrolmentDTO(
            try await EnrolmentService.recordAttendance(
                try req.parameters.require("id"), percent: input.attendancePercent,
                actor: try req.actor, at: req.now, on: req.db))
    }

    static func cancel(req: Request) async throws -> EnrolmentDTO {
        EnrolmentDTO(
            try await EnrolmentService.cancel(
                try req.parameters.require("id"), actor: try req.actor, at: req.now, on: req.db))
    }

    struct YearQuery: Content { var year: Int? }

    static func jp(req: Request) async throws -> JPDTO {
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        return try await JPQueries.status(
            e, year: try ReportYear.resolve(try req.query.decode(YearQuery.self).year, req), on: req.db)
    }

    static func learning(req: Request) async throws -> [LearningDTO] {
        let actor = try req.actor
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        return try await LearningQueries.records(of: e.requireID(), actor, on: req.db).map(LearningDTO.init)
    }

    static func recordLearning(req: Request) async throws -> Response {
        try await AccessFirst.recordLearning(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(LearningInput.self)
        let l = try await LearningService.record(
            employeeID: try req.parameters.require("id"), input, evidence: nil, actor: try req.actor, at: req.now,
            on: req.db)
        return try await LearningDTO(l).encodeResponse(status: .created, for: req)
    }

    struct DecisionInput: Content {
        var verify: Bool
        var reason: String?
    }

    static func decide(req: Request) async throws -> LearningDTO {
        try await AccessFirst.decideLearning(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(DecisionInput.self)
        return LearningDTO(
            try await LearningService.decide(
                try req.parameters.require("id"), verify: input.verify, reason: input.reason,
                actor: try req.actor, at: req.now, on: req.db))
    }
}
