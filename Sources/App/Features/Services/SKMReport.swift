import Foundation
import KompetenCore
import Vapor

/// The SKM report of a unit for a period, in the sections of the PermenPANRB 14/2017 appendix,
/// as plain figures: built once (`SKMReportQueries.load`) and then rendered as the page, returned
/// as the API's JSON (`GET /api/v1/units/{id}/skm-report`) and stored as the published snapshot.
/// It holds the number of suggestions, never their text: what is here may be published.
struct SKMReport: Content, Equatable {
    struct UnitRef: Content, Equatable {
        let id: UUID
        let name: String
    }
    struct Period: Content, Equatable {
        let from: String
        let to: String
        /// `bulan`, `triwulan`, `semester` or `tahun` when the dates are that calendar period.
        let kind: String?
    }
    /// Counted responses per channel, flagged (still counted) and rejected ones.
    struct Channels: Content, Equatable {
        let online: Int
        let kiosk: Int
        let paper: Int
        let flagged: Int
        let rejected: Int
    }
    /// The first and last day a counted response was given in the period.
    struct Collection: Content, Equatable {
        let first: String?
        let last: String?
    }
    struct Service: Content, Equatable {
        let id: UUID
        let name: String
        let respondents: Int
        let ikm: Double?
        let grade: String?
        let population: Int?
        let minimumSample: Int?
        let sampleReached: Bool?
    }
    struct Element: Content, Equatable {
        let code: String
        let name: String
        let answered: Int
        /// Three decimals, as printed; nil when nobody answered.
        let nrr: Double?
        let weighted: Double?
    }
    struct PreviousElement: Content, Equatable {
        let code: String
        let nrr: Double?
        /// This period's NRR − the previous one.
        let change: Double?
    }
    /// The period before (`SKMReportPeriod.previous`) and the change since.
    struct Previous: Content, Equatable {
        let from: String
        let to: String
        let respondents: Int
        let ikm: Double?
        let grade: String?
        /// This period's IKM − the previous one.
        let difference: Double?
        let elements: [PreviousElement]
    }
    struct Action: Content, Equatable {
        let id: UUID?
        let element: String
        let action: String
        let due: String
        let responsible: String
        let status: String
    }
    struct Count: Content, Equatable {
        let label: String
        let n: Int
    }
    struct ProfileBlock: Content, Equatable {
        let title: String
        let counts: [Count]
    }

    let unit: UnitRef?
    let period: Period
    /// Transactions in the period (the service records); nil when none were recorded.
    let population: Int?
    let minimumSample: Int?
    let sampleReached: Bool?
    let respondents: Int
    let channels: Channels
    let collection: Collection
    let profile: [ProfileBlock]
    let services: [Service]
    let elements: [Element]
    /// Nil without responses or when an element went unanswered.
    let ikm: Double?
    let grade: String?
    /// The kinerja label ("Baik"), "Tidak lengkap", nil without responses.
    let label: String?
    let weight: String
    let previous: Previous?
    let lowest: [String]
    let suggestionCount: Int
    let followUp: [Action]
    let previousFollowUp: [Action]
    /// The unit's free-text plan from before the table existed, shown as "Catatan".
    let note: String?
    var published: Bool
    var publishedAt: String?

    /// The report as the public snapshot keeps it: marked published at `now`.
    func asPublished(at now: Date) -> SKMReport {
        var copy = self
        copy.published = true
        copy.publishedAt = ISO8601DateFormatter().string(from: now)
        return copy
    }
}

extension SKMReport {
    /// Everything the report is made of, as read from the database.
    struct Inputs {
        var unit: UnitRef?
        var period: SKMPeriod
        var weight: SKMWeight
        var tally: SurveyQueries.Tally
        var population: Int
        var services: [(id: UUID, name: String, tally: SurveyQueries.Tally, population: Int)]
        var channels: SurveyQueries.Channels
        var collection: (first: SimpleDate?, last: SimpleDate?)
        var profile: [String: [String: Int]]
        var suggestionCount: Int
        var previous: (from: SimpleDate, to: SimpleDate, tally: SurveyQueries.Tally)?
        var followUp: [SKMFollowUpAction]
        var previousFollowUp: [SKMFollowUpAction]
        var note: String?
        var publishedAt: Date?
    }

