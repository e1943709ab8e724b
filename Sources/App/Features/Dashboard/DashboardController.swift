import KompetenCore
import Vapor

/// The home page: for each role, what that person needs first (issue 19). The organisation
/// tree lives on `/units`; every count here links to the list it counts.
enum DashboardController {
    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        // The superadmin's home is the list of instansi with their admins.
        if AccessPolicy.manageInstansi(actor).isAllowed { return req.redirect(to: SiteURL.instansiList.path) }
        guard let instansiID = actor.instansiID else { throw Abort(.forbidden) }
        let today = WITA.today(req.now)
        var model = HomeModel(
            instansiName: try await InstansiQueries.find(instansiID, on: req.db)?.name ?? "", actor: actor)
        if let me = actor.employeeID,
            let mine = try await MyHomeQueries.load(employeeID: me, today: today, on: req.db)
        {
            model.me = MyHomeSection(mine)
        }
        if actor.role == .supervisor, let me = actor.employeeID {
            let team = try await TeamHomeQueries.members(supervisorID: me, year: today.year, on: req.db)
            if !team.isEmpty { model.team = TeamSection(team) }
        }
        model.evaluations = EvaluationPanel(try await EvaluationWorklist.pending(for: actor, at: req.now, on: req.db))
        let development = try await DashboardQueries.development(actor, at: req.now, on: req.db)
        model.development = development.flatMap(DevelopmentPanel.init)
        // The panel's JP figures cover the same scope as the worklist (the OPD, or the city).
        let people = development?.year == today.year ? development?.people : nil
        switch actor.role {
        case .operator:
            if let opd = actor.opdID {
                try await HomeWorklist.operator(
                    &model, instansiID: instansiID, opdID: opd, today: today, people: people, on: req.db)
            }
        case .admin:
            try await HomeWorklist.admin(&model, instansiID: instansiID, today: today, people: people, on: req.db)
        case .assessor:
            try await HomeWorklist.assessor(&model, instansiID: instansiID, today: today, on: req.db)
        case .provider:
            if case .only(let providerID?) = AccessPolicy.providerReach(actor) {
                try await HomeWorklist.provider(
                    &model, providerID: providerID, instansiID: instansiID, today: today, on: req.db)
            } else {
                model.unboundProvider = true
            }
        default: break
        }
        return try await req.renderPage("dashboard/index", title: "Beranda", model)
    }
}

struct HomeModel: Encodable {
    let evaluationsHref = SiteURL.evaluations.path
    let unitsHref = SiteURL.units.path
    let instansiName: String
    let greeting: String
    let roleLabel: String
    var me: MyHomeSection? = nil
    var team: TeamSection? = nil
    var evaluations: EvaluationPanel? = nil
    var development: DevelopmentPanel? = nil
    /// The worklist (operator) or attention list (BKPPD), grouped by step.
    var groups: [HomeFigureGroup] = []
    var ranks: [HomeRankTable] = []
    var planAbsorption: HomeFigure? = nil
    /// Lists shown on the page itself (plans waiting, flagged responses, batches), in order.
    var lists: [HomeRowList] = []
    /// A provider login not yet bound to its institution: the page says whom to ask.
    var unboundProvider = false
    /// Whether the role sees the organisation (a link to `/units`).
    let seesUnits: Bool

    init(instansiName: String, actor: Principal) {
        self.instansiName = instansiName
        greeting = "Selamat datang, \(actor.username)."
        roleLabel = actor.role.label
        if case .success = AccessPolicy.listScope(actor) { seesUnits = true } else { seesUnits = false }
    }
}
