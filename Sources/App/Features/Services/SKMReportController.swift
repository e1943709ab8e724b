import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import SQLKit
import Vapor

/// The SKM report of a unit for a period (`/skm`), in the layout of PermenPANRB 14/2017:
/// respondents and their profile, NRR per element, IKM, grade, the lowest elements and the
/// unit's follow-up plan. Printable ("Cetak").
enum SKMReportController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.skmReport.pathComponents, use: page)
        web.post(SiteURL.skmFollowUp.pathComponents, use: saveFollowUp)
    }

    struct Query: Content {
        var unit: String?
        var from: String?
        var to: String?
    }

    static func page(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit, policy: AccessPolicy.serviceScope)
        let period = try ServicePeriod.parse(req)
        let weight = try await SettingsQueries.skmWeight(scope.instansiID, on: req.db)
        let target = SurveyQueries.Target.units(instansiID: scope.instansiID, unitIDs: scope.unitIDs)
        let tally = try await SurveyQueries.tally(target, from: period.from, to: period.to, on: req.db)
        let services = try await ServiceCatalogue.list(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let months = try await ServiceRecordQueries.months(
            serviceIDs: services.map { try $0.requireID() }, from: period.from, to: period.to, on: req.db)
        let population = ServiceRecordQueries.figures(months).count
        let result = tally.ikm(weight: weight, population: population > 0 ? population : nil)
        let perService = try await SurveyQueries.byService(target, from: period.from, to: period.to, on: req.db)
        let channels = try await SurveyQueries.channels(target, from: period.from, to: period.to, on: req.db).values
            .reduce(SurveyQueries.Channels(), +)
        let monthsBy = Dictionary(grouping: months, by: \.serviceID)
        let profile = try await SurveyQueries.profileCounts(scope: scope, from: period.from, to: period.to, on: req.db)
        let unitID = scope.base?.id
        var followUp: SKMFollowUp?
        if let id = unitID {
            followUp = try await SurveyQueries.followUp(unitID: id, period: period, on: req.db)
        }
        let canWrite: Bool
        if let base = scope.base {
            canWrite =
                AccessPolicy.manageService(try req.actor, Placement(instansiID: base.instansiID, opdID: base.opdID))
                .isAllowed
        } else {
            canWrite = false
        }
        var model = SKMReportModel(
            scopeName: scope.base?.name ?? "Seluruh instansi", period: period, tally: tally, result: result,
            weight: weight,
            population: population,
            services: try services.map { s in
                let t = try perService[s.requireID()] ?? SurveyQueries.Tally()
                let pop = try ServiceRecordQueries.figures(monthsBy[s.requireID()] ?? []).count
                return (s, t, t.ikm(weight: weight, population: pop > 0 ? pop : nil))
            }, profile: profile, followUp: followUp?.plan, canWrite: canWrite, unitID: unitID,
            unitOptions: ServiceFormat.unitOptions(scope, selected: q.unit ?? ""), csrf: req.csrfToken,
            export: Export.links(req),
            presets: presets(today: WITA.today(req.now), unit: q.unit ?? ""), channels: channels)
        model.saran = try await SurveyQueries.suggestions(target, from: period.from, to: period.to, on: req.db).map {
            .init(date: IndonesianFormat.date($0.date), service: $0.service, text: $0.text)
        }
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "laporan-skm", format: format)
        }
        return try await req.renderPage(
            "services/skm", title: "Laporan Survei Kepuasan Masyarakat",
            crumbs: [Crumb("Layanan publik", .services), Crumb("Laporan SKM")], model)
    }

    /// The usual SKM reporting periods (PermenPANRB 14/2017 asks for at least one survey a
    /// year; units report by quarter or semester): this and the previous month, quarter,
    /// semester and year, as links.
    static func presets(today: SimpleDate, unit: String) -> [SKMReportModel.Preset] {
        [ReportPeriod.month, .quarter, .semester, .year].flatMap { kind -> [SKMReportModel.Preset] in
            let current = kind.range(containing: today)
            let previous = kind.range(containing: current.from.adding(days: -1))
            return [previous, current].map { r in
                SKMReportModel.Preset(
                    label: kind.label(from: r.from),
                    href: "/skm?unit=\(unit)&from=\(r.from.iso)&to=\(min(r.to, today).iso)")
            }
        }
    }

    struct FollowUpForm: Content {
        var unit: String
        var from: String
        var to: String
        var plan: String
    }

    static func saveFollowUp(req: Request) async throws -> Response {
        let actor = try req.actor
        // The role first (the unit named in the form is checked once it is read).
        if case .failure(let denied) = AccessPolicy.serviceScope(actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        let form = try req.content.decode(FollowUpForm.self)
        guard let unitID = UUID(uuidString: form.unit) else { throw Abort(.badRequest, reason: "Unit tidak valid.") }
        let unit = try await UnitService.find(unitID, for: actor, .read, on: req.db)
        try AccessPolicy.manageService(actor, Placement(instansiID: unit.instansiID, opdID: unit.opdID)).require()
        let period = try ServicePeriod.parse(from: form.from, to: form.to, today: WITA.today(req.now))
        let plan = form.plan.trimmingCharacters(in: .whitespacesAndNewlines)
        guard plan.count <= 5000 else {
            throw ValidationFailure(errors: [
                .init(field: "plan", message: "Rencana tindak lanjut paling panjang 5.000 karakter.")
            ])
        }
        try await SurveyService.saveFollowUp(plan, unit: unit, period: period, actor: actor, at: req.now, on: req.db)
        Flash.add(.success, "Rencana tindak lanjut disimpan.", to: req)
        return req.redirect(to: "/skm?unit=\(unitID)&from=\(period.from.iso)&to=\(period.to.iso)")
    }
}

