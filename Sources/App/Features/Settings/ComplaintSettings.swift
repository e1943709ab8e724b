import Fluent
import Foundation
import KompetenCore
import Vapor

/// The complaint part of the settings form: the target in working days and the months a
/// complainant's name and contact are kept after closing.
struct ComplaintSettingsForm: Content {
    var complaintTargetDays: String?
    var complaintRetentionMonths: String?

    init(targetDays: Int, retentionMonths: Int) {
        complaintTargetDays = String(targetDays)
        complaintRetentionMonths = String(retentionMonths)
    }

    func filled(from current: ComplaintSettingsForm) -> ComplaintSettingsForm {
        var f = self
        f.complaintTargetDays = complaintTargetDays ?? current.complaintTargetDays
        f.complaintRetentionMonths = complaintRetentionMonths ?? current.complaintRetentionMonths
        return f
    }

    /// (target days 1–60, retention months 0–120), or nil with the problems recorded.
    func parse(_ v: inout FieldValidator) -> (targetDays: Int, retentionMonths: Int)? {
        let days = Int((complaintTargetDays ?? "").trimmingCharacters(in: .whitespaces))
        let months = Int((complaintRetentionMonths ?? "").trimmingCharacters(in: .whitespaces))
        v.require(
            days.map { (1...60).contains($0) } ?? false, field: "complaintTargetDays",
            "Target penyelesaian pengaduan: 1–60 hari kerja.")
        v.require(
            months.map { (0...120).contains($0) } ?? false, field: "complaintRetentionMonths",
            "Masa simpan identitas pelapor: 0–120 bulan (0 = disimpan).")
        guard let days, let months, (1...60).contains(days), (0...120).contains(months) else { return nil }
        return (days, months)
    }

    var fields: [FormModel.Field] {
        [
            .init(
                name: "complaintTargetDays", label: "Target penyelesaian pengaduan (hari kerja)", type: "number",
                value: complaintTargetDays ?? "5",
                hint:
                    "Dihitung sejak pengaduan diterima, tanpa Sabtu, Minggu dan hari libur. Halaman transparansi menampilkan porsi pengaduan yang selesai dalam target ini."
            ),
            .init(
                name: "complaintRetentionMonths", label: "Masa simpan nama dan kontak pelapor (bulan)", type: "number",
                value: complaintRetentionMonths ?? "12",
                hint:
                    "Setelah pengaduan ditutup selama masa ini, nama dan kontak pelapor dihapus tiap malam (UU 27/2022); isi, jawaban dan tanggal tetap. 0 = disimpan."
            ),
        ]
    }
}

extension SettingsQueries {
    static func complaintForm(_ instansiID: UUID, on db: any Database) async throws -> ComplaintSettingsForm {
        let s = try await ComplaintQueries.settings(instansiID, on: db)
        return ComplaintSettingsForm(targetDays: s.targetDays, retentionMonths: s.retention)
    }
}
