import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// The matrix's second half: not only whether a list or download answers, but WHICH rows each
/// role receives. A world with known records in two OPDs (employees, SKP ratings, assessments,
/// positions); for every role × every list/export the set of NIPs (or position codes) must be
/// exactly what the read rules allow — worked out here by hand, not by asking AccessPolicy.
///
/// To add an export: one more `Case` in `cases` with its path, the column (or JSON key) that
/// names the record, and who sees what.
@Suite("Authorisation matrix: the rows every role receives from every list and export")
struct AuthorizationMatrixDataTests {
    static let roles = ["admin", "operator.a", "operator.b", "atasan", "pegawai", "asesor", "lpk"]

    // The World's people: headA (OPD A, supervises staffA), staffA (OPD A), staffB (OPD B).
    static let head = "198503122010011002", staff = "199001012015032005", staffB = "198807072012122003"
    static let positionA = "DUKCAPIL.ANALIS", positionB = "DINKES.PERAWAT"

    /// What one role may receive: exactly these keys, or a refusal (403/404, or nothing at all).
    enum Expected: Equatable {
        case rows(Set<String>)
        case refused
    }

    enum Key {
        case csvColumn(String)
        case jsonItems(String)
    }

    struct Case {
        let name: String
        let path: String
        let key: Key
        let expected: [String: Expected]
    }

    /// The people each role may read as employee records (AccessPolicy.employee, by hand):
    /// BKPPD and the assessor everyone; an operator their OPD; the supervisor themself and their
    /// subordinate; the employee themself; a provider nobody.
    static let employees: [String: Expected] = [
        "admin": .rows([head, staff, staffB]), "asesor": .rows([head, staff, staffB]),
        "operator.a": .rows([head, staff]), "operator.b": .rows([staffB]),
        "atasan": .rows([head, staff]), "pegawai": .rows([staff]), "lpk": .refused,
    ]
    /// SKP ratings: like employees, but an assessor sees people, not ratings.
    static let performance: [String: Expected] = employees.merging(["asesor": .refused]) { $1 }
    /// Positions: BKPPD and the assessor all; everyone else of an OPD that OPD's.
    static let positions: [String: Expected] = [
        "admin": .rows([positionA, positionB]), "asesor": .rows([positionA, positionB]),
        "operator.a": .rows([positionA]), "operator.b": .rows([positionB]),
        "atasan": .rows([positionA]), "pegawai": .rows([positionA]), "lpk": .refused,
    ]
    /// Gap reports over many people: BKPPD and the assessor everyone, an operator their OPD.
    static let gapReports: [String: Expected] = [
        "admin": .rows([head, staff, staffB]), "asesor": .rows([head, staff, staffB]),
        "operator.a": .rows([head, staff]), "operator.b": .rows([staffB]),
        "atasan": .refused, "pegawai": .refused, "lpk": .refused,
    ]
    /// Reports over many people (JP compliance, needs analysis, talent): BKPPD everyone, an
    /// operator their OPD, nobody else.
    static let opdReports: [String: Expected] = [
        "admin": .rows([head, staff, staffB]), "operator.a": .rows([head, staff]), "operator.b": .rows([staffB]),
        "atasan": .refused, "pegawai": .refused, "asesor": .refused, "lpk": .refused,
    ]
    /// Mandatory training: BKPPD everyone, an operator their OPD, every employee (the supervisor
    /// too) their own requirement only — not their subordinates'; assessors and providers nothing.
    static let mandatory: [String: Expected] = [
        "admin": .rows([head, staff, staffB]), "operator.a": .rows([head, staff]), "operator.b": .rows([staffB]),
        "atasan": .rows([head]), "pegawai": .rows([staff]), "asesor": .refused, "lpk": .refused,
    ]
    /// User accounts: the admin only (every account of the instansi).
    static let users: [String: Expected] = [
        "admin": .rows(["admin", "operator.a", "operator.b", "atasan", "pegawai", "asesor", "lpk"]),
        "operator.a": .refused, "operator.b": .refused, "atasan": .refused, "pegawai": .refused, "asesor": .refused,
        "lpk": .refused,
    ]

    /// Complaints: the handling unit (the service's OPD) and BKPPD; nobody else, not even the
    /// employees of that OPD (the complainant's name and contact are in every row).
    static let complaintA = "Pengaduan layanan OPD A: antrean lama.",
        complaintB = "Pengaduan layanan OPD B: loket tutup."
    static let complaints: [String: Expected] = [
        "admin": .rows([complaintA, complaintB]), "operator.a": .rows([complaintA]), "operator.b": .rows([complaintB]),
        "atasan": .refused, "pegawai": .refused, "asesor": .refused, "lpk": .refused,
    ]

