import Fluent
import KompetenCore
import Vapor

/// Which people a report covers, and how it is broken down into rows (units).
struct ReportScope {
    let instansiID: UUID
    let tree: UnitTree<UUID>
    /// The unit the report is about (nil = the whole instansi).
    let base: Unit?
    /// Units whose people are included (nil = everyone in the instansi).
    let unitIDs: [UUID]?
    /// One row per unit: the base's children, or the top-level units.
    let rowUnits: [UnitNode<UUID>]

    /// `unit` from the query; operators are held to their own OPD whatever they ask for.
    static func resolve(_ req: Request, unitParam: String?) async throws -> ReportScope {
        let actor = try req.actor
        let forced: UUID?
        switch AccessPolicy.reportScope(actor) {
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        case .success(let opd): forced = opd
        }
        guard let instansiID = actor.instansiID else { throw Abort(.forbidden, reason: AccessPolicy.noAccess) }
        let tree = try await UnitQueries.tree(instansiID: instansiID, on: req.db)
        var base: Unit?
        if let raw = unitParam, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw Abort(.badRequest, reason: "Parameter unit tidak valid.") }
            base = try await UnitService.find(id, for: actor, .read, on: req.db)
        } else if let forced {
            base = try await Unit.find(forced, on: req.db)
        }
        if let forced, let b = base, b.opdID != forced { throw Abort(.forbidden, reason: AccessPolicy.otherOPD) }
        let rows: [UnitNode<UUID>]
        if let base {
            let children = tree.children(of: base.id!).compactMap { tree.node($0) }
            rows = [base.node] + children
        } else {
            rows = tree.roots.compactMap { tree.node($0) }
        }
        return ReportScope(instansiID: instansiID, tree: tree, base: base, unitIDs: base.map { tree.subtree(of: $0.id!) }, rowUnits: rows)
    }

    /// The row a unit's people are counted in (the base's own direct staff form the base row).
    func rowUnit(of unitID: UUID) -> UUID? {
        let rowIDs = Set(rowUnits.map(\.id))
        var current: UUID? = unitID
        while let id = current {
            if rowIDs.contains(id), id != base?.id || unitID == id { return id }
            current = tree.parent(of: id)
        }
        return base?.id
    }
}
