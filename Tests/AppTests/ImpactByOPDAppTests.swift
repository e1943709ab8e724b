import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 5 through the API and the page: n counts OPDs, a zero-variance interval is
/// "tidak dapat dihitung" (null in the API, with the reason), fewer than 4 OPDs a side give the
/// figures without an interval, and the pre-trend check stands beside the result.
@Suite("Impact: OPDs as the unit, through the API and the page")
struct ImpactByOPDAppTests {
    static let wave = "from=2026-07-01&to=2026-08-31"

    /// Eight OPDs, each with one employee and two identical services (so services ≠ OPDs). The
    /// first four had their employee complete the M.5 programme in the wave (trained), the rest
    /// did not (control). On-time shares per OPD, in %: earlier (Mar–Apr) → before (May–Jun) →
    /// after (Sep–Oct 2026). Wave: every trained OPD +10, every control OPD 0 (zero variance).
    /// Pre-trend: trained +1, +2, +3, +2, control +2, +1, +2, +3.
    static let shares: [(earlier: Int, before: Int, after: Int)] = [
        (59, 60, 70), (68, 70, 80), (47, 50, 60), (63, 65, 75), // trained
        (58, 60, 60), (54, 55, 55), (73, 75, 75), (67, 70, 70), // control
    ]

    struct World8 {
        let opds: [Unit]
        let employees: [Employee]
        let enrolments: [Enrolment]
    }

    static func eightOPDs(_ app: Application, _ world: World) async throws -> World8 {
        let db = app.db
        let instansi = world.instansi.id!
        let c = try await DevelopmentTests.catalogue(app)
        let batch = try await APIClient.login(app, "admin").send(
            .POST, "/api/v1/programs/\(c.publicService.id)/batches",
            json: BatchInput(
                name: "Angkatan Juli", startDate: "2026-07-20", endDate: "2026-07-31", capacity: 30,
                place: "Aula BKPPD", online: false))
        #expect(batch.status == .created)
        let batchID = try batch.json(DevelopmentTests.BatchJSON.self).id
        var opds: [Unit] = []
        var employees: [Employee] = []
        var enrolments: [Enrolment] = []
        for (i, share) in shares.enumerated() {
            let u = Unit()
            u.id = UUID()
            u.instansiID = instansi
            u.code = "OPD\(i + 1)"
            u.name = "Dinas Uji \(i + 1)"
            u.kind = UnitKind.opd.rawValue
            u.opdID = u.id!
            u.createdAt = testNow
            u.updatedAt = testNow
            try await u.create(on: db)
            let nip = "199001012015031" + String(format: "%03d", 101 + i)
            let parsed = try NIP.parse(nip).get()
            let e = Employee()
            e.id = UUID()
            e.instansiID = instansi
            e.unitID = u.id!
            e.nip = nip
            e.nik = "5371011203850001"
            e.name = "Pegawai Uji \(i + 1)"
            e.sex = parsed.sex.rawValue
            e.birthDate = parsed.birthDate.iso
            e.employmentType = parsed.kind.rawValue
            e.rank = "III/a"
            e.isActive = true
            e.createdAt = testNow
            e.updatedAt = testNow
            try await e.create(on: db)
            for k in 1...2 {
                let s = PublicService()
                s.id = UUID()
                s.instansiID = instansi
                s.unitID = u.id!
                s.code = "UJI-\(i + 1)-\(k)"
                s.shortCode = "uji-\(i + 1)-\(k)"
                s.name = "Layanan Uji \(i + 1).\(k)"
                s.standardMinutes = 60
                s.standardText = "60 menit"
                s.fee = 0
                s.requirements = "KTP"
                s.legalBasis = "Perwali"
                s.isActive = true
                s.createdAt = testNow
                s.updatedAt = testNow
                try await s.create(on: db)
                for (month, onTime) in [
                    ("2026-03", share.earlier), ("2026-04", share.earlier), ("2026-05", share.before),
                    ("2026-06", share.before),
                    ("2026-09", share.after), ("2026-10", share.after),
                ] {
                    let m = ServiceMonth()
                    m.id = UUID()
                    m.instansiID = instansi
                    m.serviceID = s.id!
                    m.month = month
                    m.received = 100
                    m.completed = 100
                    m.onTime = onTime
                    m.meanMinutes = 40
                    m.medianMinutes = 35
                    m.p90Minutes = 70
                    m.backlog = 0
                    m.source = ServiceRecordsImport.fromReport
                    m.updatedAt = testNow
                    try await m.create(on: db)
                }
            }
            if i < 4 {
                // Enrolment closes once a batch has ended, so the completed past enrolment is written directly.
                let en = Enrolment()
                en.id = UUID()
                en.instansiID = instansi
                en.batchID = batchID
                en.programmeID = c.publicService.id
                en.employeeID = e.id!
                en.status = EnrolmentStatus.completed.rawValue
                en.attendancePercent = 100
                en.completedOn = "2026-07-31"
                en.createdAt = testNow
                en.updatedAt = testNow
                try await en.create(on: db)
                enrolments.append(en)
            }
            opds.append(u)
            employees.append(e)
        }
        return World8(opds: opds, employees: employees, enrolments: enrolments)
    }

