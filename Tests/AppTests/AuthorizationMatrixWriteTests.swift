import Fluent
import Foundation
import KompetenCore
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Access is decided before the body is read: on every write route (read from the router),
/// a request on a record the user may not change is refused with 403/404 whatever its body —
/// a VALID body (so that only authorisation can refuse it) and an EMPTY one (which must not
/// get 422 naming the missing fields). Creates are refused with 403 for roles that may create
/// nothing of the kind, before the body is validated.
///
/// To add a write route: a valid body in `apiBodies`/`webBodies`; a create route (no record id
/// in the path) also needs its line in `creators`, or the test fails and says so.
@Suite("Authorisation matrix: write routes decide access before reading the body")
struct AuthorizationMatrixWriteTests {
    static let roles = AuthorizationMatrixTests.roles

    /// Valid JSON bodies per API write route. `{name}` is replaced by the World's ids.
    static let apiBodies: [String: String] = [
        "POST /api/v1/units": #"{"code":"DUKCAPIL.B9","name":"Bidang Baru","kind":"bidang","parentId":"{opdA}"}"#,
        "PUT /api/v1/units/:id":
            #"{"code":"DUKCAPIL.B8","name":"Bidang Ganti Nama","kind":"bidang","parentId":"{opdA}"}"#,
        "POST /api/v1/users":
            #"{"username":"pengguna.baru","password":"Rahasia-Baru-123","role":"operator","unitId":"{opdA}"}"#,
        "PUT /api/v1/users/:id": #"{"active":true}"#,
        "POST /api/v1/competencies":
            #"{"code":"T.99","name":"Teknis Baru","group":"teknis","definition":"Definisi","field":"Kependudukan","levels":[{"level":1,"description":"a","indicators":["a"]},{"level":2,"description":"b","indicators":["b"]},{"level":3,"description":"c","indicators":["c"]},{"level":4,"description":"d","indicators":["d"]},{"level":5,"description":"e","indicators":["e"]}]}"#,
        "POST /api/v1/positions":
            #"{"code":"DUKCAPIL.J9","name":"Analis Baru","kind":"pelaksana","unitId":"{bidangA}","standards":[]}"#,
        "PUT /api/v1/positions/:id":
            #"{"code":"DUKCAPIL.J8","name":"Analis Ganti","kind":"pelaksana","unitId":"{bidangA}","standards":[]}"#,
        "PUT /api/v1/positions/:id/job-analysis":
            #"{"positionClass":7,"tasks":[{"description":"Memverifikasi berkas","output":"Berkas","unit":"berkas","annualVolume":100,"normHours":0.5}]}"#,
        "PUT /api/v1/positions/:id/key-position": #"{"key":true}"#,
        "PUT /api/v1/employees/:id/target-position": #"{"positionId":null}"#,
        "POST /api/v1/employees":
            #"{"nip":"199303032020121002","name":"Pegawai Baru","employmentType":"PNS","rank":"III/a","unitId":"{bidangA}"}"#,
        "PUT /api/v1/employees/:id":
            #"{"nip":"199202022019031004","name":"Pegawai Ganti","employmentType":"PNS","rank":"III/b","unitId":"{bidangA}"}"#,
        "POST /api/v1/employees/:id/assessments":
            #"{"date":"2026-03-01","method":"assessment_center","results":[{"competencyCode":"M.1","level":3}]}"#,
        "POST /api/v1/employees/:id/performance":
            #"{"year":2025,"hasilKerja":"sesuai_ekspektasi","perilakuKerja":"sesuai_ekspektasi"}"#,
        "POST /api/v1/employees/:id/learning":
            #"{"title":"Webinar Pelayanan","path":"NKL07","organiser":"LAN","startDate":"2026-11-02","endDate":"2026-11-02","jp":2}"#,
        "POST /api/v1/employees/:id/plans": #"{"year":2027}"#,
        "POST /api/v1/providers": #"{"code":"LPK-X","name":"LPK Baru","kind":"swasta"}"#,
        "PUT /api/v1/providers/:id": #"{"code":"LPK-Y","name":"LPK Ganti","kind":"swasta"}"#,
        "POST /api/v1/providers/:id/agreements":
            #"{"kind":"pks","number":"PKS/X/2026","scope":"Pelatihan teknis","startDate":"2026-01-01","endDate":"2026-12-31"}"#,
        "PUT /api/v1/agreements/:id":
            #"{"kind":"pks","number":"PKS/Y/2026","scope":"Pelatihan teknis","startDate":"2026-01-01","endDate":"2027-12-31"}"#,
        // The file route reads the raw body as the PDF (this client sends it as text).
        "PUT /api/v1/agreements/:id/file": "%PDF-1.4\n%%EOF\n",
        "POST /api/v1/programs":
            #"{"code":"PX-01","title":"Pelatihan Baru","form":"klasikal","path":"KL03","providerId":"{provider}","competencies":[{"competencyCode":"M.5","levelGain":1}],"jp":24,"costPerParticipant":100000,"capacity":30}"#,
        "PUT /api/v1/programs/:id":
            #"{"code":"PX-02","title":"Pelatihan Ganti","form":"klasikal","path":"KL03","providerId":"{provider}","competencies":[{"competencyCode":"M.5","levelGain":1}],"jp":24,"costPerParticipant":100000,"capacity":30}"#,
        "POST /api/v1/programs/:id/batches":
            #"{"name":"Angkatan Baru","startDate":"2026-12-07","endDate":"2026-12-11","capacity":10,"place":"Aula","online":false}"#,
        "POST /api/v1/batches/:id/enrolments": #"{"employeeId":"{staffA}"}"#,
        "POST /api/v1/enrolments/:id/complete": #"{"certificateNumber":"SERT/2026/1","attendancePercent":100}"#,
        "POST /api/v1/enrolments/:id/attendance": #"{"attendancePercent":90}"#,
        "PUT /api/v1/enrolments/:id/actual-cost": #"{"actualCost":1500000}"#,
        "POST /api/v1/development-plans": #"{"year":2027,"budget":10000000}"#,
        "PUT /api/v1/development-plans/:id/budget": #"{"budget":10000000,"ceilings":[]}"#,
        "POST /api/v1/development-plans/:id/items":
            #"{"opdId":"{opdA}","title":"Pelayanan Prima","form":"klasikal","path":"KL03","quarter":2,"participants":10,"jp":24,"cost":15000000}"#,
        "PUT /api/v1/development-plans/:id/items/:itemId":
            #"{"opdId":"{opdA}","title":"Pelayanan Prima","form":"klasikal","path":"KL03","quarter":2,"participants":10,"jp":24,"cost":15000000}"#,
        "POST /api/v1/development-plans/:id/transition": #"{"to":"diusulkan"}"#,
        "POST /api/v1/development-plans/:id/revisions": #"{"reason":"Perubahan APBD"}"#,
        "POST /api/v1/enrolments/:id/evaluations":
            #"{"level":1,"respondentRole":"participant","scores":{"material":4,"facilitator":4,"organisation":4,"usefulness":4}}"#,
        "POST /api/v1/learning/:id/decision": #"{"verify":true}"#,
        "POST /api/v1/plans/:id/items": #"{"title":"Webinar","jp":2}"#,
        "POST /api/v1/plans/:id/transition": #"{"to":"submitted"}"#,
        "POST /api/v1/plans/optimize": #"{"year":2027,"budget":10000000}"#,
        "POST /api/v1/plans/optimize/adopt": #"{"year":2027,"budget":10000000}"#,
        "POST /api/v1/users/:id/password": #"{"password":"Rahasia-Baru-123"}"#,
        "POST /api/v1/kiosks": #"{"unitId":"{opdA}","name":"Kios Loket 1"}"#,
        "POST /api/v1/services":
            #"{"code":"KTP-X","name":"Layanan Baru","unitId":"{opdA}","standardMinutes":30,"fee":0,"requirements":["KK"]}"#,
        "POST /api/v1/services/:id/standards": #"{"effectiveFrom":"2027-01-01","value":28,"unit":"hari_kerja"}"#,
        "PUT /api/v1/services/:id/standard":
            #"{"effectiveFrom":"2027-01-01","components":{"persyaratan":"Isi","prosedur":"Isi","jangkaWaktu":"Isi","biaya":"Isi","produk":"Isi","pengaduan":"Isi","dasarHukum":"Isi","saranaPrasarana":"Isi","pengawasanInternal":"Isi","jaminanPelayanan":"Isi","jaminanKeamanan":"Isi","evaluasiKinerja":"Isi","kompetensiPelaksana":[{"competencyCode":"M.5","requiredLevel":3}],"jumlahPelaksana":{"count":4}}}"#,
        "POST /api/v1/holidays": #"{"date":"2027-12-31","name":"Libur Baru","kind":"cuti_bersama"}"#,
        "POST /api/v1/import-mappings":
            #"{"kind":"employees","name":"Ekspor SIASN","columns":{"nip":"NIP BARU","name":"NAMA","type":"STATUS PEGAWAI","rank":"GOL AKHIR","unit":"UNOR"}}"#,
        "POST /api/v1/complaints/:id/reply": #"{"text":"Sudah kami tindak lanjuti."}"#,
        "POST /api/v1/complaints/:id/transition": #"{"to":"ditolak","reason":"Bukan layanan kami."}"#,
        "PUT /api/v1/units/:id/skm-report/follow-up":
            #"{"rows":[{"element":"U3","action":"Tambah loket","due":"2026-12-31","responsible":"Kepala Bidang","status":"berjalan"}],"note":"Catatan"}"#,
    ]

