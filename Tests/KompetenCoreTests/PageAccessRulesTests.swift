import Foundation
import Testing

@testable import KompetenCore

/// The decisions a page's buttons and the menu share with the routes they lead to, per role.
/// Every expected set is written by hand from SPEC's roles, never read back from the code.
@Suite("Access rules shared by buttons, menu and routes")
struct PageAccessRulesTests {
    static let opdA = WriteAccessRulesTests.opdA, providerID = WriteAccessRulesTests.providerID
    static let otherProvider = UUID(), me = UUID()
    /// Actors are made as in `WriteAccessRulesTests` (one instansi, its OPD A and provider).

    /// One actor per role, plus the unbound variants (an operator without OPD, a provider login
    /// without institution, a supervisor without employee record).
    static let actors: [(String, Principal)] = [
        ("superadmin", WriteAccessRulesTests.actor(.superadmin, instansi: nil)),
        ("admin", WriteAccessRulesTests.actor(.admin)),
        ("op", WriteAccessRulesTests.actor(.operator, opd: opdA)),
        ("unboundOp", WriteAccessRulesTests.actor(.operator)),
        ("atasan", WriteAccessRulesTests.actor(.supervisor, opd: opdA, employee: me)),
        ("unlinkedAtasan", WriteAccessRulesTests.actor(.supervisor)),
        ("pegawai", WriteAccessRulesTests.actor(.employee, opd: opdA, employee: UUID())),
        ("asesor", WriteAccessRulesTests.actor(.assessor)),
        ("lpk", WriteAccessRulesTests.actor(.provider, provider: providerID)),
        ("unboundLpk", WriteAccessRulesTests.actor(.provider)),
    ]

    static func allowed(_ rule: (Principal) -> Bool) -> Set<String> {
        Set(actors.filter { rule($0.1) }.map(\.0))
    }

