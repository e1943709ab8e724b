import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// `/api/v1/services…`, unit IKM, the minimum-sample calculator.
enum ServicesAPIController {
    static func register(_ api: any RoutesBuilder, uploadLimit: ByteCount) {
        api.get("services", use: list)
        api.post("services", use: create)
        api.get("services", ":id", use: show)
        api.get("services", ":id", "ikm", use: serviceIKM)
        api.get("services", ":id", "performance", use: performance)
        api.on(.POST, "services", ":id", "records", "import", body: .collect(maxSize: uploadLimit), use: importRecords)
        api.get("units", ":id", "ikm", use: unitIKM)
        api.get("skm", "minimum-sample", use: minimumSample)
    }

    struct ListQuery: Content {
        var unitId: UUID?
        var page: Int?
        var per: Int?
    }
    struct ListPage: Content {
        let items: [ServiceDTO]
        let page: Int
        let per: Int
        let total: Int
    }

    static func list(req: Request) async throws -> ListPage {
        let q = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: q.page, per: q.per)
        let scope = try await ReportScope.resolve(
            req, unitParam: q.unitId?.uuidString, policy: AccessPolicy.serviceScope)
        let all = try await ServiceCatalogue.list(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let slice = Array(all.dropFirst(paging.offset).prefix(paging.per))
        let positions = try await ServiceQueries.positionLinks(serviceIDs: slice.map { try $0.requireID() }, on: req.db)
        let byService = Dictionary(grouping: positions, by: \.serviceID)
        let current = try await ServiceStandards.current(
            slice.map { try $0.requireID() }, on: WITA.today(req.now), db: req.db)
        return try ListPage(
            items: slice.map {
                try ServiceDTO(
                    $0, positionIDs: (byService[$0.requireID()] ?? []).map(\.positionID),
                    current: current[$0.requireID()])
            },
            page: paging.page, per: paging.per, total: all.count)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .service).require() // access before the body is read
        let input = try req.content.decode(ServiceInput.self)
        let s = try await ServiceCatalogue.create(input, actor: actor, at: req.now, on: req.db)
        return try await dto(s, req).encodeResponse(status: .created, for: req)
    }

    static func dto(_ s: PublicService, _ req: Request) async throws -> ServiceDTO {
        let current = try await ServiceStandards.current([s.requireID()], on: WITA.today(req.now), db: req.db)
        return try ServiceDTO(
            s, positionIDs: try await ServiceCatalogue.positionIDs(s.requireID(), on: req.db),
            current: current[s.requireID()])
    }

    static func show(req: Request) async throws -> ServiceDTO {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        return try await dto(s, req)
    }

    static func serviceIKM(req: Request) async throws -> IKMDTO {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let period = try ServicePeriod.parse(req)
        let tally = try await SurveyQueries.tally(.service(s.requireID()), from: period.from, to: period.to, on: req.db)
        let population = ServiceRecordQueries.figures(
            try await ServiceRecordQueries.months(
                serviceIDs: [s.requireID()], from: period.from, to: period.to, on: req.db)
        ).count
        return IKMDTO(
            period: period, tally: tally, weight: try await SettingsQueries.skmWeight(s.instansiID, on: req.db),
            population: population > 0 ? population : nil)
    }

    static func unitIKM(req: Request) async throws -> IKMDTO {
        let id: UUID = try req.parameters.require("id")
        let scope = try await ReportScope.resolve(req, unitParam: id.uuidString, policy: AccessPolicy.serviceScope)
        let period = try ServicePeriod.parse(req)
        let tally = try await SurveyQueries.tally(
            .units(instansiID: scope.instansiID, unitIDs: scope.unitIDs), from: period.from, to: period.to, on: req.db)
        let services = try await ServiceCatalogue.list(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let population = ServiceRecordQueries.figures(
            try await ServiceRecordQueries.months(
                serviceIDs: services.map { try $0.requireID() }, from: period.from, to: period.to, on: req.db)
        ).count
        return IKMDTO(
            period: period, tally: tally, weight: try await SettingsQueries.skmWeight(scope.instansiID, on: req.db),
            population: population > 0 ? population : nil)
    }

    struct SampleQuery: Content { var population: Int? }
    struct SampleDTO: Content {
        let population: Int
        let minimumSample: Int
    }

    static func minimumSample(req: Request) async throws -> SampleDTO {
        _ = try req.actor
        let q = try req.query.decode(SampleQuery.self)
        guard let n = q.population, (1...100_000_000).contains(n),
            let sample = KrejcieMorgan.minimumSample(population: n)
        else {
            throw ValidationFailure(errors: [
                .init(
                    field: "population",
                    message: "Populasi (jumlah penerima layanan) harus bilangan bulat 1–100.000.000.")
            ])
        }
        return SampleDTO(population: n, minimumSample: sample)
    }

    struct PerformanceDTO: Content {
        let from: String, to: String
        let count: Int
        let completed: Int
        let medianMinutes: Double?
        let p90Minutes: Double?
        let meanMinutes: Double?
        let onTimeShare: Double?
        let backlog: Int
        /// Open tickets already past the standard (counted as late in `onTimeShare`).
        let overdueOpen: Int
        /// In working days (`WorkingCalendar`: after the day received, up to and including the day
        /// completed; weekends, libur nasional and cuti bersama left out); nil without ticket data.
        let medianWorkingDays: Double?
        let p90WorkingDays: Double?
        /// The standard in force on `to` (earlier months may have had another: see `…/standards`).
        let standardMinutes: Int
        let standardValue: Int
        let standardUnit: String
        /// True when median and p90 come from the tickets themselves, false when from monthly reports.
        let exact: Bool
        let months: Int
    }

    static func performance(req: Request) async throws -> PerformanceDTO {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let period = try ServicePeriod.parse(req)
        let f = try await ServiceRecordQueries.performance(service: s, from: period.from, to: period.to, on: req.db)
        let standard =
            try await ServiceStandards.history(s.requireID(), on: req.db).inForce(on: period.to)
            ?? StandardTime(minutes: s.standardMinutes)
        func r(_ x: Double?) -> Double? { x.map { ($0 * 10).rounded() / 10 } }
        return PerformanceDTO(
            from: period.from.iso, to: period.to.iso, count: f.count, completed: f.completed,
            medianMinutes: r(f.medianMinutes),
            p90Minutes: r(f.p90Minutes), meanMinutes: r(f.meanMinutes),
            onTimeShare: f.onTimeShare.map { ($0 * 10000).rounded() / 10000 },
            backlog: f.backlog, overdueOpen: f.overdueOpen, medianWorkingDays: r(f.medianWorkingDays),
            p90WorkingDays: r(f.p90WorkingDays),
            standardMinutes: standard?.minutes ?? s.standardMinutes,
            standardValue: standard?.value ?? s.standardMinutes,
            standardUnit: standard?.unit.rawValue ?? StandardTime.Unit.minutes.rawValue, exact: f.exact,
            months: f.months)
    }

    static func importRecords(req: Request) async throws -> Response {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        do {
            let outcome = try await ServiceRecordsImport.run(
                body, service: s, actor: try req.actor, at: req.now, on: req.db)
            return try await outcome.encodeResponse(for: req)
        } catch let problems as ImportProblems {
            let response = Response(status: .unprocessableEntity)
            try response.content.encode(
                ImportsController.APIErrors(
                    reason: "Berkas tidak diimpor: \(problems.problems.count) masalah.", errors: problems.problems),
                as: .json)
            return response
        }
    }
}
