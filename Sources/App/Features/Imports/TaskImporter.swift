import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Tugas pokok with their workload (anjab rows) from CSV/XLSX, one row per task: the rows of a
/// position, in file order, replace its tasks. A position not in the file keeps its own. The
/// same columns as the download, so a unit can export, correct and import again.
enum TaskImporter {
    static let columns = [
        ImportColumn(key: "position", header: "Kode Jabatan", required: true),
        ImportColumn(key: "description", header: "Uraian Tugas", required: true),
        ImportColumn(key: "output", header: "Hasil Kerja", required: true),
        ImportColumn(key: "unit", header: "Satuan Hasil", required: true),
        ImportColumn(key: "volume", header: "Beban Kerja per Tahun", required: true),
        ImportColumn(key: "norm", header: "Norma Waktu (jam)", required: true),
    ]
    static let example = [
        ["DUKCAPIL.B1.J2", "Memverifikasi berkas permohonan KTP-el", "Berkas terverifikasi", "berkas", "4800", "0,25"],
        ["DUKCAPIL.B1.J2", "Merekam data biometrik pemohon", "Data terekam", "pemohon", "240", "1,5"],
    ]
    /// The API field of a task error → the column people see.
    static let headerOf = [
        "description": "Uraian Tugas", "output": "Hasil Kerja", "unit": "Satuan Hasil",
        "annualVolume": "Beban Kerja per Tahun", "normHours": "Norma Waktu (jam)",
    ]

    static func run(
        _ rows: [ImportRow], actor: Principal, at now: Date, on db: any Database,
        progress: @escaping ImportProgress = { _ in }
    ) async throws -> ImportOutcome {
        try AccessPolicy.importData(actor).require()
        let instansiID = actor.instansiID!
        let positions = Dictionary(
            uniqueKeysWithValues: try await Position.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.code, $0)
            })
        let opdOf = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.requireID(), $0.opdID)
            })
        var problems = ProblemList()
        var order: [String] = []
        var tasks: [String: [JobTask]] = [:]
        for row in rows {
            let code = row["position"].uppercased()
            guard let p = positions[code] else {
                problems.add(row, "Kode Jabatan", "Jabatan dengan kode \(row["position"]) tidak terdaftar.")
                continue
            }
            if !AccessPolicy.importRowReaches(actor, opd: opdOf[p.unitID]) {
                problems.add(row, "Kode Jabatan", "Jabatan ini di luar OPD Anda.")
                continue
            }
            var v = FieldValidator()
            let task = JobAnalysis.validateTask(
                .init(
                    description: row["description"], output: row["output"], unit: row["unit"],
                    annualVolume: JobAnalysisForm.volume(row["volume"]), normHours: JobAnalysisForm.hours(row["norm"])),
                prefix: "", into: &v)
            for e in v.errors { problems.add(row, headerOf[e.field] ?? e.field, e.message) }
            if let task {
                if tasks[code] == nil { order.append(code) }
                tasks[code, default: []].append(task)
                if tasks[code]!.count == JobAnalysis.maxTasks + 1 {
                    problems.add(row, "Kode Jabatan", "Paling banyak \(JobAnalysis.maxTasks) tugas pokok per jabatan.")
                }
            }
        }
        try problems.check()
        progress("Semua baris valid. Menyimpan tugas pokok \(order.count) jabatan…")
        let plan = order.map { (positions[$0]!, tasks[$0]!) }
        return try await StateTransition.retryingLocks {
            try await db.transaction { db in
                var outcome = ImportOutcome()
                for (p, list) in plan {
                    let id = try p.requireID()
                    let before = try await JobAnalysisQueries.tasks(of: [id], on: db)[id] ?? []
                    if before == list {
                        outcome.unchanged += 1
                        continue
                    }
                    _ = try await StateTransition.requireVersion(Position.schema, id: id, expected: nil, on: db)
                    try await JobAnalysisService.replaceTasks(of: id, with: list, on: db)
                    try await AuditLog.record(
                        before.isEmpty ? .create : .update, entity: "job_analysis", id: id,
                        summary: "Impor tugas pokok \(p.code): \(before.count) → \(list.count) tugas",
                        before: before.isEmpty ? nil : before, after: list, actor: actor, instansiID: instansiID,
                        at: now, on: db)
                    if before.isEmpty { outcome.imported += 1 } else { outcome.updated += 1 }
                }
                return outcome
            }
        }
    }
}
