import KompetenCore
import Vapor

/// The dashboard's step-2 panel: the 20 JP right and what waits for this user.
struct DevelopmentPanel: Encodable {
    struct Stat: Encodable {
        let label: String
        let value: String
        let href: String?
        let id: String
        /// Set when the value counts the rows of the linked list (`data-figure`).
        var figure: String? = nil
    }
    let year: Int
    let stats: [Stat]
    /// Mandatory training per OPD (BKPPD), each row linking to the OPD's list.
    struct MandatoryRow: Encodable {
        let name: String
        let href: String
        let due: String
        let overdue: String
        let overdueHref: String
        let done: String
    }
    var mandatoryRows: [MandatoryRow] = []
}

extension DevelopmentPanel {
    /// Nil when there is nothing to show for this user.
    init?(_ f: DashboardQueries.DevelopmentFigures) {
        let year = f.year
        var stats: [Stat] = []
        if let people = f.people {
            let pns = people.filter { $0.kind == .pns }
            let met = pns.filter { $0.jp >= JPRule.minimumPNS }.count
            let share = JPLedger.complianceShare(pns.map(\.jp))
            stats.append(
                Stat(
                    label: "PNS memenuhi 20 JP (\(year))",
                    value: share.map { IndonesianFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—",
                    href: SiteURL.jpCompliance.path, id: "stat-jp-compliance"))
        }
        if let waiting = f.waitingPlans {
            stats.append(
                Stat(
                    label: "Rencana menunggu persetujuan Anda", value: IndonesianFormat.integer(waiting),
                    href: SiteURL.plans.path + "#rencana", id: "stat-waiting", figure: String(waiting)))
        }
        if let waiting = f.waitingLearning {
            stats.append(
                Stat(
                    label: "Pembelajaran luar katalog menunggu verifikasi", value: IndonesianFormat.integer(waiting),
                    href: SiteURL.plans.path + "#pembelajaran", id: "stat-waiting-learning", figure: String(waiting)))
        }
        // Shown only where someone has a requirement: most staff never do.
        if let m = f.mandatory, m.total > 0 {
            let list = SiteURL.mandatoryTraining.path
            stats.append(
                Stat(
                    label: f.mandatoryOwn ? "Pelatihan wajib saya terlambat" : "Pelatihan wajib terlambat",
                    value: IndonesianFormat.integer(m.overdue), href: list + "?status=overdue",
                    id: "stat-mandatory-overdue", figure: String(m.overdue)))
            stats.append(
                Stat(
                    label: f.mandatoryOwn ? "Pelatihan wajib saya dalam tenggat" : "Pelatihan wajib dalam tenggat",
                    value: IndonesianFormat.integer(m.due), href: list + "?status=due", id: "stat-mandatory-due",
                    figure: String(m.due)))
            stats.append(
                Stat(
                    label: f.mandatoryOwn ? "Pelatihan wajib saya selesai" : "Pelatihan wajib selesai",
                    value: IndonesianFormat.integer(m.done), href: list + "?status=done", id: "stat-mandatory-done",
                    figure: String(m.done)))
        }
        if let n = f.providerProgrammes {
            stats.append(
                Stat(
                    label: "Program kami di katalog", value: IndonesianFormat.integer(n), href: SiteURL.programmes.path,
                    id: "stat-provider-programmes"))
        }
        guard !stats.isEmpty else { return nil }
        self.init(year: year, stats: stats)
        let list = SiteURL.mandatoryTraining.path
        mandatoryRows = f.mandatoryPerOPD.map { r in
            MandatoryRow(
                name: r.name, href: list + "?unit=\(r.opdID.uuidString)", due: IndonesianFormat.integer(r.counts.due),
                overdue: IndonesianFormat.integer(r.counts.overdue),
                overdueHref: list + "?unit=\(r.opdID.uuidString)&status=overdue",
                done: IndonesianFormat.integer(r.counts.done))
        }
    }
}
