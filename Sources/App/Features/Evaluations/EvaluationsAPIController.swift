import Fluent
import KompetenCore
import Vapor

/// `/api/v1/enrolments/{id}/evaluations`, `/api/v1/evaluations/pending`, `/api/v1/programs/{id}/effectiveness`.
enum EvaluationsAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("enrolments", ":id", "evaluations", use: list)
        api.post("enrolments", ":id", "evaluations", use: fill)
        api.get("evaluations", "pending", use: pending)
        api.get("programs", ":id", "effectiveness", use: effectiveness)
    }

    static func list(req: Request) async throws -> [EvaluationDTO] {
        try await EvaluationService.list(try req.parameters.require("id"), actor: try req.actor, on: req.db).map(
            EvaluationDTO.init)
    }

    static func fill(req: Request) async throws -> Response {
        // access before the body
        try await AccessFirst.fillEvaluation(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(EvaluationInput.self)
        let (record, created) = try await EvaluationService.fill(
            try req.parameters.require("id"), input, actor: try req.actor, at: req.now, on: req.db)
        return try await EvaluationDTO(record).encodeResponse(status: created ? .created : .ok, for: req)
    }

    struct PendingDTO: Content {
        let enrolmentId: UUID, level: Int, respondentRole: String, employeeNip: String, employeeName: String
        let programTitle: String, completedOn: String, dueOn: String, overdue: Bool
    }

    static func pending(req: Request) async throws -> [PendingDTO] {
        try await EvaluationWorklist.pending(for: try req.actor, at: req.now, on: req.db).map {
            PendingDTO(
                enrolmentId: $0.enrolmentID, level: $0.level.rawValue, respondentRole: $0.respondent.rawValue,
                employeeNip: $0.employeeNIP,
                employeeName: $0.employeeName, programTitle: $0.programmeTitle, completedOn: $0.completedOn.iso,
                dueOn: $0.due.iso, overdue: $0.overdue)
        }
    }

    static func effectiveness(req: Request) async throws -> EffectivenessDTO {
        let actor = try req.actor
        let programme = try await ProgrammeService.find(try req.parameters.require("id"), actor, .read, on: req.db)
        let unitIDs = try await EffectivenessQueries.participantScope(
            actor, providerID: programme.providerID, on: req.db)
        let tally =
            try await EffectivenessQueries.byProgramme(
                .init(instansiID: programme.instansiID, unitIDs: unitIDs, programmeID: programme.requireID()),
                on: req.db)[programme.requireID()] ?? EffectivenessTally()
        return try dto(programme.requireID(), tally)
    }

    static func dto(_ id: UUID, _ t: EffectivenessTally) -> EffectivenessDTO {
        EffectivenessDTO(
            programId: id, l1Mean: t.l1Mean, l2MeanGain: t.l2MeanGain, l3MeanChange: t.l3MeanChange,
            l3SelfMeanChange: t.l3SelfMeanChange,
            levelRaisedShare: t.levelRaisedShare, n: t.completed, l1Count: t.l1Count, l2Count: t.l2Count,
            l3Count: t.l3Count,
            reassessed: t.reassessed, verdict: t.verdict().rawValue)
    }
}
