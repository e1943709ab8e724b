import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Records made through the API by one signed-in admin, each checked to be created (201).
struct RecordMaker {
    let client: APIClient

    init(_ app: Application, _ username: String) async throws {
        client = try await APIClient.login(app, username)
    }

    func make(_ path: String, _ body: any Encodable) async throws -> UUID {
        struct Made: Decodable { let id: UUID }
        let r = try await client.send(.POST, path, json: body)
        #expect(r.status == .created, "\(path): \(r.status) \(r.body.string)")
        return try r.json(Made.self).id
    }

    /// One record of each catalogue kind: a position and a public service in `unit`, a provider
    /// with one programme and one batch. `letter` tells two instansi's codes apart (B-KTP, PB-01).
    struct Catalogue {
        var position: UUID, provider: UUID, programme: UUID, batch: UUID, service: UUID
    }

    func catalogue(in unit: Unit, letter: String) async throws -> Catalogue {
        let position = try await make(
            "/api/v1/positions",
            PositionInput(
                code: "DUKCAPIL.J1", name: "Analis Kependudukan", kind: "pelaksana",
                unitId: unit.id!, summary: nil, duties: nil, standards: []))
        let provider = try await make(
            "/api/v1/providers", ProviderInput(code: "LPK-\(letter)", name: "LPK Kabupaten", kind: "swasta"))
        let programme = try await make(
            "/api/v1/programs",
            ProgrammeInput(
                code: "P\(letter)-01", title: "Pelayanan Prima", form: "klasikal", path: "KL03",
                providerId: provider, competencies: [.init(competencyCode: "M.5", levelGain: 1)], jp: 24,
                costPerParticipant: 100_000, capacity: 30, description: nil, active: nil))
        let batch = try await make(
            "/api/v1/programs/\(programme)/batches",
            BatchInput(
                name: "Angkatan \(letter)", startDate: "2026-11-23", endDate: "2026-11-30", capacity: 10,
                place: "Oelamasi", online: false))
        let service = try await make(
            "/api/v1/services",
            ServiceInput(
                code: "\(letter)-KTP", name: "KTP-el Kabupaten", unitId: unit.id!,
                standardMinutes: 30, fee: 0, requirements: ["KK"]))
        return Catalogue(position: position, provider: provider, programme: programme, batch: batch, service: service)
    }
}
