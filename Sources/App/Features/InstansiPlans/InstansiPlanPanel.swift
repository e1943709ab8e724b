import Fluent
import Foundation
import KompetenCore

/// The monitoring page's panel: the plan of the period's year against its realisation, linking
/// to the full realisation page. Nil when there is no plan that year or the user may not read it.
struct InstansiPlanPanel: Encodable {
    let title: String
    let planned: FiguresCells
    let realised: FiguresCells
    let absorption: String
    let notDone: Int
    let unplanned: Int
    let href: String

    static func load(year: Int, actor: Principal, on db: any Database) async throws -> InstansiPlanPanel? {
        guard let instansiID = actor.instansiID,
            let plan = try await InstansiPlan.query(on: db).filter(\.$instansiID == instansiID)
                .filter(\.$year == year).first()
        else { return nil }
        let ppk = try await InstansiPlanQueries.ppkUserID(instansiID, on: db)
        guard AccessPolicy.instansiPlan(actor, instansiID: instansiID, ppkUserID: ppk).isAllowed else { return nil }
        let r = try await InstansiPlanPage.realisation(plan, on: db)
        return InstansiPlanPanel(
            title: "Rencana pengembangan \(year) (\(plan.planStatus.label))", planned: FiguresCells(r.planned),
            realised: FiguresCells(r.realised), absorption: "\(r.absorptionPercent) %", notDone: r.notDone.count,
            unplanned: r.unplanned.count, href: SiteURL.instansiPlanRealisation(try plan.requireID()).path)
    }
}
