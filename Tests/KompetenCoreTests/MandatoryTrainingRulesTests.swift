import Foundation
import Testing

@testable import KompetenCore

@Suite struct MandatoryTrainingRulesTests {
    func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    // TMT CPNS 2 January 2026, Latsar within 12 months: due 2 January 2027.
    @Test func theDeadlineDayItselfIsStillDue() {
        let r = MandatoryTraining.judge(
            .latsar, start: d("2026-01-02"), months: 12, completedOn: nil, today: d("2027-01-02"))
        #expect(r.dueDate == d("2027-01-02"))
        #expect(r.status == .due)
    }

    @Test func theDayAfterTheDeadlineIsOverdue() {
        let r = MandatoryTraining.judge(
            .latsar, start: d("2026-01-02"), months: 12, completedOn: nil, today: d("2027-01-03"))
        #expect(r.status == .overdue)
    }

    // 31 January + 1 month: February has no 31st, so the deadline is its last day.
    @Test func aMonthEndStartClampsToTheShortMonth() {
        #expect(MandatoryTraining.dueDate(start: d("2026-01-31"), months: 1) == d("2026-02-28"))
        #expect(MandatoryTraining.dueDate(start: d("2028-01-31"), months: 1) == d("2028-02-29"))
        #expect(MandatoryTraining.dueDate(start: d("2026-08-31"), months: 12) == d("2027-08-31"))
    }

    // Appointed on 29 February 2024: 12 months later there is no 29 February.
    @Test func aLeapDayStart() {
        #expect(MandatoryTraining.dueDate(start: d("2024-02-29"), months: 12) == d("2025-02-28"))
        #expect(MandatoryTraining.dueDate(start: d("2024-02-29"), months: 48) == d("2028-02-29"))
        let r = MandatoryTraining.judge(
            .pkp, start: d("2024-02-29"), months: 12, completedOn: nil, today: d("2025-03-01"))
        #expect(r.status == .overdue)
    }

    @Test func aLateCompletionIsDoneButLate() {
        let r = MandatoryTraining.judge(
            .pka, start: d("2025-03-10"), months: 12, completedOn: d("2026-04-01"), today: d("2026-12-07"))
        #expect(r.dueDate == d("2026-03-10"))
        #expect(r.status == .done)
        #expect(r.late)
        let onTime = MandatoryTraining.judge(
            .pka, start: d("2025-03-10"), months: 12, completedOn: d("2026-03-10"), today: d("2026-12-07"))
        #expect(onTime.status == .done)
        #expect(!onTime.late)
    }

    // A batch ending next week is not a completion yet.
    @Test func aFutureCompletionDoesNotCount() {
        let r = MandatoryTraining.judge(
            .latsar, start: d("2026-03-01"), months: 12, completedOn: d("2026-12-14"), today: d("2026-12-07"))
        #expect(r.status == .due)
        #expect(r.completedOn == nil)
    }

    @Test func requirementsFollowCPNSAndPositionKind() {
        let both = MandatoryTraining.requirements(
            cpnsStart: d("2026-03-01"), positionKind: .pengawas, positionStart: d("2026-06-15"))
        #expect(both.map(\.kind) == [.latsar, .pkp])
        #expect(both.map(\.start) == [d("2026-03-01"), d("2026-06-15")])
        #expect(
            MandatoryTraining.requirements(cpnsStart: nil, positionKind: .jpt, positionStart: d("2026-01-05")).map(
                \.kind) == [.pkn2])
        #expect(
            MandatoryTraining.requirements(cpnsStart: nil, positionKind: .administrator, positionStart: d("2026-01-05"))
                .map(\.kind) == [.pka])
        // No TMT jabatan: nothing to count from.
        #expect(MandatoryTraining.requirements(cpnsStart: nil, positionKind: .pengawas, positionStart: nil).isEmpty)
        #expect(
            MandatoryTraining.requirements(cpnsStart: nil, positionKind: .pelaksana, positionStart: d("2026-01-05"))
                .isEmpty)
    }

    @Test func standardPeriodsAreTwelveMonths() {
        for k in MandatoryKind.allCases { #expect(MandatoryDeadlines.standard.months(k) == 12) }
    }
}

@Suite struct MandatoryTrainingAccessTests {
    let instansi = UUID(), opd = UUID(), employee = UUID()
    func p(_ role: Role, opd: UUID? = nil, employee: UUID? = nil, instansi: UUID? = nil) -> Principal {
        Principal(
            userID: UUID(), username: "u", role: role, instansiID: instansi ?? self.instansi, opdID: opd,
            employeeID: employee)
    }

    @Test func eachRoleSeesItsOwnShare() throws {
        #expect(try AccessPolicy.mandatoryTrainingScope(p(.admin)).get() == .instansi)
        #expect(try AccessPolicy.mandatoryTrainingScope(p(.operator, opd: opd)).get() == .opd(opd))
        #expect(
            try AccessPolicy.mandatoryTrainingScope(p(.employee, opd: opd, employee: employee)).get() == .own(employee))
        #expect(
            try AccessPolicy.mandatoryTrainingScope(p(.supervisor, opd: opd, employee: employee)).get()
                == .own(employee))
        for role in [Role.assessor, .provider] {
            #expect(throws: AccessPolicy.Denied.self) { try AccessPolicy.mandatoryTrainingScope(p(role)).get() }
        }
        let superadmin = Principal(
            userID: UUID(), username: "s", role: .superadmin, instansiID: nil, opdID: nil, employeeID: nil)
        #expect(throws: AccessPolicy.Denied.self) { try AccessPolicy.mandatoryTrainingScope(superadmin).get() }
        // An operator without an OPD is refused, not given the city.
        #expect(throws: AccessPolicy.Denied.self) { try AccessPolicy.mandatoryTrainingScope(p(.operator)).get() }
    }
}

@Suite struct EmploymentStatusTests {
    // 199001012015032005: born 1 January 1990, TMT March 2015, female, number 5.
    @Test func theCPNSStartIsTheFirstOfTheNIPTMTMonth() throws {
        let nip = try NIP.parse("199001012015032005", currentYear: 2026).get()
        #expect(EmploymentStatus.cpnsStart(of: nip) == SimpleDate(iso: "2015-03-01"))
        // A NI PPPK (appointment year 2021 + "21") has no TMT month.
        let pppk = try NIP.parse("199203152021212001", currentYear: 2026).get()
        #expect(EmploymentStatus.cpnsStart(of: pppk) == nil)
    }

    @Test func storedTypeAndTMTReadAsOneStatus() {
        #expect(EmploymentStatus.of(employmentType: "PNS", cpnsStart: "2026-03-01") == .cpns)
        #expect(EmploymentStatus.of(employmentType: "PNS", cpnsStart: nil) == .pns)
        #expect(EmploymentStatus.of(employmentType: "PPPK", cpnsStart: nil) == .pppk)
        #expect(EmploymentStatus.of(employmentType: "X", cpnsStart: nil) == nil)
        #expect(EmploymentStatus.cpns.nipKind == .pns)
    }
}