    static let cases: [Case] = [
        Case(name: "API pengaduan", path: "/api/v1/complaints?per=100", key: .jsonItems("text"), expected: complaints),
        Case(
            name: "unduhan pegawai CSV", path: "/exports/employees?format=csv", key: .csvColumn("NIP"),
            expected: employees),
        Case(
            name: "unduhan predikat kinerja", path: "/exports/performance?format=csv", key: .csvColumn("NIP"),
            expected: performance),
        Case(
            name: "unduhan hasil penilaian", path: "/exports/assessments?format=csv", key: .csvColumn("NIP"),
            expected: employees),
        Case(
            name: "unduhan jabatan", path: "/exports/positions?format=csv", key: .csvColumn("Kode Jabatan"),
            expected: positions),
        Case(
            name: "PNS di bawah 20 JP", path: "/development/jp?view=below&year=2026&format=csv", key: .csvColumn("NIP"),
            expected: opdReports),
        Case(
            name: "daftar kesenjangan M.1", path: "/reports/gaps?competency=M.1&format=csv", key: .csvColumn("NIP"),
            expected: gapReports),
        Case(
            name: "kebutuhan pengembangan per pegawai", path: "/development/needs?view=people&year=2026&format=csv",
            key: .csvColumn("NIP"), expected: opdReports),
        Case(name: "talenta 9-box", path: "/talent?year=2025&format=csv", key: .csvColumn("NIP"), expected: opdReports),
        Case(name: "API pegawai", path: "/api/v1/employees?per=100", key: .jsonItems("nip"), expected: employees),
        Case(name: "API jabatan", path: "/api/v1/positions?per=100", key: .jsonItems("code"), expected: positions),
        Case(name: "API pengguna", path: "/api/v1/users?per=100", key: .jsonItems("username"), expected: users),
        Case(
            name: "API pelatihan wajib", path: "/api/v1/mandatory-training", key: .jsonItems("nip"), expected: mandatory
        ),
        Case(
            name: "unduhan pelatihan wajib", path: "/development/pelatihan-wajib?format=csv", key: .csvColumn("NIP"),
            expected: mandatory),
    ]

    /// Known records in both OPDs, written by BKPPD through the API: a position per OPD
    /// requiring M.1 level 4 held by everyone of that OPD, SKP ratings for 2024 and 2025, and
    /// one assessment (M.1 level 3: a gap of 1 for everybody).
    static func seed(_ app: Application, _ world: World) async throws {
        let admin = try await APIClient.login(app, "admin")
        struct Made: Decodable { let id: UUID }
        for (code, unit, holders) in [
            (positionA, world.bidangA, [world.headA, world.staffA]), (positionB, world.opdB, [world.staffB]),
        ] {
            let r = try await admin.send(
                .POST, "/api/v1/positions",
                json: PositionInput(
                    code: code, name: "Jabatan \(code)", kind: "pelaksana", unitId: unit.id!,
                    summary: nil, duties: nil, standards: [.init(competencyCode: "M.1", requiredLevel: 4)]))
            #expect(r.status == .created, "\(r.body.string)")
            let id = try r.json(Made.self).id
            for e in holders {
                e.positionID = id
                try await e.save(on: app.db)
            }
        }
        for e in [world.headA, world.staffA, world.staffB] {
            // Everyone still a CPNS on their NIP's TMT: each has one Latsar requirement to be listed.
            e.cpnsTMT = EmploymentStatus.cpnsStart(of: try NIP.parse(e.nip).get())?.iso
            try await e.save(on: app.db)
            for year in [2024, 2025] {
                let r = try await admin.send(
                    .POST, "/api/v1/employees/\(e.id!)/performance",
                    json: PerformanceInput(
                        year: year, hasilKerja: "sesuai_ekspektasi", perilakuKerja: "di_atas_ekspektasi"))
                #expect(r.status == .created, "\(r.body.string)")
            }
            let a = try await admin.send(
                .POST, "/api/v1/employees/\(e.id!)/assessments",
                json: AssessmentInput(
                    date: "2026-03-01", method: "assessment_center", assessorName: "Tim AC", notes: nil,
                    results: [.init(competencyCode: "M.1", level: 3)]))
            #expect(a.status == .created, "\(a.body.string)")
        }
    }

