import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Downloads of the data itself, in the same columns as the import templates, so a file can be
/// exported, corrected in a spreadsheet and imported again. Scoped to what the user may see.
enum DataExports {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.export(.routeParameter).pathComponents, use: download)
    }

    static func download(req: Request) async throws -> Response {
        let actor = try req.actor
        guard let kind = ImportsController.Kind(rawValue: try req.parameters.require("kind")) else {
            throw Abort(.notFound)
        }
        let format = try Export.requested(req) ?? .xlsx
        let table: Table
        switch kind {
        case .employees: table = try await employees(actor, on: req.db)
        case .positions: table = try await positions(actor, on: req.db)
        case .assessments: table = try await assessments(actor, on: req.db)
        case .performance: table = try await performance(actor, on: req.db)
        case .tasks: table = try await tasks(actor, on: req.db)
        }
        return try Export.response(
            table, filename: "\(kind.rawValue)-\(WITA.today(req.now).iso)", format: format, sheet: kind.label)
    }

    /// The people whose rows a download holds: those the actor lists, each passed through the
    /// read rule of what is downloaded (the same rule as that person's page).
    static func people(_ actor: Principal, rule: @escaping EmployeeQueries.ReadRule, on db: any Database) async throws
        -> [Employee]
    {
        try await EmployeeQueries.readable(
            try await EmployeeQueries.visible(actor, on: db).all(), by: actor, rule: rule, on: db)
    }

    /// SKP ratings in the import's columns, plus the derived predicate (ignored on re-import).
    /// An assessor lists every employee but reads no SKP rating: `readPerformance` per row.
    static func performance(_ actor: Principal, on db: any Database) async throws -> Table {
        let readPerformance: EmployeeQueries.ReadRule = { actor, placement, id, supervisor in
            AccessPolicy.readPerformance(actor, employee: placement, employeeID: id, supervisorID: supervisor)
        }
        let nips = Dictionary(
            uniqueKeysWithValues: try await people(actor, rule: readPerformance, on: db).map {
                try ($0.requireID(), $0.nip)
            })
        var rows: [[String]] = []
        for chunk in Array(nips.keys).chunked(500) {
            for r in try await PerformanceRating.query(on: db).filter(\.$employeeID ~~ Array(chunk)).all() {
                rows.append([nips[r.employeeID] ?? "", String(r.year), r.hasilKerja, r.perilakuKerja, r.predicate])
            }
        }
        return Table(
            header: PerformanceImporter.columns.map(\.header) + ["Predikat"],
            rows: rows.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }

    static func employees(_ actor: Principal, on db: any Database) async throws -> Table {
        let list = try await EmployeeQueries.readable(
            try await EmployeeQueries.visible(actor, on: db).sort(\.$name).all(),
            by: actor, rule: EmployeeQueries.readRecord, on: db)
        let units = try await codes(Unit.self, actor, on: db)
        let positions = try await codes(Position.self, actor, on: db)
        let nips = Dictionary(
            uniqueKeysWithValues: try await Employee.scopedQuery(actor, on: db).all().map {
                try ($0.requireID(), $0.nip)
            })
        return Table(
            header: EmployeeImporter.columns.map(\.header),
            rows: list.map { e in
                [
                    // CPNS for a PNS on probation: the export imports back as it was.
                    e.nip, e.name,
                    EmploymentStatus.of(employmentType: e.employmentType, cpnsStart: e.cpnsTMT)?.rawValue
                        ?? e.employmentType,
                    e.rank, units[e.unitID] ?? "", e.positionID.flatMap { positions[$0] } ?? "",
                    e.supervisorID.flatMap { nips[$0] } ?? "", e.positionTMT ?? "",
                ]
            })
    }

    static func positions(_ actor: Principal, on db: any Database) async throws -> Table {
        let units = try await codes(Unit.self, actor, on: db)
        let opdOf = Dictionary(
            uniqueKeysWithValues: try await Unit.scopedQuery(actor, on: db).all().map { try ($0.requireID(), $0.opdID) }
        )
        // Each position through the position rule, as on its page.
        let list = try await PositionQueries.visible(actor, on: db).sort(\.$code).all().filter { p in
            AccessPolicy.position(actor, .read, Placement(instansiID: p.instansiID, opdID: opdOf[p.unitID])).isAllowed
        }
        let standards = try await PositionService.standards(of: list.map { try $0.requireID() }, on: db)
        return try Table(
            header: PositionImporter.columns.map(\.header),
            rows: list.map { p in
                [
                    p.code, p.name, p.kind, units[p.unitID] ?? "", p.summary, p.dutyList.joined(separator: " | "),
                    (standards[try p.requireID()] ?? []).map { "\($0.competencyCode):\($0.requiredLevel)" }.joined(
                        separator: ", "),
                ]
            })
    }

    /// Every task of the positions the actor may read, in the import's columns; the numbers as a
    /// form shows them for editing (4800, 0,25), which the import reads back.
    static func tasks(_ actor: Principal, on db: any Database) async throws -> Table {
        let opdOf = Dictionary(
            uniqueKeysWithValues: try await Unit.scopedQuery(actor, on: db).all().map { try ($0.requireID(), $0.opdID) }
        )
        let list = try await PositionQueries.visible(actor, on: db).sort(\.$code).all().filter { p in
            AccessPolicy.position(actor, .read, Placement(instansiID: p.instansiID, opdID: opdOf[p.unitID])).isAllowed
        }
        let tasks = try await JobAnalysisQueries.tasks(of: list.map { try $0.requireID() }, on: db)
        return try Table(
            header: TaskImporter.columns.map(\.header),
            rows: list.flatMap { p in
                (tasks[try p.requireID()] ?? []).map { t in
                    [
                        p.code, t.description, t.output, t.unit, String(t.annualVolume),
                        IndonesianFormat.editable(t.normHours),
                    ]
                }
            })
    }

    static func assessments(_ actor: Principal, on db: any Database) async throws -> Table {
        // Assessment results are part of the employee's record (its profile page).
        let nips = Dictionary(
            uniqueKeysWithValues: try await people(actor, rule: EmployeeQueries.readRecord, on: db).map {
                try ($0.requireID(), $0.nip)
            })
        var rows: [[String]] = []
        for chunk in Array(nips.keys).chunked(500) {
            let events = try await Assessment.query(on: db).filter(\.$employeeID ~~ Array(chunk)).all()
            let byID = try Dictionary(uniqueKeysWithValues: events.map { try ($0.requireID(), $0) })
            let results = try await AssessmentResult.query(on: db).filter(\.$assessmentID ~~ Array(byID.keys)).all()
            let codes = try await PositionService.codesByID(Set(results.map(\.competencyID)), on: db)
            for r in results {
                guard let a = byID[r.assessmentID] else { continue }
                rows.append([
                    nips[a.employeeID] ?? "", a.assessedOn, a.method, a.assessorName, codes[r.competencyID] ?? "",
                    String(r.level), a.notes,
                ])
            }
        }
        rows.sort { ($0[0], $0[1], $0[4]) < ($1[0], $1[1], $1[4]) }
        return Table(header: AssessmentImporter.columns.map(\.header), rows: rows)
    }

    private static func codes<M: InstansiOwned>(_ type: M.Type, _ actor: Principal, on db: any Database) async throws
        -> [UUID: String] where M: CodeNamed
    {
        Dictionary(
            uniqueKeysWithValues: try await M.scopedQuery(actor, on: db).all().map { try ($0.requireID(), $0.code) })
    }
}

/// Records with a human code (units, positions), for export lookups.
protocol CodeNamed { var code: String { get } }
extension Unit: CodeNamed {}
extension Position: CodeNamed {}
