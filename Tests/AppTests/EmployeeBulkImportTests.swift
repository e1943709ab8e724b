import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// The employee import at file scale (issue 20, target 2): bulk inserts and a re-import that
/// compares in memory must keep the all-or-nothing rule, the "Baris N, kolom X" problems and
/// the history/audit of the rows that do change. Runs on SQLite and, with
/// KOMPETEN_TEST_POSTGRES_URL, on PostgreSQL.
@Suite("Employee bulk import")
struct EmployeeBulkImportTests {
    struct Outcome: Decodable, Equatable {
        let imported: Int
        let updated: Int
        let unchanged: Int
    }
    /// Row i (0-based) of the file: a PNS NIP born 1970+i%25, month 1+(i/25)%12, day
    /// 1+(i/300)%28 (unique for i < 8,400), TMT March of the 25th birthday year, male, seq 001.
    static func nip(_ i: Int) -> String {
        let year = 1970 + i % 25
        let month = 1 + (i / 25) % 12
        let day = 1 + (i / 300) % 28
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)\(two(month))\(two(day))\(year + 25)031001"
    }

    static func csv(_ count: Int, edit: (Int, inout [String]) -> Void = { _, _ in }) -> String {
        var lines = ["NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit;Kode Jabatan;NIP Atasan"]
        for i in 0..<count {
            var fields = [nip(i), "Pegawai Uji \(i)", "PNS", "III/a", "DINKES", "", ""]
            edit(i, &fields)
            lines.append(fields.joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The API call of the import tests (`POST /api/v1/employees/import`, CSV body).
    func post(_ client: APIClient, _ body: String) async throws -> TestingHTTPResponse {
        try await ImportTests().post(client, body)
    }

    @Test func oneBadRowInTwoThousandWritesNothingAndIsNamed() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let employees = try await Employee.query(on: app.db).count()
            let assignments = try await EmployeeAssignment.query(on: app.db).count()
            // Data row 1000 (0-based) is line 1,002 of the file: the header is line 1.
            let r = try await post(admin, Self.csv(2000) { i, f in if i == 1000 { f[4] = "TIDAKADA" } })
            #expect(r.status == .unprocessableEntity)
            let problems = try r.json(ImportTests.Problems.self).errors
            #expect(problems.map(\.row) == [1002])
            #expect(problems.map(\.column) == ["Kode Unit"])
            #expect(try await Employee.query(on: app.db).count() == employees)
            #expect(try await EmployeeAssignment.query(on: app.db).count() == assignments)
        }
    }

    @Test func reimportChangesNothingAndThreeEditsChangeExactlyThree() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let employees = try await Employee.query(on: app.db).count()
            let assignments = try await EmployeeAssignment.query(on: app.db).count()
            let file = Self.csv(2000)
            let first = try await post(admin, file)
            #expect(first.status == .ok)
            #expect(try first.json(Outcome.self) == Outcome(imported: 2000, updated: 0, unchanged: 0))
            #expect(try await Employee.query(on: app.db).count() == employees + 2000)
            // Every new employee opens one assignment.
            #expect(try await EmployeeAssignment.query(on: app.db).count() == assignments + 2000)
            let sample = try #require(try await Employee.query(on: app.db).filter(\.$nip == Self.nip(7)).first())
            #expect(sample.name == "Pegawai Uji 7")
            #expect(sample.unitID == world.opdB.id)
            #expect(sample.version == 0)
            #expect(sample.isActive)

            let again = try await post(admin, file)
            #expect(try again.json(Outcome.self) == Outcome(imported: 0, updated: 0, unchanged: 2000))
            #expect(try await EmployeeAssignment.query(on: app.db).count() == assignments + 2000)

            // Row 10 renamed, row 500 promoted, row 1500 moved to DUKCAPIL.
            let edited = Self.csv(2000) { i, f in
                if i == 10 { f[1] = "Pegawai Diganti" }
                if i == 500 { f[3] = "III/b" }
                if i == 1500 { f[4] = "DUKCAPIL" }
            }
            let third = try await post(admin, edited)
            #expect(try third.json(Outcome.self) == Outcome(imported: 0, updated: 3, unchanged: 1997))
            let changed = try await Employee.query(on: app.db).filter(\.$version == 1).all()
            #expect(Set(changed.map(\.nip)) == [Self.nip(10), Self.nip(500), Self.nip(1500)])
            #expect(changed.first { $0.nip == Self.nip(10) }?.name == "Pegawai Diganti")
            #expect(changed.first { $0.nip == Self.nip(500) }?.rank == "III/b")
            let moved = try #require(changed.first { $0.nip == Self.nip(1500) })
            #expect(moved.unitID == world.opdA.id)
            // Only the move writes history: its old assignment closed, a new one opened.
            #expect(try await EmployeeAssignment.query(on: app.db).count() == assignments + 2001)
            let history = try await EmployeeAssignment.query(on: app.db).filter(\.$employeeID == moved.id!).all()
            #expect(history.count == 2)
            #expect(history.filter { $0.endedAt == nil }.map(\.unitID) == [world.opdA.id!])
            let audit = try #require(
                try await AuditEntry.query(on: app.db)
                    .filter(\.$summary == "Impor pegawai: 0 baru, 3 diubah, 1997 tetap").first())
            let after = try JSONDecoder().decode([String: [String]].self, from: Data((audit.after ?? "").utf8))
            #expect(Set(after["diubah"] ?? []) == [Self.nip(10), Self.nip(500), Self.nip(1500)])
            #expect(after["baru"] == [])
        }
    }
}
