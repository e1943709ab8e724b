import Testing

@testable import KompetenCore

/// ABK (analisis beban kerja) against hand-worked figures: needed = Σ volume × norm hours ÷
/// effective hours, 2 decimals half up; kurang/sesuai/lebih on the whole people needed.
@Suite struct WorkloadRulesTests {
    static func task(_ volume: Int, _ normHundredths: Int) -> JobTask {
        JobTask(
            description: "Tugas", output: "Dokumen", unit: "dokumen", annualVolume: volume,
            normHundredths: normHundredths)
    }

    @Test func pengadministrasiKependudukanHasOneAndAThirdPeopleOfWork() {
        // 4,800 × 0.25 h = 1,200 h; 240 × 1.5 h = 360 h; 12 × 8 h = 96 h. Σ = 1,656 h.
        // 1,656 ÷ 1,250 = 1.3248 → 1.32 people; 1 whole person; 3 holders → lebih by 1.68.
        let tasks = [Self.task(4_800, 25), Self.task(240, 150), Self.task(12, 800)]
        let needed = Workload.needed(tasks, effectiveHours: 1_250)
        #expect(needed == 1.32)
        #expect(Workload.wholePeople(needed) == 1)
        #expect(Workload.status(needed: needed, holders: 3) == .lebih)
        #expect(Workload.difference(needed: needed, holders: 3) == 1.68)
        // EJ = 1.32 ÷ 3 = 0.44 → E (kurang).
        #expect(Workload.efficiency(needed: needed, holders: 3) == 0.44)
        #expect(EfficiencyGrade(0.44) == .e)
        #expect(Workload.status(needed: needed, holders: 1) == .sesuai)
        #expect(Workload.status(needed: needed, holders: 0) == .kurang)
        #expect(Workload.efficiency(needed: needed, holders: 0) == nil)
    }

    @Test func halfAPersonRoundsUp() {
        // 2,500 × 1.25 h = 3,125 h ÷ 1,250 = 2.50 exactly → 3 whole people; 2 holders → kurang,
        // difference −0.50; EJ 2.50 ÷ 2 = 1.25 → A.
        let needed = Workload.needed([Self.task(2_500, 125)], effectiveHours: 1_250)
        #expect(needed == 2.5)
        #expect(Workload.wholePeople(needed) == 3)
        #expect(Workload.status(needed: needed, holders: 2) == .kurang)
        #expect(Workload.difference(needed: needed, holders: 2) == -0.5)
        #expect(Workload.efficiency(needed: needed, holders: 2) == 1.25)
        #expect(Workload.wholePeople(2.49) == 2)
    }

    @Test func hundredthsRoundHalfUpExactly() {
        // 25 × 0.25 h = 6.25 h ÷ 1,250 = 0.005 → 0.01 (half up); 6.24 h → 0.004992 → 0.00.
        #expect(Workload.needed([Self.task(25, 25)], effectiveHours: 1_250) == 0.01)
        #expect(Workload.needed([Self.task(1, 624)], effectiveHours: 1_250) == 0)
        // 0.1 h + 0.2 h a thousand times each = 300 h; ÷ 1,500 = 0.20 (no binary 0.30000000000000004).
        #expect(Workload.needed([Self.task(1_000, 10), Self.task(1_000, 20)], effectiveHours: 1_500) == 0.2)
        #expect(Workload.needed([], effectiveHours: 1_250) == 0)
        // Another setting: 1,656 h ÷ 1,200 = 1.38.
        let tasks = [Self.task(4_800, 25), Self.task(240, 150), Self.task(12, 800)]
        #expect(Workload.needed(tasks, effectiveHours: 1_200) == 1.38)
    }

