import KompetenCore

/// Demo data for public-service performance: the city's standar pelayanan (about 40 services),
/// two years of the monthly figures each unit reports, per-ticket transactions for two Dukcapil
/// services, and the SKM (Survei Kepuasan Masyarakat, PermenPANRB 14/2017) responses. Plain
/// values that the app maps to its rows.
///
/// The story, so the impact analysis has something to find: DUKCAPIL and DPMPTSP
/// (`DemoStory.improving`), trained in a wave that ends 30 June 2026, deliver faster from July 2026
/// (on-time share about +12 points, p90 about −25 %) and their respondents notice it, above all in
/// U3 (Waktu Penyelesaian) and U6 (Kompetensi Pelaksana): IKM from about 76 (C/low B) to about 83
/// (B). Other units stay flat with a mild citywide drift; SATPOLPP and DISHUB
/// (`DemoStory.persistentGaps`) stay the weakest, around 70 (C).

/// A service as its standar pelayanan states it.
public struct DemoService: Sendable, Equatable {
    /// Unique, e.g. "DUKCAPIL-KTP", "KEC-ALAK-SKAW", "PKM-OEBOBO-RJ".
    public let code: String
    public let name: String
    /// The delivering unit: a code of `DemoInstansi.units` (often a bidang, UPT or kelurahan).
    public let unitCode: String
    /// The standard completion time in minutes (a day counts 1,440; a working day its calendar equivalent, 2,016).
    public let standardMinutes: Int
    /// As written in the standar pelayanan: "60 menit", "1 hari", "28 hari kerja".
    public let standardText: String
    /// Rupiah; 0 for adminduk (UU 24/2013 makes it free) and most services.
    public let fee: Int
    /// 2–5 items.
    public let requirements: [String]
    public let legalBasis: String
    /// 1–4 staff positions (never a `.J1` head) of the delivering unit, its sub-units or, when
    /// those have none, its nearest ancestor with staff: whose competencies the service depends on.
    public let positionCodes: [String]
}

/// One month of one service (the figures a unit reports monthly).
public struct DemoServiceMonth: Sendable, Equatable {
    public let serviceCode: String
    /// The first day of the month.
    public let month: SimpleDate
    public let received: Int
    /// Completed during the month, whether received this month or carried over.
    public let completed: Int
    /// Completed within the standard; ≤ `completed`.
    public let onTime: Int
    public let meanMinutes: Double
    public let medianMinutes: Double
    /// ≥ `medianMinutes`.
    public let p90Minutes: Double
    /// Received but not completed at the end of the month (on today, for today's month).
    public let backlog: Int
}

/// One transaction (ticket): only KTP-el baru and Kartu Keluarga in the last two months, to show
/// the per-transaction import.
public struct DemoServiceTransaction: Sendable, Equatable {
    public let serviceCode: String
    /// "KTP-2610-00001": prefix, yymm of receipt, sequence within the month.
    public let ticket: String
    public let receivedAt: DemoMoment
    /// Nil: still open (part of the backlog).
    public let completedAt: DemoMoment?
    /// "loket", "daring" or "jemput_bola".
    public let channel: String
}

/// A local (WITA) point in time at minute resolution.
public struct DemoMoment: Sendable, Equatable {
    public let date: SimpleDate
    /// 0..<1440.
    public let minute: Int

    public init(date: SimpleDate, minute: Int) {
        self.date = date
        self.minute = minute
    }
}

/// One SKM response (answers 1…4 for U1…U9, PermenPANRB 14/2017).
public struct DemoSurveyResponse: Sendable, Equatable {
    public let serviceCode: String
    public let at: DemoMoment
    /// 9 values 1...4 in U1…U9 order (U3 Waktu Penyelesaian, U4 Biaya/Tarif, U6 Kompetensi Pelaksana).
    public let answers: [Int]
    /// "laki" / "perempuan"; nil when the respondent left the profile empty (as the other fields).
    public let sex: String?
    /// "under20", "20-29", "30-39", "40-49", "50-59", "60plus".
    public let ageBand: String?
    /// "sd", "smp", "sma", "diploma", "s1", "s2", "s3".
    public let education: String?
    /// "pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya".
    public let occupation: String?
    /// "daring" (the public page / QR code), "kertas" (entered by the operator), "kios" (counter kiosk).
    public let channel: String
}

public struct DemoPublicServices: Sendable, Equatable {
    public let services: [DemoService]
    /// By service (in `services` order), then month.
    public let months: [DemoServiceMonth]
    /// By service, then `receivedAt`.
    public let transactions: [DemoServiceTransaction]
    /// By service, then time.
    public let responses: [DemoSurveyResponse]
}

