import Fluent
import Foundation
import KompetenCore

/// One Kirkpatrick evaluation of one enrolment by one respondent (unique per enrolment, level
/// and respondent): the scores as JSON and the figure effectiveness averages.
final class EvaluationRecord: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "evaluations"
    static var instansiKey: KeyPath<EvaluationRecord, FieldProperty<EvaluationRecord, UUID>> {
        \EvaluationRecord.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "enrolment_id") var enrolmentID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "program_id") var programmeID: UUID
    @Field(key: "level") var level: Int
    @Field(key: "respondent") var respondent: String
    @OptionalField(key: "respondent_user_id") var respondentUserID: UUID?
    /// JSON object item → score.
    @Field(key: "scores") var scores: String
    @OptionalField(key: "summary") var summary: Double?
    @Field(key: "comment") var comment: String
    @Field(key: "filled_on") var filledOn: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var scoreValues: [String: Double] {
        (try? JSONDecoder().decode([String: Double].self, from: Data(scores.utf8))) ?? [:]
    }

    static func encode(_ scores: [String: Double]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(scores)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// The yearly SKP ratings of one employee and the predicate they give (PermenPANRB 6/2022).
final class PerformanceRating: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "performance_ratings"
    static var instansiKey: KeyPath<PerformanceRating, FieldProperty<PerformanceRating, UUID>> {
        \PerformanceRating.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "employee_id") var employeeID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "hasil_kerja") var hasilKerja: String
    @Field(key: "perilaku_kerja") var perilakuKerja: String
    @Field(key: "predicate") var predicate: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// The JPM of one OPD on one date (a quarter's end, or the day of the last rebuild), rebuilt
/// from the assessment history so that the trend is a plain read.
final class MonitoringPoint: Model, @unchecked Sendable {
    static let schema = "monitoring_points"

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "as_of") var asOf: String
    @Field(key: "opd_id") var opdID: UUID
    @Field(key: "people") var people: Int
    @Field(key: "assessed") var assessed: Int
    @Field(key: "jpm_sum") var jpmSum: Double
    @Field(key: "computed_at") var computedAt: Date

    init() {}
}

/// The gap tally of one competency in one OPD on one date (gap closure over time).
final class MonitoringGap: Model, @unchecked Sendable {
    static let schema = "monitoring_gaps"

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "as_of") var asOf: String
    @Field(key: "opd_id") var opdID: UUID
    @Field(key: "competency_code") var competencyCode: String
    @Field(key: "required") var required: Int
    @Field(key: "assessed") var assessed: Int
    @Field(key: "gap_sum") var gapSum: Int
    @Field(key: "with_gap") var withGap: Int

    init() {}
}