    /// Valid form bodies per web write route (the CSRF token is added by the client).
    static let webBodies: [String: [String: String]] = [
        "POST /units": ["code": "DUKCAPIL.B9", "name": "Bidang Baru", "kind": "bidang", "parentId": "{opdA}"],
        "POST /units/:id/edit": [
            "code": "DUKCAPIL.B8", "name": "Bidang Ganti", "kind": "bidang", "parentId": "{opdA}",
        ],
        "POST /employees": [
            "nip": "199202022019031004", "name": "Pegawai Baru", "employmentType": "PNS", "rank": "III/a",
            "unitId": "{bidangA}",
        ],
        "POST /employees/:id/edit": [
            "nip": "199202022019031004", "name": "Pegawai Ganti", "employmentType": "PNS", "rank": "III/a",
            "unitId": "{bidangA}",
        ],
        "POST /employees/:id/assessments": [
            "date": "2026-03-01", "method": "assessment_center", "assessorName": "Tim AC", "level[M.1]": "3",
        ],
        "POST /employees/:id/learning": [
            "title": "Webinar Pelayanan", "path": "NKL07", "organiser": "LAN", "startDate": "2026-11-02",
            "endDate": "2026-11-02", "jp": "2",
        ],
        "POST /enrolments/:id/complete": ["certificateNumber": "SERT/2026/1", "attendancePercent": "100"],
        "POST /services/kiosks": ["unitId": "{opdA}", "name": "Kios Loket 1"],
        "POST /employees/:id/performance": [
            "year": "2025", "hasilKerja": "sesuai_ekspektasi", "perilakuKerja": "sesuai_ekspektasi",
        ],
        "POST /positions": ["code": "DUKCAPIL.J9", "name": "Analis Baru", "kind": "pelaksana", "unitId": "{bidangA}"],
        "POST /positions/:id/edit": [
            "code": "DUKCAPIL.J8", "name": "Analis Ganti", "kind": "pelaksana", "unitId": "{bidangA}",
        ],
        "POST /positions/:id/copy-standard": ["sourceCode": "DUKCAPIL.J1"],
        "POST /positions/:id/anjab/edit": [
            "positionClass": "7", "taskDescription[]": "Memverifikasi berkas", "taskOutput[]": "Berkas",
            "taskUnit[]": "berkas", "taskVolume[]": "100", "taskNorm[]": "0,5",
        ],
        "POST /positions/:id/suksesi/kunci": ["key": "1"],
        "POST /positions/:id/suksesi/tujuan": ["employee": "{staffA}", "clear": "1"],
        "POST /positions/bulk-standards": ["kind": "pelaksana", "competency": "M.1", "level": "2"],
        "POST /providers": ["code": "LPK-X", "name": "LPK Baru", "kind": "swasta"],
        "POST /providers/:id/edit": ["code": "LPK-Y", "name": "LPK Ganti", "kind": "swasta"],
        "POST /providers/:id/agreements": [
            "kind": "pks", "number": "PKS/X/2026", "scope": "Pelatihan teknis", "startDate": "2026-01-01",
            "endDate": "2026-12-31",
        ],
        "POST /providers/:id/agreements/:agreement/edit": [
            "kind": "pks", "number": "PKS/Y/2026", "scope": "Pelatihan teknis", "startDate": "2026-01-01",
            "endDate": "2027-12-31",
        ],
        "POST /programs": [
            "code": "PX-01", "title": "Pelatihan Baru", "form": "klasikal", "path": "KL03", "providerId": "{provider}",
            "competencies": "M.5:1", "jp": "24", "costPerParticipant": "100000", "capacity": "30",
        ],
        "POST /programs/:id/edit": [
            "code": "PX-02", "title": "Pelatihan Ganti", "form": "klasikal", "path": "KL03", "providerId": "{provider}",
            "competencies": "M.5:1", "jp": "24", "costPerParticipant": "100000", "capacity": "30",
        ],
        "POST /programs/:id/batches": [
            "name": "Angkatan Baru", "startDate": "2026-12-07", "endDate": "2026-12-11", "capacity": "10",
            "place": "Aula",
        ],
        "POST /competencies": [
            "code": "T.99", "name": "Teknis Baru", "field": "Kependudukan", "definition": "Definisi",
            "level1": "a", "level2": "b", "level3": "c", "level4": "d", "level5": "e",
        ],
        "POST /competencies/:id/edit": [
            "code": "T.98", "name": "Teknis Ganti", "field": "Kependudukan", "definition": "Definisi",
            "level1": "a", "level2": "b", "level3": "c", "level4": "d", "level5": "e",
        ],
        "POST /services": [
            "code": "KTP-X", "name": "Layanan Baru", "unitId": "{opdA}", "standard": "30", "fee": "0",
            "requirements": "KK",
        ],
        "POST /services/:id": [
            "code": "KTP-Y", "name": "Layanan Ganti", "unitId": "{opdA}", "standard": "30", "fee": "0",
            "requirements": "KK",
        ],
        "POST /admin/users": [
            "username": "pengguna.baru", "password": "Rahasia-Baru-123", "role": "operator", "unitId": "{opdA}",
        ],
        "POST /admin/users/:id/edit": ["role": "operator", "unitId": "{opdA}", "active": "1"],
        "POST /admin/users/:id/password": ["password": "Rahasia-Baru-123"],
        "POST /batches/:id/enrolments": ["nip": "199001012015032005"],
        "POST /enrolments/:id/attendance": ["attendancePercent": "90"],
        "POST /employees/:id/plans": ["year": "2027"],
        "POST /plans/:id/items": ["title": "Webinar", "jp": "2"],
        "POST /plans/:id/transition": ["to": "submitted"],
        "POST /learning/:id/decision": ["verify": "1"],
        "POST /admin/settings": ["formula": "capped", "thresholds": "pemetaan"],
        "POST /development/annual-plan/adopt": ["year": "2027", "budget": "10000000"],
        "POST /development/plans": ["year": "2027", "budget": "10000000", "source": "empty"],
        "POST /development/plans/ppk": ["userId": ""],
        "POST /enrolments/:id/actual-cost": ["actualCost": "1500000"],
        "POST /development/plans/:id/items": [
            "opdId": "{opdA}", "title": "Pelayanan Prima", "form": "klasikal", "path": "KL03", "quarter": "2",
            "participants": "10", "jp": "24", "cost": "15000000",
        ],
        "POST /development/plans/:id/items/:item/edit": [
            "opdId": "{opdA}", "title": "Pelayanan Prima", "form": "klasikal", "path": "KL03", "quarter": "2",
            "participants": "10", "jp": "24", "cost": "15000000",
        ],
        "POST /development/plans/:id/budget": ["budget": "10000000"],
        "POST /development/plans/:id/transition": ["to": "diusulkan"],
        "POST /development/plans/:id/revisions": ["reason": "Perubahan APBD"],
        "POST /skm/follow-up": [
            "unit": "{opdA}", "from": "2026-01-01", "to": "2026-06-30", "plan": "Perbaiki antrean",
        ],
        "POST /skm/publish": ["unit": "{opdA}", "from": "2026-01-01", "to": "2026-06-30"],
        "POST /skm/withdraw": ["unit": "{opdA}", "from": "2026-01-01", "to": "2026-06-30"],
        "POST /services/:id/standards": ["effectiveFrom": "2027-01-01", "standard": "28 hari kerja"],
        "POST /services/:id/standar": [
            "effectiveFrom": "2027-01-01", "rows": "1", "kode0": "M.5", "level0": "3", "jumlah": "4",
            "persyaratan": "Isi", "prosedur": "Isi", "jangkaWaktu": "Isi", "biaya": "Isi", "produk": "Isi",
            "pengaduan": "Isi", "dasarHukum": "Isi", "saranaPrasarana": "Isi", "pengawasanInternal": "Isi",
            "jaminanPelayanan": "Isi", "jaminanKeamanan": "Isi", "evaluasiKinerja": "Isi",
        ],
        "POST /admin/holidays": ["date": "2027-12-31", "name": "Libur Baru", "kind": "cuti_bersama"],
        "POST /complaints/:id/reply": ["text": "Sudah kami tindak lanjuti."],
        "POST /complaints/:id/transition": ["to": "ditolak", "reason": "Bukan layanan kami."],
    ]

