import Fluent
import Foundation
import KompetenCore
import SQLKit

/// The city's 2026 development plan (Ps 207) as a record: built from the budget optimiser and the
/// batches held early in the year, a ceiling per OPD, proposed by BKPPD and adopted by the
/// Sekretaris Daerah (login `sekda`, designated PPK) with decree 188.45/123/KEP/HK/2026. Completed
/// enrolments carry their actual cost, so the realisation shows absorbed budget, at least one
/// planned item not done and one activity nobody planned.
enum DemoInstansiPlanData {
    static let year = 2026
    static let decreeNumber = "188.45/123/KEP/HK/2026"
    static let decreeDate = "2026-01-15"
    static let budget = 1_500_000_000

    static func write(instansiID: UUID, passwordHash: String, now: Date, on db: any Database)
        async throws
    {
        guard
            let admin = try await User.query(on: db).filter(\.$username == "admin")
                .filter(\.$instansiID == instansiID).first()
        else { return }
        let actor = Principal(
            userID: try admin.requireID(), username: admin.username, role: .admin, instansiID: instansiID, opdID: nil,
            employeeID: nil)
        try await writeActualCosts(instansiID: instansiID, on: db)

        let plan = try await InstansiPlanService.create(
            .init(year: year, budget: budget, source: "optimiser", ceilings: nil), actor: actor, at: now, on: db)
        let planID = try plan.requireID()
        let activities = try await InstansiPlanQueries.realised(instansiID: instansiID, year: year, on: db)
        var planned = Set(
            try await InstansiPlanQueries.items(of: planID, on: db).compactMap { i in
                i.programmeID.map { "\($0)|\(i.opdID)" }
            })
        // What was held early in the year was in the plan too — all but one group the optimiser
        // did not choose either, which stays an activity nobody planned (the realisation page
        // lists it).
        var groups: [String: (RealisedActivity, Int)] = [:]
        for a in activities {
            let key = "\(a.programmeID)|\(a.opdID)"
            let old = groups[key]
            groups[key] = (old?.0 ?? a, (old?.1 ?? 0) + a.participants)
        }
        let keys = groups.keys.sorted()
        let programmes = try await Programme.query(on: db).filter(\.$instansiID == instansiID).all()
        let byID = Dictionary(uniqueKeysWithValues: try programmes.map { (try $0.requireID(), $0) })
        var items: [InstansiPlanItem] = []
        let unplanned = keys.last { !planned.contains($0) }
        for key in keys where key != unplanned && !planned.contains(key) {
            guard let group = groups[key], let p = byID[group.0.programmeID] else { continue }
            items.append(
                item(
                    planID: planID, instansiID: instansiID, opd: group.0.opdID, p, participants: group.1,
                    quarter: group.0.quarter,
                    target: "Pegawai sasaran OPD (jadwal angkatan awal tahun)", now: now))
            planned.insert(key)
        }
        // One item planned and never held: e-learning of the catalogue's first programme for an
        // OPD that did not take it.
        if let p = programmes.sorted(by: { $0.code < $1.code }).first,
            let opd = try await opdsOf(instansiID, on: db).first(where: { !planned.contains("\(p.id!)|\($0)") })
        {
            items.append(
                item(
                    planID: planID, instansiID: instansiID, opd: opd, p, participants: 10, quarter: 3,
                    target: "Pegawai yang belum memenuhi 20 JP", now: now))
        }
        for chunk in items.chunked(500) { try await Array(chunk).create(on: db) }

        // Ceilings: each OPD's planned cost rounded up to Rp 5 million; the budget is their sum.
        let lines = try await InstansiPlanQueries.items(of: planID, on: db).map(\.line)
        let ceilings = InstansiPlanTotals.byOPD(lines).map { opd, f in
            CeilingInput(opdId: opd, amount: (f.budget + 4_999_999) / 5_000_000 * 5_000_000)
        }.sorted { $0.opdId.uuidString < $1.opdId.uuidString }
        let who = InstansiPlanActor(role: .admin, isPPK: false)
        try await InstansiPlanService.setBudget(
            .init(budget: max(budget, ceilings.reduce(0) { $0 + $1.amount }), ceilings: ceilings), plan: plan, who: who,
            actor: actor, at: now, on: db)

        // The Sekretaris Daerah's login, designated PPK; BKPPD proposes, the PPK adopts.
        let sekda = User()
        sekda.id = UUID()
        sekda.instansiID = instansiID
        sekda.username = "sekda"
        sekda.passwordHash = passwordHash
        sekda.role = Role.supervisor.rawValue
        sekda.isActive = true
        sekda.createdAt = now
        sekda.updatedAt = now
        try await sekda.create(on: db)
        try await InstansiPlanPPK.designate(sekda.id, actor: actor, at: now, on: db)
        try await InstansiPlanService.transition(
            .init(to: "diusulkan"), plan: plan, who: who, actor: actor, at: now, on: db)
        let ppk = Principal(
            userID: sekda.id!, username: "sekda", role: .supervisor, instansiID: instansiID, opdID: nil, employeeID: nil
        )
        try await InstansiPlanService.transition(
            .init(to: "ditetapkan", decreeNumber: decreeNumber, decreeDate: decreeDate), plan: plan,
            who: InstansiPlanActor(role: .supervisor, isPPK: true), actor: ppk, at: now, on: db)
    }

    static func opdsOf(_ instansiID: UUID, on db: any Database) async throws -> [UUID] {
        try await InstansiPlanQueries.opdNames(instansiID, on: db).keys.sorted { $0.uuidString < $1.uuidString }
    }

    static func item(
        planID: UUID, instansiID: UUID, opd: UUID, _ p: Programme, participants: Int, quarter: Int, target: String,
        now: Date
    ) -> InstansiPlanItem {
        let i = InstansiPlanItem()
        i.id = UUID()
        i.instansiID = instansiID
        i.planID = planID
        i.opdID = opd
        i.programmeID = p.id
        i.providerID = p.providerID
        i.title = p.title
        i.form = p.form
        i.path = p.path ?? ""
        i.quarter = quarter
        i.participants = participants
        i.targetGroup = target
        i.jp = p.jp
        i.cost = participants * p.costPerParticipant
        i.createdAt = now
        return i
    }

    /// Every completed enrolment gets an actual cost: the programme's price, 5 % under or over
    /// for some programmes (negotiated rates, extra days), so absorption is not exactly the plan.
    static func writeActualCosts(instansiID: UUID, on db: any Database) async throws {
        let programmes = try await Programme.query(on: db).filter(\.$instansiID == instansiID).sort(\.$code).all()
        for (n, p) in programmes.enumerated() {
            let factor = [100, 95, 105][n % 3]
            try await db.sql.update(Enrolment.schema)
                .set("actual_cost", to: SQLBind(p.costPerParticipant * factor / 100))
                .where("program_id", .equal, SQLBind(try p.requireID()))
                .where("status", .equal, SQLBind(EnrolmentStatus.completed.rawValue)).run()
        }
    }
}
