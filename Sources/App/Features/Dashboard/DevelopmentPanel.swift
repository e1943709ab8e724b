import Fluent
import KompetenCore
import Vapor

/// The dashboard's step-2 panel: the 20 JP right and what waits for this user.
struct DevelopmentPanel: Encodable {
    struct Stat: Encodable {
        let label: String
        let value: String
        let href: String?
        let id: String
    }
    let year: Int
    let stats: [Stat]

    static func load(_ actor: Principal, at now: Date, on db: any Database) async throws -> DevelopmentPanel? {
        guard let instansiID = actor.instansiID else { return nil }
        let year = WITA.today(now).year
        var stats: [Stat] = []
        if case .success(let opd) = AccessPolicy.developmentReportScope(actor) {
            let unitIDs = try await opd.asyncMap { try await Unit.query(on: db).filter(\.$opdID == $0).all(\.$id) }
            let people = try await JPQueries.people(instansiID: instansiID, unitIDs: unitIDs, year: year, on: db)
            let pns = people.filter { $0.kind == .pns }
            let met = pns.filter { $0.jp >= JPRule.minimumPNS }.count
            let share = JPLedger.complianceShare(pns.map(\.jp))
            stats.append(
                Stat(
                    label: "PNS memenuhi 20 JP (\(year))",
                    value: share.map { IndonesianFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—",
                    href: SiteURL.jpCompliance.path, id: "stat-jp-compliance"))
            stats.append(
                Stat(
                    label: "PNS di bawah 20 JP", value: IndonesianFormat.integer(pns.count - met),
                    href: SiteURL.jpCompliance.path, id: "stat-jp-below"))
        }
        if AccessPolicy.approvalInbox(actor).isAllowed {
            let waiting =
                try await PlanService.inbox(actor, on: db).count
                + (try await LearningQueries.awaitingVerification(actor, on: db).count)
            stats.append(
                Stat(
                    label: "Menunggu persetujuan Anda", value: IndonesianFormat.integer(waiting),
                    href: SiteURL.plans.path, id: "stat-waiting"))
        }
        if let me = actor.employeeID, let employee = try await Employee.find(me, on: db) {
            let jp = try await JPQueries.status(employee, year: year, on: db)
            stats.append(
                Stat(
                    label: "JP saya \(year) — \(jp.status)", value: "\(jp.jp) JP", href: SiteURL.employee(me).path,
                    id: "stat-my-jp"))
            stats.append(
                Stat(
                    label: "Rencana pengembangan saya", value: "Lihat", href: SiteURL.employeePlans(me).path,
                    id: "stat-my-plan"))
        }
        if case .only(let providerID?) = AccessPolicy.providerReach(actor) {
            let n = try await Programme.scopedQuery(actor, on: db).filter(\.$providerID == providerID).count()
            stats.append(
                Stat(
                    label: "Program kami di katalog", value: IndonesianFormat.integer(n), href: SiteURL.programmes.path,
                    id: "stat-provider-programmes"))
        }
        return stats.isEmpty ? nil : DevelopmentPanel(year: year, stats: stats)
    }
}
