import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// The public transparency page (`/transparansi`, no login): per unit and service the standard,
/// the share completed on time and the IKM with its grade over the last four complete quarters,
/// charted, and the running quarter apart as "sementara". Beside every IKM its number of
/// respondents and the Krejcie–Morgan minimum for that quarter's service volume; the grade is
/// published only when the rule in `PublicIKM` allows it.
enum TransparencyController {
    static func register(_ app: any RoutesBuilder) {
        app.get(SiteURL.transparency.pathComponents, use: page)
    }

    struct Query: Content { var instansi: String? }

    struct Model: Encodable {
        /// `grade` is empty when it may not be published; `note` then says why ("sampel belum
        /// memenuhi", "tidak lengkap", …). `sample`: "n 45 / min. 80".
        struct Quarter: Encodable {
            let label: String
            let ikm: String
            let grade: String
            let note: String
            let sample: String
            let sufficient: Bool
            let provisional: Bool
        }
        struct Service: Encodable {
            let name: String
            let standard: String
            let fee: String
            let onTime: String
            let p90: String
            let volume: String
            let quarters: [Quarter]
            let survey: String
            let complain: String
            let standardPage: String
        }
        /// Where the last quarter's answers came from, and how many were flagged or set aside.
        struct Channels: Encodable {
            let online: String
            let kiosk: String
            let paper: String
            let flagged: String
            let rejected: String
            init(_ c: SurveyQueries.Channels) {
                online = IndonesianFormat.integer(c.online)
                kiosk = IndonesianFormat.integer(c.kiosk)
                paper = IndonesianFormat.integer(c.paper)
                flagged = IndonesianFormat.integer(c.flagged)
                rejected = IndonesianFormat.integer(c.rejected)
            }
        }
        /// Complaints of the last twelve months: received, closed within the target, median
        /// working days from receipt to closing.
        struct Complaints: Encodable {
            let received: String
            let closed: String
            let withinTarget: String
            let median: String
            init(_ s: ComplaintTimeliness.Summary) {
                received = IndonesianFormat.integer(s.received)
                closed = IndonesianFormat.integer(s.closed)
                withinTarget = IndonesianFormat.integer(s.closedWithinTarget)
                median = s.medianDaysToClose.map { IndonesianFormat.decimal($0, digits: 1) + " hari kerja" } ?? "—"
            }
        }
        /// A published SKM report of the unit (its snapshot's public page).
        struct Report: Encodable {
            let label: String
            let href: String
        }
        struct Unit: Encodable {
            let name: String
            let anchor: String
            let reports: [Report]
            let services: [Service]
            let quarters: [Quarter]
            let channels: Channels
            let complaints: Complaints
        }
        let instansi: String
        let quarterLabels: [String]
        let city: [Quarter]
        let chart: String
        let units: [Unit]
        let channelPeriod: String
        let cityChannels: Channels
        let complaintTarget: Int
        let cityComplaints: Complaints
        let complaintLookup: String
        let note: String
    }

