import Foundation
import KompetenCore
import Vapor

/// The standar pelayanan of one service for the public (no login): `/s/{code}/standar`, and the
/// maklumat to print and put up at the counter (`/s/{code}/standar/poster`, A4 portrait, QR code
/// to the survey drawn here). No person is named and no staff count is shown: in a unit of one or
/// two pelaksana a count would point at a person.
enum PublicStandardController {
    static func register(_ app: any RoutesBuilder) {
        app.get(SiteURL.publicStandard(.routeParameter).pathComponents, use: page)
        app.get(SiteURL.publicStandardPoster(.routeParameter).pathComponents, use: poster)
    }

    static func page(req: Request) async throws -> View {
        try await render(req, template: "public/standard")
    }

    static func poster(req: Request) async throws -> View {
        try await render(req, template: "public/standard-poster")
    }

    private static func render(_ req: Request, template: String) async throws -> View {
        let s = try await PublicSurveyController.service(code: try req.parameters.require("code"), on: req.db)
        guard let state = try await ServiceStandardDocumentQueries.state(s, today: WITA.today(req.now), on: req.db)
        else { throw Abort(.notFound, reason: "Standar pelayanan layanan ini belum tersedia.") }
        let unit = try await UnitQueries.find(s.unitID, on: req.db)
        let model = PublicStandardModel(
            service: s.name, unit: unit?.name ?? "", document: StandardDocumentModel(state, people: nil),
            surveyLink: SurveyLinks.publicURL(req, path: SiteURL.survey(s.shortCode).path),
            surveyHref: SiteURL.survey(s.shortCode).path, complaintHref: SiteURL.complaintForm(s.shortCode).path,
            qr: SiteURL.surveyQR(s.shortCode).path, posterHref: SiteURL.publicStandardPoster(s.shortCode).path,
            pageHref: SiteURL.publicStandard(s.shortCode).path)
        return try await req.view.render(
            template, PublicPage(title: "Standar Pelayanan: \(s.name)", content: model))
    }
}

/// The public standard page and its poster.
struct PublicStandardModel: Encodable {
    let service: String
    let unit: String
    let document: StandardDocumentModel
    let surveyLink: String
    let surveyHref: String
    let complaintHref: String
    let qr: String
    let posterHref: String
    let pageHref: String
}