    /// A service in each OPD with one complaint each, filed by residents without login.
    static func seedComplaints(_ app: Application, _ world: World) async throws {
        let admin = try await APIClient.login(app, "admin")
        struct Made: Decodable { let id: UUID }
        struct Body: Encodable { let text: String }
        for (code, unit, text) in [("MATRIX-A", world.bidangA, complaintA), ("MATRIX-B", world.opdB, complaintB)] {
            let s = try await admin.send(
                .POST, "/api/v1/services",
                json: ServiceInput(code: code, name: "Layanan \(code)", unitId: unit.id!, standardMinutes: 30))
            #expect(s.status == .created, "\(s.body.string)")
            let filed = try await APIClient(app: app, token: nil).send(
                .POST, "/api/v1/public/services/\(try s.json(Made.self).id)/complaints", json: Body(text: text))
            #expect(filed.status == .created, "\(filed.body.string)")
        }
    }

    /// The keys in a response, or nil when it was refused.
    static func keys(_ r: TestingHTTPResponse, _ key: Key) throws -> [String]? {
        guard r.status == .ok else { return nil }
        switch key {
        case .csvColumn(let header):
            var text = r.body.string
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            guard let first = lines.first else { return [] }
            let headers = first.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
            }
            guard let index = headers.firstIndex(of: header) else {
                Issue.record("no column \(header) in \(first)")
                return []
            }
            return lines.dropFirst().map { line in
                let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                return index < cells.count
                    ? cells[index].trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) : ""
            }
        case .jsonItems(let field):
            let object = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            let items = (object?["items"] as? [[String: Any]]) ?? []
            return items.map { ($0[field] as? String) ?? "" }
        }
    }

    @Test func everyRoleReceivesExactlyTheRowsItMayRead() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await Self.seed(app, world)
            try await Self.seedComplaints(app, world)
            var problems: [String] = []
            var checked = 0
            for role in Self.roles {
                let api = try await APIClient.login(app, role)
                let web = try await WebClient.login(app, role)
                for c in Self.cases {
                    let r = c.path.hasPrefix("/api/") ? try await api.send(.GET, c.path) : try await web.get(c.path)
                    if r.status.code >= 500 {
                        problems.append("\(role) \(c.name): \(r.status.code)")
                        continue
                    }
                    let got = try Self.keys(r, c.key)
                    checked += 1
                    switch c.expected[role] ?? .refused {
                    case .refused:
                        // A refusal, or a download with no rows at all.
                        if let got, !got.isEmpty {
                            problems.append("\(role) \(c.name): expected nothing, got \(got.sorted())")
                        }
                        if got == nil, ![403, 404].contains(r.status.code) {
                            problems.append("\(role) \(c.name): \(r.status.code)")
                        }
                    case .rows(let allowed):
                        guard let got else {
                            problems.append(
                                "\(role) \(c.name): refused (\(r.status.code)), expected \(allowed.sorted())")
                            continue
                        }
                        // Each record once per key for lists of people; ratings and assessments repeat the NIP per row.
                        if Set(got) != allowed {
                            problems.append("\(role) \(c.name): got \(Set(got).sorted()), expected \(allowed.sorted())")
                        }
                    }
                }
            }
            #expect(checked == Self.roles.count * Self.cases.count)
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
        }
    }

    /// Row counts, not only sets: two years of SKP per person and one assessment each.
    @Test func rowCountsOfTheDownloads() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await Self.seed(app, world)
            let expected: [String: (performance: Int, assessments: Int)] = [
                "admin": (6, 3), "operator.a": (4, 2), "operator.b": (2, 1), "atasan": (4, 2), "pegawai": (2, 1),
                "asesor": (0, 3),
            ]
            for (role, counts) in expected {
                let web = try await WebClient.login(app, role)
                let performance =
                    try Self.keys(try await web.get("/exports/performance?format=csv"), .csvColumn("NIP")) ?? []
                let assessments =
                    try Self.keys(try await web.get("/exports/assessments?format=csv"), .csvColumn("NIP")) ?? []
                #expect(performance.count == counts.performance, "\(role) performance")
                #expect(assessments.count == counts.assessments, "\(role) assessments")
            }
        }
    }

    /// The talent grid is "never for the person themself, whatever their role": an operator
    /// whose account is also the employee record of headA downloads OPD A's talent list without
    /// their own row (and sees their own SKP ratings, which they may read).
    @Test func anOperatorWithAnEmployeeRecordDoesNotGetTheirOwnTalentRow() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            try await Self.seed(app, world)
            let op = world.users["operator.a"]!
            op.employeeID = world.headA.id
            try await op.save(on: app.db)
            let web = try await WebClient.login(app, "operator.a")
            let talent = try Self.keys(try await web.get("/talent?year=2025&format=csv"), .csvColumn("NIP"))
            #expect(talent.map(Set.init) == [Self.staff])
            let performance = try Self.keys(try await web.get("/exports/performance?format=csv"), .csvColumn("NIP"))
            #expect(performance.map(Set.init) == [Self.head, Self.staff])
        }
    }
}
