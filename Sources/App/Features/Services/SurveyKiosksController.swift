import Fluent
import Foundation
import KompetenCore
import Vapor

/// `/services/kiosks`: the counter kiosks of the units in scope — register one (its key is shown
/// on the next page, once), revoke one.
enum SurveyKiosksController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.kiosks.pathComponents, use: page)
        web.post(SiteURL.kiosks.pathComponents, use: create)
        web.post(SiteURL.kioskRevoke(.routeParameter).pathComponents, use: revoke)
    }

    static let path = SiteURL.kiosks.path

    static func page(req: Request) async throws -> Response {
        try await render(req, key: nil, errors: [], status: .ok)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        struct Form: Content {
            var unitId: String?
            var name: String?
        }
        let form = try? req.content.decode(Form.self)
        do {
            let registered = try await SurveyKiosks.register(
                SurveyKiosks.Input(unitId: form?.unitId.flatMap(UUID.init(uuidString:)), name: form?.name),
                actor: actor, at: req.now, on: req.db)
            let response = try await render(
                req, key: (registered.kiosk.name, registered.key), errors: [], status: .created)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let failure as ValidationFailure {
            return try await render(req, key: nil, errors: failure.errors, status: .unprocessableEntity)
        }
    }

    static func revoke(req: Request) async throws -> Response {
        let k = try await SurveyKiosks.revoke(
            UUID(uuidString: try req.parameters.require("kid")), actor: try req.actor, at: req.now, on: req.db)
        Flash.add(.success, "Kios \"\(k.name)\" dicabut: kuncinya tidak lagi diterima.", to: req)
        return req.redirect(to: path)
    }

    static func render(_ req: Request, key: (name: String, key: String)?, errors: [FieldError], status: HTTPStatus)
        async throws -> Response
    {
        let actor = try req.actor
        let kiosks = try await SurveyKiosks.list(for: actor, on: req.db)
        // The units that run services in the actor's scope, and their OPDs.
        guard let instansiID = actor.instansiID, case .success(let opd) = AccessPolicy.serviceScope(actor) else {
            throw Abort(.forbidden, reason: AccessPolicy.noAccess)
        }
        let units = try await ServiceQueries.servingUnits(instansiID: instansiID, on: req.db).filter {
            opd == nil || $0.opdID == opd
        }
        let canManage = units.contains {
            AccessPolicy.manageKiosks(actor, Placement(instansiID: $0.instansiID, opdID: $0.opdID)).isAllowed
        }
        struct Row: Encodable {
            let name: String
            let unit: String
            let created: String
            let status: String
            let active: Bool
            let revokeAction: String
        }
        struct Model: Encodable {
            let rows: [Row]
            let units: [FormModel.Option]
            let canManage: Bool
            let csrf: String
            let newName: String?
            let newKey: String?
            let errors: [String]
            let header: String
            let action = SiteURL.kiosks.path
        }
        let model = try Model(
            rows: kiosks.map { k, u in
                Row(
                    name: k.name, unit: u.name, created: IndonesianFormat.dateTime(k.createdAt),
                    status: k.revokedAt.map { "dicabut \(IndonesianFormat.dateTime($0))" } ?? "aktif",
                    active: k.revokedAt == nil,
                    revokeAction: try SiteURL.kioskRevoke(k.requireID()).path)
            },
            units: units.map { FormModel.Option(value: $0.id!.uuidString, label: $0.name, selected: false) },
            canManage: canManage, csrf: req.csrfToken, newName: key?.name, newKey: key?.key,
            errors: errors.map(\.message), header: SurveyKiosks.header)
        return try await req.renderPage(
            "services/kiosks", title: "Kios survei",
            crumbs: [Crumb("Layanan publik", .services), Crumb("Kios survei")], model, status: status)
    }
}
