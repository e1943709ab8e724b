import Foundation
import Testing

@testable import KompetenCore

@Suite("Development plan workflow")
struct PlanWorkflowTests {
    /// The people around one employee's plan.
    static let owner = PlanActor(
        role: .employee, isOwner: true, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let supervisor = PlanActor(
        role: .supervisor, isOwner: false, isSupervisor: true, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let otherSupervisor = PlanActor(
        role: .supervisor, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let operatorOwn = PlanActor(
        role: .operator, isOwner: false, isSupervisor: false, isOwnOPDOperator: true, employeeHasSupervisor: true)
    static let operatorOther = PlanActor(
        role: .operator, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let admin = PlanActor(
        role: .admin, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let adminNoSupervisor = PlanActor(
        role: .admin, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: false)
    static let assessor = PlanActor(
        role: .assessor, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let provider = PlanActor(
        role: .provider, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)

    static let everyone: [(String, PlanActor)] = [
        ("owner", owner), ("supervisor", supervisor), ("otherSupervisor", otherSupervisor),
        ("operatorOwn", operatorOwn),
        ("operatorOther", operatorOther), ("admin", admin), ("assessor", assessor), ("provider", provider),
    ]

    /// Who may take each step (written out by hand from SPEC §2, not derived from the code).
    static let allowed: [String: Set<String>] = [
        "draft>submitted": ["owner", "operatorOwn", "admin"],
        "submitted>approved_supervisor": ["supervisor"],
        "submitted>rejected": ["supervisor"],
        "approved_supervisor>approved": ["admin"],
        "approved_supervisor>rejected": ["admin"],
        "approved>done": ["admin", "operatorOwn"],
        "rejected>draft": ["owner", "operatorOwn", "admin"],
    ]

    @Test func everyTransitionByEveryRole() {
        for from in PlanStatus.allCases {
            for to in PlanStatus.allCases {
                let key = "\(from.rawValue)>\(to.rawValue)"
                for (name, actor) in Self.everyone {
                    let result = PlanWorkflow.check(from: from, to: to, by: actor, reason: "alasan")
                    let expected = Self.allowed[key]?.contains(name) ?? false
                    switch result {
                    case .success: #expect(expected, "\(name) should not take \(key)")
                    case .failure(let refusal):
                        #expect(!expected, "\(name) should take \(key): \(refusal.message)")
                        // A step that does not exist is a state refusal; one that exists is a role refusal.
                        if Self.allowed[key] == nil {
                            #expect(refusal == .state(refusal.message))
                        } else {
                            #expect(refusal == .role(refusal.message))
                        }
                    }
                }
            }
        }
    }

    @Test func rejectionNeedsAReason() {
        func refusal(_ r: Result<Void, PlanRefusal>) -> PlanRefusal? { if case .failure(let f) = r { f } else { nil } }
        #expect(
            refusal(PlanWorkflow.check(from: .submitted, to: .rejected, by: Self.supervisor, reason: nil))
                == .reasonRequired)
        #expect(
            refusal(PlanWorkflow.check(from: .submitted, to: .rejected, by: Self.supervisor, reason: "  \n "))
                == .reasonRequired)
        #expect(
            (try? PlanWorkflow.check(from: .approvedSupervisor, to: .rejected, by: Self.admin, reason: "Anggaran habis")
                .get()) != nil)
    }

    @Test func bkppdDecidesTheSupervisorStepOnlyWhenThereIsNoSupervisor() {
        #expect(
            (try? PlanWorkflow.check(from: .submitted, to: .approvedSupervisor, by: Self.adminNoSupervisor, reason: nil)
                .get()) != nil)
        #expect(
            (try? PlanWorkflow.check(from: .submitted, to: .approvedSupervisor, by: Self.admin, reason: nil).get())
                == nil)
    }

    @Test func availableStepsAndItemEditing() {
        #expect(PlanWorkflow.available(from: .draft, by: Self.owner) == [.submitted])
        #expect(PlanWorkflow.available(from: .submitted, by: Self.owner) == [])
        #expect(PlanWorkflow.available(from: .submitted, by: Self.supervisor) == [.approvedSupervisor, .rejected])
        #expect(PlanWorkflow.available(from: .done, by: Self.admin) == [])
        #expect(PlanWorkflow.canEditItems(.draft, by: Self.owner))
        #expect(PlanWorkflow.canEditItems(.draft, by: Self.operatorOwn))
        #expect(!PlanWorkflow.canEditItems(.draft, by: Self.supervisor))
        #expect(!PlanWorkflow.canEditItems(.submitted, by: Self.owner))
        #expect(!PlanWorkflow.canEditItems(.approved, by: Self.admin))
    }
}

@Suite("Training needs, due dates and the development access rules")
struct DevelopmentRulesTests {
    @Test func matchesPreferProgrammesClosingTheWholeGapThenCheapest() {
        let needs = TrainingNeeds(programmes: [
            NeedProgramme(id: "A", costPerParticipant: 500_000, raises: ["M.5": 1]),
            NeedProgramme(id: "B", costPerParticipant: 3_000_000, raises: ["M.5": 2, "M.1": 1]),
            NeedProgramme(id: "C", costPerParticipant: 2_000_000, raises: ["M.5": 2]),
            NeedProgramme(id: "D", costPerParticipant: 100_000, raises: ["T.01": 1]),
        ])
        // Gap 2: C and B close it (C cheaper), then A partially.
        #expect(needs.matches(competencyCode: "M.5", gap: 2) == ["C", "B", "A"])
        // Gap 1: everyone closes it; cheapest first.
        #expect(needs.matches(competencyCode: "M.5", gap: 1) == ["A", "C", "B"])
        #expect(needs.matches(competencyCode: "M.1", gap: 1) == ["B"])
        #expect(needs.matches(competencyCode: "SK.1", gap: 1) == [])
    }

