import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Yearly SKP ratings from CSV/XLSX (one row per employee and year), e.g. exported from the
/// e-Kinerja system: the predicate is derived here by the PermenPANRB 6/2022 matrix, never
/// imported. A row for a year already recorded corrects it.
enum PerformanceImporter {
    static let columns = [
        ImportColumn(key: "nip", header: "NIP", required: true),
        ImportColumn(key: "year", header: "Tahun", required: true),
        ImportColumn(key: "hasil", header: "Hasil Kerja", required: true),
        ImportColumn(key: "perilaku", header: "Perilaku Kerja", required: true),
    ]
    static let example = [["198503122010011002", "2025", "di_atas_ekspektasi", "sesuai_ekspektasi"]]

    /// The stored code, or the label as people type it ("Di atas ekspektasi").
    static func rating(_ text: String) -> SKPRating? {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
        return SKPRating(rawValue: key)
    }

    static func run(
        _ rows: [ImportRow], actor: Principal, at now: Date, on db: any Database,
        progress: @escaping ImportProgress = { _ in }
    ) async throws -> ImportOutcome {
        try AccessPolicy.importData(actor).require()
        let instansiID = actor.instansiID!
        let employees = Dictionary(
            uniqueKeysWithValues: try await Employee.query(on: db).filter(\.$instansiID == instansiID).all().map {
                ($0.nip, $0)
            })
        let opdOf = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.requireID(), $0.opdID)
            })
        let thisYear = WITA.today(now).year
        let choices = SKPRating.allCases.map(\.rawValue).joined(separator: ", ")
        var problems = ProblemList()
        var parsed: [(UUID, Int, SKPRating, SKPRating)] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let employee = employees[row["nip"].filter { $0 != " " }]
            if employee == nil {
                problems.add(row, "NIP", "Pegawai dengan NIP \(row["nip"]) tidak terdaftar.")
            } else if !AccessPolicy.importRowReaches(actor, opd: opdOf[employee!.unitID]) {
                problems.add(row, "NIP", "Pegawai ini di luar OPD Anda.")
            } else if employee!.id == actor.employeeID {
                problems.add(row, "NIP", "Predikat kinerja Anda sendiri dicatat oleh atasan langsung atau pihak lain.")
            }
            let year = Int(row["year"])
            if year == nil || !(2000...thisYear).contains(year!) {
                problems.add(row, "Tahun", "Tahun 2000–\(thisYear).")
            }
            let hasil = rating(row["hasil"])
            let perilaku = rating(row["perilaku"])
            if hasil == nil { problems.add(row, "Hasil Kerja", "Rating harus salah satu dari: \(choices).") }
            if perilaku == nil { problems.add(row, "Perilaku Kerja", "Rating harus salah satu dari: \(choices).") }
            if let employee, let year, let hasil, let perilaku {
                if let earlier = seen["\(try employee.requireID())|\(year)"] {
                    problems.add(row, "Tahun", "NIP dan tahun ini sudah ada di baris \(earlier).")
                }
                try seen["\(employee.requireID())|\(year)"] = row.number
                try parsed.append((employee.requireID(), year, hasil, perilaku))
            }
        }
        try problems.check()
        progress("Semua baris valid. Menyimpan \(parsed.count) predikat kinerja…")
        let list = parsed
        return try await db.transaction { db in
            var outcome = ImportOutcome()
            var existing: [String: PerformanceRating] = [:]
            for chunk in Array(Set(list.map(\.0))).chunked(500) {
                for r in try await PerformanceRating.query(on: db).filter(\.$employeeID ~~ chunk).all() {
                    existing["\(r.employeeID)|\(r.year)"] = r
                }
            }
            var created: [PerformanceRating] = []
            let nips = try Dictionary(uniqueKeysWithValues: employees.values.map { try ($0.requireID(), $0.nip) })
            for (employeeID, year, hasil, perilaku) in list {
                let predicate = SKPPredicate.of(hasilKerja: hasil, perilakuKerja: perilaku).rawValue
                if let r = existing["\(employeeID)|\(year)"] {
                    if r.hasilKerja == hasil.rawValue && r.perilakuKerja == perilaku.rawValue {
                        outcome.unchanged += 1
                        continue
                    }
                    // A correction keeps the old ratings and predicate in the audit log.
                    let changes = AuditDiff.changes(
                        from: ["hasilKerja": r.hasilKerja, "perilakuKerja": r.perilakuKerja, "predikat": r.predicate],
                        to: ["hasilKerja": hasil.rawValue, "perilakuKerja": perilaku.rawValue, "predikat": predicate])
                    try await AuditLog.record(
                        .update, entity: "performance", id: r.id,
                        summary: "Impor predikat kinerja: koreksi tahun \(year) untuk \(nips[employeeID] ?? "?")",
                        before: Optional<String>.none, after: Optional<String>.none,
                        actor: actor, instansiID: instansiID, at: now, on: db, changes: changes)
                    r.hasilKerja = hasil.rawValue
                    r.perilakuKerja = perilaku.rawValue
                    r.predicate = predicate
                    r.recordedBy = actor.userID
                    r.updatedAt = now
                    try await r.save(on: db)
                    outcome.updated += 1
                } else {
                    let r = PerformanceRating()
                    r.id = UUID()
                    r.instansiID = instansiID
                    r.employeeID = employeeID
                    r.year = year
                    r.hasilKerja = hasil.rawValue
                    r.perilakuKerja = perilaku.rawValue
                    r.predicate = predicate
                    r.recordedBy = actor.userID
                    r.createdAt = now
                    r.updatedAt = now
                    created.append(r)
                    outcome.imported += 1
                }
            }
            for chunk in created.chunked(1000) { try await Array(chunk).create(on: db) }
            try await AuditLog.record(
                .create, entity: "performance", id: nil,
                summary:
                    "Impor predikat kinerja: \(outcome.imported) baru, \(outcome.updated) dikoreksi, \(outcome.unchanged) tetap",
                actor: actor, instansiID: instansiID, at: now, on: db)
            return outcome
        }
    }
}
