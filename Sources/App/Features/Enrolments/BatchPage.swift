import KompetenCore
import KompetenFormats
import Vapor

/// A batch's page, rendered from its own route and again, with the errors, after a failed
/// enrolment or a failed pre/post-test entry (`EvaluationsController`, `BatchTestsImport`).
enum BatchPage {
    static func render(_ req: Request, batchID: UUID, nip: String, errors: [FieldError], testErrors: [FieldError] = [])
        async throws -> Response
    {
        let actor = try req.actor
        let (batch, programme, rows) = try await EnrolmentService.participants(
            batchID: batchID, actor: actor, on: req.db)
        let units = try await UnitQueries.units(Set(rows.map(\.1.unitID)), on: req.db)
        let canEnrol = AccessPolicy.mayCreate(actor, .enrolment).isAllowed
        let canRecord = AccessPolicy.recordCompletion(actor, providerID: programme.providerID).isAllowed
        // Completion is recorded from the batch's last day on (CompletionRule says the same).
        let started = SimpleDate(iso: batch.endDate).map { $0 <= WITA.today(req.now) } ?? false
        var model = BatchPageModel(
            batch: batch, programme: programme, rows: rows, units: units, canEnrol: canEnrol, canRecord: canRecord,
            started: started, csrf: req.hasSession ? req.csrfToken : "", nip: nip, errors: errors)
        let completed = rows.filter { $0.0.enrolmentStatus == .completed }
        if canRecord, !completed.isEmpty {
            let records = try await EnrolmentQueries.evaluationRecords(
                enrolmentIDs: completed.map { try $0.0.requireID() }, on: req.db)
            model.tests = BatchTestsModel(
                batchID: batchID, completed: completed, records: records, errors: testErrors,
                csrf: req.hasSession ? req.csrfToken : "")
        }
        if let format = try Export.requested(req) {
            return try Export.response(
                model.table, filename: "peserta-\(programme.code)-\(batch.name)", format: format, sheet: "Peserta")
        }
        return try await req.renderPage(
            "batches/show", title: "\(programme.title) — \(batch.name)",
            crumbs: [
                Crumb("Katalog program", .programmes), Crumb(programme.code, .programme(programme.requireID())),
                Crumb(batch.name),
            ],
            model, status: errors.isEmpty && testErrors.isEmpty ? .ok : .unprocessableEntity)
    }
}
