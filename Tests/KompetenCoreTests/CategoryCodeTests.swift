import Foundation
import Testing

@testable import KompetenCore

/// The category enums replaced strings the API, exports and stored columns already carried: their
/// raw values must stay those strings and their labels what the pages showed. Both lists are
/// written out from SPEC.md §1 and the code the enums replaced, never from `allCases`.
@Suite("Category codes") struct CategoryCodeTests {
    private func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    @Test func jpmCategoryCodesAndLabels() throws {
        #expect(
            JPMCategory.allCases.map(\.rawValue) == [
                "optimal", "cukup_optimal", "kurang_optimal", "memenuhi_syarat", "masih_memenuhi_syarat",
                "kurang_memenuhi_syarat", "belum_dinilai",
            ])
        #expect(
            JPMCategory.allCases.map(\.label) == [
                "Optimal", "Cukup optimal", "Kurang optimal", "Memenuhi syarat", "Masih memenuhi syarat",
                "Kurang memenuhi syarat", "Belum dinilai",
            ])
        #expect(try json([JPMCategory.cukupOptimal, .belumDinilai]) == #"["cukup_optimal","belum_dinilai"]"#)
        // The report columns: the set's three categories, best first, then the unassessed.
        #expect(JPMThresholds.pemetaan.categories == [.optimal, .cukupOptimal, .kurangOptimal, .belumDinilai])
        #expect(
            JPMThresholds.pengisianJabatan.categories == [
                .memenuhiSyarat, .masihMemenuhiSyarat, .kurangMemenuhiSyarat, .belumDinilai,
            ])
    }

    @Test func skpCodesAndLabels() throws {
        // reference/predikat-skp.json: the ratings are codes, the predicates the regulation's words.
        #expect(
            SKPRating.allCases.map(\.rawValue) == ["di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi"])
        #expect(SKPRating.allCases.map(\.label) == ["Di bawah ekspektasi", "Sesuai ekspektasi", "Di atas ekspektasi"])
        let words = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
        #expect(SKPPredicate.allCases.map(\.rawValue) == words)
        #expect(SKPPredicate.allCases.map(\.label) == words)
        #expect(try json([SKPPredicate.kurang, .sangatBaik]) == #"["Kurang\/Misconduct","Sangat Baik"]"#)
    }

    @Test func nineBoxAxisCodes() throws {
        // reference/talenta-9-box.json: the two axes' bands, as the talent API carries them.
        #expect(PerformanceLevel.allCases.map(\.rawValue) == ["di_bawah", "sesuai", "di_atas"])
        #expect(PotentialLevel.allCases.map(\.rawValue) == ["rendah", "menengah", "tinggi"])
        #expect(try json([PerformanceLevel.diAtas]) + json([PotentialLevel.tinggi]) == #"["di_atas"]["tinggi"]"#)
    }

    @Test func trainingStatusCodesAndLabels() throws {
        // The stored enrolments.status and learning_records.status values and the pages' words.
        #expect(EnrolmentStatus.allCases.map(\.rawValue) == ["enrolled", "waitlisted", "completed", "cancelled"])
        #expect(EnrolmentStatus.allCases.map(\.label) == ["Terdaftar", "Daftar tunggu", "Lulus", "Batal"])
        #expect(EnrolmentStatus.allCases.filter(\.takesSeat) == [.enrolled, .completed])
        #expect(LearningStatus.allCases.map(\.rawValue) == ["submitted", "verified", "rejected"])
        #expect(
            LearningStatus.allCases.map(\.label) == ["Menunggu verifikasi atasan", "Terverifikasi", "Ditolak"])
        #expect(
            try json([EnrolmentStatus.waitlisted]) + json([LearningStatus.verified]) == #"["waitlisted"]["verified"]"#)
    }

    @Test func jpmPurposeAndSurveyResponseStatusCodesAndLabels() throws {
        // The settings column and the API: "pemetaan", "pengisian_jabatan" (SPEC §1).
        #expect(JPMPurpose.allCases.map(\.rawValue) == ["pemetaan", "pengisian_jabatan"])
        #expect(JPMPurpose.allCases.map(\.label) == ["Pemetaan", "Pengisian jabatan"])
        #expect(JPMThresholds.named("pengisian_jabatan") == .pengisianJabatan)
        #expect(JPMThresholds.named("Pemetaan") == nil)
        #expect(try json(JPMThresholds.pemetaan).contains(#""purpose":"pemetaan""#))
        // The review list's words and the API's `status` filter values.
        #expect(SurveyResponseStatus.allCases.map(\.rawValue) == ["counted", "rejected"])
        #expect(SurveyResponseStatus.allCases.map(\.label) == ["dihitung", "ditolak"])
    }
}
