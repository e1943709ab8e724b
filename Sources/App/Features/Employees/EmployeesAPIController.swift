import Fluent
import KompetenCore
import Vapor

/// `/api/v1/employees`: records, assessments and gaps.
enum EmployeesAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("employees", use: list)
        api.post("employees", use: create)
        api.get("employees", ":id", use: show)
        api.put("employees", ":id", use: update)
        api.get("employees", ":id", "gap", use: gap)
        api.get("employees", ":id", "assessments", use: assessments)
        api.post("employees", ":id", "assessments", use: recordAssessment)
        api.get("units", ":id", "gap-summary", use: unitSummary)
    }

    struct ListQuery: Content {
        var page: Int?
        var per: Int?
        var unitId: UUID?
        var q: String?
    }

    static func list(req: Request) async throws -> PagedResponse<EmployeeDTO> {
        let actor = try req.actor
        let params = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: params.page, per: params.per)
        var query = try await EmployeeQueries.visible(actor, on: req.db)
        if let unit = params.unitId { query = query.filter(\.$unitID == unit) }
        if let q = params.q {
            guard q.unicodeScalars.count <= 100 else {
                throw ValidationFailure(errors: [.init(field: "q", message: "Kata kunci paling panjang 100 karakter.")])
            }
            if !q.isEmpty { query = query.group(.or) { $0.filter(\.$name ~~ q).filter(\.$nip ~~ q) } }
        }
        let total = try await query.count()
        let items = try await query.sort(\.$name).sort(\.$nip).range(paging.offset..<(paging.offset + paging.per)).all()
        return PagedResponse(
            items: items.map(EmployeeDTO.init), metadata: .init(page: paging.page, per: paging.per, total: total))
    }

    static func show(req: Request) async throws -> EmployeeDTO {
        EmployeeDTO(
            try await EmployeeQueries.find(try req.parameters.require("id"), for: try req.actor, .read, on: req.db))
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .employee).require() // access before the body is read
        let input = try req.content.decode(EmployeeInput.self)
        let e = try await EmployeeService.create(input, actor: actor, at: req.now, on: req.db)
        return try await EmployeeDTO(e).encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> EmployeeDTO {
        let actor = try req.actor
        // Access to the record first: a stranger's body is never validated (no 422 naming fields).
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        let input = try req.content.decode(EmployeeInput.self)
        return EmployeeDTO(
            try await EmployeeService.update(e.requireID(), input, actor: actor, at: req.now, on: req.db))
    }

    struct GapItemDTO: Content {
        let competencyCode: String
        let required: Int
        let actual: Int?
        let gap: Int?
        let status: GapStatus
    }
    struct GapDTO: Content {
        let employeeId: UUID
        let positionId: UUID?
        let jpm: Double?
        /// Encodes as its raw value, the code the API always carried.
        let category: JPMCategory?
        let items: [GapItemDTO]

        init(employeeId: UUID, positionId: UUID?, result: GapResult?) {
            self.employeeId = employeeId
            self.positionId = positionId
            jpm = result?.jpm
            category = result?.category
            items = (result?.items ?? []).map {
                GapItemDTO(
                    competencyCode: $0.competencyCode, required: $0.required, actual: $0.actual, gap: $0.gap,
                    status: $0.status)
            }
        }
    }

    struct GapQuery: Content {
        /// A target position (career gap); omitted: the position held.
        var positionId: UUID?
    }

    static func gap(req: Request) async throws -> GapDTO {
        let actor = try req.actor
        // The position held (no query string): one statement (EmployeeGapQueries).
        if req.url.query == nil {
            return try await heldPositionGap(try req.parameters.require("id"), actor, on: req.db)
        }
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        let target = try req.query.decode(GapQuery.self).positionId
        if let target { _ = try await PositionService.find(target, actor, .read, on: req.db) }
        let result = try await GapEngine.employee(e, against: target, on: req.db)
        return try GapDTO(employeeId: e.requireID(), positionId: target ?? e.positionID, result: result)
    }

    /// The same answers and order of checks as `EmployeeQueries.find` + `GapEngine.employee`:
    /// no instansi 403, not in the instansi 404, then the access rule, then the gap.
    private static func heldPositionGap(_ id: UUID, _ actor: Principal, on db: any Database) async throws -> GapDTO {
        guard let instansiID = actor.instansiID else {
            throw Abort(.forbidden, reason: "Akun ini tidak terikat pada instansi mana pun.")
        }
        guard let found = try await EmployeeGapQueries.load(id, instansiID: instansiID, on: db) else {
            throw Abort(.notFound, reason: "Pegawai tidak ditemukan.")
        }
        try AccessPolicy.employee(
            actor, .read, Placement(instansiID: found.instansiID, opdID: found.opdID), employeeID: found.employeeID,
            supervisorID: found.supervisorID
        ).require()
        let result =
            found.positionID == nil
            ? nil : GapEngine.analyse(found.rows, formula: found.formula, thresholds: found.thresholds)
        return GapDTO(employeeId: found.employeeID, positionId: found.positionID, result: result)
    }

    static func assessments(req: Request) async throws -> [AssessmentDTO] {
        let e = try await EmployeeQueries.find(try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let list = try await AssessmentQueries.history(employeeID: e.requireID(), on: req.db)
        return try await AssessmentService.dtos(list, on: req.db)
    }

    static func recordAssessment(req: Request) async throws -> Response {
        // access before the body
        try await AccessFirst.recordAssessment(try req.parameters.require("id"), try req.actor, on: req.db)
        let input = try req.content.decode(AssessmentInput.self)
        let a = try await AssessmentService.record(
            employeeID: try req.parameters.require("id"), input, evidence: nil,
            actor: try req.actor, at: req.now, on: req.db)
        return try await AssessmentService.dto(a, on: req.db).encodeResponse(status: .created, for: req)
    }

    struct SummaryDTO: Content {
        /// Per competency, over those assessed on it (GapTally): `meanShortfall` = mean of
        /// max(0, required − actual), `shareBelow` = share below standard, `meanSurplus` apart;
        /// never netted. `meanGap` is kept for older clients and equals `meanShortfall`.
        struct Line: Content {
            let competencyCode: String
            let meanGap: Double?
            let meanShortfall: Double?
            let shareBelow: Double?
            let meanSurplus: Double?
            let employeesWithGap: Int
            let assessed: Int
            let unassessed: Int
        }
        let employees: Int
        let assessed: Int
        /// People with a standard and no result: beside the mean JPM, never in it as 0.
        let unassessed: Int
        let meanJpm: Double?
        /// Keyed by the category's raw value: a `[JPMCategory: Int]` would encode as an array of pairs, not an object.
        let categories: [String: Int]
        let competencies: [Line]
    }

    static func unitSummary(req: Request) async throws -> SummaryDTO {
        let actor = try req.actor
        let unit = try await UnitService.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        if case .failure(let denied) = AccessPolicy.reportScope(actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        let computed = try await GapEngine.compute(
            instansiID: unit.instansiID, unitIDs: try await GapEngine.subtree(of: unit, on: req.db), on: req.db)
        let summary = GapSummary(persons: computed.persons, cells: computed.cells, thresholds: computed.thresholds)
        return SummaryDTO(
            employees: summary.employees, assessed: summary.assessed, unassessed: summary.unassessed,
            meanJpm: summary.meanJpm,
            categories: Dictionary(uniqueKeysWithValues: summary.categories.map { ($0.key.rawValue, $0.count) }),
            competencies: summary.competencies.map { c in
                .init(
                    competencyCode: c.code, meanGap: c.tally.meanShortfall, meanShortfall: c.tally.meanShortfall,
                    shareBelow: c.tally.shareBelow,
                    meanSurplus: c.tally.meanSurplus, employeesWithGap: c.tally.withGap, assessed: c.tally.assessed,
                    unassessed: c.tally.unassessed)
            })
    }
}
