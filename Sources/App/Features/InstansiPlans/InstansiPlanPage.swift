import Fluent
import Foundation
import KompetenCore
import Vapor

/// The reads the API and the pages share: the plan with its items and totals, its realisation.
enum InstansiPlanPage {
    static func dto(_ plan: InstansiPlan, who: InstansiPlanActor, on db: any Database) async throws -> InstansiPlanDTO {
        let planID = try plan.requireID()
        let items = try await InstansiPlanQueries.items(of: planID, on: db)
        let ceilings = try await InstansiPlanQueries.ceilings(of: planID, on: db)
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: db)
        let revisions = try await InstansiPlanQueries.revisions(of: planID, on: db)
        let lines = items.map(\.line)
        let byOPD = InstansiPlanTotals.byOPD(lines)
        let over = InstansiPlanTotals.overCeiling(lines, ceilings: ceilings)
        let name = { (id: UUID) in opds[id] ?? "—" }
        let ceilingOPDs = Set(ceilings.keys).union(byOPD.keys).sorted { name($0) < name($1) }
        let byForm = InstansiPlanTotals.byForm(lines)
        return InstansiPlanDTO(
            id: planID, year: plan.year, status: plan.status, revision: plan.revision, budget: plan.budget,
            decreeNumber: plan.decreeNumber, decreeDate: plan.decreeDate,
            items: items.map { $0.dto(opdName: name($0.opdID)) },
            ceilings: ceilingOPDs.map { opd in
                InstansiPlanDTO.Ceiling(
                    opdId: opd, opdName: name(opd), amount: ceilings[opd], planned: byOPD[opd]?.budget ?? 0,
                    overCeiling: over.contains(opd))
            },
            totals: PlanFiguresDTO(InstansiPlanTotals.total(lines)),
            byOpd: byOPD.keys.sorted { name($0) < name($1) }.map {
                InstansiPlanDTO.OPDTotal(opdId: $0, opdName: name($0), totals: PlanFiguresDTO(byOPD[$0]!))
            },
            byForm: DevelopmentForm.allCases.compactMap { f -> InstansiPlanDTO.FormTotal? in
                guard let t = byForm[f] else { return nil }
                return InstansiPlanDTO.FormTotal(form: f.rawValue, totals: PlanFiguresDTO(t))
            },
            revisions: revisions.map { .init(number: $0.number, reason: $0.reason, createdAt: $0.createdAt) },
            transitions: InstansiPlanWorkflow.available(from: plan.planStatus, by: who).map(\.rawValue))
    }

    /// The adopted version a revision replaces, as stored JSON (what the revision page reads back).
    static func snapshot(_ plan: InstansiPlan, on db: any Database) async throws -> String {
        // No actions in a snapshot: it is a record, not a page.
        let dto = try await dto(plan, who: InstansiPlanActor(role: .employee, isPPK: false), on: db)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(dto), as: UTF8.self)
    }

    static func decodeSnapshot(_ json: String) throws -> InstansiPlanDTO {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(InstansiPlanDTO.self, from: Data(json.utf8))
    }

    static func realisation(_ plan: InstansiPlan, on db: any Database) async throws -> RealisationDTO {
        let items = try await InstansiPlanQueries.items(of: plan.requireID(), on: db)
        let opds = try await InstansiPlanQueries.opdNames(plan.instansiID, on: db)
        let activities = try await InstansiPlanQueries.realised(instansiID: plan.instansiID, year: plan.year, on: db)
        let r = PlanRealisation(lines: items.map(\.line), activities: activities)
        let titles = try await InstansiPlanQueries.programmeTitles(Set(r.unplanned.map(\.programmeID)), on: db)
        let name = { (id: UUID) in opds[id] ?? "—" }
        return RealisationDTO(
            year: plan.year, planned: PlanFiguresDTO(r.planned), realised: PlanFiguresDTO(r.realised),
            absorptionPercent: r.absorptionPercent,
            byOpd: r.byOPD.keys.sorted { name($0) < name($1) }.map {
                .init(
                    opdId: $0, opdName: name($0), planned: PlanFiguresDTO(r.byOPD[$0]!.planned),
                    realised: PlanFiguresDTO(r.byOPD[$0]!.realised))
            },
            byQuarter: (1...4).map { q in
                .init(
                    quarter: q, planned: PlanFiguresDTO(r.byQuarter[q]?.planned ?? PlanFigures()),
                    realised: PlanFiguresDTO(r.byQuarter[q]?.realised ?? PlanFigures()))
            },
            notDone: r.notDone.map { items[$0].dto(opdName: name(items[$0].opdID)) },
            unplanned: r.unplanned.map {
                .init(
                    programId: $0.programmeID, programTitle: titles[$0.programmeID] ?? "—", opdId: $0.opdID,
                    opdName: name($0.opdID), quarter: $0.quarter, participants: $0.participants, jp: $0.jp,
                    budget: $0.cost)
            })
    }

    /// The monitoring panel of `year`: nil when the instansi has no plan that year or the user
    /// may not read it.
    static func panel(year: Int, actor: Principal, on db: any Database) async throws -> InstansiPlanPanel? {
        guard let instansiID = actor.instansiID,
            let plan = try await InstansiPlan.query(on: db).filter(\.$instansiID == instansiID)
                .filter(\.$year == year).first()
        else { return nil }
        let ppk = try await InstansiPlanQueries.ppkUserID(instansiID, on: db)
        guard AccessPolicy.instansiPlan(actor, instansiID: instansiID, ppkUserID: ppk).isAllowed else { return nil }
        return InstansiPlanPanel(
            try await realisation(plan, on: db), status: plan.planStatus, planID: try plan.requireID())
    }
}
