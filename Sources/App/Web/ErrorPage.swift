import KompetenCore
import Vapor

/// The one error page for the web UI.
enum ErrorPage {
    struct Content: Encodable {
        let homeHref = SiteURL.home.path
        let status: UInt
        let heading: String
        let reason: String
        let fields: [FieldError]
    }

    static func render(_ req: Request, status: HTTPStatus, reason: String, fields: [FieldError]) async throws
        -> Response
    {
        let heading: String =
            switch status.code {
            case 403: "Akses ditolak"
            case 404: "Halaman tidak ditemukan"
            case 400, 422: "Permintaan tidak valid"
            case 409: "Terjadi konflik data"
            case 413: "Berkas terlalu besar"
            case 500...: "Terjadi kesalahan"
            default: "Tidak dapat diproses"
            }
        let content = Content(status: status.code, heading: heading, reason: reason, fields: fields)
        do {
            return try await req.renderPage("error", title: heading, content, status: status)
        } catch {
            let response = Response(status: status, body: .init(string: "\(heading): \(reason)"))
            response.headers.contentType = .plainText
            return response
        }
    }
}
