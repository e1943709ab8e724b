import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `/development/pelatihan-wajib` (page, CSV/XLSX) and `GET /api/v1/mandatory-training`: who must
/// follow Latsar, PKP, PKA or PKN II, by when, and whether they did — BKPPD city-wide, an
/// operator their OPD, every employee their own.
enum MandatoryTrainingController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.mandatoryTraining.pathComponents, use: page)
        api.get("mandatory-training", use: apiList)
    }

    struct Report {
        let items: [MandatoryTrainingQueries.Item]
        /// Nil for an employee's own view (no per-unit table).
        let scope: ReportScope?
        let status: MandatoryStatus?
    }

    /// Authorise first (the role decides the scope), then read the filter.
    static func build(_ req: Request, unit: String?, status rawStatus: String?) async throws -> Report {
        let actor = try req.actor
        let decided: MandatoryTrainingScope
        switch AccessPolicy.mandatoryTrainingScope(actor) {
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        case .success(let s): decided = s
        }
        var problems: [FieldError] = []
        var status: MandatoryStatus?
        if let raw = rawStatus, !raw.isEmpty {
            status = MandatoryStatus(rawValue: raw)
            if status == nil {
                problems.append(.init(field: "status", message: "Status harus due, overdue atau done."))
            }
        }
        if let raw = unit, !raw.isEmpty, UUID(uuidString: raw) == nil {
            problems.append(.init(field: "unitId", message: "Unit harus UUID yang sah."))
        }
        if !problems.isEmpty { throw ValidationFailure(errors: problems) }
        let today = WITA.today(req.now)
        let instansiID = actor.instansiID!
        if case .own(let employeeID) = decided {
            let items = try await MandatoryTrainingQueries.items(
                .init(instansiID: instansiID, unitIDs: nil, employeeID: employeeID), status: status, today: today,
                on: req.db)
            return Report(items: items, scope: nil, status: status)
        }
        let scope = try await ReportScope.resolve(
            req, unitParam: unit,
            policy: { _ in
                if case .opd(let opd) = decided { return .success(opd) }
                return .success(nil)
            })
        let items = try await MandatoryTrainingQueries.items(
            .init(instansiID: instansiID, unitIDs: scope.unitIDs, employeeID: nil), status: status, today: today,
            on: req.db)
        return Report(items: items, scope: scope, status: status)
    }

    struct Params: Content {
        var unit: String?
        var status: String?
        var page: Int?
    }

    static func page(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let report = try await build(req, unit: params.unit, status: params.status)
        // An employee's own view has no report scope; their unit's name still comes from the tree.
        let actor = try req.actor
        let tree: UnitTree<UUID>
        if let scoped = report.scope?.tree {
            tree = scoped
        } else {
            tree = try await UnitQueries.tree(instansiID: actor.instansiID!, on: req.db)
        }
        let names = Dictionary(uniqueKeysWithValues: tree.flattened().map { ($0.node.id, $0.node.name) })
        if let format = try Export.requested(req) {
            return try Export.response(
                MandatoryTrainingPageModel.table(report.items, unitName: { names[$0] ?? "" }),
                filename: "pelatihan-wajib" + (report.status.map { "-\($0.rawValue)" } ?? ""), format: format,
                sheet: "Pelatihan wajib")
        }
        var topUnits: [Unit] = []
        if report.scope != nil {
            topUnits = try await UnitQueries.visible(actor, on: req.db).filter { $0.parentID == nil }
        }
        let model = MandatoryTrainingPageModel(
            report: report, units: topUnits, unitName: { names[$0] ?? "" },
            paging: PageRequest(page: params.page, per: 50), export: Export.links(req))
        return try await req.renderPage(
            "development/mandatory", title: "Pelatihan Wajib", crumbs: [Crumb("Pelatihan wajib")], model)
    }

    struct ItemDTO: Content {
        let employeeId: UUID
        let nip: String
        let name: String
        let unitId: UUID
        let requirement: MandatoryKind
        let startDate: SimpleDate
        let dueDate: SimpleDate
        let status: MandatoryStatus
        let completedOn: SimpleDate?
        let late: Bool
    }
    struct ListDTO: Content {
        let today: SimpleDate
        let counts: CountsDTO
        let items: [ItemDTO]
    }
    struct CountsDTO: Content {
        let due: Int
        let overdue: Int
        let done: Int
    }
    struct APIQuery: Content {
        var unitId: String?
        var status: String?
    }

    static func apiList(req: Request) async throws -> ListDTO {
        let q = try req.query.decode(APIQuery.self)
        // The page's filter form sends "" for "all"; an API client that sends an empty value
        // sent something that is not a UUID or a status, and is told so.
        var empty: [FieldError] = []
        if q.unitId == "" { empty.append(.init(field: "unitId", message: "Unit harus UUID yang sah.")) }
        if q.status == "" { empty.append(.init(field: "status", message: "Status harus due, overdue atau done.")) }
        if !empty.isEmpty {
            _ = try req.actor // 401 before 422 for a request without a login
            throw ValidationFailure(errors: empty)
        }
        let report = try await build(req, unit: q.unitId, status: q.status)
        var counts = MandatoryTraining.Counts()
        for i in report.items { counts.add(i.requirement.status) }
        return ListDTO(
            today: WITA.today(req.now), counts: CountsDTO(due: counts.due, overdue: counts.overdue, done: counts.done),
            items: report.items.map { i in
                ItemDTO(
                    employeeId: i.employeeID, nip: i.nip, name: i.name, unitId: i.unitID,
                    requirement: i.requirement.kind,
                    startDate: i.requirement.start, dueDate: i.requirement.dueDate, status: i.requirement.status,
                    completedOn: i.requirement.completedOn, late: i.requirement.late)
            })
    }
}
