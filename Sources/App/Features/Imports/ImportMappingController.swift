import KompetenCore
import KompetenFormats
import Vapor

/// The column-mapping step of the web import, and the page of saved mappings per import kind.
enum ImportMappingController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        // The file comes back base64-encoded inside the form: a third larger than the upload.
        web.on(
            .POST, SiteURL.importMapping(.routeParameter).pathComponents,
            body: .collect(maxSize: ByteCount(value: uploadLimit.value / 3 * 4 + 64 * 1024)), use: submit)
        web.get(SiteURL.importMappings(.routeParameter).pathComponents, use: list)
        web.post(SiteURL.importMappingDelete(.routeParameter, .routeParameter).pathComponents, use: delete)
    }

    static func kind(_ req: Request) throws -> ImportsController.Kind {
        guard let kind = ImportsController.Kind(rawValue: try req.parameters.require("kind")) else {
            throw Abort(.notFound)
        }
        return kind
    }

    /// The upload's headers are not Kompeten's: show the mapping page, pre-selected from the
    /// matching headers, or from the saved mapping that fits the file exactly.
    static func start(_ req: Request, kind: ImportsController.Kind, data: Data, filename: String, table: Table)
        async throws -> Response
    {
        let actor = try req.actor
        let saved = try await ImportMappingQueries.list([kind], actor, on: req.db)
        let exact = saved.first { ImportMapping.fitsExactly($0.columns, headers: table.header) }
        let map = exact?.columns ?? ImportMapping.suggest(headers: table.header, columns: kind.columns)
        return try await show(
            req, kind: kind, table: table, map: map, saved: saved, chosen: exact?.name, data: data,
            filename: filename, name: "", errors: [], message: nil, status: .ok)
    }

    struct Posted: Content {
        var file: String?
        var filename: String?
        var columns: [String: String]?
        var saved: String?
        var name: String?
        var action: String?
    }

    /// One form, four buttons: `load` a saved mapping, `preview` the current choice, `save` it
    /// under a name, or `run` the import with it.
    static func submit(req: Request) async throws -> Response {
        let actor = try req.actor
        let kind = try Self.kind(req)
        try kind.access(actor).require()
        let posted = try req.content.decode(Posted.self)
        guard let encoded = posted.file, let data = Data(base64Encoded: encoded), !data.isEmpty else {
            return try await ImportsController.render(
                req,
                problems: [ImportProblem(row: 1, column: "", message: "Berkas tidak terbaca; unggah ulang berkasnya.")])
        }
        let filename = posted.filename ?? ""
        let table: Table
        do { table = try ImportFile.table(data) } catch let problems as ImportProblems {
            return try await ImportsController.render(req, problems: problems.problems)
        }
        let saved = try await ImportMappingQueries.list([kind], actor, on: req.db)
        var map = posted.columns ?? [:]
        var chosen: String?
        if posted.action == "load", let name = posted.saved, let found = saved.first(where: { $0.name == name }) {
            map = found.columns
            chosen = found.name
        }
        let name = posted.name ?? ""
        func page(_ errors: [FieldError], message: String?, status: HTTPStatus) async throws -> Response {
            try await show(
                req, kind: kind, table: table, map: map, saved: saved, chosen: chosen, data: data, filename: filename,
                name: name, errors: errors, message: message, status: status)
        }
        switch posted.action {
        case "save":
            do {
                let made = try await ImportMappingService.create(
                    .init(kind: kind.rawValue, name: name, columns: map), actor: actor, at: req.now, on: req.db)
                chosen = made.name
                return try await show(
                    req, kind: kind, table: table, map: map,
                    saved: try await ImportMappingQueries.list([kind], actor, on: req.db), chosen: made.name,
                    data: data,
                    filename: filename, name: "", errors: [],
                    message: "Pemetaan \"\(made.name)\" disimpan; pilih lagi saat mengunggah berkas sejenis.",
                    status: .ok)
            } catch let failure as ValidationFailure {
                let errors = failure.errors.map {
                    FieldError(field: $0.field.replacingOccurrences(of: "columns.", with: ""), message: $0.message)
                }
                return try await page(errors, message: nil, status: .unprocessableEntity)
            } catch let abort as any AbortError where abort.status == .conflict {
                return try await page(
                    [FieldError(field: "name", message: abort.reason)], message: nil, status: .conflict)
            }
        case "run":
            guard
                case .success(let resolved) = ImportMapping.validate(map, columns: kind.columns, headers: table.header)
            else { return try await page([], message: nil, status: .unprocessableEntity) }
            do {
                let outcome = try await ImportsController.run(
                    kind, ImportMapping.apply(resolved, to: table, columns: kind.columns), actor: actor, req: req,
                    source: filename)
                return try await ImportsController.render(req, result: ImportsController.message(kind, outcome))
            } catch let problems as ImportProblems {
                return try await show(
                    req, kind: kind, table: table, map: map, saved: saved, chosen: chosen, data: data,
                    filename: filename, name: name, errors: [], message: nil, status: .unprocessableEntity,
                    problems: problems.problems)
            }
        default:
            return try await page([], message: nil, status: .ok)
        }
    }

    /// Renders the mapping page; with a complete mapping, the preview and a dry run's problems.
    static func show(
        _ req: Request, kind: ImportsController.Kind, table: Table, map: ImportMapping.Columns,
        saved: [SavedImportMapping], chosen: String?, data: Data, filename: String, name: String,
        errors: [FieldError], message: String?, status: HTTPStatus, problems: [ImportProblem]? = nil
    ) async throws -> Response {
        let actor = try req.actor
        var mapped: Table?
        var found = problems ?? []
        var mappingErrors = errors
        switch ImportMapping.validate(map, columns: kind.columns, headers: table.header) {
        case .success(let resolved):
            mapped = ImportMapping.apply(resolved, to: table, columns: kind.columns)
            if problems == nil, let mapped {
                found = try await ImportsController.dryRun(kind, mapped, actor: actor, req: req, source: filename)
            }
        case .failure(let failure):
            mappingErrors += failure.errors
        }
        let model = ImportMappingPageModel(
            kind: kind, headers: table.header, map: map.filter { !$0.value.isEmpty },
            fitting: saved.filter { ImportMapping.fits($0.columns, headers: table.header) }.map(\.name),
            chosen: chosen, file: data.base64EncodedString(), filename: filename, mapped: mapped, problems: found,
            errors: mappingErrors, name: name, message: message)
        return try await req.renderPage(
            "imports/mapping", title: "Pemetaan Kolom",
            crumbs: [Crumb("Impor data", .imports), Crumb("Pemetaan kolom")], model,
            status: status)
    }

    static func list(req: Request) async throws -> Response {
        let actor = try req.actor
        let kind = try Self.kind(req)
        try kind.access(actor).require()
        let saved = try await ImportMappingQueries.list([kind], actor, on: req.db)
        return try await req.renderPage(
            "imports/mappings", title: "Pemetaan Kolom Tersimpan",
            crumbs: [Crumb("Impor data", .imports), Crumb("Pemetaan tersimpan")],
            ImportMappingListModel(kind: kind, saved: saved))
    }

    static func delete(req: Request) async throws -> Response {
        let actor = try req.actor
        let kind = try Self.kind(req)
        try kind.access(actor).require()
        let removed = try await ImportMappingService.delete(
            try req.parameters.require("id"), actor: actor, at: req.now, on: req.db)
        Flash.add(.success, "Pemetaan \"\(removed.name)\" dihapus.", to: req)
        return req.redirect(to: SiteURL.importMappings(kind.rawValue).path)
    }
}
