import Foundation
import KompetenCore
import Vapor

/// The `from`/`to` dates of a service report: both optional (this year up to today), checked
/// (422 naming the field), `from` not after `to`.
struct ServicePeriod: Sendable, Equatable {
    let from: SimpleDate
    let to: SimpleDate

    struct Query: Content {
        var from: String?
        var to: String?
    }

    /// In the API an empty `from=` is a mistake (422); a web form's emptied field means "the default".
    static func parse(_ req: Request) throws -> ServicePeriod {
        let q = try req.query.decode(Query.self)
        let api = req.url.path.hasPrefix("/api/")
        func given(_ text: String?) -> String? { api ? text : text.flatMap { $0.isEmpty ? nil : $0 } }
        return try parse(from: given(q.from), to: given(q.to), today: WITA.today(req.now))
    }

    static func parse(from: String?, to: String?, today: SimpleDate) throws -> ServicePeriod {
        var v = FieldValidator()
        func date(_ text: String?, _ field: String, _ fallback: SimpleDate) -> SimpleDate {
            guard let text else { return fallback }
            guard let d = SimpleDate(iso: text), (2000...2100).contains(d.year) else {
                v.add(
                    field: field,
                    "Tanggal \(field == "from" ? "awal" : "akhir") harus berformat YYYY-MM-DD (tahun 2000–2100).")
                return fallback
            }
            return d
        }
        let f = date(from, "from", SimpleDate(year: today.year, month: 1, day: 1)!)
        let t = date(to, "to", today)
        if v.isValid { v.require(f <= t, field: "from", "Tanggal awal tidak boleh sesudah tanggal akhir.") }
        try v.check()
        return ServicePeriod(from: f, to: t)
    }

    var label: String { "\(IndonesianFormat.date(from)) – \(IndonesianFormat.date(to))" }
}

/// The IKM of a service or unit as the API gives it.
struct IKMDTO: Content {
    struct Element: Content {
        let code: String
        let name: String
        let nrr: Double?
        let answered: Int
    }
    let from: String
    let to: String
    let respondents: Int
    let elements: [Element]
    /// Nil without responses, and when an element went unanswered ("tidak lengkap", `complete` false).
    let ikm: Double?
    let grade: String?
    /// Every element answered by at least one respondent; only then is the IKM given and graded.
    let complete: Bool
    let label: String?
    let weight: String
    /// Service users in the period (from the service records), the Krejcie–Morgan minimum for it.
    let population: Int?
    let minimumSample: Int?
    let belowMinimumSample: Bool
    let lowestElements: [String]

    init(period: ServicePeriod, tally: SurveyQueries.Tally, weight: SKMWeight, population: Int?) {
        let result = tally.ikm(weight: weight, population: population)
        from = period.from.iso
        to = period.to.iso
        respondents = tally.respondents
        elements = SKMElement.standard.enumerated().map { i, e in
            Element(
                code: e.code, name: e.name,
                nrr: tally.answered[i] > 0
                    ? (Double(tally.sums[i]) / Double(tally.answered[i]) * 1000).rounded() / 1000 : nil,
                answered: tally.answered[i])
        }
        ikm = result?.value
        grade = result?.grade?.rawValue
        label = result?.label
        complete = result?.complete ?? false
        self.weight = weight.setting
        self.population = population
        minimumSample = population.flatMap { KrejcieMorgan.minimumSample(population: $0) }
        belowMinimumSample = minimumSample.map { tally.respondents < $0 } ?? false
        lowestElements = result?.lowestElements ?? []
    }
}
