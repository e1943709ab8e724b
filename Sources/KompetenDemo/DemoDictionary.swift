import KompetenCore

/// The competency dictionary as the demo generator uses it: the national competencies every
/// position is held to, the technical ones a unit's work calls for, and required levels per kind.
struct DemoDictionary: Sendable {
    /// Manajerial and sosial kultural, in file order (M.1…M.8, SK.1).
    let national: [CompetencySeed.Competency]
    let teknis: [CompetencySeed.Competency]

    init(_ seed: CompetencySeed) {
        national = seed.competencies.filter { $0.group != .teknis }
        teknis = seed.competencies.filter { $0.group == .teknis }
    }

    /// 1–2 technical competencies for a unit, best match first: a keyword in the unit's own name
    /// counts 3, in an ancestor's name 1, the same field ½. The second is kept only when it matches
    /// a name; with no match at all, the first competency of the unit's field (or of any field).
    func teknis(unitName: String, ancestors: [String], field: String) -> [CompetencySeed.Competency] {
        var scored: [(score: Double, index: Int)] = []
        for (i, c) in teknis.enumerated() {
            var score = c.matches(unitName: unitName) ? 3.0 : 0
            if ancestors.contains(where: c.matches(unitName:)) { score += 1 }
            if c.field == field { score += 0.5 }
            if score >= 1 { scored.append((score, i)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        if scored.isEmpty {
            return (teknis.first { $0.field == field } ?? teknis.first).map { [$0] } ?? []
        }
        return scored.prefix(2).map { teknis[$0.index] }
    }

    /// The competency standard of a position: every national competency, then `teknis`.
    /// `grade` is `DemoJob.grade` for staff positions (ignored for the others).
    func standard(kind: PositionKind, grade: Int, teknis: [CompetencySeed.Competency]) -> [DemoStandard] {
        var out = national.map {
            DemoStandard(competencyCode: $0.code, requiredLevel: Self.nationalLevel($0.code, kind: kind, grade: grade))
        }
        let main = Self.teknisLevel(kind: kind, grade: grade)
        for (i, c) in teknis.enumerated() {
            out.append(DemoStandard(competencyCode: c.code, requiredLevel: i == 0 ? main : max(2, main - 1)))
        }
        return out
    }

    /// PermenPANRB 38/2017 practice: JPT 4, administrator 3, pengawas 2–3, pelaksana 1–2,
    /// fungsional 2 (Terampil, Ahli Pertama) or 3 (Ahli Muda). Pengawas and pelaksana need the
    /// higher level in integrity, teamwork, results and public service.
    static func nationalLevel(_ code: String, kind: PositionKind, grade: Int) -> Int {
        let core = code == "M.1" || code == "M.2" || code == "M.4" || code == "M.5"
        switch kind {
        case .jpt: return 4
        case .administrator: return 3
        case .pengawas: return core ? 3 : 2
        case .pelaksana: return core ? 2 : 1
        case .fungsional: return grade >= 3 ? 3 : 2
        }
    }

    /// The main technical competency: JPT and administrator 4, pengawas 3, fungsional 3 (4 for
    /// Ahli Muda, 2 for Terampil), pelaksana 2.
    static func teknisLevel(kind: PositionKind, grade: Int) -> Int {
        switch kind {
        case .jpt, .administrator: 4
        case .pengawas: 3
        case .pelaksana: 2
        case .fungsional: grade >= 3 ? 4 : grade == 2 ? 3 : 2
        }
    }
}
