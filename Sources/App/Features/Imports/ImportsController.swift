import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// The import page (templates, uploads, results), the API import and the shared dispatch.
enum ImportsController {
    enum Kind: String, CaseIterable {
        case employees, positions, assessments, performance, tasks

        var label: String {
            switch self {
            case .employees: "Pegawai"
            case .positions: "Jabatan dan standar kompetensi"
            case .assessments: "Hasil penilaian"
            case .performance: "Predikat kinerja (SKP)"
            case .tasks: "Tugas pokok dan beban kerja (anjab)"
            }
        }
        var columns: [ImportColumn] {
            switch self {
            case .employees: EmployeeImporter.columns
            case .positions: PositionImporter.columns
            case .assessments: AssessmentImporter.columns
            case .performance: PerformanceImporter.columns
            case .tasks: TaskImporter.columns
            }
        }
        var example: [[String]] {
            switch self {
            case .employees: EmployeeImporter.example
            case .positions: PositionImporter.example
            case .assessments: AssessmentImporter.example
            case .performance: PerformanceImporter.example
            case .tasks: TaskImporter.example
            }
        }

        /// Who may import this kind at all; checked before the upload is read or parsed, so a
        /// role without the right never makes the server inflate and walk a file.
        func access(_ actor: Principal) -> AccessDecision {
            self == .assessments ? AccessPolicy.importAssessments(actor) : AccessPolicy.importData(actor)
        }

        /// `source`: the uploaded file's name, kept with imported assessment results.
        func run(
            _ rows: [ImportRow], actor: Principal, at now: Date, on db: any Database, source: String? = nil,
            progress: @escaping ImportProgress = { _ in }
        ) async throws -> ImportOutcome {
            switch self {
            case .employees: try await EmployeeImporter.run(rows, actor: actor, at: now, on: db, progress: progress)
            case .positions: try await PositionImporter.run(rows, actor: actor, at: now, on: db, progress: progress)
            case .assessments:
                try await AssessmentImporter.run(
                    rows, actor: actor, at: now, on: db, source: source, progress: progress)
            case .performance:
                try await PerformanceImporter.run(rows, actor: actor, at: now, on: db, progress: progress)
            case .tasks: try await TaskImporter.run(rows, actor: actor, at: now, on: db, progress: progress)
            }
        }
    }

    static func register(_ web: any RoutesBuilder, api: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.imports.pathComponents, use: page)
        web.get(SiteURL.importTemplate(.routeParameter).pathComponents, use: template)
        web.on(
            .POST, SiteURL.importUpload(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: upload)
        api.on(.POST, "employees", "import", body: .collect(maxSize: uploadLimit), use: apiImport)
        ImportMappingController.register(web, uploadLimit: uploadLimit)
        ImportMappingAPIController.register(api)
    }

    struct PageModel: Encodable {
        struct Section: Encodable {
            let kind: String
            let label: String
            let columns: String
            let csv: String
            let xlsx: String
            let action: String
            let exportXlsx: String
            let exportCsv: String
            /// Saved column mappings of this kind, to read an upload under other headers.
            let mappings: [String]
            let mappingsHref: String
        }
        let sections: [Section]
        let result: String?
        let problems: [ImportProblem]
    }

    static func page(req: Request) async throws -> Response {
        try await render(req)
    }

    /// The import page; with problems it answers 422 (the file was not imported).
    static func render(_ req: Request, result: String? = nil, problems: [ImportProblem] = [])
        async throws -> Response
    {
        let status: HTTPStatus = problems.isEmpty ? .ok : .unprocessableEntity
        let actor = try req.actor
        let kinds = Kind.allCases.filter { kind in
            kind.access(actor).isAllowed
        }
        guard !kinds.isEmpty else { throw Abort(.forbidden, reason: AccessPolicy.noAccess) }
        let saved = Dictionary(grouping: try await ImportMappingQueries.list(kinds, actor, on: req.db), by: \.kind)
        let sections = kinds.map { k in
            PageModel.Section(
                kind: k.rawValue, label: k.label,
                columns: k.columns.map { $0.header + ($0.required ? "*" : "") }.joined(separator: ", "),
                csv: SiteURL.importTemplate(k.rawValue).path + "?format=csv",
                xlsx: SiteURL.importTemplate(k.rawValue).path + "?format=xlsx",
                action: SiteURL.importUpload(k.rawValue).path,
                exportXlsx: SiteURL.export(k.rawValue).path + "?format=xlsx",
                exportCsv: SiteURL.export(k.rawValue).path + "?format=csv",
                mappings: (saved[k.rawValue] ?? []).map(\.name), mappingsHref: SiteURL.importMappings(k.rawValue).path)
        }
        return try await req.renderPage(
            "imports/index", title: "Impor Data", crumbs: [Crumb("Impor data")],
            PageModel(sections: sections, result: result, problems: problems), status: status)
    }

