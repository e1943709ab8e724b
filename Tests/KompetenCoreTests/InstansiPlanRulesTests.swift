import Foundation
import Testing

@testable import KompetenCore

@Suite("Instansi annual plan rules (Ps 207)")
struct InstansiPlanRulesTests {
    static let admin = InstansiPlanActor(role: .admin, isPPK: false)
    static let adminPPK = InstansiPlanActor(role: .admin, isPPK: true)
    static let sekda = InstansiPlanActor(role: .supervisor, isPPK: true)
    static let operatorOPD = InstansiPlanActor(role: .operator, isPPK: false)
    static let employee = InstansiPlanActor(role: .employee, isPPK: false)
    static let otherAdmin = InstansiPlanActor(role: .admin, isPPK: false, sameInstansi: false)
    static let otherPPK = InstansiPlanActor(role: .supervisor, isPPK: true, sameInstansi: false)

    static let everyone: [(String, InstansiPlanActor)] = [
        ("admin", admin), ("adminPPK", adminPPK), ("sekda", sekda), ("operator", operatorOPD),
        ("employee", employee), ("otherAdmin", otherAdmin), ("otherPPK", otherPPK),
    ]

    /// Who may take each step, written out by hand from the brief.
    static let allowed: [String: Set<String>] = [
        "draf>diusulkan": ["admin", "adminPPK"],
        "diusulkan>draf": ["admin", "adminPPK", "sekda"],
        "diusulkan>ditetapkan": ["adminPPK", "sekda"],
    ]

    static func allows(_ r: Result<Void, InstansiPlanRefusal>) -> Bool { (try? r.get()) != nil }
    static func refusal(_ r: Result<Void, InstansiPlanRefusal>) -> InstansiPlanRefusal? {
        if case .failure(let f) = r { return f }
        return nil
    }

    @Test func everyStepByEveryRole() {
        for from in InstansiPlanStatus.allCases {
            for to in InstansiPlanStatus.allCases where from != to {
                let key = "\(from.rawValue)>\(to.rawValue)"
                for (name, actor) in Self.everyone {
                    let r = InstansiPlanWorkflow.check(from: from, to: to, by: actor, decreeNumber: "188.45/1/KEP/2026")
                    let expected = Self.allowed[key]?.contains(name) ?? false
                    #expect(Self.allows(r) == expected, "\(key) by \(name)")
                }
            }
        }
    }