    @Test func summaryCountsPeopleAndGaps() {
        let summary = TrainingNeeds.summary([
            Need(employee: "e1", competencyCode: "M.5", gap: 2), Need(employee: "e2", competencyCode: "M.5", gap: 1),
            Need(employee: "e3", competencyCode: "M.5", gap: 1), Need(employee: "e1", competencyCode: "M.1", gap: 1),
            Need(employee: "e2", competencyCode: "SK.1", gap: 1),
        ])
        #expect(summary.map(\.competencyCode) == ["M.5", "M.1", "SK.1"])
        #expect(summary[0].people == 3 && summary[0].totalGap == 4 && summary[0].byGap == [2: 1, 1: 2])
        #expect(summary[1].people == 1 && summary[1].totalGap == 1)
    }

    @Test func addingMonthsClampsTheDay() {
        func d(_ s: String) -> SimpleDate { SimpleDate(iso: s)! }
        #expect(d("2026-11-30").adding(months: 6) == d("2027-05-30"))
        #expect(d("2026-08-31").adding(months: 6) == d("2027-02-28"))
        #expect(d("2027-08-31").adding(months: 6) == d("2028-02-29"))
        #expect(d("2026-01-15").adding(months: -1) == d("2025-12-15"))
        #expect(d("2026-12-01").adding(months: 1) == d("2027-01-01"))
        #expect(d("2026-01-01").days(to: d("2026-12-31")) == 364)
        #expect(d("2024-02-28").days(to: d("2024-03-01")) == 2)
    }

    @Test func pathsBelongToTheirForm() {
        #expect(DevelopmentPath.all.count == 25)
        #expect(DevelopmentPath.isValid(form: .klasikal, path: "KL10"))
        #expect(!DevelopmentPath.isValid(form: .klasikal, path: "NKL03"))
        #expect(DevelopmentPath.isValid(form: .nonklasikal, path: "NKL03"))
        #expect(DevelopmentPath.isValid(form: .pendidikan, path: nil))
        #expect(!DevelopmentPath.isValid(form: .pendidikan, path: "KL01"))
        #expect(!DevelopmentPath.isValid(form: .klasikal, path: nil))
    }

    @Test func accessRules() {
        let i = UUID()
        let opdA = UUID()
        let opdB = UUID()
        let providerA = UUID()
        let providerB = UUID()
        let boss = UUID()
        let staff = UUID()
        func p(_ role: Role, opd: UUID? = nil, employee: UUID? = nil, provider: UUID? = nil) -> Principal {
            Principal(
                userID: UUID(), username: "u", role: role, instansiID: i, opdID: opd, employeeID: employee,
                providerID: provider)
        }
        let lpk = p(.provider, provider: providerA)
        #expect(AccessPolicy.programme(lpk, .write, providerID: providerA).isAllowed)
        #expect(!AccessPolicy.programme(lpk, .read, providerID: providerB).isAllowed)
        #expect(AccessPolicy.programme(p(.employee, opd: opdA), .read, providerID: providerB).isAllowed)
        #expect(!AccessPolicy.programme(p(.operator, opd: opdA), .write, providerID: providerB).isAllowed)
        #expect(AccessPolicy.enrol(p(.operator, opd: opdA), employee: Placement(instansiID: i, opdID: opdA)).isAllowed)
        #expect(!AccessPolicy.enrol(p(.operator, opd: opdA), employee: Placement(instansiID: i, opdID: opdB)).isAllowed)
        #expect(!AccessPolicy.enrol(lpk, employee: Placement(instansiID: i, opdID: opdA)).isAllowed)
        #expect(AccessPolicy.recordCompletion(lpk, providerID: providerA).isAllowed)
        #expect(!AccessPolicy.recordCompletion(lpk, providerID: providerB).isAllowed)
        #expect(!AccessPolicy.recordCompletion(p(.operator, opd: opdA), providerID: providerA).isAllowed)
        let placement = Placement(instansiID: i, opdID: opdA)
        #expect(
            AccessPolicy.verifyLearning(
                p(.supervisor, opd: opdA, employee: boss), employee: placement, employeeID: staff, supervisorID: boss
            ).isAllowed)
        #expect(
            !AccessPolicy.verifyLearning(
                p(.employee, opd: opdA, employee: staff), employee: placement, employeeID: staff, supervisorID: boss
            ).isAllowed)
        #expect(
            !AccessPolicy.verifyLearning(p(.admin), employee: placement, employeeID: staff, supervisorID: boss)
                .isAllowed)
        #expect(
            AccessPolicy.verifyLearning(p(.admin), employee: placement, employeeID: staff, supervisorID: nil).isAllowed)
        #expect(
            AccessPolicy.annualPlan(p(.admin)).isAllowed && !AccessPolicy.annualPlan(p(.operator, opd: opdA)).isAllowed)
        if case .success(let scope) = AccessPolicy.developmentReportScope(p(.operator, opd: opdA)) {
            #expect(scope == opdA)
        } else {
            Issue.record("operator scope")
        }
        #expect(!AccessPolicy.developmentReportScope(p(.employee, opd: opdA)).isSuccess)
    }
}

extension Result {
    fileprivate var isSuccess: Bool { if case .success = self { true } else { false } }
}
