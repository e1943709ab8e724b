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
    public let isActive: Bool
}

public struct DemoInstansi: Sendable, Equatable {
    public let code: String
    public let name: String
    /// Parents come before their children, so rows can be inserted in this order.
    public let units: [DemoUnit]
    public let employees: [DemoEmployee]
}