struct SKMReportModel: Encodable {
    let filterAction = SiteURL.skmReport.path
    let followUpAction = SiteURL.skmFollowUp.path
    struct Preset: Encodable {
        let label: String
        let href: String
    }
    struct Element: Encodable {
        let code: String
        let name: String
        let answered: String
        let nrr: String
        let weighted: String
        let lowest: Bool
    }
    struct ServiceRow: Encodable {
        let name: String
        let respondents: String
        let ikm: String
        let grade: String
        let sample: String
        let warning: Bool
    }
    struct Count: Encodable {
        let label: String
        let n: String
        let share: String
    }
    struct Profile: Encodable {
        let title: String
        let counts: [Count]
    }
    /// Counted responses per channel, flagged (still counted) and rejected ones.
    struct Channels: Encodable {
        let online: String
        let kiosk: String
        let paper: String
        let flagged: String
        let rejected: String
    }
    let channels: Channels
    let scopeName: String
    let period: String
    let from: String
    let to: String
    let respondents: String
    let population: String
    let minimumSample: String
    let belowMinimum: Bool
    let elements: [Element]
    let ikm: String
    let grade: String
    let label: String
    let weight: String
    let lowest: [String]
    let services: [ServiceRow]
    let profiles: [Profile]
    let followUp: String
    let suggestion: String
    /// The respondents' suggestions (saran) of the period, newest first: for the unit's analysis,
    /// never published verbatim.
    struct Saran: Encodable {
        let date: String
        let service: String
        let text: String
    }
    var saran: [Saran] = []
    let canWrite: Bool
    let unitID: String
    let unitOptions: [FormModel.Option]
    let csrf: String
    let export: [String: String]
    let presets: [Preset]

