import Fluent
import KompetenCore
import Vapor

/// The step-3 part of an employee's profile: SKP ratings by year, the talent box (for those
/// who may see it) and re-assessments done after training with the change in level.
struct EmployeePerformanceModel: Encodable {
    struct Rating: Encodable {
        let year: Int
        let hasilKerja: String
        let perilakuKerja: String
        let predicate: String
    }
    struct Talent: Encodable {
        let year: Int
        let box: String
        let name: String
        let recommendation: String
        let potential: String
        let pool: Bool
    }
    struct Reassessed: Encodable {
        let code: String
        let date: String
        let change: String
    }
    let canSeeRatings: Bool
    let ratings: [Rating]
    let recordHref: String?
    let talent: Talent?
    let reassessed: [Reassessed]

    /// Nil when the user may see neither the ratings nor the re-assessments (e.g. an assessor
    /// sees re-assessments only: they are assessment results).
    static func load(_ e: Employee, actor: Principal, on db: any Database) async throws -> EmployeePerformanceModel {
        let placement = try await EnrolmentService.placement(of: e, on: db)
        let canSeeRatings = try AccessPolicy.readPerformance(
            actor, employee: placement, employeeID: e.requireID(), supervisorID: e.supervisorID
        ).isAllowed
        let ratings =
            canSeeRatings
            ? try await PerformanceRating.query(on: db).filter(\.$employeeID == e.requireID()).sort(
                \.$year, .descending
            ).all() : []
        var talent: Talent?
        if AccessPolicy.readTalent(
            actor, employee: placement, employeeID: try e.requireID(), supervisorID: e.supervisorID
        ).isAllowed, let latest = ratings.first {
            let cutoffs = try await SettingsQueries.evaluation(e.instansiID, on: db).cutoffs
            let person = try await TalentQueries.people(
                instansiID: e.instansiID, unitIDs: nil, year: latest.year, cutoffs: cutoffs,
                filter: .employee(e.requireID()), on: db
            ).first
            talent = Talent(
                year: latest.year, box: person?.box.map(String.init) ?? "—",
                name: person?.box.flatMap { TalentBox.names[$0] }
                    ?? "Belum dapat dipetakan: belum ada hasil penilaian kompetensi manajerial/sosial kultural.",
                recommendation: person?.box.flatMap { TalentBox.recommendations[$0] } ?? "",
                potential: person?.potentialScore.map {
                    IndonesianFormat.decimal($0, digits: 2) + " (" + cutoffs.level($0).rawValue + ")"
                } ?? "—",
                pool: person?.box.map(TalentBox.successionPool.contains) ?? false)
        }
        let closed = try await ReassessmentDue.query(on: db).filter(\.$employeeID == e.requireID()).filter(
            \.$closedOn != nil
        ).sort(\.$closedOn, .descending).limit(20).all()
        let codes = try await PositionService.codesByID(Set(closed.map(\.competencyID)), on: db)
        return EmployeePerformanceModel(
            canSeeRatings: canSeeRatings,
            ratings: ratings.map {
                Rating(
                    year: $0.year, hasilKerja: SKPRating(rawValue: $0.hasilKerja)?.label ?? $0.hasilKerja,
                    perilakuKerja: SKPRating(rawValue: $0.perilakuKerja)?.label ?? $0.perilakuKerja,
                    predicate: $0.predicate)
            },
            recordHref: AccessPolicy.recordPerformance(
                actor, employee: placement, employeeID: try e.requireID(), supervisorID: e.supervisorID
            ).isAllowed
                ? SiteURL.employeePerformance(try e.requireID()).path : nil,
            talent: talent,
            reassessed: closed.map { d in
                Reassessed(
                    code: codes[d.competencyID] ?? "?",
                    date: d.closedOn.flatMap(SimpleDate.init(iso:)).map(IndonesianFormat.date) ?? "",
                    change: "\(d.levelBefore.map(String.init) ?? "—") → \(d.levelAfter.map(String.init) ?? "—")")
            })
    }
}
