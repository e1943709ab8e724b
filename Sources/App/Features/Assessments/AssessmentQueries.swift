import Fluent
import KompetenCore
import Vapor

/// The assessment read side.
enum AssessmentQueries {
    /// One employee's assessments, newest first; on the same day the later entry first.
    static func history(employeeID: UUID, on db: any Database) async throws -> [Assessment] {
        try await Assessment.query(on: db).filter(\.$employeeID == employeeID)
            .sort(\.$assessedOn, .descending).sort(\.$sequence, .descending).all()
    }

    /// An evidence file of the actor's instansi, once the actor may read the record it belongs to
    /// (404 otherwise, or 403 from the record's own rule).
    static func evidenceFile(_ id: UUID, for actor: Principal, on db: any Database) async throws -> EvidenceFile {
        guard let file = try await EvidenceFile.find(id, on: db), file.instansiID == actor.instansiID else {
            throw Abort(.notFound, reason: "Berkas bukti tidak ditemukan.")
        }
        try await authorizeDownload(id, actor: actor, on: db)
        return file
    }

    /// Whoever may read the record a file belongs to may download it: the assessment's or the
    /// learning record's employee, or — for a certificate — also the programme's provider.
    private static func authorizeDownload(_ id: UUID, actor: Principal, on db: any Database) async throws {
        if let a = try await Assessment.scopedQuery(actor, on: db).filter(\.$evidenceID == id).first() {
            _ = try await EmployeeQueries.find(a.employeeID, for: actor, .read, on: db)
        } else if let e = try await Enrolment.scopedQuery(actor, on: db).filter(\.$certificateFileID == id).first() {
            if let p = try await Programme.find(e.programmeID, on: db),
                AccessPolicy.providerReach(actor).isOwn(p.providerID)
            {
                return
            }
            _ = try await EmployeeQueries.find(e.employeeID, for: actor, .read, on: db)
        } else if let l = try await LearningRecord.scopedQuery(actor, on: db).filter(\.$evidenceID == id).first() {
            _ = try await EmployeeQueries.find(l.employeeID, for: actor, .read, on: db)
        } else {
            throw Abort(.notFound, reason: "Berkas bukti tidak ditemukan.")
        }
    }
}