    init(
        scopeName: String, period: ServicePeriod, tally: SurveyQueries.Tally, result: IKMResult?, weight: SKMWeight,
        population: Int,
        services: [(PublicService, SurveyQueries.Tally, IKMResult?)], profile: [String: [String: Int]],
        followUp: String?, canWrite: Bool, unitID: UUID?,
        unitOptions: [FormModel.Option], csrf: String, export: [String: String], presets: [Preset],
        channels c: SurveyQueries.Channels
    ) {
        self.presets = presets
        channels = Channels(
            online: IndonesianFormat.integer(c.online), kiosk: IndonesianFormat.integer(c.kiosk),
            paper: IndonesianFormat.integer(c.paper),
            flagged: IndonesianFormat.integer(c.flagged), rejected: IndonesianFormat.integer(c.rejected))
        self.scopeName = scopeName
        self.period = period.label
        from = period.from.iso
        to = period.to.iso
        respondents = IndonesianFormat.integer(tally.respondents)
        self.population = population > 0 ? IndonesianFormat.integer(population) : "—"
        let minimum = population > 0 ? KrejcieMorgan.minimumSample(population: population) : nil
        minimumSample = minimum.map(IndonesianFormat.integer) ?? "—"
        belowMinimum = minimum.map { tally.respondents < $0 } ?? false
        let lowestCodes = Set(result?.lowestElements ?? [])
        elements = SKMElement.standard.enumerated().map { i, e in
            let nrr = tally.answered[i] > 0 ? Double(tally.sums[i]) / Double(tally.answered[i]) : nil
            return Element(
                code: e.code, name: e.name, answered: IndonesianFormat.integer(tally.answered[i]),
                nrr: nrr.map { IndonesianFormat.decimal($0, digits: 3) } ?? "—",
                weighted: nrr.map { IndonesianFormat.decimal($0 * weight.value, digits: 3) } ?? "—",
                lowest: lowestCodes.contains(e.code))
        }
        ikm = ServiceFormat.ikm(result)
        grade = result?.grade?.rawValue ?? ""
        label = result?.label ?? "belum ada responden"
        self.weight = weight.label
        lowest = (result?.lowestElements ?? []).compactMap { code in SKMElement.named(code).map { "\(code) \($0.name)" }
        }
        self.services = services.map { s, t, r in
            let pop = r?.minimumSample
            return ServiceRow(
                name: s.name, respondents: IndonesianFormat.integer(t.respondents), ikm: ServiceFormat.ikm(r),
                grade: r?.grade?.rawValue ?? "", sample: pop.map(IndonesianFormat.integer) ?? "—",
                warning: r?.belowMinimumSample ?? false)
        }
        let total = max(1, tally.respondents)
        func block(_ title: String, _ column: String, _ labels: [(String, String)]) -> Profile {
            let counts = profile[column] ?? [:]
            return Profile(
                title: title,
                counts: (labels + [("", "Tidak diisi")]).map { key, label in
                    let n = counts[key] ?? 0
                    return Count(
                        label: label, n: IndonesianFormat.integer(n),
                        share: IndonesianFormat.decimal(Double(n) * 100 / Double(total), digits: 1) + " %")
                })
        }
        profiles = [
            block("Jenis kelamin", "sex", SurveyRespondent.Sex.allCases.map { ($0.rawValue, $0.label) }),
            block("Usia", "age_band", SurveyRespondent.AgeBand.allCases.map { ($0.rawValue, $0.label) }),
            block("Pendidikan", "education", SurveyRespondent.Education.allCases.map { ($0.rawValue, $0.label) }),
            block("Pekerjaan", "occupation", SurveyRespondent.Occupation.allCases.map { ($0.rawValue, $0.label) }),
        ]
        self.followUp = followUp ?? ""
        suggestion =
            lowest.isEmpty
            ? ""
            : "Unsur dengan nilai terendah: \(lowest.joined(separator: "; ")). Tuliskan langkah perbaikan, penanggung jawab dan waktunya untuk unsur-unsur ini."
        self.canWrite = canWrite
        self.unitID = unitID?.uuidString ?? ""
        self.unitOptions = unitOptions
        self.csrf = csrf
        self.export = export
    }

    var table: Table {
        Table(
            header: ["Unsur", "Nama", "Menjawab", "NRR", "NRR tertimbang"],
            rows: elements.map { [$0.code, $0.name, $0.answered, $0.nrr, $0.weighted] }
                + [
                    ["IKM", "\(ikm) \(grade) \(label)", respondents, "", ""],
                    [
                        "Kanal", "daring \(channels.online); kios \(channels.kiosk); kertas \(channels.paper)", "", "",
                        "",
                    ],
                    [
                        "Tinjauan", "ditandai (tetap dihitung) \(channels.flagged); ditolak \(channels.rejected)", "",
                        "", "",
                    ],
                ])
    }
}
