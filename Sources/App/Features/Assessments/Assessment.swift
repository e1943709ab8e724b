import Fluent
import Foundation
import KompetenCore

/// An assessment event: one employee, one date and method, results for several competencies.
final class Assessment: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "assessments"
    static var instansiKey: KeyPath<Assessment, FieldProperty<Assessment, UUID>> { \Assessment.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    /// Calendar date `yyyy-mm-dd` (no time zone: it is the day of the assessment).
    @Field(key: "assessed_on") var assessedOn: String
    @Field(key: "method") var method: String
    @Field(key: "assessor_name") var assessorName: String
    @OptionalField(key: "assessor_user_id") var assessorUserID: UUID?
    @Field(key: "notes") var notes: String
    @OptionalField(key: "evidence_id") var evidenceID: UUID?
    @Field(key: "created_at") var createdAt: Date
    /// Order of recording; breaks ties between two results of the same day. Unique per employee
    /// (migration 025).
    @Field(key: "sequence") var sequence: Int
    /// `manual` (the form, the API) or `import`; added by migration 025 (older rows: `manual`;
    /// nil on SQLite for rows inserted without it, also `manual`).
    @OptionalField(key: "source") var source: String?
    /// For imported results: the file they came from, so a corrected level can be traced.
    @OptionalField(key: "import_ref") var importRef: String?

    enum Source: String { case manual, `import` }

    init() {}

    var assessmentMethod: AssessmentMethod { AssessmentMethod(rawValue: method) ?? .selfAssessment }
}

final class AssessmentResult: Model, @unchecked Sendable {
    static let schema = "assessment_results"

    @ID(key: .id) var id: UUID?
    @Field(key: "assessment_id") var assessmentID: UUID
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "level") var level: Int

    init() {}
    init(assessmentID: UUID, competencyID: UUID, level: Int) {
        self.id = UUID()
        self.assessmentID = assessmentID
        self.competencyID = competencyID
        self.level = level
    }
}

/// The current profile: per employee and competency the level that counts (the latest result
/// from an accepted method). A projection of `assessment_results`, rewritten for an employee
/// whenever their assessments change, so that gap reports are plain joins.
final class CurrentLevel: Model, @unchecked Sendable {
    static let schema = "current_levels"

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "competency_id") var competencyID: UUID
    @Field(key: "level") var level: Int
    @Field(key: "assessed_on") var assessedOn: String
    @Field(key: "assessment_id") var assessmentID: UUID

    init() {}
}

/// An uploaded evidence file, kept in the database so several app instances share it.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Stores an uploaded file (assessment evidence, a certificate) and returns its id.
    static func store(
        filename: String, contentType: String, data: Data, instansiID: UUID, at now: Date, on db: any Database
    ) async throws -> UUID {
        let file = EvidenceFile()
        file.id = UUID()
        file.instansiID = instansiID
        file.filename = filename
        file.contentType = contentType
        file.size = data.count
        file.data = data
        file.createdAt = now
        try await file.create(on: db)
        return try file.requireID()
    }
}