/// Generates `DemoPublicServices` for one demo instansi.
///
/// Deterministic: every service draws from streams of its own (seed, instansi code and service
/// code), so adding a service to the catalogue changes no other service's numbers. A service whose
/// unit the instansi lacks (a province's government has no Kecamatan Alak) is skipped.
public enum DemoServicesGenerator {
    /// `today`: the demo's today (the app uses 30 October 2026). Months run over the 24 months that
    /// end with today's month; nothing is dated after today.
    public static func generate(for instansi: DemoInstansi, today: SimpleDate, seed: UInt64 = 2026)
        -> DemoPublicServices
    {
        let calendar = DemoServiceCalendar(today: today)
        let salt = DemoDevelopmentGenerator.stableHash(instansi.code)
        let org = DemoServiceOrganisation(instansi)
        var services: [DemoService] = []
        var months: [DemoServiceMonth] = []
        var transactions: [DemoServiceTransaction] = []
        var responses: [DemoSurveyResponse] = []
        for spec in DemoServiceSpec.catalogue {
            guard let service = org.service(spec) else { continue }
            let key = salt ^ DemoDevelopmentGenerator.stableHash(spec.code)
            var plan = DemoRandom(seed: DemoRandom.derive(seed ^ 0x5E4F_1CE5_0000_0001, key))
            var tickets = DemoRandom(seed: DemoRandom.derive(seed ^ 0x5E4F_1CE5_0000_0002, key))
            var survey = DemoRandom(seed: DemoRandom.derive(seed ^ 0x5E4F_1CE5_0000_0003, key))
            let model = DemoServiceModel(
                spec: spec, group: org.group(of: spec.unitCode), calendar: calendar, rng: &plan)
            let figures = model.figures(ticketRng: &tickets)
            services.append(service)
            months += figures.months
            transactions += figures.transactions
            responses += model.responses(months: figures.months, rng: &survey)
        }
        return DemoPublicServices(services: services, months: months, transactions: transactions, responses: responses)
    }
}

/// What the generator needs to know of the instansi: which units exist, their OPD's story group,
/// and which staff positions can deliver a service.
struct DemoServiceOrganisation {
    private let parent: [String: String?]
    private let children: [String: [String]]
    /// Staff positions (`.J2`…) per unit code, in `positions` order.
    private let staff: [String: [DemoPosition]]

    init(_ instansi: DemoInstansi) {
        var parent: [String: String?] = [:]
        var children: [String: [String]] = [:]
        for u in instansi.units {
            parent[u.code] = u.parentCode
            if let p = u.parentCode { children[p, default: []].append(u.code) }
        }
        var staff: [String: [DemoPosition]] = [:]
        for p in instansi.positions where !p.code.hasSuffix(".J1") { staff[p.unitCode, default: []].append(p) }
        self.parent = parent
        self.children = children
        self.staff = staff
    }

    /// The top-level unit (OPD, kecamatan) above `unit`, or `unit` itself.
    func opd(of unit: String) -> String {
        var code = unit
        for _ in 0..<16 {
            guard let up = parent[code] ?? nil else { break }
            code = up
        }
        return code
    }

    func group(of unit: String) -> DemoServiceGroup {
        let top = opd(of: unit)
        return DemoStory.improving.contains(top)
            ? .improving : DemoStory.persistentGaps[top] != nil ? .lagging : .normal
    }

    /// The service with its positions, or nil when the unit is missing or nobody could deliver it.
    func service(_ spec: DemoServiceSpec) -> DemoService? {
        guard parent[spec.unitCode] != nil else { return nil }
        let codes = positions(for: spec)
        guard !codes.isEmpty else { return nil }
        return DemoService(
            code: spec.code, name: spec.name, unitCode: spec.unitCode, standardMinutes: spec.minutes,
            standardText: spec.text, fee: spec.fee, requirements: spec.requirements,
            legalBasis: spec.legalBasis, positionCodes: codes)
    }

    /// Staff of the unit itself; else of its sub-units; else of the nearest ancestor that has any.
    /// Within that tier the positions whose names mention one of `spec.roles` come first (up to 3),
    /// else the first two: the front-line jobs, not the Analis Kebijakan who happens to sit there.
    private func positions(for spec: DemoServiceSpec) -> [String] {
        var tiers: [[DemoPosition]] = [staff[spec.unitCode] ?? []]
        var below: [DemoPosition] = []
        var queue = children[spec.unitCode] ?? []
        var next = 0
        while next < queue.count {
            below += staff[queue[next]] ?? []
            queue += children[queue[next]] ?? []
            next += 1
        }
        tiers.append(below)
        var up = parent[spec.unitCode] ?? nil
        while let code = up {
            tiers.append(staff[code] ?? [])
            up = parent[code] ?? nil
        }
        guard let tier = tiers.first(where: { !$0.isEmpty }) else { return [] }
        let matching = tier.filter { p in spec.roles.contains { p.name.contains($0) } }
        return (matching.isEmpty ? Array(tier.prefix(2)) : Array(matching.prefix(3))).map(\.code)
    }
}

/// The story a service's OPD belongs to (see `DemoStory`).
enum DemoServiceGroup { case normal, improving, lagging }
