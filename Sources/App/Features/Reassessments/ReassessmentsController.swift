import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `/reassessments` (assessors, BKPPD, an OPD's operator) and `GET /api/v1/reassessments`:
/// the competencies due for re-assessment after a training, and those already re-assessed
/// with the level before and after.
enum ReassessmentsController {
    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteURL.reassessments.pathComponents, use: page)
        api.get("reassessments", use: list)
    }

    struct Params: Content {
        var unit: String?
        var status: String?
        var page: Int?
    }

    private static func status(_ raw: String?) throws -> ReassessmentQueries.Status {
        guard let raw, !raw.isEmpty else { return .overdue }
        guard let s = ReassessmentQueries.Status(rawValue: raw) else {
            throw ValidationFailure(errors: [
                .init(field: "status", message: "Status: overdue, open, upcoming atau closed.")
            ])
        }
        return s
    }

    static func page(req: Request) async throws -> Response {
        let params = try req.query.decode(Params.self)
        let scope = try await ReportScope.resolve(req, unitParam: params.unit, policy: AccessPolicy.reassessmentScope)
        let status = try status(params.status)
        let today = WITA.today(req.now)
        let exporting = try Export.requested(req)
        let request =
            exporting != nil
            ? KompetenCore.PageRequest(page: 1, per: 20_000, maxPer: 20_000)
            : KompetenCore.PageRequest(page: params.page, per: 50)
        let total = try await ReassessmentQueries.count(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status, today: today, on: req.db)
        let rows = try await ReassessmentQueries.page(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status, today: today, page: request,
            on: req.db)
        var counts: [String: Int] = [:]
        for s in ReassessmentQueries.Status.allCases {
            counts[s.rawValue] =
                s == status
                ? total
                : try await ReassessmentQueries.count(
                    instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: s, today: today, on: req.db)
        }
        let model = ReassessmentPageModel(
            scope: scope, status: status, rows: rows, counts: counts, today: today,
            paging: PagingModel(
                PageInfo(request, total: total), path: SiteURL.reassessments.path,
                filters: [("unit", params.unit), ("status", status.rawValue)], noun: "kompetensi"),
            unitParam: params.unit ?? "", export: Export.links(req))
        if let exporting {
            return try Export.response(model.table, filename: "penilaian-ulang-\(status.rawValue)", format: exporting)
        }
        return try await req.renderPage(
            "reassessments/index", title: "Penilaian Ulang Setelah Pelatihan", crumbs: [Crumb("Penilaian ulang")], model
        )
    }

    struct RowDTO: Content {
        let id: UUID, employeeId: UUID, nip: String, name: String, competencyCode: String, programCode: String
        let completedOn: String, dueOn: String, closedOn: String?, levelBefore: Int?, levelAfter: Int?
    }

    struct APIQuery: Content {
        var unitId: UUID?
        var status: String?
        var page: Int?
        var per: Int?
    }

    static func list(req: Request) async throws -> PagedResponse<RowDTO> {
        // `unitId` is decoded as a UUID: anything else (an empty value too) is a 400, as the document says.
        let params = try req.query.decode(APIQuery.self)
        let scope = try await ReportScope.resolve(
            req, unitParam: params.unitId?.uuidString, policy: AccessPolicy.reassessmentScope)
        let status = try status(params.status)
        let request = try APIPaging.parse(page: params.page, per: params.per)
        let today = WITA.today(req.now)
        let total = try await ReassessmentQueries.count(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status, today: today, on: req.db)
        let rows = try await ReassessmentQueries.page(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, status: status, today: today, page: request,
            on: req.db)
        return PagedResponse(
            items: rows.map {
                RowDTO(
                    id: $0.dueID, employeeId: $0.employeeID, nip: $0.nip, name: $0.name,
                    competencyCode: $0.competencyCode, programCode: $0.programmeCode,
                    completedOn: $0.completedOn, dueOn: $0.dueOn, closedOn: $0.closedOn, levelBefore: $0.levelBefore,
                    levelAfter: $0.levelAfter)
            }, metadata: .init(page: request.page, per: request.per, total: total))
    }
}

struct ReassessmentPageModel: Encodable {
    let filterAction = SiteURL.reassessments.path
    struct Tab: Encodable {
        let value: String
        let label: String
        let href: String
        let count: String
        let current: Bool
    }
    struct Row: Encodable {
        let nip: String, name: String, href: String, unit: String, competency: String, programme: String
        let completedOn: String, dueOn: String, overdue: Bool, closedOn: String, change: String, assessHref: String
    }
    let scopeName: String
    let unitOptions: [Option]
    let tabs: [Tab]
    let closed: Bool
    let rows: [Row]
    let paging: PagingModel
    let export: [String: String]
    let table: Table

    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    enum CodingKeys: String, CodingKey { case scopeName, unitOptions, tabs, closed, rows, paging, export, filterAction }

    init(
        scope: ReportScope, status: ReassessmentQueries.Status, rows list: [ReassessmentQueries.Row],
        counts: [String: Int], today: SimpleDate,
        paging: PagingModel, unitParam: String, export: [String: String]
    ) {
        let names = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        scopeName = scope.base?.name ?? "Seluruh instansi"
        unitOptions =
            [Option(value: "", label: scope.base == nil ? "Seluruh instansi" : "—", selected: unitParam.isEmpty)]
            + scope.tree.roots.compactMap { scope.tree.node($0) }.map {
                Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == unitParam)
            }
        let unitQuery = unitParam.isEmpty ? "" : "&unit=\(unitParam)"
        tabs = ReassessmentQueries.Status.allCases.map {
            Tab(
                value: $0.rawValue, label: $0.label,
                href: SiteURL.reassessments.path + "?status=\($0.rawValue)" + unitQuery,
                count: IndonesianFormat.integer(counts[$0.rawValue] ?? 0), current: $0 == status)
        }
        closed = status == .closed
        func date(_ iso: String?) -> String { iso.flatMap(SimpleDate.init(iso:)).map(IndonesianFormat.date) ?? "—" }
        rows = list.map { r in
            let change: String
            if let after = r.levelAfter {
                let before = r.levelBefore.map(String.init) ?? "belum dinilai"
                let delta = r.levelBefore.map { after - $0 }
                change =
                    "\(before) → \(after)"
                    + (delta.map { $0 > 0 ? " (naik \($0))" : $0 < 0 ? " (turun \(-$0))" : " (tetap)" } ?? "")
            } else {
                change = "—"
            }
            return Row(
                nip: r.nip, name: r.name, href: SiteURL.employee(r.employeeID).path, unit: names[r.unitID] ?? "",
                competency: "\(r.competencyCode) \(r.competencyName)", programme: r.programmeCode,
                completedOn: date(r.completedOn),
                dueOn: date(r.dueOn), overdue: r.closedOn == nil && r.dueOn < today.iso, closedOn: date(r.closedOn),
                change: change,
                assessHref: SiteURL.employeeAssessmentNew(r.employeeID).path)
        }
        self.paging = paging
        self.export = export
        table = Table(
            header: [
                "NIP", "Nama", "Unit", "Kompetensi", "Program", "Selesai pelatihan", "Jatuh tempo", "Dinilai ulang",
                "Perubahan level",
            ],
            rows: rows.map {
                [
                    $0.nip, $0.name, $0.unit, $0.competency, $0.programme, $0.completedOn, $0.dueOn, $0.closedOn,
                    $0.change,
                ]
            })
    }
}
