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
}

extension EmployeePerformanceModel {
    /// What the actor may see of this employee's step-3 part; decides both what
    /// `TalentQueries.employeePerformance` reads and what the model shows.
    struct Visibility {
        let ratings: Bool
        let talent: Bool
        let record: Bool

        init(_ e: Employee, actor: Principal, placement: Placement) throws {
            let id = try e.requireID()
            ratings =
                AccessPolicy.readPerformance(
                    actor, employee: placement, employeeID: id, supervisorID: e.supervisorID
                ).isAllowed
            talent =
                AccessPolicy.readTalent(actor, employee: placement, employeeID: id, supervisorID: e.supervisorID)
                .isAllowed
            record =
                AccessPolicy.recordPerformance(
                    actor, employee: placement, employeeID: id, supervisorID: e.supervisorID
                ).isAllowed
        }
    }

    /// `records` from `TalentQueries.employeePerformance`.
    init(_ e: Employee, _ records: TalentQueries.EmployeePerformance) throws {
        let visible = records.visibility
        var talent: Talent?
        if let latest = records.talent {
            let cutoffs = latest.cutoffs
            let person = latest.person
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
        let codes = records.codes
        self.init(
            canSeeRatings: visible.ratings,
            ratings: records.ratings.map {
                Rating(
                    year: $0.year, hasilKerja: SKPRating(rawValue: $0.hasilKerja)?.label ?? $0.hasilKerja,
                    perilakuKerja: SKPRating(rawValue: $0.perilakuKerja)?.label ?? $0.perilakuKerja,
                    predicate: $0.predicate)
            },
            recordHref: visible.record ? SiteURL.employeePerformance(try e.requireID()).path : nil,
            talent: talent,
            reassessed: records.closed.map { d in
                Reassessed(
                    code: codes[d.competencyID] ?? "?",
                    date: d.closedOn.flatMap(SimpleDate.init(iso:)).map(IndonesianFormat.date) ?? "",
                    change: "\(d.levelBefore.map(String.init) ?? "—") → \(d.levelAfter.map(String.init) ?? "—")")
            })
    }
}
