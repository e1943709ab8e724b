import Foundation
import KompetenCore
import Vapor

/// `PUT /api/v1/positions/{id}/job-analysis`: the whole job analysis; it replaces the stored one.
/// Every field may be missing on the wire so that a missing one is a 422 naming it.
struct JobAnalysisInput: Content, JobAnalysisTextFields {
    struct Qualification: Codable {
        var education: String?
        var training: String?
        var experience: String?
    }
    struct Task: Codable {
        var description: String?
        var output: String?
        var unit: String?
        var annualVolume: Double?
        var normHours: Double?
    }
    var positionClass: Int?
    /// Jenjang of a fungsional position (`FunctionalGrade` raw value); null or "" = not set.
    var functionalGrade: String?
    var qualification: Qualification?
    /// Required (may be empty): a client that sends only the class must not wipe the tasks.
    var tasks: [Task]?
    var materials: String?
    var tools: String?
    var responsibilities: String?
    var authorities: String?
    var correlations: String?
    var workingConditions: String?
    var risks: String?
    var requirements: String?
    /// The position's version the client edited; a newer one stored → 409.
    var version: Int?

    func parse(kind: PositionKind) throws -> JobAnalysis {
        guard let tasks else {
            throw ValidationFailure(errors: [
                .init(field: "tasks", message: "Daftar tugas pokok wajib dikirim (boleh kosong: []).")
            ])
        }
        return try JobAnalysis.validate(
            positionClass: positionClass, education: qualification?.education, training: qualification?.training,
            experience: qualification?.experience,
            tasks: tasks.map {
                .init(
                    description: $0.description, output: $0.output, unit: $0.unit, annualVolume: $0.annualVolume,
                    normHours: $0.normHours)
            },
            texts: texts, functionalGrade: functionalGrade, kind: kind)
    }
}

/// A position's job analysis with its workload, as the API returns it.
struct JobAnalysisDTO: Content {
    struct Qualification: Content {
        let education: String
        let training: String
        let experience: String
    }
    struct Task: Content {
        let description: String
        let output: String
        let unit: String
        let annualVolume: Int
        let normHours: Double
        /// annualVolume × normHours.
        let hours: Double
    }
    struct WorkloadFigures: Content {
        let effectiveHours: Int
        let hours: Double
        let needed: Double
        let holders: Int
        let difference: Double
        let status: FormationStatus
    }
    let positionId: UUID
    let positionCode: String
    let positionName: String
    let kind: PositionKind
    let summary: String
    let positionClass: Int?
    let functionalGrade: FunctionalGrade?
    let qualification: Qualification
    let tasks: [Task]
    let materials: String
    let tools: String
    let responsibilities: String
    let authorities: String
    let correlations: String
    let workingConditions: String
    let risks: String
    let requirements: String
    let workload: WorkloadFigures
    let version: Int
    let updatedAt: Date?

    init(_ p: Position, _ a: JobAnalysis, record: JobAnalysisRecord?, effectiveHours: Int, holders: Int) throws {
        positionId = try p.requireID()
        positionCode = p.code
        positionName = p.name
        kind = p.positionKind
        summary = p.summary
        positionClass = a.positionClass
        // A grade kept from when the position was fungsional says nothing once its kind changed.
        functionalGrade = p.positionKind == .fungsional ? a.functionalGrade : nil
        qualification = .init(education: a.education, training: a.training, experience: a.experience)
        tasks = a.tasks.map {
            .init(
                description: $0.description, output: $0.output, unit: $0.unit, annualVolume: $0.annualVolume,
                normHours: $0.normHours, hours: Double(Workload.hundredths($0)) / 100)
        }
        materials = a.texts[.materials] ?? ""
        tools = a.texts[.tools] ?? ""
        responsibilities = a.texts[.responsibilities] ?? ""
        authorities = a.texts[.authorities] ?? ""
        correlations = a.texts[.correlations] ?? ""
        workingConditions = a.texts[.workingConditions] ?? ""
        risks = a.texts[.risks] ?? ""
        requirements = a.texts[.requirements] ?? ""
        let needed = Workload.needed(a.tasks, effectiveHours: effectiveHours)
        workload = .init(
            effectiveHours: effectiveHours, hours: Double(a.tasks.reduce(0) { $0 + Workload.hundredths($1) }) / 100,
            needed: needed, holders: holders, difference: Workload.difference(needed: needed, holders: holders),
            status: Workload.status(needed: needed, holders: holders))
        version = p.version ?? 0
        updatedAt = record?.updatedAt
    }
}

extension JobAnalysisDTO {
    /// The eight free-text parts by part, for the pages.
    var texts: [JobAnalysis.Part: String] {
        [
            .materials: materials, .tools: tools, .responsibilities: responsibilities, .authorities: authorities,
            .correlations: correlations, .workingConditions: workingConditions, .risks: risks,
            .requirements: requirements,
        ]
    }
}

/// `GET /api/v1/units/{id}/workload`.
struct WorkloadDTO: Content {
    struct Item: Content {
        let positionId: UUID
        let positionCode: String
        let positionName: String
        let unitId: UUID
        let tasks: Int
        let hours: Double
        let needed: Double
        let holders: Int
        let difference: Double
        /// nil for a position without tugas pokok rows: nothing to judge yet.
        let status: FormationStatus?
        let efficiency: Double?
    }
    struct Totals: Content {
        let positions: Int
        let analysed: Int
        let needed: Double
        let holders: Int
        let difference: Double
        let kurang: Int
        let sesuai: Int
        let lebih: Int
    }
    let unitId: UUID
    let effectiveHours: Int
    let items: [Item]
    let totals: Totals
}

/// The eight free-text parts as the API body and the form carry them (same names in both), read
/// by part in one place.
protocol JobAnalysisTextFields {
    var materials: String? { get }
    var tools: String? { get }
    var responsibilities: String? { get }
    var authorities: String? { get }
    var correlations: String? { get }
    var workingConditions: String? { get }
    var risks: String? { get }
    var requirements: String? { get }
}

extension JobAnalysisTextFields {
    func text(_ part: JobAnalysis.Part) -> String? {
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

    var texts: [JobAnalysis.Part: String?] {
        Dictionary(uniqueKeysWithValues: JobAnalysis.Part.allCases.map { ($0, text($0)) })
    }
}
