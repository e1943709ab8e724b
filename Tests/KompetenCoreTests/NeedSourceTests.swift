import Testing

@testable import KompetenCore

@Suite struct NeedSourceTests {
    @Test func predicatesBelowBaikAreNeeds() {
        #expect(SKPPredicate.allCases.filter(\.needsDevelopment) == [.butuhPerbaikan, .kurang, .sangatKurang])
        #expect(SourcedNeed.performance(employee: "A", year: 2025, predicate: .baik) == nil)
        #expect(
            SourcedNeed.performance(employee: "A", year: 2025, predicate: .butuhPerbaikan)
                == SourcedNeed(employee: "A", source: .kinerja, subject: "SKP 2025: Butuh Perbaikan"))
    }

    // PKP from TMT 28 November 2025, 12 months: due 28 November 2026; on the 29th it is late.
    @Test func anUnmetMandatoryTrainingIsANeedAndADoneOneIsNot() {
        let start = SimpleDate(iso: "2025-11-28")!
        let today = SimpleDate(iso: "2026-11-29")!
        let late = MandatoryTraining.judge(.pkp, start: start, months: 12, completedOn: nil, today: today)
        #expect(
            SourcedNeed.mandatory(employee: "B", requirement: late)
                == SourcedNeed(employee: "B", source: .pelatihanWajib, subject: "PKP (terlambat sejak 2026-11-28)"))
        let done = MandatoryTraining.judge(
            .pkp, start: start, months: 12, completedOn: SimpleDate(iso: "2026-06-30"), today: today)
        #expect(SourcedNeed.mandatory(employee: "B", requirement: done) == nil)
    }

    @Test func labelsAndTotals() {
        #expect(
            NeedSource.allCases.map(\.label) == ["Standar jabatan", "Jabatan tujuan", "Kinerja", "Pelatihan wajib"])
        #expect(
            NeedSource.allCases.map(\.rawValue) == ["standar_jabatan", "jabatan_tujuan", "kinerja", "pelatihan_wajib"])
        let needs = [
            SourcedNeed(employee: "A", source: .kinerja, subject: "x"),
            SourcedNeed(employee: "B", source: .kinerja, subject: "y"),
            SourcedNeed(employee: "B", source: .pelatihanWajib, subject: "z"),
        ]
        #expect(SourcedNeed.totals(needs) == [.kinerja: 2, .pelatihanWajib: 1])
    }

    /// A jabatan tujuan needing M.1:3 and M.2:4 for someone at M.1 3, M.2 2 and T.X unassessed:
    /// one need (M.2 2 → 4); met and unassessed competencies are none.
    @Test func aTargetPositionGapIsANeedPerAssessedShortfall() {
        let gaps = [
            GapItem(competencyCode: "M.1", required: 3, actual: 3, gap: 0, status: .memenuhi),
            GapItem(competencyCode: "M.2", required: 4, actual: 2, gap: 2, status: .belumMemenuhi),
            GapItem(competencyCode: "T.X", required: 3, actual: nil, gap: nil, status: .belumDinilai),
        ]
        let needs = SourcedNeed.target(employee: "E", positionName: "Kepala Seksi", gaps: gaps)
        #expect(
            needs == [SourcedNeed(employee: "E", source: .jabatanTujuan, subject: "M.2 level 2 → 4 (Kepala Seksi)")])
    }
}
