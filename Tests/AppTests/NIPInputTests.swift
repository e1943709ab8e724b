import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 12 through the API and the import: a NIP pasted with no-break spaces is
/// accepted (and stored as 18 digits); one whose TMT makes the person 17 is refused.
@Suite("NIP input: pasted whitespace and impossible appointments")
struct NIPInputTests {
    struct EmployeeJSON: Decodable { let nip: String }

    @Test func throughTheAPI() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            func input(_ nip: String, _ type: String = "PNS", rank: String = "III/a") -> EmployeeInput {
                EmployeeInput(
                    nip: nip, name: "Agustinus Tefa", employmentType: type, rank: rank, unitId: world.opdB.id!,
                    positionId: nil, supervisorId: nil)
            }
            // U+00A0 between the groups, as a spreadsheet pastes it: accepted, stored as 18 digits.
            let pasted = try await admin.send(
                .POST, "/api/v1/employees", json: input("19920315\u{00A0}201903\u{00A0}1\u{00A0}007"))
            #expect(pasted.status == .created)
            #expect(try pasted.json(EmployeeJSON.self).nip == "199203152019031007")
            // Born 5 December 2000, TMT January 2018: 17 → refused on the NIP.
            let young = try await admin.send(.POST, "/api/v1/employees", json: input("200012052018011001"))
            #expect(young.status == .unprocessableEntity)
            #expect(try young.json(APIErrorBody.self).fields?.map(\.field) == ["nip"])
            // A PPPK appointed in 2018: refused.
            let early = try await admin.send(
                .POST, "/api/v1/employees", json: input("199001012018212005", "PPPK", rank: "IX"))
            #expect(try early.json(APIErrorBody.self).fields?.map(\.field).contains("nip") == true)
        }
    }
}
