import KompetenCore

/// Demo data for competency development (pengembangan kompetensi): the training providers, the
/// programme catalogue, the batches of the year, who enrolled where, and learning outside the
/// catalogue (webinars, e-learning on other platforms). Plain values that the app maps to its rows.
///
/// Forms and paths follow `reference/jalur-pengembangan.json` (PP 11/2017, PerLAN 10/2018):
/// `pendidikan`, `klasikal` (KL01–KL12) and `nonklasikal` (NKL01–NKL13).

/// A training provider (lembaga penyelenggara pelatihan).
public struct DemoProvider: Sendable, Equatable {
    public let code: String
    public let name: String
    /// `bpsdmd`, `lan`, `universitas`, `swasta` or `kementerian`.
    public let kind: String
    /// Accreditation of the provider (LAN): `A`, `B`, `C` or `belum`.
    public let accreditation: String
    public let contactName: String
    public let phone: String
    public let email: String
    public let address: String
}

/// A competency a programme develops, and by how many levels at most.
public struct DemoRaise: Sendable, Equatable {
    public let competencyCode: String
    /// 1…2 (2 for formal education).
    public let levelGain: Int
}

/// A programme of the development catalogue.
public struct DemoProgramme: Sendable, Equatable {
    /// Unique, e.g. `PKP-2026`, `BTK-ADMDUK-2026`.
    public let code: String
    public let title: String
    /// `pendidikan`, `klasikal` or `nonklasikal`.
    public let form: String
    /// `KL01`…`KL12` or `NKL01`…`NKL13`; nil for `pendidikan`.
    public let path: String?
    public let providerCode: String
    public let raises: [DemoRaise]
    /// Lesson hours (1 JP = 45 minutes).
    public let jp: Int
    /// Rupiah per participant.
    public let costPerParticipant: Int
    /// Seats per batch.
    public let capacity: Int
    public let description: String
}

/// One run (angkatan) of a programme.
public struct DemoBatch: Sendable, Equatable {
    public let programmeCode: String
    /// Unique within the programme: `Angkatan I 2026`, `Angkatan II 2026`, `Angkatan I 2027`.
    public let name: String
    /// Working days; `endDate >= startDate`. A formal-education batch (tugas belajar) starts in
    /// August and ends two academic years later.
    public let startDate: SimpleDate
    public let endDate: SimpleDate
    public let capacity: Int
    /// A venue in or around Kupang, or `Daring (…)` when online.
    public let place: String
    public let isOnline: Bool
}

/// One employee in one batch.
public struct DemoEnrolment: Sendable, Equatable {
    public let nip: String
    public let programmeCode: String
    public let batchName: String
    public let status: EnrolmentStatus
    /// 80…100 when completed, else nil.
    public let attendancePercent: Int?
    /// E.g. `BPSDMD-NTT/2026/KL03/00123`, when completed.
    public let certificateNumber: String?
    /// The batch's end date, when completed.
    public let completedOn: SimpleDate?
}

/// Learning outside the catalogue that an employee reports (webinar, e-learning elsewhere); it
/// counts toward the JP of the year of its end date once verified.
public struct DemoLearning: Sendable, Equatable {
    public let nip: String
    public let title: String
    /// An `NKL` path code.
    public let path: String
    public let organiser: String
    public let startDate: SimpleDate
    public let endDate: SimpleDate
    public let jp: Int
    public let verified: Bool
}

public struct DemoDevelopment: Sendable, Equatable {
    public let providers: [DemoProvider]
    public let programmes: [DemoProgramme]
    /// By programme (in `programmes` order), then by start date.
    public let batches: [DemoBatch]
    /// By batch (in `batches` order).
    public let enrolments: [DemoEnrolment]
    /// By employee (in `DemoInstansi.employees` order), then by date.
    public let learning: [DemoLearning]
}

/// Generates `DemoDevelopment` for one demo instansi.
///
/// The story: training follows the gaps (employees are placed in programmes that raise a
/// competency where their latest counted assessment is below their position's standard);
/// DUKCAPIL and DPMPTSP get a training wave in the first half of the year (public service, M.5,
/// and their technical competencies); SATPOLPP and DISHUB get little training and none aimed at
/// their M.5 gap; about three quarters of the PNS reach the 20 JP minimum by the demo's "today"
/// (30 October 2026), the rest stay below (some at 0); no PPPK completes more than 24 JP.
/// Batches ending after "today" are planned: their participants are `enrolled` (or `waitlisted`).
///
/// Deterministic (same inputs, same output) and linear in the number of employees.
public enum DemoDevelopmentGenerator {
    /// `technicalCodes`: the technical competency codes of the dictionary (each gets at least one
    /// teknis programme). `year`: the year of the batches (and the certificates).
    public static func generate(
        for instansi: DemoInstansi, technicalCodes: [String], year: Int = 2026,
        seed: UInt64 = 2026
    ) -> DemoDevelopment {
        var rng = DemoRandom(seed: DemoRandom.derive(seed, stableHash(instansi.code)))
        let catalogue = DemoCatalogue(technicalCodes: technicalCodes, year: year)
        var planner = DemoEnrolmentPlanner(instansi: instansi, catalogue: catalogue, year: year)
        planner.makeBatches(rng: &rng)
        planner.makeLearning(rng: &rng)
        planner.allocate(rng: &rng)
        return planner.output()
    }

    /// FNV-1a over the UTF-8 bytes: a salt per instansi that does not depend on `Hasher`'s seed.
    static func stableHash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
