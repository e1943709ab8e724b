import Fluent
import KompetenCore
import Vapor

/// The successor list of a position: `/positions/{id}/suksesi` (page, CSV/XLSX) and
/// `GET /api/v1/positions/{id}/successors`.
enum SuccessionController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.positionSuccessors(.routeParameter).pathComponents, use: page)
        api.get("positions", ":id", "successors", use: apiList)
        web.post(SiteURL.positionKeyMark(.routeParameter).pathComponents, use: markForm)
        web.post(SiteURL.positionTargetFor(.routeParameter).pathComponents, use: targetForm)
        api.get("employees", ":id", "target-position", use: targetGet)
        api.put("employees", ":id", "target-position", use: targetPut)
        api.put("positions", ":id", "key-position", use: markAPI)
    }

    struct MarkInput: Content {
        var key: Bool?
    }

    /// Access before the body: `KeyPositionService.mark` checks it again, but a stranger's body
    /// is never read.
    private static func requireMarker(_ req: Request) async throws -> (Principal, UUID) {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        let p = try await Position.findScoped(id, actor, on: req.db, what: "Jabatan")
        try AccessPolicy.markKeyPosition(actor, try await PositionService.placement(p, on: req.db)).require()
        return (actor, id)
    }

    /// `PUT /api/v1/positions/{id}/key-position` `{"key": true}`.
    static func markAPI(req: Request) async throws -> KeyPositionDTO {
        let (actor, id) = try await requireMarker(req)
        guard let key = try req.content.decode(MarkInput.self).key else {
            throw ValidationFailure(errors: [.init(field: "key", message: "key wajib diisi (true atau false).")])
        }
        return try KeyPositionDTO(
            try await KeyPositionService.mark(id, key: key, actor: actor, at: req.now, on: req.db))
    }

    struct TargetInput: Content {
        var positionId: UUID?
    }

    /// Read like the person's talent placement (BKPPD, their OPD's operator, their supervisor).
    static func targetGet(req: Request) async throws -> TargetPositionDTO {
        let actor = try req.actor
        let e = try await Employee.findScoped(try req.parameters.require("id"), actor, on: req.db, what: "Pegawai")
        let opd = try await Unit.find(e.unitID, on: req.db)?.opdID
        try AccessPolicy.readTalent(
            actor, employee: Placement(instansiID: e.instansiID, opdID: opd), employeeID: try e.requireID(),
            supervisorID: e.supervisorID
        ).require()
        let p = try await e.targetPositionID.asyncMap { try await Position.find($0, on: req.db) } ?? nil
        return TargetPositionDTO(
            employeeId: try e.requireID(), positionId: p?.id, positionCode: p?.code, positionName: p?.name)
    }

    /// `PUT /api/v1/employees/{id}/target-position` `{"positionId": "…"}` (null clears it).
    static func targetPut(req: Request) async throws -> TargetPositionDTO {
        let actor = try req.actor
        let e = try await TargetPositionService.authorised(try req.parameters.require("id"), actor: actor, on: req.db)
        let input = try req.content.decode(TargetInput.self)
        let p = try await TargetPositionService.set(e, to: input.positionId, actor: actor, at: req.now, on: req.db)
        return TargetPositionDTO(
            employeeId: try e.requireID(), positionId: p?.id, positionCode: p?.code, positionName: p?.name)
    }

    /// The button beside a candidate: `employee=<id>` makes this position their jabatan tujuan,
    /// `clear=1` removes it.
    static func targetForm(req: Request) async throws -> Response {
        let actor = try req.actor
        let positionID: UUID = try req.parameters.require("id")
        struct Form: Content {
            var employee: UUID?
            var clear: String?
        }
        // The position first (404 for another instansi's), then the employee's rule, then the body.
        _ = try await PositionService.find(positionID, actor, .read, on: req.db)
        let form = try req.content.decode(Form.self)
        let e = try await TargetPositionService.authorised(form.employee, actor: actor, on: req.db)
        do {
            let p = try await TargetPositionService.set(
                e, to: form.clear == "1" ? nil : positionID, actor: actor, at: req.now, on: req.db)
            Flash.add(
                .success,
                p.map { "\($0.name) ditetapkan sebagai jabatan tujuan \(e.name)." }
                    ?? "Jabatan tujuan \(e.name) dihapus.", to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        }
        return req.redirect(to: SiteURL.positionSuccessors(positionID).path)
    }

    /// The button on the successor page: `key=1` marks, `key=0` removes the mark.
    static func markForm(req: Request) async throws -> Response {
        let (actor, id) = try await requireMarker(req)
        struct Form: Content { var key: String? }
        let key = try req.content.decode(Form.self).key == "1"
        do {
            let p = try await KeyPositionService.mark(id, key: key, actor: actor, at: req.now, on: req.db)
            Flash.add(
                .success, "\(p.name) \(key ? "ditandai sebagai" : "tidak lagi") jabatan kunci.", to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        }
        return req.redirect(to: SiteURL.positionSuccessors(id).path)
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
        let mayMark = AccessPolicy.markKeyPosition(try req.actor, try await PositionService.placement(p, on: req.db))
        let model = SuccessionPageModel(
            p, list, export: Export.links(req),
            markAction: mayMark.isAllowed && Succession.canMark(p.positionKind)
                ? try SiteURL.positionKeyMark(p.requireID()).path : nil,
            targetAction: AccessPolicy.setsTargetPositions(try req.actor)
                ? try SiteURL.positionTargetFor(p.requireID()).path : nil)
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "suksesi-\(p.code)", format: format)
        }
        return try await req.renderPage(
            "positions/successors", title: "Daftar Suksesi: \(p.name)",
            crumbs: [Crumb("Jabatan", .positions), Crumb(p.code, .position(p.requireID())), Crumb("Suksesi")], model)
    }
}

/// `PUT /api/v1/positions/{id}/key-position`'s answer.
struct KeyPositionDTO: Content {
    let positionId: UUID
    let kind: PositionKind
    let key: Bool
    let marked: Bool
    init(_ p: Position) throws {
        positionId = try p.requireID()
        kind = p.positionKind
        key = p.isKey
        marked = p.keyPosition ?? false
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
    /// Key by kind (JPT, administrator) or by BKPPD's mark.
    let key: Bool
    /// BKPPD's mark alone.
    let marked: Bool
    /// The SKP year the 9-box is read from (nil: no ratings yet).
    let year: Int?
    let unassessed: Int
    let items: [Item]

    init(_ p: Position, _ list: SuccessionQueries.List) throws {
        positionId = try p.requireID()
        key = p.isKey
        marked = p.keyPosition ?? false
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
