import Fluent
import KompetenCore
import Vapor

/// The successor list of a position: `/positions/{id}/suksesi` (page, CSV/XLSX) and
/// `GET /api/v1/positions/{id}/successors`.
enum SuccessionController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.positionSuccessors(.routeParameter).pathComponents, use: page)
        api.get("positions", ":id", "successors", use: apiList)
    }

    /// The position (read rule), then the talent scope: admin the whole instansi, an operator
    /// their OPD; each candidate through the talent read rule (never oneself).
    static func load(_ req: Request) async throws -> (Position, SuccessionQueries.List) {
        let actor = try req.actor
        let p = try await PositionService.find(try req.parameters.require("id"), actor, .read, on: req.db)
        let opd: UUID?
        switch AccessPolicy.monitoringScope(actor) {
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        case .success(let forced): opd = forced
        }
        let list = try await SuccessionQueries.list(
            for: p, opd: opd,
            readable: { e, unitOPD in
                guard let id = e.id else { return false }
                return AccessPolicy.readTalent(
                    actor, employee: Placement(instansiID: e.instansiID, opdID: unitOPD), employeeID: id,
                    supervisorID: e.supervisorID
                ).isAllowed
            }, on: req.db)
        return (p, list)
    }

    static func apiList(req: Request) async throws -> SuccessorsDTO {
        let (p, list) = try await load(req)
        return try SuccessorsDTO(p, list)
    }

    static func page(req: Request) async throws -> Response {
        let (p, list) = try await load(req)
        let model = SuccessionPageModel(p, list, export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "suksesi-\(p.code)", format: format)
        }
        return try await req.renderPage(
            "positions/successors", title: "Daftar Suksesi: \(p.name)",
            crumbs: [Crumb("Jabatan", .positions), Crumb(p.code, .position(p.requireID())), Crumb("Suksesi")], model)
    }
}

struct SuccessorsDTO: Content {
    struct Item: Content {
        let employeeId: UUID
        let nip: String
        let name: String
        let positionName: String
        let jpm: Double
        let category: JPMCategory?
        let box: Int?
        let readiness: Succession.Readiness
    }
    let positionId: UUID
    let key: Bool
    /// The SKP year the 9-box is read from (nil: no ratings yet).
    let year: Int?
    let unassessed: Int
    let items: [Item]

    init(_ p: Position, _ list: SuccessionQueries.List) throws {
        positionId = try p.requireID()
        key = Succession.isKey(p.positionKind)
        year = list.year
        unassessed = list.unassessed
        items = try list.candidates.map { c in
            Item(
                employeeId: try c.employee.requireID(), nip: c.employee.nip, name: c.employee.name,
                positionName: c.positionName, jpm: c.result.jpm ?? 0, category: c.result.category, box: c.box,
                readiness: c.ranked.readiness)
        }
    }
}