    /// Create routes (no record in the path) and the roles that may create something there at
    /// all (the record a role may create may still be limited by the body, e.g. its own OPD).
    /// Every other signed-in role gets 403 whatever the body.
    static let creators: [String: Set<String>] = [
        "POST /api/v1/units": ["admin", "operator.a", "operator.b"],
        "POST /api/v1/users": ["admin"],
        "POST /api/v1/competencies": ["admin"],
        "POST /api/v1/positions": ["admin", "operator.a", "operator.b"],
        "POST /api/v1/employees": ["admin", "operator.a", "operator.b"],
        "POST /api/v1/employees/import": ["admin", "operator.a", "operator.b"],
        "POST /api/v1/positions/import": ["admin", "operator.a", "operator.b"],
        "POST /api/v1/assessments/import": ["admin", "asesor"],
        "POST /api/v1/performance/import": ["admin", "operator.a", "operator.b"],
        "POST /api/v1/providers": ["admin"],
        "POST /api/v1/programs": ["admin", "lpk"],
        "POST /api/v1/plans/optimize": ["admin"],
        "POST /api/v1/plans/optimize/adopt": ["admin"],
        "POST /api/v1/services": ["admin", "operator.a", "operator.b"],
        "POST /units": ["admin", "operator.a", "operator.b"],
        "POST /employees": ["admin", "operator.a", "operator.b"],
        "POST /positions": ["admin", "operator.a", "operator.b"],
        "POST /positions/bulk-standards": ["admin", "operator.a", "operator.b"],
        "POST /competencies": ["admin"],
        "POST /providers": ["admin"],
        "POST /programs": ["admin", "lpk"],
        "POST /services": ["admin", "operator.a", "operator.b"],
        "POST /admin/users": ["admin"],
        "POST /admin/settings": ["admin"],
        // Sends one mail to the admin's own address; nothing is stored.
        "POST /admin/settings/test-mail": ["admin"],
        "POST /development/annual-plan/adopt": ["admin"],
        "POST /api/v1/development-plans": ["admin"],
        "POST /development/plans": ["admin"],
        "POST /development/plans/ppk": ["admin"],
        "POST /monitoring/rebuild": ["admin"],
        "POST /skm/follow-up": ["admin", "operator.a", "operator.b"],
        "POST /skm/publish": ["admin", "operator.a", "operator.b"],
        "POST /skm/withdraw": ["admin", "operator.a", "operator.b"],
        "POST /imports/:kind": ["admin", "operator.a", "operator.b", "asesor"],
        // A column mapping is saved by whoever may run some import (the kind then decides).
        "POST /imports/:kind/mapping": ["admin", "operator.a", "operator.b", "asesor"],
        "POST /api/v1/import-mappings": ["admin", "operator.a", "operator.b", "asesor"],
        // The standar pelayanan sheet: whoever reads the catalogue; each row then as its service allows.
        "POST /services/standar/impor": ["admin", "operator.a", "operator.b"],
        // Anyone with an employee record may be someone's direct supervisor.
        "POST /plans/bulk-approve": ["admin", "atasan", "pegawai"],
        "POST /superadmin/instansi": [],
        "POST /api/v1/kiosks": ["admin", "operator.a", "operator.b"],
        "POST /services/kiosks": ["admin", "operator.a", "operator.b"],
        // The holiday calendar judges every OPD's working-day services: BKPPD only.
        "POST /api/v1/holidays": ["admin"],
        "POST /admin/holidays": ["admin"],
    ]

