import Fluent
import KompetenCore
import Vapor

/// The audit log page (admin): every change, filterable by entity, action, user and date.
enum AuditController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.audit.pathComponents, use: index)
    }

    struct Filters: Content {
        var entity: String?
        var action: String?
        var user: String?
        var from: String?
        var to: String?
        var page: Int?
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.readAudit(actor))
        let filters = try req.query.decode(Filters.self)
        let paging = PageRequest(page: filters.page, per: 50)
        let (entries, total) = try await AuditQueries.entries(
            instansiID: actor.instansiID!, entity: filters.entity, action: filters.action,
            user: filters.user?.trimmingCharacters(in: .whitespaces).lowercased(),
            from: filters.from.flatMap(SimpleDate.init(iso:)), to: filters.to.flatMap(SimpleDate.init(iso:)),
            range: paging.offset..<(paging.offset + paging.per), on: req.db)
        let model = AuditListModel(entries: entries, info: PageInfo(paging, total: total), filters: filters)
        return try await req.renderPage("audit/index", title: "Log Audit", crumbs: [Crumb("Log audit")], model)
    }
}

/// Calendar days in Kota Kupang's time zone (WITA, UTC+8, no daylight saving).
enum WITA {
    static let offset = TimeInterval(IndonesianFormat.witaOffset)
    static func startOfDay(_ d: SimpleDate) -> Date {
        var c = DateComponents()
        c.year = d.year
        c.month = d.month
        c.day = d.day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(offset))!
        return calendar.date(from: c)!
    }
}

struct AuditListModel: Encodable {
    let filterAction = SiteURL.audit.path
    struct Change: Encodable {
        let field: String
        let before: String
        let after: String
    }
    struct Row: Encodable {
        let at: String
        let username: String
        let action: String
        let entity: String
        let summary: String
        let before: String?
        let after: String?
        /// Field by field: what a change replaced, shown as "before → after" ("—": not set).
        let changes: [Change]
    }
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    let rows: [Row]
    let paging: PagingModel
    let entities: [Option]
    let actions: [Option]
    let user: String
    let from: String
    let to: String

    static let actionLabels: [(String, String)] = [
        ("create", "Membuat"), ("update", "Mengubah"), ("delete", "Menghapus"),
        ("login", "Masuk"), ("password", "Atur ulang sandi"),
        ("reveal", "Membuka data pribadi"), ("revoke", "Mencabut token"), ("download", "Mengunduh data pribadi"),
    ]
    static let entityLabels: [(String, String)] = [
        ("unit", "Unit"), ("user", "Pengguna"), ("employee", "Pegawai"), ("instansi", "Instansi"),
        ("position", "Jabatan"), ("assessment", "Penilaian"), ("performance", "Predikat kinerja"),
        ("service_standard", "Standar waktu layanan"), ("holiday", "Hari libur"),
    ]

    init(entries: [AuditEntry], info: PageInfo, filters: AuditController.Filters) {
        let actionNames = Dictionary(uniqueKeysWithValues: Self.actionLabels)
        let entityNames = Dictionary(uniqueKeysWithValues: Self.entityLabels)
        rows = entries.map { e in
            Row(
                at: IndonesianFormat.dateTime(e.at), username: e.username, action: actionNames[e.action] ?? e.action,
                entity: entityNames[e.entity] ?? e.entity, summary: e.summary, before: e.before, after: e.after,
                changes: e.changeList.map { Change(field: $0.field, before: $0.before ?? "—", after: $0.after ?? "—") })
        }
        paging = PagingModel(
            info, path: SiteURL.audit.path,
            filters: [
                ("entity", filters.entity), ("action", filters.action),
                ("user", filters.user), ("from", filters.from), ("to", filters.to),
            ], noun: "entri")
        entities =
            [Option(value: "", label: "Semua", selected: (filters.entity ?? "").isEmpty)]
            + Self.entityLabels.map { Option(value: $0.0, label: $0.1, selected: $0.0 == filters.entity) }
        actions =
            [Option(value: "", label: "Semua", selected: (filters.action ?? "").isEmpty)]
            + Self.actionLabels.map { Option(value: $0.0, label: $0.1, selected: $0.0 == filters.action) }
        user = filters.user ?? ""
        from = filters.from ?? ""
        to = filters.to ?? ""
    }
}
