import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// The standar pelayanan of the services in scope as CSV/XLSX (`/services/standar/ekspor`), and
/// the same sheet back (`/services/standar/impor`): whoever reads the catalogue may download
/// it; each imported row is then held to the rule of changing that service's standard.
enum ServiceStandardsTransferController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.serviceStandardsExport.pathComponents, use: export)
        web.on(
            .POST, SiteURL.serviceStandardsImport.pathComponents, body: .collect(maxSize: uploadLimit), use: upload)
    }

    struct Query: Content { var unit: String? }

    static func export(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit, policy: AccessPolicy.serviceScope)
        let services = try await ServiceCatalogue.list(instansiID: scope.instansiID, unitIDs: scope.unitIDs, on: req.db)
        return try Export.response(
            try await ServiceStandardsTransfer.export(services, today: WITA.today(req.now), on: req.db),
            filename: "standar-pelayanan", format: try Export.requested(req) ?? .xlsx, sheet: "Standar pelayanan")
    }

    static func upload(req: Request) async throws -> Response {
        let actor = try req.actor
        // Authorise first: who may not read the catalogue gets nothing read from the file.
        if case .failure(let denied) = AccessPolicy.serviceScope(actor) {
            throw Abort(.forbidden, reason: denied.reason)
        }
        struct Upload: Content { var file: File? }
        let file = try req.content.decode(Upload.self).file
        do {
            guard let file, file.data.readableBytes > 0 else {
                throw ImportProblems([
                    ImportProblem(row: 1, column: "", message: "Pilih berkas CSV atau XLSX terlebih dahulu.")
                ])
            }
            let o = try await ServiceStandardsTransfer.run(
                Data(buffer: file.data), actor: actor, at: req.now, on: req.db)
            Flash.add(
                .success, "Impor standar pelayanan: \(o.versions) versi baru, \(o.unchanged) layanan tidak berubah.",
                to: req)
            return req.redirect(to: SiteURL.services.path)
        } catch let problems as ImportProblems {
            let lines = problems.problems.prefix(50).map {
                "Baris \($0.row)\($0.column.isEmpty ? "" : ", kolom \($0.column)"): \($0.message)"
            }
            return try await req.renderPage(
                "services/standards-import", title: "Impor standar pelayanan",
                crumbs: [Crumb("Layanan publik", .services), Crumb("Impor standar pelayanan")],
                ImportPage(
                    problems: lines, action: SiteURL.serviceStandardsImport.path,
                    exportHref: SiteURL.serviceStandardsExport.path),
                status: .unprocessableEntity)
        }
    }

    struct ImportPage: Encodable {
        let problems: [String]
        let action: String
        let exportHref: String
    }
}