    @Test func efficiencyBandsAtTheirEdges() {
        let expected: [(Double, EfficiencyGrade)] = [
            (1.01, .a), (1.00, .b), (0.90, .b), (0.89, .c), (0.70, .c), (0.69, .d), (0.50, .d), (0.49, .e), (0, .e),
        ]
        for (ej, grade) in expected { #expect(EfficiencyGrade(ej) == grade, "EJ \(ej)") }
    }

    @Test func validationNamesEveryBadFieldByItsAPIPath() throws {
        let good = JobAnalysis.TaskInput(
            description: "Melakukan verifikasi berkas", output: "Berkas terverifikasi", unit: "berkas",
            annualVolume: 4_800, normHours: 0.25)
        let bad = JobAnalysis.TaskInput(
            description: "x", output: "", unit: "berkas", annualVolume: 1.5, normHours: 0.125)
        do {
            _ = try JobAnalysis.validate(
                positionClass: 18, education: "S1", training: nil, experience: nil, tasks: [good, bad],
                texts: [.risks: String(repeating: "a", count: 4_001)])
            Issue.record("a bad job analysis was accepted")
        } catch let failure as ValidationFailure {
            #expect(
                Set(failure.errors.map(\.field)) == [
                    "positionClass", "tasks[1].description", "tasks[1].output", "tasks[1].annualVolume",
                    "tasks[1].normHours", "risks",
                ])
        }
        let ok = try JobAnalysis.validate(
            positionClass: 7, education: " S1 Administrasi ", training: nil, experience: nil, tasks: [good],
            texts: [.tools: "Komputer\nPencetak KTP-el", .risks: "  "])
        #expect(ok.positionClass == 7)
        #expect(ok.education == "S1 Administrasi")
        #expect(
            ok.tasks == [
                JobTask(
                    description: "Melakukan verifikasi berkas", output: "Berkas terverifikasi", unit: "berkas",
                    annualVolume: 4_800, normHundredths: 25)
            ])
        #expect(ok.texts == [.tools: "Komputer\nPencetak KTP-el"])
    }

    @Test func normTimeKeepsTwoDecimalsAndRefusesMore() {
        #expect(JobAnalysis.hundredths(0.25) == 25)
        #expect(JobAnalysis.hundredths(0.29) == 29) // 0.29 * 100 = 28.999999999999996 in binary
        #expect(JobAnalysis.hundredths(1.5) == 150)
        #expect(JobAnalysis.hundredths(0.125) == nil)
        #expect(JobAnalysis.hundredths(0.333) == nil)
    }
}

@Suite("Jenjang jabatan fungsional")
struct FunctionalGradeRulesTests {
    func validate(_ grade: String?, _ kind: PositionKind?) throws -> JobAnalysis {
        try JobAnalysis.validate(
            positionClass: nil, education: nil, training: nil, experience: nil, tasks: [], texts: [:],
            functionalGrade: grade, kind: kind)
    }

    @Test func aGradeBelongsToAFungsionalPositionOnly() throws {
        #expect(try validate("ahli_muda", .fungsional).functionalGrade == .ahliMuda)
        #expect(try validate(" ", .fungsional).functionalGrade == nil)
        #expect(try validate(nil, .pelaksana).functionalGrade == nil)
        for (grade, kind) in [("ahli_muda", PositionKind.pelaksana), ("penyelia", .pengawas), ("mahir", nil)] {
            #expect(throws: ValidationFailure.self, "\(grade) on \(String(describing: kind))") {
                try validate(grade, kind)
            }
        }
        do {
            _ = try validate("ahli muda", .fungsional)
            Issue.record("an unknown grade was accepted")
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field) == ["functionalGrade"])
        }
    }

    @Test func theTwoLaddersOfPermenPANRB1Of2023() {
        #expect(
            FunctionalGrade.allCases.filter { $0.category == .keterampilan }.map(\.label) == [
                "Pemula", "Terampil", "Mahir", "Penyelia",
            ])
        #expect(
            FunctionalGrade.allCases.filter { $0.category == .keahlian }.map(\.label) == [
                "Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama",
            ])
        #expect(FunctionalGrade.ahliMadya.fullLabel == "Keahlian — Ahli Madya")
    }
}
