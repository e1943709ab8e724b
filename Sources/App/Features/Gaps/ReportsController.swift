import Fluent
import KompetenCore
import Vapor

/// Gap reports: OPD heat map, JPM distribution, people with a gap in one competency.
enum ReportsController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.reports.pathComponents, use: index)
        web.get(SiteURL.heatMap.pathComponents, use: heatMap)
        web.get(SiteURL.jpmDistribution.pathComponents, use: distribution)
        web.get(SiteURL.gapList.pathComponents, use: gapList)
    }

    struct Params: Content {
        var unit: String?
        var competency: String?
        var page: Int?
    }

    static func index(req: Request) async throws -> Response {
        if case .failure(let denied) = AccessPolicy.reportScope(try req.actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        struct Links: Encodable {
            let heatMap: String
            let jpm: String
            let gaps: String
            let assessmentNeeds: String
            let workload: String
        }
        return try await req.renderPage(
            "reports/index", title: "Laporan Kesenjangan", crumbs: [Crumb("Laporan")],
            Links(
                heatMap: SiteURL.heatMap.path, jpm: SiteURL.jpmDistribution.path, gaps: SiteURL.gapList.path,
                assessmentNeeds: SiteURL.assessmentNeeds.path, workload: SiteURL.workload.path))
    }

    static func heatMap(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit)
        let computed = try await GapEngine.compute(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, parts: .cells, on: req.db)
        let headcounts = try await GapEngine.headcounts(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let competencies = try await CompetencyQueries.all(instansiID: scope.instansiID, on: req.db)
        let model = HeatMapModel(
            scope: scope, computed: computed, headcounts: headcounts, competencies: competencies,
            export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "peta-kesenjangan", format: format)
        }
        return try await req.renderPage(
            "reports/heat-map", title: "Peta Kesenjangan Kompetensi",
            crumbs: [Crumb("Laporan", .reports), Crumb("Peta kesenjangan")], model)
    }

    static func distribution(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit)
        let computed = try await GapEngine.compute(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, parts: .persons, on: req.db)
        let model = DistributionModel(scope: scope, computed: computed, export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "sebaran-jpm", format: format)
        }
        return try await req.renderPage(
            "reports/jpm", title: "Sebaran Job Person Match",
            crumbs: [Crumb("Laporan", .reports), Crumb("Sebaran JPM")], model)
    }

    static func gapList(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit)
        let competencies = try await CompetencyQueries.byCode(instansiID: scope.instansiID, on: req.db)
        let chosen = params.competency.flatMap { c in competencies.first { $0.code == c } } ?? competencies.first
        let code = chosen?.code ?? ""
        let shortfalls =
            try await chosen.asyncMap {
                try await GapEngine.shortfalls(
                    instansiID: scope.instansiID, unitIDs: scope.unitIDs, competencyID: $0.requireID(), on: req.db)
            } ?? []
        let unitNames = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        let model = GapListModel(
            code: code, competencies: competencies, shortfalls: shortfalls, unitNames: unitNames,
            page: params.page, unitParam: params.unit ?? "", export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(model.table, filename: "kesenjangan-\(code)", format: format)
        }
        return try await req.renderPage(
            "reports/gaps", title: "Pegawai dengan Kesenjangan",
            crumbs: [Crumb("Laporan", .reports), Crumb("Daftar kesenjangan")], model)
    }
}
