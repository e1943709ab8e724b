import Fluent
import Foundation
import KompetenCore

/// The stored job analysis of one position (one row per position; none until it is written).
final class JobAnalysisRecord: Model, @unchecked Sendable {
    static let schema = "position_job_analyses"

    @ID(key: .id) var id: UUID?
    @Field(key: "position_id") var positionID: UUID
    @OptionalField(key: "position_class") var positionClass: Int?
    /// Jenjang of a fungsional position (migration 059).
    @OptionalField(key: "functional_grade") var functionalGrade: String?
    @Field(key: "education") var education: String
    @Field(key: "training") var training: String
    @Field(key: "experience") var experience: String
    @Field(key: "materials") var materials: String
    @Field(key: "tools") var tools: String
    @Field(key: "responsibilities") var responsibilities: String
    @Field(key: "authorities") var authorities: String
    @Field(key: "correlations") var correlations: String
    @Field(key: "working_conditions") var workingConditions: String
    @Field(key: "risks") var risks: String
    @Field(key: "requirements") var requirements: String
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "updated_by") var updatedBy: UUID?

    init() {}

    /// Takes everything of `a` but its tasks (they are rows of their own: `PositionTask`).
    func take(_ a: JobAnalysis, at now: Date, by userID: UUID?) {
        positionClass = a.positionClass
        functionalGrade = a.functionalGrade?.rawValue
        education = a.education
        training = a.training
        experience = a.experience
        for part in JobAnalysis.Part.allCases { self[part] = a.texts[part] ?? "" }
        updatedAt = now
        updatedBy = userID
    }

    /// The part's text, through one switch so a new part cannot be forgotten in one direction.
    subscript(part: JobAnalysis.Part) -> String {
        get {
            switch part {
            case .materials: materials
            case .tools: tools
            case .responsibilities: responsibilities
            case .authorities: authorities
            case .correlations: correlations
            case .workingConditions: workingConditions
            case .risks: risks
            case .requirements: requirements
            }
        }
        set {
            switch part {
            case .materials: materials = newValue
            case .tools: tools = newValue
            case .responsibilities: responsibilities = newValue
            case .authorities: authorities = newValue
            case .correlations: correlations = newValue
            case .workingConditions: workingConditions = newValue
            case .risks: risks = newValue
            case .requirements: requirements = newValue
            }
        }
    }
}

/// One tugas pokok row of a position, in the order the analyst gave (`ordinal` from 1).
final class PositionTask: Model, @unchecked Sendable {
    static let schema = "position_tasks"
    @ID(key: .id) var id: UUID?
    @Field(key: "position_id") var positionID: UUID
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "description") var description: String
    @Field(key: "output") var output: String
    @Field(key: "unit") var unit: String
    @Field(key: "annual_volume") var annualVolume: Int
    @Field(key: "norm_hundredths") var normHundredths: Int
    init() {}

    init(positionID: UUID, ordinal: Int, _ t: JobTask) {
        id = UUID()
        self.positionID = positionID
        self.ordinal = ordinal
        description = t.description
        output = t.output
        unit = t.unit
        annualVolume = t.annualVolume
        normHundredths = t.normHundredths
    }

    var task: JobTask {
        JobTask(
            description: description, output: output, unit: unit, annualVolume: annualVolume,
            normHundredths: normHundredths)
    }
}
