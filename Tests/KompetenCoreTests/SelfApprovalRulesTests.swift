import Foundation
import Testing

@testable import KompetenCore

/// Issue 15 item 14: nobody approves (or rejects) their own plan, whatever their role.
@Suite("Plans: nobody decides their own")
struct SelfApprovalRulesTests {
    /// An admin whose account is also the plan's employee; with and without a supervisor.
    static let adminOwner = PlanActor(
        role: .admin, isOwner: true, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: true)
    static let adminOwnerHead = PlanActor(
        role: .admin, isOwner: true, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: false)
    static let otherAdmin = PlanActor(
        role: .admin, isOwner: false, isSupervisor: false, isOwnOPDOperator: false, employeeHasSupervisor: false)

    @Test func anAdminDoesNotApproveTheirOwnPlan() {
        func refused(_ from: PlanStatus, _ to: PlanStatus, _ a: PlanActor) -> Bool {
            if case .failure(.role) = PlanWorkflow.check(from: from, to: to, by: a, reason: "alasan") { return true }
            return false
        }
        // BKPPD step on their own plan: refused (the old rule allowed any admin).
        #expect(refused(.approvedSupervisor, .approved, Self.adminOwner))
        #expect(refused(.approvedSupervisor, .rejected, Self.adminOwner))
        // Head of an OPD with no supervisor who is an admin: the supervisor step is BKPPD's, but not theirs.
        #expect(refused(.submitted, .approvedSupervisor, Self.adminOwnerHead))
        #expect(refused(.submitted, .rejected, Self.adminOwnerHead))
        #expect(PlanWorkflow.available(from: .submitted, by: Self.adminOwnerHead) == [])
        #expect(PlanWorkflow.available(from: .approvedSupervisor, by: Self.adminOwner) == [])
        // Another admin decides it.
        #expect(
            (try? PlanWorkflow.check(from: .submitted, to: .approvedSupervisor, by: Self.otherAdmin, reason: nil).get())
                != nil)
        // Authoring their own plan stays possible.
        #expect((try? PlanWorkflow.check(from: .draft, to: .submitted, by: Self.adminOwner, reason: nil).get()) != nil)
    }

    @Test func learningIsNeverVerifiedByItsEmployee() {
        let instansi = UUID()
        let me = UUID()
        let placement = Placement(instansiID: instansi, opdID: UUID())
        let admin = Principal(
            userID: UUID(), username: "admin", role: .admin, instansiID: instansi, opdID: nil, employeeID: me,
            providerID: nil)
        // No supervisor in the system: BKPPD verifies — but not this admin's own record.
        #expect(!AccessPolicy.verifyLearning(admin, employee: placement, employeeID: me, supervisorID: nil).isAllowed)
        #expect(
            AccessPolicy.verifyLearning(admin, employee: placement, employeeID: UUID(), supervisorID: nil).isAllowed)
    }
}
