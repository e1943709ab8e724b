import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// The 14 components of many services in one sheet, one row per service: the export (the version
/// in force) and the import back (one transaction, all rows or none). A row whose content and date
/// (or no date) are those of the service's version in force is left alone, so re-importing an
/// export changes nothing; any other row becomes a new version from its "Berlaku Mulai" (empty = tomorrow), under the same
/// versioning and access rules as the form. The kompetensi pelaksana is one cell,
/// `KODE:level; KODE:level` (`PelaksanaCompetencyCell`).
enum ServiceStandardsTransfer {
    static let columns: [ImportColumn] =
        [
            ImportColumn(key: "code", header: "Kode Layanan", required: true),
            ImportColumn(key: "effectiveFrom", header: "Berlaku Mulai", required: false),
        ]
        + ServiceStandardComponent.allCases.flatMap { c -> [ImportColumn] in
            switch c {
            case .jumlahPelaksana:
                [
                    ImportColumn(key: c.rawValue, header: c.label, required: true),
                    ImportColumn(key: "jumlahNote", header: "Keterangan Jumlah Pelaksana", required: false),
                ]
            default: [ImportColumn(key: c.rawValue, header: c.label, required: true)]
            }
        }

    static func row(code: String, effectiveFrom: String, content: ServiceStandardContent) -> [String] {
        columns.map { column in
            switch column.key {
            case "code": code
            case "effectiveFrom": effectiveFrom
            case "jumlahNote": content.staffNote
            case ServiceStandardComponent.kompetensiPelaksana.rawValue:
                PelaksanaCompetencyCell.format(content.competencies)
            case ServiceStandardComponent.jumlahPelaksana.rawValue: String(content.staffCount)
            default: ServiceStandardComponent(rawValue: column.key).map { content.text($0) } ?? ""
            }
        }
    }

    /// The version in force of each service, one row each.
    static func export(_ services: [PublicService], today: SimpleDate, on db: any Database) async throws -> Table {
        var rows: [[String]] = []
        for s in services {
            guard let state = try await ServiceStandardDocumentQueries.state(s, today: today, on: db) else { continue }
            rows.append(row(code: s.code, effectiveFrom: state.shown.effectiveFrom, content: state.content))
        }
        return Table(header: columns.map(\.header), rows: rows)
    }

    struct Outcome: Sendable {
        var versions = 0
        var unchanged = 0
    }

    /// Checks every row, then writes the new versions in one transaction; throws `ImportProblems`.
    static func run(_ data: Data, actor: Principal, at now: Date, on db: any Database) async throws -> Outcome {
        let rows = try ImportFile.rows(data, columns: columns)
        guard let instansiID = actor.instansiID else { throw Abort(.forbidden, reason: AccessPolicy.noAccess) }
        let today = WorkingCalendar.witaDay(now)
        return try await db.transaction { db in
            let services = Dictionary(
                try await PublicService.query(on: db).filter(\.$instansiID == instansiID).all().map { ($0.code, $0) },
                uniquingKeysWith: { a, _ in a })
            let units = Dictionary(
                try await Unit.query(on: db).filter(\.$instansiID == instansiID).all().compactMap { u in
                    u.id.map { ($0, u) }
                }, uniquingKeysWith: { a, _ in a })
            let dictionary = try await ServiceStandardDocumentQueries.dictionary(instansiID, on: db)
            var problems = ProblemList()
            var seen: [String: Int] = [:]
            var writes: [(PublicService, SimpleDate, ServiceStandardContent)] = []
            var outcome = Outcome()
            for row in rows {
                let code = row["code"]
                guard let s = services[code], let unit = units[s.unitID] else {
                    problems.add(row, "Kode Layanan", "Layanan dengan kode \"\(code)\" tidak ada di instansi ini.")
                    continue
                }
                if let earlier = seen[code] {
                    problems.add(row, "Kode Layanan", "Layanan ini sudah ada di baris \(earlier).")
                    continue
                }
                seen[code] = row.number
                let (from, content) = parse(row, today: today, knownCodes: dictionary.active, into: &problems)
                guard let from, let content else { continue }
                let placement = ServiceCatalogue.placement(s, unit: unit)
                if case .deny(let reason) = AccessPolicy.changeServiceStandard(
                    actor, placement, effectiveFrom: from, today: today)
                {
                    problems.add(row, "Kode Layanan", reason)
                    continue
                }
                guard let state = try await ServiceStandardDocumentQueries.state(s, today: today, on: db) else {
                    continue
                }
                let sameDate = row["effectiveFrom"].isEmpty || row["effectiveFrom"] == state.shown.effectiveFrom
                if state.content == content && sameDate {
                    outcome.unchanged += 1
                    continue
                }
                switch ServiceStandardVersioning.decide(
                    state.versions.map(\.versionInfo), effectiveFrom: from, today: today)
                {
                case .conflict(let message), .invalid(let message): problems.add(row, "Berlaku Mulai", message)
                case .append, .replace: writes.append((s, from, content))
                }
            }
            try problems.check()
            for (s, from, content) in writes {
                _ = try await ServiceStandardDocuments.save(
                    s, content, effectiveFrom: from, actor: actor, at: now, on: db)
                outcome.versions += 1
            }
            return outcome
        }
    }

    /// One row's date and content, each problem named by its column header.
    private static func parse(
        _ row: ImportRow, today: SimpleDate, knownCodes: Set<String>, into problems: inout ProblemList
    ) -> (SimpleDate?, ServiceStandardContent?) {
        var from: SimpleDate? = today.adding(days: 1)
        if !row["effectiveFrom"].isEmpty {
            from = SimpleDate(iso: row["effectiveFrom"])
            if from == nil { problems.add(row, "Berlaku Mulai", "Tanggal berformat YYYY-MM-DD, atau kosong (besok).") }
        }
        var texts: [ServiceStandardComponent: String] = [:]
        for c in ServiceStandardComponent.textComponents { texts[c] = row[c.rawValue] }
        var competencies: [PelaksanaCompetency] = []
        switch PelaksanaCompetencyCell.parse(row[ServiceStandardComponent.kompetensiPelaksana.rawValue]) {
        case .success(let rows): competencies = rows
        case .failure(let problem):
            problems.add(row, ServiceStandardComponent.kompetensiPelaksana.label, problem.message)
            return (from, nil)
        }
        let staffText = row[ServiceStandardComponent.jumlahPelaksana.rawValue]
        let staff = staffText.isEmpty ? 0 : Int(staffText) ?? -1
        let content = ServiceStandardContent(
            texts: texts, competencies: competencies, staffCount: staff, staffNote: row["jumlahNote"])
        let found = ServiceStandardRules.problems(content, knownCodes: knownCodes)
        for e in found { problems.add(row, header(of: e.field), e.message) }
        return (from, found.isEmpty ? content : nil)
    }

    /// `components.kompetensiPelaksana[1].competencyCode` → "Kompetensi pelaksana".
    static func header(of field: String) -> String {
        if field == "components.jumlahPelaksana.note" { return "Keterangan Jumlah Pelaksana" }
        let key = field.dropFirst("components.".count).prefix { $0 != "[" && $0 != "." }
        return ServiceStandardComponent(rawValue: String(key))?.label ?? field
    }
}
