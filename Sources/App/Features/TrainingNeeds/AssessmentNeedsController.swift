import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `/development/assessment-needs` and `GET /api/v1/assessment-needs`: "perlu asesmen", the
/// people whose standard names competencies they have no accepted result in. Unknown levels are
/// no training need (the needs analysis and the annual plan leave them out); this is where they go.
enum AssessmentNeedsController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.assessmentNeeds.pathComponents, use: page)
        api.get("assessment-needs", use: list)
    }

    struct Params: Content {
        var unit: String?
        var page: Int?
    }

    /// The page and its downloads: one scope rule (AccessPolicy.assessmentNeedsScope) for both.
    static func page(req: Request) async throws -> Response {
        if case .failure(let denied) = AccessPolicy.assessmentNeedsScope(try req.actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: params.unit, policy: AccessPolicy.assessmentNeedsScope)
        let paging = PageRequest(page: params.page, per: 50)
        let format = try Export.requested(req)
        let people = try await AssessmentNeedsQueries.people(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs,
            range: format != nil ? nil : paging.offset..<(paging.offset + paging.per), on: req.db)
        let unitNames = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        if let format {
            return try Export.response(
                AssessmentNeedsModel.table(people, unitNames: unitNames), filename: "perlu-asesmen", format: format,
                sheet: "Perlu asesmen")
        }
        let tally = try await AssessmentNeedsQueries.tally(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let units = try await UnitQueries.visible(try req.actor, on: req.db).filter { $0.parentID == nil }
        let model = AssessmentNeedsModel(
            people: people, tally: tally, scope: scope, units: units, unitNames: unitNames, paging: paging,
            export: Export.links(req))
        return try await req.renderPage(
            "development/assessment-needs", title: "Pegawai Perlu Asesmen",
            crumbs: [Crumb("Analisis kebutuhan", .needs), Crumb("Perlu asesmen")], model)
    }

    struct APIQuery: Content {
        var unitId: UUID?
        var page: Int?
        var per: Int?
    }
    struct ItemDTO: Content {
        let employeeId: UUID
        let nip: String
        let name: String
        let unitId: UUID
        let unit: String
        let competencies: [String]
        let since: String
    }
    struct UnitDTO: Content {
        struct Line: Content {
            let code: String
            let people: Int
        }
        let unitId: UUID
        let code: String
        let name: String
        let people: Int
        let competencies: [Line]
    }
    struct ResponseDTO: Content {
        let people: Int
        let units: [UnitDTO]
        let items: [ItemDTO]
        let metadata: PagedResponse<ItemDTO>.Metadata
    }

    static func list(req: Request) async throws -> ResponseDTO {
        // Access first: the scope is decided before the query is checked.
        if case .failure(let denied) = AccessPolicy.assessmentNeedsScope(try req.actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        let q = try req.query.decode(APIQuery.self)
        let paging = try APIPaging.parse(page: q.page, per: q.per, defaultPer: 100)
        let scope = try await ReportScope.resolve(
            req, unitParam: q.unitId?.uuidString, policy: AccessPolicy.assessmentNeedsScope)
        let people = try await AssessmentNeedsQueries.people(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs,
            range: paging.offset..<(paging.offset + paging.per), on: req.db)
        let tally = try await AssessmentNeedsQueries.tally(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        let unitNames = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        let opds = AssessmentNeedsModel.perOPD(tally, tree: scope.tree)
        return ResponseDTO(
            people: opds.reduce(0) { $0 + $1.tally.people },
            units: opds.map { o in
                UnitDTO(
                    unitId: o.node.id, code: o.node.code, name: o.node.name, people: o.tally.people,
                    competencies: AssessmentNeedsModel.codes(o.tally).map {
                        .init(code: $0, people: o.tally.byCompetency[$0] ?? 0)
                    })
            },
            items: people.map { p in
                ItemDTO(
                    employeeId: p.id, nip: p.nip, name: p.name, unitId: p.unitID, unit: unitNames[p.unitID] ?? "",
                    competencies: p.competencies, since: WITA.today(p.since).iso)
            },
            metadata: .init(page: paging.page, per: paging.per, total: opds.reduce(0) { $0 + $1.tally.people }))
    }
}

struct AssessmentNeedsModel: Encodable {
    struct OPDRow: Encodable {
        let name: String
        let href: String
        let people: String
        let competencies: String
    }
    struct PersonRow: Encodable {
        let nip: String
        let name: String
        let href: String
        let unit: String
        let competencies: String
        let count: Int
        let since: String
    }
    let scopeName: String
    let action = SiteURL.assessmentNeeds.path
    let unitOptions: [FormModel.Option]
    let totalPeople: String
    let opds: [OPDRow]
    let people: [PersonRow]
    let paging: PagingModel
    let needsHref: String
    let export: [String: String]

    /// Units summed into their OPD (the top-level unit): each person is in exactly one unit.
    static func perOPD(_ tally: [UUID: AssessmentNeeds.UnitTally], tree: UnitTree<UUID>) -> [(
        node: UnitNode<UUID>, tally: AssessmentNeeds.UnitTally
    )] {
        var byOPD: [UUID: AssessmentNeeds.UnitTally] = [:]
        for (unit, t) in tally { byOPD[tree.topLevel(of: unit), default: .init()].add(t) }
        return byOPD.compactMap { id, t in tree.node(id).map { ($0, t) } }.sorted {
            ($1.tally.people, $0.node.name) < ($0.tally.people, $1.node.name)
        }
    }

    static func codes(_ t: AssessmentNeeds.UnitTally) -> [String] {
        t.byCompetency.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    static func table(_ people: [AssessmentNeedsQueries.Person], unitNames: [UUID: String]) -> Table {
        Table(
            header: ["NIP", "Nama", "Unit kerja", "Kompetensi belum dinilai", "Jumlah", "Sejak"],
            rows: people.map {
                [
                    $0.nip, $0.name, unitNames[$0.unitID] ?? "", $0.competencies.joined(separator: ", "),
                    String($0.competencies.count), WITA.today($0.since).iso,
                ]
            })
    }

    init(
        people list: [AssessmentNeedsQueries.Person], tally: [UUID: AssessmentNeeds.UnitTally], scope: ReportScope,
        units: [Unit],
        unitNames: [UUID: String], paging page: KompetenCore.PageRequest, export: [String: String]
    ) {
        scopeName = scope.base?.name ?? "Seluruh instansi"
        unitOptions = FormModel.options(
            units, selected: scope.base?.id?.uuidString, value: { $0.id!.uuidString }, label: \.name,
            empty: "Seluruh instansi")
        let opdList = Self.perOPD(tally, tree: scope.tree)
        let total = opdList.reduce(0) { $0 + $1.tally.people }
        totalPeople = IndonesianFormat.integer(total)
        opds = opdList.map { o in
            OPDRow(
                name: o.node.name, href: SiteURL.assessmentNeeds.path + "?unit=\(o.node.id.uuidString)",
                people: IndonesianFormat.integer(o.tally.people),
                competencies: Self.codes(o.tally).map {
                    "\($0) (\(IndonesianFormat.integer(o.tally.byCompetency[$0] ?? 0)))"
                }.joined(separator: ", "))
        }
        people = list.map { p in
            PersonRow(
                nip: p.nip, name: p.name, href: SiteURL.employee(p.id).path, unit: unitNames[p.unitID] ?? "—",
                competencies: p.competencies.joined(separator: ", "), count: p.competencies.count,
                since: IndonesianFormat.date(WITA.today(p.since)))
        }
        paging = PagingModel(
            PageInfo(page, total: total), path: SiteURL.assessmentNeeds.path,
            filters: [("unit", scope.base?.id?.uuidString)], noun: "pegawai")
        needsHref = SiteURL.needs.path + (scope.base.map { "?unit=\($0.id!.uuidString)" } ?? "")
        self.export = export
    }
}
