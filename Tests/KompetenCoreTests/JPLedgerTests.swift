import Testing

@testable import KompetenCore

@Suite struct JPLedgerTests {
    func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    // Worked example: 15 JP end in 2025; a bimtek that starts in Dec 2025 but ends on 10 Jan 2026
    // counts in 2026, with 6 + 10 more → 2026 total 8 + 6 + 10 = 24.
    var ledger: JPLedger {
        JPLedger(activities: [
            JPActivity(title: "Latsar CPNS", jp: 15, endDate: d("2025-12-20")),
            JPActivity(title: "Bimtek SAKIP", jp: 8, endDate: d("2026-01-10")),
            JPActivity(title: "E-learning ASN Unggul", jp: 6, endDate: d("2026-03-05")),
            JPActivity(title: "Coaching", jp: 10, endDate: d("2026-11-30")),
        ])
    }

    @Test func totalsCountInTheYearOfTheEndDate() {
        #expect(ledger.total(year: 2025) == 15)
        #expect(ledger.total(year: 2026) == 24)
        #expect(ledger.total(year: 2027) == 0)
    }

    @Test func statusForPNS() {
        #expect(ledger.status(year: 2025, kind: .pns) == .belowMinimum(missing: 5)) // 20 − 15
        #expect(ledger.status(year: 2026, kind: .pns) == .met)
        #expect(ledger.status(year: 2027, kind: .pns) == .belowMinimum(missing: 20))
        #expect(
            JPLedger(activities: [JPActivity(title: "Diklat", jp: 20, endDate: d("2026-06-01"))])
                .status(year: 2026, kind: .pns) == .met) // exactly 20 is enough
    }

    @Test func statusForPPPK() {
        #expect(ledger.status(year: 2026, kind: .pppk) == .withinCap) // exactly 24 is allowed
        let more = JPLedger(
            activities: ledger.activities + [JPActivity(title: "Sosialisasi", jp: 2, endDate: d("2026-12-31"))])
        #expect(more.status(year: 2026, kind: .pppk) == .aboveCap(excess: 2)) // 26 − 24
    }

    @Test func labels() {
        #expect(JPStatus.belowMinimum(missing: 5).label == "Kurang 5 JP dari minimum 20 JP")
        #expect(JPStatus.met.label == "Memenuhi minimum 20 JP")
        #expect(JPStatus.withinCap.label == "Dalam batas 24 JP")
        #expect(JPStatus.aboveCap(excess: 2).label == "Melebihi batas 24 JP sebanyak 2 JP")
    }

    @Test func minutesToWholeJP() {
        #expect(JPRule.minutesPerJP == 45 && JPRule.minimumPNS == 20 && JPRule.maximumPPPK == 24)
        #expect(JPLedger.jp(minutes: 45) == 1)
        #expect(JPLedger.jp(minutes: 90) == 2)
        #expect(JPLedger.jp(minutes: 899) == 19) // 19.98 JP: the partial hour is not credited
        #expect(JPLedger.jp(minutes: 900) == 20) // 15 hours
        #expect(JPLedger.jp(minutes: 44) == 0)
        #expect(JPLedger.jp(minutes: 0) == 0)
        #expect(JPLedger.jp(minutes: -45) == 0)
    }

    @Test func complianceShare() {
        #expect(JPLedger.complianceShare([20, 19, 35, 0]) == 0.5) // 20 and 35 of four
        #expect(JPLedger.complianceShare([24, 23, 30], minimum: 24) == 2.0 / 3.0)
        #expect(JPLedger.complianceShare([]) == nil)
        #expect(JPLedger.complianceShare([0]) == 0)
    }
}
