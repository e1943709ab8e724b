import Fluent
import KompetenCore
import Vapor

/// The talent 9-box per OPD or city-wide (`/talent`), its drill-down and succession pool, and
/// the API: one employee's placement, the grid's counts, SKP ratings.
enum TalentController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.talent.pathComponents, use: page)
        api.get("talent", "9-box", use: grid)
        api.get("employees", ":id", "talent", use: employeeTalent)
        api.get("employees", ":id", "performance", use: performanceList)
        api.post("employees", ":id", "performance", use: recordPerformance)
    }

    struct Params: Content {
        var unit: String?
        var year: Int?
        var box: Int?
        var pool: String?
        var page: Int?
    }

    /// The year asked for, else the latest year with SKP ratings, else last year.
    static func year(_ raw: Int?, instansiID: UUID, _ req: Request) async throws -> Int {
        if let raw { return try ReportYear.resolve(raw, req) }
        return try await TalentQueries.latestYear(instansiID: instansiID, on: req.db) ?? WITA.today(req.now).year - 1
    }

    static func page(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit, policy: AccessPolicy.monitoringScope)
        let year = try await year(params.year, instansiID: scope.instansiID, req)
        if let box = params.box, !(1...9).contains(box) {
            throw ValidationFailure(errors: [.init(field: "box", message: "Kotak talenta 1–9.")])
        }
        let cutoffs = try await SettingsQueries.evaluation(scope.instansiID, on: req.db).cutoffs
        let exporting = try Export.requested(req)
        // Each person through the talent rule, as on their own talent page: never one's own row
        // (an operator's account may also be an employee record). The grid's counts stay whole.
        let actor = try req.actor
        func people(_ filter: TalentQueries.Filter) async throws -> [TalentQueries.Person] {
            try await TalentQueries.people(
                instansiID: scope.instansiID, unitIDs: scope.unitIDs, year: year, cutoffs: cutoffs, filter: filter,
                on: req.db
            )
            .filter { p in
                // The supervisor only matters for roles monitoringScope refuses anyway.
                AccessPolicy.readTalent(
                    actor, employee: Placement(instansiID: scope.instansiID, opdID: scope.tree.topLevel(of: p.unitID)),
                    employeeID: p.id, supervisorID: nil
                ).isAllowed
            }
        }
        let grid = try await TalentQueries.grid(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, year: year, cutoffs: cutoffs, on: req.db)
        let pool = try await people(.pool)
        // The list on screen: one box, the pool, or (for an export without either) everyone placed.
        let listed: [TalentQueries.Person]
        if let box = params.box {
            listed = try await people(.box(box))
        } else if params.pool == "1" {
            listed = pool
        } else if exporting != nil {
            listed = try await people(.everyone).filter { $0.box != nil }
        } else {
            listed = []
        }
        let positions = try await TalentQueries.positions(Set((pool + listed).compactMap(\.positionID)), on: req.db)
        let keyPositions = try await TalentQueries.positionCounts(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let marked = try await TalentQueries.positionCounts(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, markedOnly: true, on: req.db)
        let years = try await TalentQueries.ratedYears(instansiID: scope.instansiID, on: req.db)
        let model = TalentPageModel(
            scope: scope, year: year, years: years, grid: grid, pool: pool, listed: listed,
            positions: positions, keyPositions: keyPositions, markedPositions: marked, cutoffs: cutoffs,
            box: params.box, showPool: params.pool == "1", page: params.page, unitParam: params.unit ?? "",
            export: Export.links(req))
        if let exporting { return try Export.response(model.table, filename: "talenta-\(year)", format: exporting) }
        return try await req.renderPage(
            "talent/index", title: "Pemetaan Talenta (9-Box) \(year)", crumbs: [Crumb("Talenta")], model)
    }

    struct GridDTO: Content {
        struct Unplaced: Content {
            let noPerformance: Int
            let noAssessment: Int
        }
        let year: Int
        let unitId: UUID?
        let boxes: [String: Int]
        let placed: Int
        let unplaced: Unplaced
        let successionPool: Int
    }

    struct APIQuery: Content {
        var unitId: UUID?
        var year: Int?
    }

    static func grid(req: Request) async throws -> GridDTO {
        let params = try req.query.decode(APIQuery.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: params.unitId?.uuidString, policy: AccessPolicy.monitoringScope)
        let year = try await year(params.year, instansiID: scope.instansiID, req)
        let cutoffs = try await SettingsQueries.evaluation(scope.instansiID, on: req.db).cutoffs
        let grid = try await TalentQueries.grid(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, year: year, cutoffs: cutoffs, on: req.db)
        return GridDTO(
            year: year, unitId: scope.base?.id,
            boxes: Dictionary(uniqueKeysWithValues: (1...9).map { (String($0), grid.boxes[$0] ?? 0) }),
            placed: grid.placed, unplaced: .init(noPerformance: grid.noPerformance, noAssessment: grid.noAssessment),
            successionPool: grid.pool)
    }

    struct TalentDTO: Content {
        let employeeId: UUID
        let year: Int
        let box: Int?
        /// The core's levels encode as their raw values (`di_atas`, `tinggi`), the strings the API always carried.
        let performance: PerformanceLevel?
        let potential: PotentialLevel?
        let potentialScore: Double?
        let predicate: SKPPredicate?
        let recommendation: String?
        let successionPool: Bool
        /// Why there is no box: `no_performance` (no SKP that year) or `no_assessment`.
        let missing: String?
    }

    static func employeeTalent(req: Request) async throws -> TalentDTO {
        let actor = try req.actor
        let employee = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        try AccessPolicy.readTalent(
            actor, employee: try await EnrolmentService.placement(of: employee, on: req.db),
            employeeID: employee.requireID(),
            supervisorID: employee.supervisorID
        ).require()
        let year = try await year(try req.query.decode(Params.self).year, instansiID: employee.instansiID, req)
        let cutoffs = try await SettingsQueries.evaluation(employee.instansiID, on: req.db).cutoffs
        let person = try await TalentQueries.people(
            instansiID: employee.instansiID, unitIDs: nil, year: year, cutoffs: cutoffs,
            filter: .employee(employee.requireID()), on: req.db
        ).first
        let box = person?.box
        return try TalentDTO(
            employeeId: employee.requireID(), year: year, box: box,
            performance: person?.predicate.map(PerformanceLevel.init),
            potential: person?.potentialScore.map(cutoffs.level),
            potentialScore: person?.potentialScore.map(GapAnalysis.round2), predicate: person?.predicate,
            recommendation: box.flatMap { TalentBox.recommendations[$0] },
            successionPool: box.map(TalentBox.successionPool.contains) ?? false,
            missing: person?.predicate == nil ? "no_performance" : person?.potentialScore == nil ? "no_assessment" : nil
        )
    }

    static func performanceList(req: Request) async throws -> [PerformanceDTO] {
        try await PerformanceService.list(
            employeeID: try req.parameters.require("id"), actor: try req.actor, on: req.db
        ).map(PerformanceDTO.init)
    }

    static func recordPerformance(req: Request) async throws -> Response {
        // access before the body
        try await AccessFirst.recordPerformance(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(PerformanceInput.self)
        let (r, created) = try await PerformanceService.record(
            employeeID: try req.parameters.require("id"), input, actor: try req.actor, at: req.now, on: req.db)
        return try await PerformanceDTO(r).encodeResponse(status: created ? .created : .ok, for: req)
    }
}