    struct Pair: Decodable, Equatable {
        let treated: Int
        let control: Int
    }
    struct Estimate: Decodable {
        let n: Pair
        let services: Pair?
        let treatedChange: Double?
        let controlChange: Double?
        let estimate: Double?
        let lower95: Double?
        let upper95: Double?
        let intervalReason: String?
        let intervalNote: String?
    }
    struct Comparison: Decodable {
        struct PreTrend: Decodable {
            let earlier: [String: String]
            let n: Pair
            let estimate: Double?
            let lower95: Double?
            let upper95: Double?
            let intervalReason: String?
        }
        let outcome: String
        let preTrend: PreTrend?
    }

    /// The on-time comparison, decoded; `explicitNulls` says whether the response carries
    /// `"lower95": null, "upper95": null` (present and null, not left out).
    static func onTime(_ app: Application, _ opd: Unit) async throws -> (
        Estimate, Comparison.PreTrend?, explicitNulls: Bool
    ) {
        let r = try await APIClient.login(app, "admin").send(.GET, "/api/v1/units/\(opd.id!)/impact?\(wave)")
        #expect(r.status == .ok)
        struct Body: Decodable { let comparisons: [Comparison] }
        struct Flat: Decodable { let comparisons: [Estimate] }
        let data = Data(r.body.readableBytesView)
        let i = try #require(
            try JSONDecoder().decode(Body.self, from: data).comparisons.firstIndex { $0.outcome == "onTimeShare" })
        let raw = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let rawComparison = (raw?["comparisons"] as? [[String: Any]])?[i]
        let nulls = rawComparison?["lower95"] is NSNull && rawComparison?["upper95"] is NSNull
        return (
            try JSONDecoder().decode(Flat.self, from: data).comparisons[i],
            try JSONDecoder().decode(Body.self, from: data).comparisons[i].preTrend, nulls
        )
    }

    @Test func zeroVarianceIsNotComputableAndNCountsOPDs() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let eight = try await Self.eightOPDs(app, world)
            let (c, preTrend, explicitNulls) = try await Self.onTime(app, eight.opds[0])
            // 4 + 4 OPDs (16 services): trained +10 each, control 0 each → estimate 10, SE 0: no interval.
            #expect(c.n == Pair(treated: 4, control: 4))
            #expect(c.services == Pair(treated: 8, control: 8))
            #expect(c.treatedChange == 10 && c.controlChange == 0 && c.estimate == 10)
            #expect(c.lower95 == nil && c.upper95 == nil && explicitNulls)
            #expect(c.intervalReason == "zero_variance")
            #expect(c.intervalNote?.contains("tidak dapat dihitung") == true)
            // Pre-trend Mar–Apr → May–Jun: both groups +2 on average → 0, ±t(0,975; 6)·√(1/3) = ±1,4127 (hand-worked in ImpactByOPDTests).
            let pre = try #require(preTrend)
            #expect(pre.earlier == ["from": "2026-03-01", "to": "2026-04-30"])
            #expect(pre.n == Pair(treated: 4, control: 4))
            #expect(pre.estimate == 0 && pre.lower95 == -1.41 && pre.upper95 == 1.41)
            #expect(pre.intervalReason == nil)

            let html = try await WebClient.login(app, "admin").get("/impact?\(Self.wave)").body.string
            #expect(html.contains("4 OPD terlatih (8 layanan), 4 OPD pembanding (8 layanan)"))
            #expect(html.contains("tidak dapat dihitung"))
            #expect(!html.contains("10,00 s.d. 10,00"))
            #expect(html.contains("-1,41 s.d. 1,41"))
        }
    }

    @Test func belowFourOPDsAGroupShowsTheFiguresAndWhy() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let eight = try await Self.eightOPDs(app, world)
            // OPD 4's employee did not complete after all: 3 trained (+10 each) against 5 control (0, 0, 0, 0, +10).
            try await eight.enrolments[3].delete(on: app.db)
            let (c, _, explicitNulls) = try await Self.onTime(app, eight.opds[0])
            #expect(c.n == Pair(treated: 3, control: 5))
            // 10 − 10/5 = 8, and no interval: three OPDs cannot measure the spread between OPDs.
            #expect(c.estimate == 8)
            #expect(c.lower95 == nil && c.upper95 == nil && explicitNulls)
            #expect(c.intervalReason == "too_few_opds")
            #expect(c.intervalNote?.contains("sekurang-kurangnya 4 OPD") == true)

            let html = try await WebClient.login(app, "admin").get("/impact?\(Self.wave)").body.string
            #expect(html.contains("3 OPD terlatih (6 layanan), 5 OPD pembanding (10 layanan)"))
            #expect(html.contains("tidak dihitung (kurang dari 4 OPD per kelompok)"))
            // IKM: no survey at all, so nothing to compare, said in words.
            #expect(html.contains("belum cukup data"))
        }
    }
}
