import Foundation
import KompetenCore
import Vapor

/// A published SKM report, read by the public (`/transparansi/skm/{id}`, no login): the snapshot
/// stored when the unit published it, so the published figures never change afterwards. It
/// never holds a suggestion's text (only their number) nor anything about a respondent beyond
/// the profile counts; a withdrawn report is a 404.
enum SKMPublicReportController {
    static func register(_ app: any RoutesBuilder) {
        app.get(SiteURL.skmPublic(.routeParameter).pathComponents, use: page)
    }

    static func page(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self),
            let record = try await SKMReportQueries.published(id, on: req.db), let json = record.snapshot,
            let report = try? JSONDecoder().decode(SKMReport.self, from: Data(json.utf8))
        else {
            throw Abort(.notFound, reason: "Laporan SKM tidak ditemukan atau sudah ditarik.")
        }
        let model = SKMReportModel(
            report, instansi: try await SKMReportQueries.instansiName(record.instansiID, on: req.db), isPublic: true)
        let response = try await req.view.render(
            "public/skm-report", PublicPage(title: "Laporan Hasil Survei Kepuasan Masyarakat", content: model)
        ).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// The transparency page's link text for a published period: "Triwulan III 2026", or the dates.
    static func label(_ record: SKMReportRecord) -> String {
        guard let from = SimpleDate(iso: record.periodFrom), let to = SimpleDate(iso: record.periodTo) else {
            return record.periodFrom
        }
        if let kind = SKMReportPeriod.calendarKind(from: from, to: to) { return kind.label(from: from) }
        return "\(IndonesianFormat.date(from)) – \(IndonesianFormat.date(to))"
    }
}
