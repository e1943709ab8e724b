import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Reads of job analyses and the workload (ABK) of units.
enum JobAnalysisQueries {
    /// The job analysis of one position, empty when none was written.
    static func analysis(of positionID: UUID, on db: any Database) async throws -> (JobAnalysis, JobAnalysisRecord?) {
        let record = try await JobAnalysisRecord.query(on: db).filter(\.$positionID == positionID).first()
        var a = JobAnalysis()
        if let r = record {
            a.positionClass = r.positionClass
            a.functionalGrade = r.functionalGrade.flatMap(FunctionalGrade.init(rawValue:))
            a.education = r.education
            a.training = r.training
            a.experience = r.experience
            for part in JobAnalysis.Part.allCases where !r[part].isEmpty { a.texts[part] = r[part] }
        }
        a.tasks = try await tasks(of: [positionID], on: db)[positionID] ?? []
        return (a, record)
    }

    /// The tugas pokok of many positions, each in its order.
    static func tasks(of positionIDs: [UUID], on db: any Database) async throws -> [UUID: [JobTask]] {
        var rows: [PositionTask] = []
        for chunk in positionIDs.chunked(500) {
            rows += try await PositionTask.query(on: db).filter(\.$positionID ~~ Array(chunk)).sort(\.$ordinal).all()
        }
        return Dictionary(grouping: rows, by: \.positionID).mapValues { $0.map(\.task) }
    }

    /// Per position: how many tugas pokok rows and Σ annual volume × norm hundredths, summed in
    /// the database (a city-wide report would otherwise read every task row as a model).
    static func taskSums(_ positionIDs: [UUID], on db: any Database) async throws -> [UUID: (
        count: Int, hundredths: Int
    )] {
        let sql = try db.sql
        var result: [UUID: (count: Int, hundredths: Int)] = [:]
        for chunk in positionIDs.chunked(500) {
            let product = SQLBinaryExpression(SQLColumn("annual_volume"), .multiply, SQLColumn("norm_hundredths"))
            let rows = try await sql.select().column("position_id")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .column(SQLFunction("SUM", args: product), as: "total")
                .from(PositionTask.schema).where("position_id", .in, SQLBind.group(Array(chunk))).groupBy("position_id")
                .all()
            for r in rows {
                result[try r.decode(column: "position_id", as: UUID.self)] = (
                    try r.integer("n"), try r.integer("total")
                )
            }
        }
        return result
    }

    /// Active employees placed in the position (the formation ABK compares with).
    static func holderCount(_ positionID: UUID, on db: any Database) async throws -> Int {
        try await Employee.query(on: db).filter(\.$positionID == positionID).filter(\.$isActive == true).count()
    }

    /// Jam kerja efektif per tahun of the instansi (the setting, or 1,250).
    static func effectiveHours(_ instansiID: UUID, on db: any Database) async throws -> Int {
        try await InstansiSettings.query(on: db).filter(\.$instansiID == instansiID).first()?.workloadEffectiveHours
            ?? Workload.defaultEffectiveHours
    }

    /// One position's line of the ABK table.
    struct WorkloadLine: Sendable {
        let position: Position
        let unitName: String
        let tasks: Int
        /// Σ annual volume × norm time, in hours.
        let hours: Double
        let needed: Double
        let holders: Int
        var difference: Double { Workload.difference(needed: needed, holders: holders) }
        var status: FormationStatus { Workload.status(needed: needed, holders: holders) }
        var efficiency: Double? { Workload.efficiency(needed: needed, holders: holders) }
        /// A position without tugas pokok rows has no workload yet: it is listed, not judged.
        var analysed: Bool { tasks > 0 }
    }

    /// ABK for every position of `unitIDs` (a unit and its sub-units): needed against holders
    /// (active employees placed in the position).
    static func workload(
        instansiID: UUID, unitIDs: [UUID], unitNames: [UUID: String], on db: any Database
    ) async throws -> (effectiveHours: Int, lines: [WorkloadLine]) {
        let hours = try await effectiveHours(instansiID, on: db)
        var positions: [Position] = []
        for chunk in unitIDs.chunked(500) {
            positions += try await Position.query(on: db).filter(\.$instansiID == instansiID)
                .filter(\.$unitID ~~ Array(chunk)).all()
        }
        let ids = try positions.map { try $0.requireID() }
        let sums = try await taskSums(ids, on: db)
        var holders: [UUID: Int] = [:]
        let sql = try db.sql
        for chunk in ids.chunked(500) {
            // Counted in the database: 7,000 employees are not read as models for a count.
            let rows = try await sql.select().column("position_id").column(
                SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
            )
            .from(Employee.schema).where("position_id", .in, SQLBind.group(Array(chunk)))
            .where("is_active", .equal, SQLBind(true)).groupBy("position_id").all()
            for r in rows { holders[try r.decode(column: "position_id", as: UUID.self)] = try r.integer("n") }
        }
        let lines = try positions.map { p in
            let (count, total) = sums[try p.requireID()] ?? (0, 0)
            return WorkloadLine(
                position: p, unitName: unitNames[p.unitID] ?? "", tasks: count, hours: Double(total) / 100,
                needed: Workload.needed(totalHundredths: total, effectiveHours: hours),
                holders: holders[try p.requireID()] ?? 0)
        }.sorted { ($0.unitName, $0.position.code) < ($1.unitName, $1.position.code) }
        return (hours, lines)
    }
}
