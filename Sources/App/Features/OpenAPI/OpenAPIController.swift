import Vapor

/// Serves the hand-written OpenAPI 3 document of the JSON API (Resources/OpenAPI/openapi.json).
/// A test checks that every registered /api/v1 route appears in it, and schemathesis fuzzes
/// the running app against it.
enum OpenAPIController {
    static func document(req: Request) async throws -> Response {
        let path = req.application.directory.resourcesDirectory + "OpenAPI/openapi.json"
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.contentType = .json
        return response
    }
}
