import Fluent
import KompetenCore
import Vapor

/// `/api/v1/providers/{id}/agreements` and `/api/v1/agreements/{id}`: a provider's MoU / PKS, and the signed PDF as a raw
/// `application/pdf` body (no multipart or base64: the file is the whole body, so a client
/// sends it with `curl --data-binary @pks.pdf`).
enum AgreementsAPIController {
    static func register(_ api: any RoutesBuilder, uploadLimit: ByteCount) {
        api.get("providers", ":id", "agreements", use: list)
        api.post("providers", ":id", "agreements", use: create)
        // One agreement by its own id: the provider follows from it.
        api.get("agreements", ":id", use: show)
        api.put("agreements", ":id", use: update)
        api.delete("agreements", ":id", use: delete)
        api.on(.PUT, "agreements", ":id", "file", body: .collect(maxSize: uploadLimit), use: upload)
        api.get("agreements", ":id", "file", use: download)
    }

    struct UncoveredDTO: Content, Equatable {
        let batchId: UUID, batchName: String, startDate: String, endDate: String, programId: UUID, programCode: String
    }
    struct ListDTO: Content {
        let items: [AgreementDTO]
        /// The provider's batches on days no agreement covers ("di luar perjanjian kerja sama").
        let uncoveredBatches: [UncoveredDTO]
    }

    static func list(req: Request) async throws -> ListDTO {
        let actor = try req.actor
        let p = try await AgreementService.provider(try req.parameters.require("id"), actor, .read, on: req.db)
        let today = WITA.today(req.now)
        let items = try await AgreementQueries.of(providerID: try p.requireID(), on: req.db)
        let uncovered = try await AgreementQueries.uncoveredBatches(actor, providerID: try p.requireID(), on: req.db)
        return ListDTO(
            items: items.map { AgreementDTO($0, today: today) },
            uncoveredBatches: uncovered.map {
                UncoveredDTO(
                    batchId: $0.batchID, batchName: $0.batchName, startDate: $0.startDate, endDate: $0.endDate,
                    programId: $0.programmeID, programCode: $0.programmeCode)
            })
    }

    static func show(req: Request) async throws -> AgreementDTO {
        let (_, a) = try await AgreementService.find(try req.parameters.require("id"), try req.actor, .read, on: req.db)
        return AgreementDTO(a, today: WITA.today(req.now))
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        let providerID: UUID = try req.parameters.require("id")
        _ = try await AgreementService.provider(providerID, actor, .write, on: req.db) // access before the body
        let input = try req.content.decode(AgreementInput.self)
        let a = try await AgreementService.create(providerID: providerID, input, actor: actor, at: req.now, on: req.db)
        return try await AgreementDTO(a, today: WITA.today(req.now)).encodeResponse(status: .created, for: req)
    }

    static func update(req: Request) async throws -> AgreementDTO {
        let actor = try req.actor
        let agreementID: UUID = try req.parameters.require("id")
        _ = try await AgreementService.find(agreementID, actor, .write, on: req.db) // access before the body
        let input = try req.content.decode(AgreementInput.self)
        let a = try await AgreementService.update(
            providerID: nil, agreementID: agreementID, input, actor: actor, at: req.now, on: req.db)
        return AgreementDTO(a, today: WITA.today(req.now))
    }

    static func delete(req: Request) async throws -> HTTPStatus {
        try await AgreementService.delete(
            providerID: nil, agreementID: try req.parameters.require("id"), actor: try req.actor, at: req.now,
            on: req.db)
        return .noContent
    }

    static func upload(req: Request) async throws -> AgreementDTO {
        let actor = try req.actor
        let agreementID: UUID = try req.parameters.require("id")
        let (_, found) = try await AgreementService.find(agreementID, actor, .write, on: req.db) // access first
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let a = try await AgreementService.attach(
            providerID: nil, agreementID: agreementID,
            .init(filename: AgreementFiles.filename(found), data: data), actor: actor, at: req.now, on: req.db)
        return AgreementDTO(a, today: WITA.today(req.now))
    }

    static func download(req: Request) async throws -> Response {
        let (a, file) = try await AgreementService.file(
            providerID: nil, agreementID: try req.parameters.require("id"), actor: try req.actor, on: req.db)
        return AgreementFiles.response(file, agreement: a)
    }
}

/// The signed PDF as a download, for the API and the page alike.
enum AgreementFiles {
    /// `PKS-001-BKPPD-2026.pdf` from the number: letters, digits and dashes only, so the name is
    /// safe in a header and on any file system.
    static func filename(_ a: ProviderAgreement) -> String {
        let safe = String(a.number.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(80))
        return "\(a.agreementKind.rawValue.uppercased())-\(safe).pdf"
    }

    static func response(_ file: EvidenceFile, agreement: ProviderAgreement) -> Response {
        let response = Response(status: .ok, body: .init(data: file.data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        response.headers.setAttachment(filename: filename(agreement))
        return response
    }
}
