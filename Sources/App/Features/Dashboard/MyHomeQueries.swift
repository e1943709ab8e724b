import Fluent
import KompetenCore
import Vapor

/// What an employee's own home page shows: their competency profile against their position's
/// standard, the catalogue programmes that close their gaps, their JP and their plan.
enum MyHomeQueries {
    struct Offer {
        let id: UUID
        let title: String
        let jp: Int
        /// The next batch that has not started, if any.
        let nextBatch: (id: UUID, name: String, start: String)?
    }
    struct Gap {
        let code: String
        let name: String
        let required: Int
        let actual: Int?
        let programmes: [Offer]
    }
    struct Figures {
        let employeeID: UUID
        let name: String
        let positionName: String?
        let gap: GapResult?
        let gaps: [Gap]
        let jp: JPDTO
        let year: Int
        let plan: (id: UUID?, status: PlanStatus?)
    }

    /// At most three programmes per competency, those with an upcoming batch first.
    static func load(employeeID: UUID, today: SimpleDate, on db: any Database) async throws -> Figures? {
        guard let e = try await Employee.find(employeeID, on: db) else { return nil }
        let position = try await e.positionID.asyncMap { try await Position.find($0, on: db) } ?? nil
        let gap = try await GapEngine.employee(e, on: db)
        let competencies = try await CompetencyQueries.all(instansiID: e.instansiID, on: db)
        let byCode = Dictionary(uniqueKeysWithValues: competencies.map { ($0.code, $0) })
        let short = (gap?.items ?? []).filter { ($0.gap ?? 0) > 0 } // gap = required − actual
        let ids = short.compactMap { byCode[$0.competencyCode]?.id }
        let links = try await ProgrammeCompetency.query(on: db).filter(\.$competencyID ~~ ids).all()
        let programmes = try await Programme.query(on: db).filter(\.$id ~~ Set(links.map(\.programmeID)))
            .filter(\.$instansiID == e.instansiID).filter(\.$isActive == true).all()
            // Latsar, PKP, PKA and PKN belong to a career step, not to closing one competency.
            .filter { $0.mandatoryKind == nil }
        let batches = try await Batch.query(on: db).filter(\.$programmeID ~~ programmes.map { try $0.requireID() })
            .filter(\.$startDate >= today.iso).sort(\.$startDate).all()
        var next: [UUID: Batch] = [:]
        for b in batches where next[b.programmeID] == nil { next[b.programmeID] = b }
        let byID = Dictionary(uniqueKeysWithValues: try programmes.map { (try $0.requireID(), $0) })
        let gaps = short.map { item -> Gap in
            let competencyID = byCode[item.competencyCode]?.id
            let offered = links.filter { $0.competencyID == competencyID }.compactMap { byID[$0.programmeID] }
                .sorted { a, b in
                    let (na, nb) = (next[a.id!]?.startDate, next[b.id!]?.startDate)
                    if (na != nil) != (nb != nil) { return na != nil }
                    return (na ?? "", a.title) < (nb ?? "", b.title)
                }
                .prefix(3)
            return Gap(
                code: item.competencyCode, name: byCode[item.competencyCode]?.name ?? "", required: item.required,
                actual: item.actual,
                programmes: offered.map { p in
                    Offer(
                        id: p.id!, title: p.title, jp: p.jp,
                        nextBatch: next[p.id!].map { (id: $0.id!, name: $0.name, start: $0.startDate) })
                })
        }
        let plan = try await DevelopmentPlan.query(on: db).filter(\.$employeeID == employeeID)
            .filter(\.$year == today.year).sort(\.$createdAt, .descending).first()
        return Figures(
            employeeID: employeeID, name: e.name, positionName: position?.name, gap: gap, gaps: gaps,
            jp: try await JPQueries.status(e, year: today.year, on: db), year: today.year,
            plan: (plan?.id, plan?.planStatus))
    }
}