    /// Routes that are not writes on the app's records: login, logout, the public survey, and
    /// one's own account (every user changes their own password, creates and revokes their own
    /// API tokens, and marks their own notices read — NotificationsTests shows nobody marks another's).
    static func skipped(_ key: String) -> Bool {
        [
            "POST /login", "POST /logout", "POST /api/v1/auth/token", "POST /akun/token",
            "POST /akun/token/:tokenID/cabut",
            "DELETE /api/v1/auth/tokens/:tokenID", "POST /akun/password", "POST /api/v1/me/password",
            "POST /notifikasi/:nid/dibaca", "POST /notifikasi/semua-dibaca", "POST /api/v1/me/notifications/:id/read",
            "POST /akun/email",
        ].contains(key)
            || key.hasPrefix("POST /s/") || key.hasPrefix("POST /api/v1/public/")
    }

    /// Write routes that take no body to validate (an action on the record itself) or a file
    /// upload (an empty upload is the invalid case there). The API's SKM publish and withdraw act
    /// on the report the path and query name.
    static func bodiless(_ key: String) -> Bool {
        let suffixes = [
            "/cancel", "/delete", "/retire", "/cabut", "/nik", "/reject", "/restore", "/revoke", "/rebuild", "/import",
            "/tests",
            "/paper", "/records", "/evaluate", "/bulk-approve", "/standar/impor", "/test-mail",
        ]
        if key.hasPrefix("POST /api/v1/")
            && (key.hasSuffix("/skm-report/publish") || key.hasSuffix("/skm-report/withdraw"))
        {
            return true
        }
        if key.hasPrefix("DELETE") || key == "POST /superadmin/instansi" || key.hasPrefix("POST /imports/") {
            return true
        }
        return suffixes.contains { key.hasSuffix($0) }
    }

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    static func substitute(_ text: String, _ ids: [String: UUID]) -> String {
        ids.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value.uuidString) }
    }

    enum Body { case empty, valid }

    static func send(
        _ app: Application, _ route: Route, _ path: String, _ body: Body, ids: [String: UUID],
        api: APIClient, web: WebClient
    ) async throws -> TestingHTTPResponse {
        let key = Self.key(route)
        if path.hasPrefix("/api/") {
            let raw = body == .valid ? apiBodies[key].map { substitute($0, ids) } ?? "{}" : "{}"
            return try await api.send(route.method, path, raw: route.method == .DELETE ? nil : raw)
        }
        let fields = body == .valid ? (webBodies[key] ?? [:]).mapValues { substitute($0, ids) } : [:]
        return try await web.post(path, fields)
    }

    /// A refusal by authorisation: 403 or 404 (a record one may not see is not revealed).
    static func refused(_ r: TestingHTTPResponse) -> Bool { [403, 404].contains(r.status.code) }

    /// Instansi B's enrolment, plan and outside learning, on top of the matrix's other records.
    static func moreOfInstansiB(_ app: Application, _ world: World, _ other: inout AuthorizationMatrixTests.Other)
        async throws
    {
        let b = try await APIClient.login(app, "admin.lain")
        struct Made: Decodable { let id: UUID }
        func make(_ path: String, _ raw: String) async throws -> UUID {
            let r = try await b.send(.POST, path, raw: raw)
            #expect((200..<300).contains(r.status.code), "\(path): \(r.status) \(r.body.string)")
            return try r.json(Made.self).id
        }
        let employee = world.otherEmployee.id!.uuidString
        other.ids["enrolments"] = try await make(
            "/api/v1/batches/\(other.ids["batches"]!)/enrolments", #"{"employeeId":"\#(employee)"}"#)
        other.ids["plans"] = try await make("/api/v1/employees/\(employee)/plans", #"{"year":2027}"#)
        other.ids["development-plans"] = try await make("/api/v1/development-plans", #"{"year":2027,"budget":1000000}"#)
        other.ids["learning"] = try await make(
            "/api/v1/employees/\(employee)/learning",
            #"{"title":"Webinar","path":"NKL07","organiser":"LAN","startDate":"2026-11-02","endDate":"2026-11-02","jp":2}"#
        )
    }

    @Test func foreignRecordsAreRefusedWhateverTheBody() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            var other = try await AuthorizationMatrixTests.otherInstansi(app, world)
            try await Self.moreOfInstansiB(app, world, &other)
            let admin = try await APIClient.login(app, "admin")
            struct Made: Decodable { let id: UUID }
            let positionA = try await admin.send(
                .POST, "/api/v1/positions",
                raw: Self.substitute(
                    #"{"code":"DUKCAPIL.J1","name":"Analis","kind":"pelaksana","unitId":"{bidangA}","standards":[]}"#,
                    ["bidangA": world.bidangA.id!])
            ).json(Made.self).id
            let serviceA = try await admin.send(
                .POST, "/api/v1/services",
                raw: Self.substitute(
                    #"{"code":"KTP-A","name":"KTP-el","unitId":"{opdA}","standardMinutes":30,"fee":0,"requirements":["KK"]}"#,
                    ["opdA": world.opdA.id!])
            ).json(Made.self).id
            let placeholders: [String: UUID] = [
                "opdA": world.opdA.id!, "bidangA": world.bidangA.id!, "staffA": world.staffA.id!,
                "provider": other.ids["providers"]!,
            ]
            let routes = app.routes.all.filter { ![.GET, .HEAD, .OPTIONS].contains($0.method) }
            var problems: [String] = []
            var checked = 0

            // Every write route names a valid body, so that the valid-body half means something.
            for route in routes where !Self.skipped(Self.key(route)) {
                let key = Self.key(route)
                let bodiless = Self.bodiless(key)
                if !bodiless, Self.apiBodies[key] == nil, Self.webBodies[key] == nil {
                    problems.append("no valid example body for \(key)")
                }
            }

            for role in Self.roles {
                let api = try await APIClient.login(app, role)
                let web = try await WebClient.login(app, role)
                for route in routes where !Self.skipped(Self.key(route)) {
                    let (path, bound) = AuthorizationMatrixTests.fill(route, ids: other.ids, code: other.code)
                    guard bound else { continue }
                    for body in [Body.empty, .valid] {
                        let r = try await Self.send(app, route, path, body, ids: placeholders, api: api, web: web)
                        checked += 1
                        if !Self.refused(r) {
                            problems.append(
                                "\(role) instansi lain \(body) \(Self.key(route)) → \(r.status.code) \(r.body.string.prefix(120))"
                            )
                        }
                    }
                }
            }

            // Operator B on OPD A's unit, employee, position and service.
            let api = try await APIClient.login(app, "operator.b")
            let web = try await WebClient.login(app, "operator.b")
            let opdA: [String: UUID] = [
                "units": world.bidangA.id!, "employees": world.staffA.id!, "positions": positionA, "services": serviceA,
            ]
            for route in routes where !Self.skipped(Self.key(route)) {
                let key = Self.key(route)
                let (path, bound) = AuthorizationMatrixTests.fill(route, ids: opdA, code: "x")
                guard bound,
                    ["units", "employees", "positions", "services"].contains(where: { key.contains("/\($0)/:id") })
                else { continue }
                for body in [Body.empty, .valid] {
                    let r = try await Self.send(app, route, path, body, ids: placeholders, api: api, web: web)
                    checked += 1
                    if !Self.refused(r) {
                        problems.append(
                            "operator.b OPD lain \(body) \(key) → \(r.status.code) \(r.body.string.prefix(120))")
                    }
                }
            }
            #expect(checked > 500)
            #expect(
                problems.isEmpty,
                Comment(rawValue: "\(problems.count) of \(checked):\n" + problems.joined(separator: "\n")))
            // Nothing of OPD A was changed by operator B.
            #expect(try await Unit.find(world.bidangA.id, on: app.db)?.name == "Bidang Pelayanan Pendaftaran Penduduk")
            #expect(try await Employee.find(world.staffA.id, on: app.db)?.name == "Maria Fanggidae")
        }
    }

    @Test func createsAreRefusedBeforeTheBodyIsRead() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let placeholders: [String: UUID] = [
                "opdA": world.opdA.id!, "bidangA": world.bidangA.id!, "staffA": world.staffA.id!, "provider": UUID(),
            ]
            let routes = app.routes.all.filter { ![.GET, .HEAD, .OPTIONS].contains($0.method) }
                .filter {
                    !Self.skipped(Self.key($0))
                        && !$0.path.contains { if case .parameter(let n) = $0 { n != "kind" } else { false } }
                }
            var problems: [String] = []
            for route in routes where Self.creators[Self.key(route)] == nil {
                problems.append("create route \(Self.key(route)) is not in `creators`")
            }
            for role in Self.roles {
                let api = try await APIClient.login(app, role)
                let web = try await WebClient.login(app, role)
                for route in routes {
                    let key = Self.key(route)
                    guard let allowed = Self.creators[key], !allowed.contains(role) else { continue }
                    let (path, _) = AuthorizationMatrixTests.fill(route, ids: [:], code: "x")
                    for body in [Body.empty, .valid] {
                        let r = try await Self.send(app, route, path, body, ids: placeholders, api: api, web: web)
                        if r.status != .forbidden {
                            problems.append("\(role) \(body) \(key) → \(r.status.code) \(r.body.string.prefix(120))")
                        }
                    }
                }
            }
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
        }
    }

    /// The example bodies are valid: BKPPD's admin sends each API one to a record of its own
    /// instansi and it is accepted, so in the tests above only authorisation refuses them.
    @Test func theExampleBodiesAreValid() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            struct Made: Decodable { let id: UUID }
            func make(_ path: String, _ raw: String, _ ids: [String: UUID]) async throws -> UUID {
                let r = try await admin.send(.POST, path, raw: Self.substitute(raw, ids))
                #expect(r.status == .created, "\(path): \(r.body.string)")
                return try r.json(Made.self).id
            }
            var ids: [String: UUID] = [
                "opdA": world.opdA.id!, "bidangA": world.bidangA.id!, "staffA": world.staffA.id!,
            ]
            ids["provider"] = try await make(
                "/api/v1/providers", #"{"code":"LPK-A","name":"LPK Kota","kind":"swasta"}"#, ids)
            let programme = try await make(
                "/api/v1/programs",
                #"{"code":"PA-01","title":"Pelatihan A","form":"klasikal","path":"KL03","providerId":"{provider}","competencies":[{"competencyCode":"M.5","levelGain":1}],"jp":24,"costPerParticipant":100000,"capacity":30}"#,
                ids)
            let position = try await make(
                "/api/v1/positions",
                #"{"code":"DUKCAPIL.J1","name":"Analis","kind":"pelaksana","unitId":"{bidangA}","standards":[]}"#, ids)
            let agreement = try await make(
                "/api/v1/providers/\(ids["provider"]!)/agreements",
                #"{"number":"PKS/A/2026","scope":"Pelatihan","startDate":"2026-01-01","endDate":"2026-12-31"}"#, ids)
            // Own records for the routes with an id; routes about enrolments, plans and learning
            // need a history first and are covered by their own suites.
            let own: [String: UUID] = [
                "units": world.bidangA.id!, "employees": world.staffB.id!, "users": world.users["operator.a"]!.id!,
                "positions": position, "providers": ids["provider"]!, "programs": programme,
                "agreements": agreement,
            ]
            var problems: [String] = []
            var checked = 0
            let routes = app.routes.all.filter { Self.apiBodies[Self.key($0)] != nil }
                // updates first: creates reuse their codes
                .sorted { Self.key($0).contains(":id") && !Self.key($1).contains(":id") }
            for route in routes {
                let key = Self.key(route)
                let (path, bound) = AuthorizationMatrixTests.fill(route, ids: own, code: "x")
                if key.contains(":id"), !bound { continue }
                checked += 1
                let r = try await admin.send(route.method, path, raw: Self.substitute(Self.apiBodies[key]!, ids))
                if !(200..<300).contains(r.status.code) {
                    problems.append("\(key) → \(r.status.code) \(r.body.string.prefix(200))")
                }
            }
            #expect(checked >= 20)
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
        }
    }
}
