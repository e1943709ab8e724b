import Fluent
import KompetenCore
import SQLKit
import Vapor

/// The home page: the organisation and its people at a glance.
enum DashboardController {
    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        if AccessPolicy.manageInstansi(actor).isAllowed { return req.redirect(to: SiteURL.instansiList.path) }
        guard let instansiID = actor.instansiID else { throw Abort(.forbidden) }
        let instansi = try await InstansiQueries.find(instansiID, on: req.db)
        // nil: no lists for this role (a provider); .some(nil): the whole instansi; .some(opd): one OPD.
        // (`try?` would flatten the two nils into one and send a provider into the lists.)
        var scope: UUID?? = nil
        if case .success(let opd) = AccessPolicy.listScope(actor) { scope = .some(opd) }
        var units: [Unit] = []
        var counts: [UUID: Int] = [:]
        var people = DashboardQueries.PeopleCounts()
        if let scope {
            units = try await UnitQueries.visible(actor, on: req.db)
            counts = try await UnitQueries.employeeCounts(instansiID: instansiID, on: req.db)
            people = try await DashboardQueries.people(instansiID: instansiID, opdID: scope, on: req.db)
        }
        var model = DashboardModel(
            instansiName: instansi?.name ?? "", actor: actor, units: units, counts: counts,
            people: people, canSeeLists: scope != nil)
        model.development = try await DashboardQueries.development(actor, at: req.now, on: req.db).flatMap(
            DevelopmentPanel.init)
        model.evaluations = EvaluationPanel(try await EvaluationWorklist.pending(for: actor, at: req.now, on: req.db))
        return try await req.renderPage("dashboard/index", title: "Dasbor", model)
    }
}

struct DashboardModel: Encodable {
    let evaluationsHref = SiteURL.evaluations.path
    let unitsHref = SiteURL.units.path
    struct Stat: Encodable {
        let label: String
        let value: String
        let href: String?
    }
    struct TopUnit: Encodable {
        let href: String
        let name: String
        let kindLabel: String
        let children: String
        let employees: String
    }
    let instansiName: String
    let greeting: String
    let stats: [Stat]
    let opds: [TopUnit]
    let kecamatan: [TopUnit]
    let canSeeLists: Bool
    var development: DevelopmentPanel? = nil
    var evaluations: EvaluationPanel? = nil

    init(
        instansiName: String, actor: Principal, units: [Unit], counts: [UUID: Int],
        people: DashboardQueries.PeopleCounts, canSeeLists: Bool
    ) {
        self.instansiName = instansiName
        greeting = "Selamat datang, \(actor.username) (\(actor.role.label))."
        let tree = UnitTree(units.map(\.node))
        let kelurahan = units.filter { $0.unitKind == .kelurahan }.count
        stats = [
            Stat(label: "Pegawai (ASN)", value: IndonesianFormat.integer(people.total), href: SiteURL.employees.path),
            Stat(label: "PNS", value: IndonesianFormat.integer(people.pns), href: SiteURL.employees.path + "?type=PNS"),
            Stat(
                label: "PPPK", value: IndonesianFormat.integer(people.pppk), href: SiteURL.employees.path + "?type=PPPK"
            ),
            Stat(label: "Unit organisasi", value: IndonesianFormat.integer(units.count), href: SiteURL.units.path),
            Stat(label: "Kelurahan", value: IndonesianFormat.integer(kelurahan), href: SiteURL.units.path),
        ]
        func top(_ node: UnitNode<UUID>) -> TopUnit {
            TopUnit(
                href: SiteURL.unit(node.id).path, name: node.name, kindLabel: node.kind.label,
                children: IndonesianFormat.integer(tree.children(of: node.id).count),
                employees: IndonesianFormat.integer(tree.subtree(of: node.id).reduce(0) { $0 + (counts[$1] ?? 0) }))
        }
        let roots = tree.roots.compactMap { tree.node($0) }
        opds = roots.filter { $0.kind != .kecamatan }.map(top)
        kecamatan = roots.filter { $0.kind == .kecamatan }.map(top)
        self.canSeeLists = canSeeLists
    }
}