    @Test func refusalsSayWhy() {
        // A step that does not exist is a state refusal, even for the PPK.
        #expect(
            Self.refusal(InstansiPlanWorkflow.check(from: .draf, to: .ditetapkan, by: Self.sekda, decreeNumber: "1"))
                == .state("Rencana berstatus Draf tidak dapat diubah menjadi Ditetapkan."))
        // An adopted plan is locked.
        guard
            case .failure(.state(let locked)) = InstansiPlanWorkflow.check(
                from: .ditetapkan, to: .draf, by: Self.admin, decreeNumber: nil)
        else {
            Issue.record("expected a state refusal")
            return
        }
        #expect(locked.contains("terkunci"))
        // BKPPD (not designated) may not adopt: a role refusal naming the PPK.
        guard
            case .failure(.role(let m)) = InstansiPlanWorkflow.check(
                from: .diusulkan, to: .ditetapkan, by: Self.admin, decreeNumber: "1")
        else {
            Issue.record("expected a role refusal")
            return
        }
        #expect(m.contains("PPK"))
    }

    @Test func adoptionNeedsADecreeNumber() {
        for blank in [nil, "", "   ", "\n"] {
            #expect(
                Self.refusal(
                    InstansiPlanWorkflow.check(from: .diusulkan, to: .ditetapkan, by: Self.sekda, decreeNumber: blank))
                    == .decreeRequired)
        }
        #expect(
            (try? InstansiPlanWorkflow.check(
                from: .diusulkan, to: .ditetapkan, by: Self.sekda, decreeNumber: "188.45/123/KEP/HK/2026"
            ).get()) != nil)
    }

    @Test func overCeilingIsRefusedFromProposalOn() {
        #expect(
            Self.refusal(
                InstansiPlanWorkflow.check(
                    from: .draf, to: .diusulkan, by: Self.admin, decreeNumber: nil, overCeiling: ["Dinas Kesehatan"]))
                == .overCeiling("Biaya melebihi pagu OPD: Dinas Kesehatan. Sesuaikan butir atau pagu."))
        // Sending it back to draft is always possible: that is how it gets fixed.
        #expect(
            (try? InstansiPlanWorkflow.check(
                from: .diusulkan, to: .draf, by: Self.sekda, decreeNumber: nil, overCeiling: ["Dinas Kesehatan"]
            ).get()) != nil)
    }

    @Test func buttonsFollowTheSameRule() {
        #expect(InstansiPlanWorkflow.available(from: .draf, by: Self.admin) == [.diusulkan])
        #expect(InstansiPlanWorkflow.available(from: .diusulkan, by: Self.sekda) == [.ditetapkan, .draf])
        #expect(InstansiPlanWorkflow.available(from: .diusulkan, by: Self.admin) == [.draf])
        #expect(InstansiPlanWorkflow.available(from: .diusulkan, by: Self.operatorOPD) == [])
        #expect(InstansiPlanWorkflow.available(from: .ditetapkan, by: Self.adminPPK) == [])
    }

    @Test func editsOnlyWhileDraftByBKPPD() {
        #expect((try? InstansiPlanWorkflow.canEdit(.draf, by: Self.admin).get()) != nil)
        #expect((try? InstansiPlanWorkflow.canEdit(.draf, by: Self.sekda).get()) == nil)
        #expect((try? InstansiPlanWorkflow.canEdit(.draf, by: Self.operatorOPD).get()) == nil)
        #expect((try? InstansiPlanWorkflow.canEdit(.diusulkan, by: Self.admin).get()) == nil)
        guard case .failure(.state(let m)) = InstansiPlanWorkflow.canEdit(.ditetapkan, by: Self.admin) else {
            Issue.record("expected a state refusal")
            return
        }
        #expect(m.contains("revisi"))
    }

    @Test func revisionNeedsAnAdoptedPlanBKPPDAndAReason() {
        #expect((try? InstansiPlanWorkflow.canRevise(.ditetapkan, by: Self.admin, reason: "APBD-P").get()) != nil)
        #expect(
            Self.refusal(InstansiPlanWorkflow.canRevise(.ditetapkan, by: Self.admin, reason: " ")) == .reasonRequired)
        #expect((try? InstansiPlanWorkflow.canRevise(.draf, by: Self.admin, reason: "x").get()) == nil)
        #expect((try? InstansiPlanWorkflow.canRevise(.ditetapkan, by: Self.sekda, reason: "x").get()) == nil)
        #expect((try? InstansiPlanWorkflow.canRevise(.ditetapkan, by: Self.otherAdmin, reason: "x").get()) == nil)
    }

    // MARK: totals and realisation on a hand-built example

    static let dinkes = UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!
    static let dispenda = UUID(uuidString: "00000000-0000-0000-0000-0000000000d2")!
    static let latsar = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
    static let excel = UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!
    static let coaching = UUID(uuidString: "00000000-0000-0000-0000-0000000000a3")!

    /// Dinkes: 10 × Latsar (40 JP, Rp 30,000,000) in Q1; 5 × Excel e-learning (8 JP, Rp 2,500,000)
    /// in Q2. Dispenda: 4 × Latsar (40 JP, Rp 12,000,000) in Q3; one coaching by hand with no
    /// programme (3 people, 10 JP, Rp 0) in Q4.
    static let lines = [
        InstansiPlanLine(
            opdID: dinkes, form: .klasikal, quarter: 1, participants: 10, jp: 40, cost: 30_000_000, programmeID: latsar),
        InstansiPlanLine(
            opdID: dinkes, form: .nonklasikal, quarter: 2, participants: 5, jp: 8, cost: 2_500_000, programmeID: excel),
        InstansiPlanLine(
            opdID: dispenda, form: .klasikal, quarter: 3, participants: 4, jp: 40, cost: 12_000_000, programmeID: latsar
        ),
        InstansiPlanLine(
            opdID: dispenda, form: .nonklasikal, quarter: 4, participants: 3, jp: 10, cost: 0, programmeID: nil),
    ]

    @Test func totalsPerOPDAndForm() {
        // 10+5+4+3 = 22 people; 400+40+160+30 = 630 JP; 30 + 2.5 + 12 + 0 = Rp 44.5 million.
        #expect(InstansiPlanTotals.total(Self.lines) == PlanFigures(participants: 22, jp: 630, budget: 44_500_000))
        let opd = InstansiPlanTotals.byOPD(Self.lines)
        #expect(opd[Self.dinkes] == PlanFigures(participants: 15, jp: 440, budget: 32_500_000))
        #expect(opd[Self.dispenda] == PlanFigures(participants: 7, jp: 190, budget: 12_000_000))
        let path = InstansiPlanTotals.byForm(Self.lines)
        #expect(path[.klasikal] == PlanFigures(participants: 14, jp: 560, budget: 42_000_000))
        #expect(path[.nonklasikal] == PlanFigures(participants: 8, jp: 70, budget: 2_500_000))
    }

    @Test func ceilingIsCheckedPerOPDAtTheBoundary() {
        // Dinkes plans Rp 32,500,000: a ceiling of exactly that is fine, one Rupiah less is over.
        #expect(InstansiPlanTotals.overCeiling(Self.lines, ceilings: [Self.dinkes: 32_500_000]).isEmpty)
        #expect(InstansiPlanTotals.overCeiling(Self.lines, ceilings: [Self.dinkes: 32_499_999]) == [Self.dinkes])
        // No ceiling: no limit.
        #expect(InstansiPlanTotals.overCeiling(Self.lines, ceilings: [:]).isEmpty)
    }

    @Test func planAgainstRealisation() {
        // Dinkes completed Latsar: 6 people in Q1 (240 JP, Rp 17,400,000) and 2 in Q2 (moved; 80 JP,
        // Rp 5,800,000). Dispenda did an Excel course nobody planned for it (2 people, 16 JP,
        // Rp 1,000,000). Nobody did Excel in Dinkes, nor Latsar in Dispenda.
        let activities = [
            RealisedActivity(
                programmeID: Self.latsar, opdID: Self.dinkes, quarter: 1, participants: 6, jp: 240, cost: 17_400_000),
            RealisedActivity(
                programmeID: Self.latsar, opdID: Self.dinkes, quarter: 2, participants: 2, jp: 80, cost: 5_800_000),
            RealisedActivity(
                programmeID: Self.excel, opdID: Self.dispenda, quarter: 3, participants: 2, jp: 16, cost: 1_000_000),
        ]
        let r = PlanRealisation(lines: Self.lines, activities: activities)
        #expect(r.planned == PlanFigures(participants: 22, jp: 630, budget: 44_500_000))
        #expect(r.realised == PlanFigures(participants: 8, jp: 320, budget: 23_200_000))
        #expect(r.byOPD[Self.dinkes]?.realised == PlanFigures(participants: 8, jp: 320, budget: 23_200_000))
        #expect(r.byOPD[Self.dispenda]?.realised == PlanFigures())
        #expect(
            r.byQuarter[1]
                == .init(
                    planned: .init(participants: 10, jp: 400, budget: 30_000_000),
                    realised: .init(participants: 6, jp: 240, budget: 17_400_000)))
        #expect(
            r.byQuarter[2]
                == .init(
                    planned: .init(participants: 5, jp: 40, budget: 2_500_000),
                    realised: .init(participants: 2, jp: 80, budget: 5_800_000)))
        #expect(r.byQuarter[3]?.realised == PlanFigures())
        // Excel in Dinkes (index 1) and Latsar in Dispenda (index 2); the by-hand coaching has no
        // programme to match and is not listed.
        #expect(r.notDone == [1, 2])
        #expect(r.unplanned.map(\.opdID) == [Self.dispenda])
        // 23.2 / 44.5 = 52.13… % → 52.
        #expect(r.absorptionPercent == 52)
    }

    @Test func quarterOfADate() {
        #expect(InstansiPlanTotals.quarter(of: "2026-03-31") == 1)
        #expect(InstansiPlanTotals.quarter(of: "2026-04-01") == 2)
        #expect(InstansiPlanTotals.quarter(of: "2026-09-30") == 3)
        #expect(InstansiPlanTotals.quarter(of: "2026-10-01") == 4)
        #expect(InstansiPlanTotals.quarter(of: "2026-13-01") == nil)
    }
}
