import Fluent
import Foundation
import KompetenCore
import KompetenDemo
import Vapor

/// Writes the generated demo organisations, employees and demo logins into the database.
enum DemoLoader {
    static let demoPassword = "Demo-Kupang-2026"
    static let loginHelp = """
        ==> Akun demo (kata sandi: \(demoPassword)): superadmin, operator.dukcapil, operator.bkppd,
            atasan.dukcapil, pegawai.dukcapil, asesor, lpk.bpsdmd, sekda (PPK penetap rencana pengembangan)
        """

    static func seed(_ app: Application) throws -> OrganisationSeed {
        let path = app.directory.resourcesDirectory + "Seed/kota-kupang-organisation.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Abort(.internalServerError, reason: "Berkas data organisasi tidak ditemukan: \(path)")
        }
        return try OrganisationSeed.decode(data)
    }

    /// The steps `load` reports per instansi (`progress`), for a progress bar's total.
    static let stepsPerInstansi = 5

    /// Loads demo data; refuses a database that already holds organisation data. `progress` is
    /// told when each step of each instansi begins (`stepsPerInstansi` of them, after
    /// `generated(count)` names the total).
    static func load(
        _ app: Application, scale: DemoScale, generated count: @Sendable (Int) -> Void = { _ in },
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> String {
        guard try await Bootstrap.isEmpty(app.db) else {
            throw Abort(
                .conflict, reason: "Database sudah berisi data organisasi; data demo hanya dimuat ke database kosong.")
        }
        let national = try CompetencyService.nationalSeed(app)
        let technical = try CompetencyService.loadSeed(app, "kompetensi-teknis.json")
        let generated = DemoGenerator.generate(
            seed: try seed(app), competencies: CompetencySeed.merged([national, technical]), scale: scale)
        let now = app.kompeten.now
        let passwordHash = try await app.password.async.hash(demoPassword)
        let units = generated.reduce(0) { $0 + $1.units.count }
        let employees = generated.reduce(0) { $0 + $1.employees.count }
        count(generated.count)
        try await app.db.transaction { db in
            for (index, org) in generated.enumerated() {
                let name = generated.count > 1 ? "\(org.name) (\(index + 1)/\(generated.count)): " : ""
                progress(name + "organisasi, jabatan dan pegawai")
                let instansi = try await instansiRecord(org, first: index == 0, national: national, now: now, on: db)
                try await CompetencyService.seed(
                    technical, instansiID: instansi.requireID(), national: false, at: now, on: db)
                let written = try await write(org, instansiID: instansi.requireID(), now: now, on: db)
                progress(name + "penilaian kompetensi dan analisis jabatan")
                try await DemoIdentifyData.write(
                    org, instansiID: instansi.requireID(), written: written, now: now, on: db)
                progress(name + "katalog, rencana dan pelatihan")
                let development = try await DemoDevelopmentData.write(
                    org, technicalCodes: technical.competencies.map(\.code), instansiID: instansi.requireID(),
                    written: written, now: now, on: db)
                progress(name + "evaluasi, kinerja dan talenta")
                try await DemoEvaluateData.write(
                    org, instansiID: instansi.requireID(), written: written, development: development, now: now, on: db)
                // The city only: the CPNS cohort's NIPs are unique nation-wide, so no copy per government.
                if index == 0, let provider = development.providers["BPSDMD-NTT"] ?? development.providers.values.first
                {
                    try await DemoMandatoryData.write(
                        org, instansiID: instansi.requireID(), written: written, providerID: provider, now: now, on: db)
                }
                progress(name + "layanan publik, survei dan pengaduan")
                try await DemoServicesData.write(
                    org, instansiCode: org.code, instansiID: instansi.requireID(), written: written, first: index == 0,
                    now: now, on: db)
                if index == 0 {
                    try await DemoSKMReportData.write(
                        instansiID: instansi.requireID(), written: written, now: now, on: db)
                }
                try await DemoAccounts.create(
                    org: org, instansiID: instansi.requireID(), index: index, written: written,
                    passwordHash: passwordHash, now: now, on: db)
                if index == 0 {
                    try await DemoImportMappingData.write(instansiID: instansi.requireID(), now: now, on: db)
                    try await DemoInstansiPlanData.write(
                        instansiID: instansi.requireID(), passwordHash: passwordHash, now: now, on: db)
                }
                if index == 0, let bpsdmd = development.providers["BPSDMD-NTT"] {
                    try await User.query(on: db).filter(\.$username == "lpk.bpsdmd").set(\.$providerID, to: bpsdmd)
                        .update()
                }
                if index == 0 { try await DemoAccounts.giveAddresses(on: db) }
            }
        }
        return
            "\(generated.count) instansi, \(IndonesianFormat.integer(units)) unit, \(IndonesianFormat.integer(employees)) pegawai"
    }

    /// The first organisation goes into the instansi created at first start; the others are new.
    private static func instansiRecord(
        _ org: DemoInstansi, first: Bool, national: CompetencySeed, now: Date, on db: any Database
    ) async throws -> Instansi {
        if first, let existing = try await Instansi.query(on: db).filter(\.$code == Bootstrap.firstInstansiCode).first()
        {
            return existing
        }
        let instansi = Instansi(
            id: UUID(), code: first ? Bootstrap.firstInstansiCode : org.code, name: org.name, createdAt: now)
        try await instansi.create(on: db)
        try await CompetencyService.seed(national, instansiID: instansi.requireID(), national: true, at: now, on: db)
        try await HolidayCalendar.seed(instansiID: instansi.requireID(), at: now, on: db)
        return instansi
    }

    struct Written {
        let unitIDs: [String: UUID]
        let employees: [(DemoEmployee, UUID)]
        let heads: [String: UUID]
        let positionIDs: [String: UUID]
    }

    /// Units parents-first, then employees heads-first, each in multi-row inserts.
    private static func write(_ org: DemoInstansi, instansiID: UUID, now: Date, on db: any Database) async throws
        -> Written
    {
        var unitIDs: [String: UUID] = [:]
        var opdOf: [String: UUID] = [:]
        var models: [Unit] = []
        for demo in parentsFirst(org.units) {
            let unit = Unit()
            let id = UUID()
            unit.id = id
            unit.instansiID = instansiID
            unit.code = demo.code
            unit.name = demo.name
            unit.kind = demo.kind.rawValue
            unit.parentID = demo.parentCode.flatMap { unitIDs[$0] }
            unit.opdID = demo.parentCode.flatMap { opdOf[$0] } ?? id
            unit.createdAt = now
            unit.updatedAt = now
            unitIDs[demo.code] = id
            opdOf[demo.code] = unit.opdID
            models.append(unit)
        }
        for chunk in models.chunked(500) { try await chunk.create(on: db) }
        let positionIDs = try await DemoIdentifyData.writePositions(
            org, instansiID: instansiID, unitIDs: unitIDs, now: now, on: db)
        try await DemoJobAnalysisData.write(org, positionIDs: positionIDs, now: now, on: db)

        // The first person of each unit heads it; staff report to their unit's head,
        // and a head to the head of the parent unit.
        var heads: [String: UUID] = [:]
        var rows: [(DemoEmployee, UUID)] = []
        for e in org.employees where heads[e.unitCode] == nil { heads[e.unitCode] = UUID() }
        let parentOf = Dictionary(uniqueKeysWithValues: org.units.map { ($0.code, $0.parentCode) })
        var headRows: [Employee] = []
        var staffRows: [Employee] = []
        var seenHead = Set<String>()
        for e in org.employees {
            let isHead = !seenHead.contains(e.unitCode)
            seenHead.insert(e.unitCode)
            let id = isHead ? heads[e.unitCode]! : UUID()
            let supervisor = isHead ? parentOf[e.unitCode].flatMap { $0 }.flatMap { heads[$0] } : heads[e.unitCode]
            let model = employeeModel(
                e, id: id, instansiID: instansiID, unitID: unitIDs[e.unitCode]!, supervisorID: supervisor, now: now)
            model.positionID = positionIDs[e.positionCode]
            if isHead { headRows.append(model) } else { staffRows.append(model) }
            rows.append((e, id))
        }
        // Heads above their sub-unit heads: sort heads by the depth of their unit.
        let depth = { (code: String) -> Int in
            var d = 0
            var c = parentOf[code] ?? nil
            while let p = c {
                d += 1
                c = parentOf[p] ?? nil
            }
            return d
        }
        let unitCodeByID = Dictionary(uniqueKeysWithValues: unitIDs.map { ($1, $0) })
        headRows.sort { depth(unitCodeByID[$0.unitID]!) < depth(unitCodeByID[$1.unitID]!) }
        for chunk in (headRows + staffRows).chunked(500) { try await chunk.create(on: db) }
        return Written(unitIDs: unitIDs, employees: rows, heads: heads, positionIDs: positionIDs)
    }

    private static func employeeModel(
        _ e: DemoEmployee, id: UUID, instansiID: UUID, unitID: UUID, supervisorID: UUID?, now: Date
    ) -> Employee {
        let m = Employee()
        m.id = id
        m.instansiID = instansiID
        m.unitID = unitID
        m.nip = e.nip
        m.nik = e.nik
        m.name = e.name
        m.sex = e.sex.rawValue
        m.birthDate = e.birthDate.iso
        m.employmentType = e.employmentType.rawValue
        m.rank = e.rank
        m.supervisorID = supervisorID
        m.isActive = e.isActive
        m.createdAt = now
        m.updatedAt = now
        return m
    }

    private static func parentsFirst(_ units: [DemoUnit]) -> [DemoUnit] {
        var placed = Set<String>()
        var result: [DemoUnit] = []
        var pending = units
        while !pending.isEmpty {
            let ready = pending.filter { $0.parentCode == nil || placed.contains($0.parentCode!) }
            guard !ready.isEmpty else { break }
            result += ready
            for unit in ready { placed.insert(unit.code) }
            pending.removeAll { u in ready.contains { $0.code == u.code } }
        }
        return result
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
