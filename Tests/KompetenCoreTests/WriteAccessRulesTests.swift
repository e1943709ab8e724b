import Foundation
import Testing

@testable import KompetenCore

/// The rules asked before a request body is read (who may create a kind of record at all, who
/// may fill some evaluation, who approves plans at all) and the per-record evaluation rule
/// (a provider reads supervisors' L3 only as aggregates).
@Suite("Access rules asked before the body, and evaluation records per reader")
struct WriteAccessRulesTests {
    static let instansi = UUID(), opdA = UUID(), providerID = UUID()
    static let participant = UUID(), boss = UUID()

    static func actor(
        _ role: Role, opd: UUID? = nil, employee: UUID? = nil, provider: UUID? = nil,
        instansi: UUID? = WriteAccessRulesTests.instansi
    ) -> Principal {
        Principal(
            userID: UUID(), username: "u", role: role, instansiID: instansi, opdID: opd, employeeID: employee,
            providerID: provider)
    }

    static let parties = AccessPolicy.EnrolmentParties(
        participantID: participant, supervisorID: boss, providerID: providerID,
        placement: Placement(instansiID: instansi, opdID: opdA))

    @Test func whoMayCreateWhatAtAll() {
        let admin = Self.actor(.admin)
        let op = Self.actor(.operator, opd: Self.opdA)
        let unboundOp = Self.actor(.operator)
        let staff = Self.actor(.employee, opd: Self.opdA, employee: Self.participant)
        let assessor = Self.actor(.assessor)
        let lpk = Self.actor(.provider, provider: Self.providerID)
        let unboundLpk = Self.actor(.provider)
        let superadmin = Self.actor(.superadmin, instansi: nil)
        // By hand: the OPD-placed kinds for BKPPD and bound operators; users, the dictionary,
        // providers and instansi-wide things for BKPPD; programmes also for a bound provider.
        let expected: [CreatableKind: Set<String>] = [
            .unit: ["admin", "op"], .employee: ["admin", "op"], .position: ["admin", "op"], .service: ["admin", "op"],
            .enrolment: ["admin", "op"],
            .user: ["admin"], .competency: ["admin"], .provider: ["admin"], .instansiWide: ["admin"],
            .programme: ["admin", "lpk"],
        ]
        let actors: [(String, Principal)] = [
            ("admin", admin), ("op", op), ("unboundOp", unboundOp), ("staff", staff), ("assessor", assessor),
            ("lpk", lpk), ("unboundLpk", unboundLpk), ("superadmin", superadmin),
        ]
        for kind in CreatableKind.allCases {
            let allowed = Set(actors.filter { AccessPolicy.mayCreate($0.1, kind).isAllowed }.map(\.0))
            #expect(allowed == expected[kind], "\(kind)")
        }
    }

    @Test func fillingSomeEvaluationAndApprovingPlans() {
        #expect(
            AccessPolicy.mayFillSomeEvaluation(Self.actor(.employee, employee: Self.participant), Self.parties)
                .isAllowed)
        #expect(
            AccessPolicy.mayFillSomeEvaluation(Self.actor(.supervisor, employee: Self.boss), Self.parties).isAllowed)
        #expect(
            AccessPolicy.mayFillSomeEvaluation(Self.actor(.provider, provider: Self.providerID), Self.parties).isAllowed
        )
        // the provider's paper scores
        #expect(AccessPolicy.mayFillSomeEvaluation(Self.actor(.admin), Self.parties).isAllowed)
        #expect(!AccessPolicy.mayFillSomeEvaluation(Self.actor(.operator, opd: Self.opdA), Self.parties).isAllowed)
        #expect(!AccessPolicy.mayFillSomeEvaluation(Self.actor(.employee, employee: UUID()), Self.parties).isAllowed)
        #expect(!AccessPolicy.mayFillSomeEvaluation(Self.actor(.provider, provider: UUID()), Self.parties).isAllowed)
        #expect(!AccessPolicy.mayFillSomeEvaluation(Self.actor(.admin, instansi: UUID()), Self.parties).isAllowed)

        #expect(AccessPolicy.mayApprovePlans(Self.actor(.admin)).isAllowed)
        #expect(AccessPolicy.mayApprovePlans(Self.actor(.supervisor, employee: Self.boss)).isAllowed)
        #expect(!AccessPolicy.mayApprovePlans(Self.actor(.operator, opd: Self.opdA)).isAllowed)
        #expect(!AccessPolicy.mayApprovePlans(Self.actor(.assessor)).isAllowed)
        #expect(!AccessPolicy.mayApprovePlans(Self.actor(.provider, provider: Self.providerID)).isAllowed)
    }

    @Test func providersReadSupervisorL3OnlyAsAggregates() {
        let lpk = Self.actor(.provider, provider: Self.providerID)
        func reads(_ actor: Principal, _ level: Int, _ respondent: EvaluationRespondent) -> Bool {
            AccessPolicy.readEvaluationRecord(actor, Self.parties, level: level, respondent: respondent).isAllowed
        }
        #expect(reads(lpk, 1, .participant))
        #expect(reads(lpk, 2, .provider))
        #expect(reads(lpk, 3, .participant))
        #expect(!reads(lpk, 3, .supervisor))
        // Everyone else who reaches the enrolment reads every record; nobody else any.
        for actor in [
            Self.actor(.admin), Self.actor(.operator, opd: Self.opdA), Self.actor(.supervisor, employee: Self.boss),
            Self.actor(.employee, employee: Self.participant),
        ] {
            #expect(reads(actor, 3, .supervisor))
        }
        #expect(!reads(Self.actor(.provider, provider: UUID()), 1, .participant))
        #expect(!reads(Self.actor(.operator, opd: UUID()), 1, .participant))
    }
}
