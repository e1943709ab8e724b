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
    /// For every unit, the row its people are counted in (worked out once, not per person).
    private let rowOf: [UUID: UUID]

    init(instansiID: UUID, tree: UnitTree<UUID>, base: Unit?, unitIDs: [UUID]?, rowUnits: [UnitNode<UUID>]) {
        self.instansiID = instansiID
        self.tree = tree
        self.base = base
        self.unitIDs = unitIDs
        self.rowUnits = rowUnits
        let rowIDs = Set(rowUnits.map(\.id))
        var rowOf: [UUID: UUID] = [:]
        for (node, _) in tree.flattened() {
            // The base's own direct staff form the base row; everyone else the row above them.
            var current: UUID? = node.id
            while let id = current {
                if rowIDs.contains(id), id != base?.id || node.id == id {
                    rowOf[node.id] = id
                    break
                }
                current = tree.parent(of: id)
            }
            if rowOf[node.id] == nil, let b = base?.id { rowOf[node.id] = b }
        }
        self.rowOf = rowOf
    }

    /// `unit` from the query; operators are held to their own OPD whatever they ask for.
    static func resolve(
        _ req: Request, unitParam: String?,
        policy: (Principal) -> Result<UUID?, AccessPolicy.Denied> = AccessPolicy.reportScope
    ) async throws -> ReportScope {
        let actor = try req.actor
        let forced: UUID?
        switch policy(actor) {
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        case .success(let opd): forced = opd
        }
        guard let instansiID = actor.instansiID else { throw Abort(.forbidden, reason: AccessPolicy.noAccess) }
        let tree = try await UnitQueries.tree(instansiID: instansiID, on: req.db)
        var base: Unit?
        if let raw = unitParam, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else {
                throw Abort(.badRequest, reason: "Parameter unit tidak valid.")
            }
            base = try await UnitService.find(id, for: actor, .read, on: req.db)
        } else if let forced {
            base = try await Unit.find(forced, on: req.db)
        }
        if let forced, let b = base, b.opdID != forced { throw Abort(.forbidden, reason: AccessPolicy.otherOPD) }
        let rows: [UnitNode<UUID>]
        if let base {
            let children = try tree.children(of: base.requireID()).compactMap { tree.node($0) }
            rows = [base.node] + children
        } else {
            rows = tree.roots.compactMap { tree.node($0) }
        }
        return try ReportScope(
            instansiID: instansiID, tree: tree, base: base, unitIDs: base.map { try tree.subtree(of: $0.requireID()) },
            rowUnits: rows)
    }

    /// The row a unit's people are counted in.
    func rowUnit(of unitID: UUID) -> UUID? { rowOf[unitID] }
}