    @Test func approvalInboxIsForBKPPDAndSupervisors() {
        // By hand: BKPPD decides last, the supervisor role first; nobody else has an inbox.
        #expect(
            Self.allowed { AccessPolicy.approvalInbox($0).isAllowed } == ["admin", "atasan", "unlinkedAtasan"])
    }

    @Test func inactiveProgrammesAreForWhoeverMaintainsTheCatalogue() {
        #expect(Self.allowed(AccessPolicy.seesInactiveProgrammes) == ["admin", "lpk", "unboundLpk"])
    }

    @Test func aProviderLoginReachesOnlyItsOwnInstitution() {
        // By hand: provider logins are held to their own institution (or none when unbound).
        let reach = Dictionary(uniqueKeysWithValues: Self.actors.map { ($0.0, AccessPolicy.providerReach($0.1)) })
        #expect(reach["lpk"] == .only(Self.providerID))
        #expect(reach["unboundLpk"] == .only(nil))
        for name in ["superadmin", "admin", "op", "unboundOp", "atasan", "unlinkedAtasan", "pegawai", "asesor"] {
            #expect(reach[name] == .all, "\(name)")
        }
        #expect(AccessPolicy.ProviderReach.only(Self.providerID).reaches(Self.providerID))
        #expect(!AccessPolicy.ProviderReach.only(Self.providerID).reaches(Self.otherProvider))
        #expect(!AccessPolicy.ProviderReach.only(nil).reaches(Self.providerID))
        #expect(AccessPolicy.ProviderReach.all.reaches(Self.otherProvider))
        // "Own" is stronger than "reaches": BKPPD reaches every institution but acts for none.
        #expect(AccessPolicy.ProviderReach.only(Self.providerID).isOwn(Self.providerID))
        #expect(!AccessPolicy.ProviderReach.all.isOwn(Self.providerID))
    }

    @Test func bulkStandardChangesAreBKPPDsOrAnOperatorsForTheirOPD() {
        // By hand: BKPPD the whole instansi (nil), a bound operator their OPD; everyone else,
        // and an operator bound to no OPD, is refused — as for creating a position.
        var scopes: [String: UUID?] = [:]
        for (name, a) in Self.actors {
            if case .success(let scope) = AccessPolicy.bulkStandardScope(a) { scopes[name] = scope }
        }
        #expect(scopes.count == 2)
        #expect(scopes["admin"] == .some(nil))
        #expect(scopes["op"] == .some(Self.opdA))
        #expect(
            AccessPolicy.bulkStandardScope(WriteAccessRulesTests.actor(.operator))
                == .failure(AccessPolicy.Denied(reason: AccessPolicy.otherOPD)))
    }

    @Test func onlyBKPPDRevealsTheFullNIK() {
        #expect(Self.allowed { AccessPolicy.revealNIK($0).isAllowed } == ["admin"])
    }

    @Test func myEvaluationsNeedAnEmployeeRecord() {
        #expect(Self.allowed { AccessPolicy.ownEvaluations($0).isAllowed } == ["atasan", "pegawai"])
    }

    @Test func anOperatorsImportRowsStayInTheirOPD() {
        let otherOPD = UUID()
        // By hand: only an operator is held to an OPD per row (the route already chose who imports).
        #expect(Self.allowed { AccessPolicy.importRowReaches($0, opd: Self.opdA) }.count == Self.actors.count - 1)
        #expect(!AccessPolicy.importRowReaches(WriteAccessRulesTests.actor(.operator), opd: Self.opdA))
        #expect(
            Self.allowed { AccessPolicy.importRowReaches($0, opd: otherOPD) }
                == ["superadmin", "admin", "atasan", "unlinkedAtasan", "pegawai", "asesor", "lpk", "unboundLpk"])
    }

    @Test func howOneStandsToAnEmployeesPlan() {
        let staff = UUID()
        func stance(_ a: Principal, supervisor: UUID? = PageAccessRulesTests.me) -> PlanActor {
            PlanActor(a, employeeID: staff, supervisorID: supervisor, opdID: Self.opdA)
        }
        // By hand: the owner, the direct supervisor and the operator of the employee's OPD.
        let owner = stance(WriteAccessRulesTests.actor(.employee, opd: Self.opdA, employee: staff))
        #expect(owner.isOwner && !owner.isSupervisor && !owner.isOwnOPDOperator && owner.employeeHasSupervisor)
        let boss = stance(WriteAccessRulesTests.actor(.supervisor, opd: Self.opdA, employee: Self.me))
        #expect(!boss.isOwner && boss.isSupervisor && !boss.isOwnOPDOperator)
        #expect(stance(WriteAccessRulesTests.actor(.operator, opd: Self.opdA)).isOwnOPDOperator)
        #expect(!stance(WriteAccessRulesTests.actor(.operator, opd: UUID())).isOwnOPDOperator)
        #expect(!stance(WriteAccessRulesTests.actor(.operator)).isOwnOPDOperator)
        // Nobody is the supervisor of an employee without one, not even an account without a record.
        let head = stance(WriteAccessRulesTests.actor(.admin), supervisor: nil)
        #expect(!head.isSupervisor && !head.employeeHasSupervisor && head.decidesSupervisorStep)
        #expect(!stance(WriteAccessRulesTests.actor(.supervisor), supervisor: nil).isSupervisor)
    }

    @Test func employeeListsReachAsTheRecordRuleDoes() {
        // By hand from `employee(.read)`: BKPPD and assessor everyone, operator their OPD,
        // supervisor their team, employee themself; the unbound and the outsiders nothing.
        let reach = Dictionary(
            uniqueKeysWithValues: Self.actors.map { ($0.0, try? AccessPolicy.employeeListReach($0.1).get()) })
        #expect(reach["admin"] == .all && reach["asesor"] == .all)
        #expect(reach["op"] == .opd(Self.opdA))
        #expect(reach["atasan"] == .team(Self.me))
        let staff = Self.actors.first { $0.0 == "pegawai" }?.1.employeeID
        #expect(staff != nil && reach["pegawai"] == .own(staff!))
        for name in ["superadmin", "unboundOp", "unlinkedAtasan", "lpk", "unboundLpk"] {
            #expect(reach[name] == .some(nil), "\(name)")
        }
    }

    @Test func whoseDecisionsWaitForWhom() {
        // By hand: BKPPD its own queue; anyone with an employee record their direct subordinates.
        let queue = Dictionary(uniqueKeysWithValues: Self.actors.map { ($0.0, AccessPolicy.approvalQueue($0.1)) })
        #expect(queue["admin"] == .bkppd)
        #expect(queue["atasan"] == .subordinates(of: Self.me))
        let staff = Self.actors.first { $0.0 == "pegawai" }?.1.employeeID
        #expect(staff != nil && queue["pegawai"] == .subordinates(of: staff!))
        for name in ["superadmin", "op", "unboundOp", "unlinkedAtasan", "asesor", "lpk", "unboundLpk"] {
            #expect(queue[name] == .nothing, "\(name)")
        }
    }
}
