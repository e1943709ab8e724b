import KompetenCore

/// The output of `DemoGenerator`: plain values that the app maps to its database rows.

/// How much demo data to make: the city alone, or every government of NTT.
public enum DemoScale: String, Sendable, CaseIterable { case city, province }

public struct DemoUnit: Sendable, Equatable {
    public let code: String
    public let name: String
    public let kind: UnitKind
    public let parentCode: String?
}

public struct DemoEmployee: Sendable, Equatable {
    public let nip: String
    public let nik: String
    /// Written as civil servants write it, titles included (`dr. …`, `…, S.Sos, M.Si`).
    public let name: String
    public let sex: NIP.Sex
    public let birthDate: SimpleDate
    public let employmentType: NIP.Kind
    /// Golongan: `II/a`…`IV/c` for a PNS, a roman numeral (`V`, `VII`, `IX`, `X`) for a PPPK.
    public let rank: String
    public let unitCode: String
    /// The position (jabatan) held: a code in `DemoInstansi.positions` of the same unit. The first
    /// employee of each unit (in `DemoInstansi.employees` order) holds its head position.
    public let positionCode: String
    public let isActive: Bool

    /// The same person in another unit and position.
    func moved(to unitCode: String, holding positionCode: String) -> DemoEmployee {
        DemoEmployee(
            nip: nip, nik: nik, name: name, sex: sex, birthDate: birthDate, employmentType: employmentType,
            rank: rank, unitCode: unitCode, positionCode: positionCode, isActive: isActive)
    }
}

/// A position (jabatan) with its job analysis and competency standard.
public struct DemoPosition: Sendable, Equatable {
    /// Unique within the instansi: the unit code followed by `.J1` (the head) or `.J2`… (staff).
    public let code: String
    public let name: String
    public let kind: PositionKind
    public let unitCode: String
    /// Ikhtisar jabatan: what the position is for, in one sentence.
    public let summary: String
    /// Tugas pokok: 3–5 main duties.
    public let duties: [String]
    /// The required level per competency: the 9 national competencies and 1–2 technical ones.
    public let standard: [DemoStandard]
}

/// A competency with a level: the required level in a position standard, or (in
/// `DemoAssessment.results`) the level measured, which `level` names more plainly.
public struct DemoStandard: Sendable, Equatable {
    public let competencyCode: String
    /// 1…5.
    public let requiredLevel: Int

    /// The same number, for assessment results.
    public var level: Int { requiredLevel }

    public init(competencyCode: String, requiredLevel: Int) {
        self.competencyCode = competencyCode
        self.requiredLevel = requiredLevel
    }
}

/// One assessment event of one employee: several competencies measured on one date by one method.
public struct DemoAssessment: Sendable, Equatable {
    public let nip: String
    public let date: SimpleDate
    public let method: AssessmentMethod
    public let assessorName: String
    /// Evidence: how the assessment was done.
    public let notes: String
    /// The levels measured (1…5) per competency of the employee's position standard.
    public let results: [DemoStandard]
}

public struct DemoInstansi: Sendable, Equatable {
    public let code: String
    public let name: String
    /// Parents come before their children, so rows can be inserted in this order.
    public let units: [DemoUnit]
    public let employees: [DemoEmployee]
    /// Every unit's head position first, then its staff positions, units in `units` order.
    public let positions: [DemoPosition]
    /// Per employee (in `employees` order) by date. Self-ratings are among them and must not count.
    public let assessments: [DemoAssessment]
}