    static func page(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        guard let instansi = try await InstansiQueries.find(code: q.instansi, on: req.db) else {
            throw Abort(.notFound, reason: "Instansi tidak ditemukan.")
        }
        let instansiID = try instansi.requireID()
        let services = try await ServiceQueries.active(instansiID: instansiID, on: req.db)
        let tree = try await UnitQueries.tree(instansiID: instansiID, on: req.db)
        let weight = try await SettingsQueries.skmWeight(instansiID, on: req.db)
        let today = WITA.today(req.now)
        // Four complete quarters, then the running one (its figures can still grow: "sementara").
        let complete = ReportPeriod.quarter.lastComplete(4, asOf: today)
        let running = ReportPeriod.quarter.range(containing: today)
        let periods = complete + [(running.from, running.to, ReportPeriod.quarter.label(from: today) + " (sementara)")]
        let provisional = periods.count - 1
        let data = try await ServiceIndicators.load(
            instansiID: instansiID, services: services, periods: periods, on: req.db)
        let standards = try await ServiceStandards.current(services.map { try $0.requireID() }, on: today, db: req.db)
        func quarter(_ cell: ServiceIndicators.Cell, _ i: Int) -> Model.Quarter {
            let r = cell.ikm(weight)
            let shown = PublicIKM.of(r)
            let n = r?.respondents ?? 0
            let sample =
                "n \(IndonesianFormat.integer(n)) / min. " + (r?.minimumSample.map(IndonesianFormat.integer) ?? "—")
            switch shown {
            case .noResponses:
                return .init(
                    label: periods[i].label, ikm: "—", grade: "", note: shown.note, sample: sample, sufficient: false,
                    provisional: i == provisional)
            case .incomplete:
                return .init(
                    label: periods[i].label, ikm: "tidak lengkap", grade: "", note: shown.note, sample: sample,
                    sufficient: false, provisional: i == provisional)
            case .volumeUnknown, .belowMinimum:
                return .init(
                    label: periods[i].label, ikm: ServiceFormat.ikm(r), grade: "", note: shown.note, sample: sample,
                    sufficient: false, provisional: i == provisional)
            case .graded(_, let grade, _, _):
                return .init(
                    label: periods[i].label, ikm: ServiceFormat.ikm(r), grade: grade.rawValue, note: grade.label,
                    sample: sample, sufficient: true, provisional: i == provisional)
            }
        }
        // The on-time share, P90 and volume are of the last complete quarter; the channel counts
        // of the running one (labelled "sementara"), where a reviewer looks for fresh flags.
        let last = complete.count - 1
        let channels = try await SurveyQueries.channels(
            .units(instansiID: instansiID, unitIDs: nil), from: periods[provisional].from,
            to: periods[provisional].to, on: req.db)
        func channelSum(_ ids: [UUID]) -> SurveyQueries.Channels {
            ids.compactMap { channels[$0] }.reduce(SurveyQueries.Channels(), +)
        }
        // Complaints of the twelve months up to today, per delivering OPD, counted in working days.
        let timing = try await ComplaintQueries.timing(instansiID, on: req.db)
        let complaints = try await ComplaintQueries.summaries(
            instansiID: instansiID, from: WITA.startOfDay(today.adding(months: -12)), to: req.now,
            targetDays: timing.targetDays, calendar: timing.calendar, on: req.db)
        let byOPD = Dictionary(grouping: services) { tree.topLevel(of: $0.unitID) }
        let reports = Dictionary(
            grouping: try await SKMReportQueries.publishedList(instansiID: instansiID, on: req.db)
        ) { tree.topLevel(of: $0.unitID) }
        let opds = byOPD.keys.compactMap { tree.node($0) }.sorted { $0.name < $1.name }
        var units: [Model.Unit] = []
        var series: [BandChart.Line] = []
        for opd in opds {
            let list = byOPD[opd.id] ?? []
            let rows = try list.map { s -> Model.Service in
                let c = try data.cell(s.requireID(), last)
                let f = c.figures
                let standard = try standards[s.requireID()]
                // A working-day standard's P90 is read in working days when the tickets give them.
                let p90 =
                    standard?.standard?.isWorkingDays == true && f.p90WorkingDays != nil
                    ? ServiceFormat.workingDays(f.p90WorkingDays) : ServiceFormat.minutes(f.p90Minutes)
                return .init(
                    name: s.name, standard: standard?.text ?? s.standardText,
                    fee: s.fee == 0 ? "Gratis" : IndonesianFormat.money(s.fee),
                    onTime: ServiceFormat.share(f.onTimeShare), p90: p90, volume: IndonesianFormat.integer(f.count),
                    quarters: periods.indices.map { quarter(data.cell(s.id!, $0), $0) },
                    survey: SiteURL.survey(s.shortCode).path, complain: SiteURL.complaintForm(s.shortCode).path,
                    standardPage: SiteURL.publicStandard(s.shortCode).path)
            }
            let ids = try list.map { try $0.requireID() }
            let quarters = periods.indices.map { quarter(data.merged(ids, $0), $0) }
            units.append(
                .init(
                    name: opd.name, anchor: "unit-\(opd.code.lowercased())",
                    reports: try (reports[opd.id] ?? []).map {
                        .init(
                            label: SKMPublicReportController.label($0), href: try SiteURL.skmPublic($0.requireID()).path
                        )
                    }, services: rows, quarters: quarters,
                    channels: .init(channelSum(ids)),
                    complaints: .init(complaints[opd.id] ?? ComplaintTimeliness.Summary())))
            series.append(
                .init(
                    label: opd.name, values: complete.indices.map { data.merged(ids, $0).ikm(weight)?.value },
                    href: "#unit-\(opd.code.lowercased())"))
        }
        let allIDs = try services.map { try $0.requireID() }
        let city = periods.indices.map { quarter(data.merged(allIDs, $0), $0) }
        let chart = TransparencyChart.html(
            quarters: complete.map(\.label), units: series,
            city: complete.indices.map { data.merged(allIDs, $0).ikm(weight)?.value })
        let model = Model(
            instansi: instansi.name, quarterLabels: periods.map(\.label), city: city, chart: chart, units: units,
            channelPeriod: periods[provisional].label, cityChannels: .init(channelSum(allIDs)),
            complaintTarget: timing.targetDays, cityComplaints: .init(Self.total(Array(complaints.values))),
            complaintLookup: SiteURL.complaintLookup.path,
            note:
                "IKM dihitung menurut PermenPANRB 14/2017 dari jawaban survei kepuasan masyarakat (skala 25–100): A Sangat Baik ≥ 88,31; B Baik ≥ 76,61; C Kurang Baik ≥ 65,00; D Tidak Baik. Mutu hanya ditampilkan bila semua unsur terjawab dan jumlah responden (n) mencapai sampel minimum Krejcie–Morgan untuk volume layanan triwulan itu; bila belum, tertulis \"sampel belum memenuhi\" atau \"tidak lengkap\". Triwulan berjalan bersifat sementara. Tepat waktu: porsi layanan yang selesai dalam waktu standar pada triwulan lengkap terakhir, tiap permohonan dengan standar yang berlaku pada tanggal diterimanya; tiket yang belum selesai padahal sudah melewati waktu standar dihitung terlambat. Standar dalam hari kerja tidak menghitung Sabtu, Minggu, libur nasional dan cuti bersama."
        )
        let response = try await req.view.render(
            "public/transparency", PublicPage(title: "Transparansi Layanan Publik", content: model)
        ).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// The city's line: counts add up; the median is not the median of medians, so it is left out.
    static func total(_ units: [ComplaintTimeliness.Summary]) -> ComplaintTimeliness.Summary {
        var t = ComplaintTimeliness.Summary()
        for u in units {
            t.received += u.received
            t.closed += u.closed
            t.closedWithinTarget += u.closedWithinTarget
        }
        return t
    }
}