    static func template(req: Request) async throws -> Response {
        guard let kind = Kind(rawValue: try req.parameters.require("kind")) else { throw Abort(.notFound) }
        let table = ImportSheet.template(kind.columns, example: kind.example)
        let format = try Export.requested(req) ?? .xlsx
        // XLSX carries a second sheet explaining each column; a CSV file has room for one table.
        guard format == .xlsx else {
            return try Export.response(table, filename: "templat-\(kind.rawValue)", format: format)
        }
        return try Export.workbook(
            [(name: kind.label, table: table), (name: "Petunjuk", table: ImportGuide.sheet(kind))],
            filename: "templat-\(kind.rawValue)")
    }

    static func upload(req: Request) async throws -> Response {
        let actor = try req.actor
        guard let kind = Kind(rawValue: try req.parameters.require("kind")) else { throw Abort(.notFound) }
        try kind.access(actor).require()
        struct Posted: Content {
            var file: File?
            /// A saved mapping chosen on the upload form (empty: the file's own headers).
            var mapping: String?
        }
        let posted = try req.content.decode(Posted.self)
        guard let file = posted.file, file.data.readableBytes > 0 else {
            return try await render(
                req,
                problems: [ImportProblem(row: 1, column: "", message: "Pilih berkas CSV atau XLSX terlebih dahulu.")])
        }
        do {
            let data = Data(buffer: file.data)
            var table = try ImportFile.table(data)
            if let name = posted.mapping, !name.isEmpty {
                guard let saved = try await ImportMappingQueries.named(name, kind: kind, actor, on: req.db) else {
                    return try await render(
                        req,
                        problems: [ImportProblem(row: 1, column: "", message: "Pemetaan \"\(name)\" tidak ditemukan.")])
                }
                table = ImportMapping.apply(saved.columns, to: table, columns: kind.columns)
            } else if ImportMapping.isNeeded(headers: table.header, columns: kind.columns) {
                return try await ImportMappingController.start(
                    req, kind: kind, data: data, filename: file.filename, table: table)
            }
            let outcome = try await run(kind, table, actor: actor, req: req, source: file.filename)
            return try await render(req, result: message(kind, outcome))
        } catch let problems as ImportProblems {
            return try await render(req, problems: problems.problems)
        }
    }

    static func message(_ kind: Kind, _ outcome: ImportOutcome) -> String {
        "\(kind.label): \(IndonesianFormat.integer(outcome.imported)) baru, \(IndonesianFormat.integer(outcome.updated)) diubah, \(IndonesianFormat.integer(outcome.unchanged)) tidak berubah."
    }

    /// Reads `table` (Kompeten's headers, possibly after a mapping) and imports it.
    static func run(_ kind: Kind, _ table: Table, actor: Principal, req: Request, source: String?) async throws
        -> ImportOutcome
    {
        let rows = try ImportFile.rows(table, columns: kind.columns)
        return try await kind.run(rows, actor: actor, at: req.now, on: req.db, source: source)
    }

    private struct DryRunDone: Error {}

    /// The problems the import of `table` would report, found by running it in a transaction
    /// that is always rolled back: the same checks as the real run, and nothing written.
    static func dryRun(_ kind: Kind, _ table: Table, actor: Principal, req: Request, source: String?) async throws
        -> [ImportProblem]
    {
        do {
            let rows = try ImportFile.rows(table, columns: kind.columns)
            try await req.db.transaction { db in
                _ = try await kind.run(rows, actor: actor, at: req.now, on: db, source: source)
                throw DryRunDone()
            }
            return []
        } catch is DryRunDone {
            return []
        } catch let problems as ImportProblems {
            return problems.problems
        }
    }

    struct APIErrors: Content {
        var error = true
        let reason: String
        let errors: [ImportProblem]
    }

    /// `POST /api/v1/employees/import` with a CSV or XLSX body; `?mapping=` names a saved
    /// column mapping of the employee import to read the file's headers with.
    static func apiImport(req: Request) async throws -> Response {
        let actor = try req.actor
        try Kind.employees.access(actor).require()
        var saved: SavedImportMapping?
        if let name = try? req.query.get(String.self, at: "mapping") {
            saved = try await ImportMappingQueries.named(name, kind: .employees, actor, on: req.db)
            guard saved != nil else {
                throw ValidationFailure(errors: [
                    FieldError(field: "mapping", message: "Pemetaan \"\(name)\" untuk impor pegawai tidak ditemukan.")
                ])
            }
        }
        // An empty body is answered like an empty file: 422 with the problem on row 1.
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        do {
            let rows: [ImportRow]
            if let saved, !body.isEmpty {
                let table = ImportMapping.apply(
                    saved.columns, to: try ImportFile.table(body), columns: Kind.employees.columns)
                rows = try ImportFile.rows(table, columns: Kind.employees.columns)
            } else {
                rows = try ImportFile.rows(body, columns: Kind.employees.columns)
            }
            let outcome = try await EmployeeImporter.run(rows, actor: actor, at: req.now, on: req.db)
            return try await outcome.encodeResponse(for: req)
        } catch let problems as ImportProblems {
            let response = Response(status: .unprocessableEntity)
            try response.content.encode(
                APIErrors(
                    reason: "Berkas tidak diimpor: \(problems.problems.count) masalah.", errors: problems.problems),
                as: .json)
            return response
        }
    }
}