    init(_ i: Inputs) {
        let result = i.tally.ikm(weight: i.weight, population: i.population > 0 ? i.population : nil)
        unit = i.unit
        period = Period(
            from: i.period.from.iso, to: i.period.to.iso,
            kind: SKMReportPeriod.calendarKind(from: i.period.from, to: i.period.to, preferred: i.period.kind)?.rawValue
        )
        population = i.population > 0 ? i.population : nil
        minimumSample = KrejcieMorgan.minimumSample(population: i.population)
        sampleReached = KrejcieMorgan.reached(respondents: i.tally.respondents, population: i.population)
        respondents = i.tally.respondents
        let c = i.channels
        channels = Channels(online: c.online, kiosk: c.kiosk, paper: c.paper, flagged: c.flagged, rejected: c.rejected)
        collection = Collection(first: i.collection.first?.iso, last: i.collection.last?.iso)
        profile = Self.profile(i.profile)
        services = i.services.map { s in
            let r = s.tally.ikm(weight: i.weight, population: s.population > 0 ? s.population : nil)
            return Service(
                id: s.id, name: s.name, respondents: s.tally.respondents, ikm: r?.value, grade: r?.grade?.rawValue,
                population: s.population > 0 ? s.population : nil,
                minimumSample: KrejcieMorgan.minimumSample(population: s.population),
                sampleReached: KrejcieMorgan.reached(respondents: s.tally.respondents, population: s.population))
        }
        elements = SKMElement.standard.enumerated().map { n, e in
            let nrr = result?.elements[n].nrr.map(SKMTrend.nrrPrinted)
            return Element(
                code: e.code, name: e.name, answered: i.tally.answered[n], nrr: nrr,
                weighted: result?.elements[n].weightedNRR.map(SKMTrend.nrrPrinted))
        }
        ikm = result?.value
        grade = result?.grade?.rawValue
        label = result?.label
        weight = i.weight.setting
        if let p = i.previous {
            let before = p.tally.ikm(weight: i.weight, population: nil)
            let trend = SKMTrend.compare(current: result, previous: before)
            previous = Previous(
                from: p.from.iso, to: p.to.iso, respondents: p.tally.respondents, ikm: trend.previousIKM,
                grade: trend.previousGrade?.rawValue, difference: trend.difference,
                elements: trend.elements.map { PreviousElement(code: $0.code, nrr: $0.previous, change: $0.change) })
        } else {
            previous = nil
        }
        lowest = result?.lowestElements ?? []
        suggestionCount = i.suggestionCount
        followUp = i.followUp.map(Self.action)
        previousFollowUp = i.previousFollowUp.map(Self.action)
        note = i.note.flatMap { $0.isEmpty ? nil : $0 }
        published = i.publishedAt != nil
        publishedAt = i.publishedAt.map { ISO8601DateFormatter().string(from: $0) }
    }

    static func action(_ a: SKMFollowUpAction) -> Action {
        Action(
            id: a.id, element: a.element, action: a.action, due: a.due, responsible: a.responsible, status: a.status)
    }

    /// Respondents per profile value, in the order of the survey form; "Tidak diisi" last.
    static func profile(_ counts: [String: [String: Int]]) -> [ProfileBlock] {
        func block(_ title: String, _ column: String, _ labels: [(String, String)]) -> ProfileBlock {
            let given = counts[column] ?? [:]
            return ProfileBlock(
                title: title,
                counts: (labels + [("", "Tidak diisi")]).map { key, label in Count(label: label, n: given[key] ?? 0) })
        }
        return [
            block("Jenis kelamin", "sex", SurveyRespondent.Sex.allCases.map { ($0.rawValue, $0.label) }),
            block("Usia", "age_band", SurveyRespondent.AgeBand.allCases.map { ($0.rawValue, $0.label) }),
            block("Pendidikan", "education", SurveyRespondent.Education.allCases.map { ($0.rawValue, $0.label) }),
            block("Pekerjaan", "occupation", SurveyRespondent.Occupation.allCases.map { ($0.rawValue, $0.label) }),
        ]
    }
}

/// The period of an SKM report: its dates and, from a preset link, which calendar period they are
/// (`kind`): 1–30 October is a running October or a running Triwulan IV, and the two are compared
/// with, and keep their plans under, different periods (`SKMReportPeriod`).
struct SKMPeriod: Sendable, Equatable {
    let dates: ServicePeriod
    let kind: ReportPeriod?

    var from: SimpleDate { dates.from }
    var to: SimpleDate { dates.to }
    var label: String { dates.label }
    var key: ServicePeriod {
        let k = SKMReportPeriod.key(from: from, to: to, kind: kind)
        return ServicePeriod(from: k.from, to: k.to)
    }
    var previous: ServicePeriod {
        let p = SKMReportPeriod.previous(from: from, to: to, kind: kind)
        return ServicePeriod(from: p.from, to: p.to)
    }

    /// `?from=&to=&kind=` (`kind`: bulan, triwulan, semester or tahun; 422 naming it otherwise).
    static func parse(_ req: Request) throws -> SKMPeriod {
        let dates = try ServicePeriod.parse(req)
        return SKMPeriod(dates: dates, kind: try kind(try? req.query.get(String.self, at: "kind")))
    }

    static func parse(from: String, to: String, kind text: String?, today: SimpleDate) throws -> SKMPeriod {
        SKMPeriod(dates: try ServicePeriod.parse(from: from, to: to, today: today), kind: try kind(text))
    }

    static func kind(_ text: String?) throws -> ReportPeriod? {
        guard let text, !text.isEmpty else { return nil }
        guard let kind = ReportPeriod(rawValue: text) else {
            throw ValidationFailure(errors: [
                .init(field: "kind", message: "Jenis periode: bulan, triwulan, semester atau tahun.")
            ])
        }
        return kind
    }
}
