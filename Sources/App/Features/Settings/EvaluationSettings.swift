import Fluent
import Foundation
import KompetenCore
import Vapor

/// The evaluation and talent rules BKPPD sets: when the L3 behaviour evaluation opens and is
/// due, and where the potential score cuts into rendah / menengah / tinggi.
struct EvaluationSettings: Sendable, Equatable {
    var schedule = EvaluationSchedule.standard
    /// Level 3 is the standard of an administrator post; most staff sit at 2. With these defaults
    /// about one in six of the assessed Kota Kupang staff are *menengah* and one in twenty *tinggi*.
    var cutoffs = PotentialCutoffs.standard
    /// The IKM weight of each SKM element (PermenPANRB 14/2017: 1/9; some offices use 0,111 or 0,11).
    var skmWeight = SKMWeight.ninth
    /// Months the optional SKM respondent profile is kept (0 = kept); see SurveyRetention.
    var surveyRetentionMonths = SurveyRetention.defaultMonths
}

extension PotentialCutoffs {
    static let standard = PotentialCutoffs(menengah: 2.5, tinggi: 3.25)!
}

extension EvaluationSettings {
    init(_ s: InstansiSettings) {
        schedule = EvaluationSchedule(behaviourFromMonths: s.l3FromMonths, behaviourToMonths: s.l3ToMonths) ?? .standard
        cutoffs = PotentialCutoffs(menengah: s.potentialMedium, tinggi: s.potentialHigh) ?? .standard
        skmWeight = SKMWeight(setting: s.skmWeight) ?? .ninth
        surveyRetentionMonths = s.surveyProfileRetentionMonths
    }

    func apply(to s: InstansiSettings) {
        s.l3FromMonths = schedule.behaviourFromMonths
        s.l3ToMonths = schedule.behaviourToMonths
        s.potentialMedium = cutoffs.menengah
        s.potentialHigh = cutoffs.tinggi
        s.skmWeight = skmWeight.setting
        s.surveyProfileRetentionMonths = surveyRetentionMonths
    }
}

/// The evaluation part of the settings form, as posted.
struct EvaluationSettingsForm: Content {
    var l3FromMonths: String?
    var l3ToMonths: String?
    var potentialMedium: String?
    var potentialHigh: String?
    var skmWeight: String?
    var surveyRetentionMonths: String?

    init(_ s: EvaluationSettings) {
        l3FromMonths = String(s.schedule.behaviourFromMonths)
        l3ToMonths = String(s.schedule.behaviourToMonths)
        potentialMedium = IndonesianFormat.editable(s.cutoffs.menengah)
        potentialHigh = IndonesianFormat.editable(s.cutoffs.tinggi)
        skmWeight = s.skmWeight.setting
        surveyRetentionMonths = String(s.surveyRetentionMonths)
    }

    func filled(from current: EvaluationSettingsForm) -> EvaluationSettingsForm {
        var f = self
        f.l3FromMonths = l3FromMonths ?? current.l3FromMonths
        f.l3ToMonths = l3ToMonths ?? current.l3ToMonths
        f.potentialMedium = potentialMedium ?? current.potentialMedium
        f.potentialHigh = potentialHigh ?? current.potentialHigh
        f.skmWeight = skmWeight ?? current.skmWeight
        f.surveyRetentionMonths = surveyRetentionMonths ?? current.surveyRetentionMonths
        return f
    }

    private static func number(_ text: String?) -> Double? {
        Double((text ?? "").replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces))
    }

    func parse(_ v: inout FieldValidator) -> EvaluationSettings? {
        var s = EvaluationSettings()
        let from = Int((l3FromMonths ?? "").trimmingCharacters(in: .whitespaces))
        let to = Int((l3ToMonths ?? "").trimmingCharacters(in: .whitespaces))
        if let from, let to, let schedule = EvaluationSchedule(behaviourFromMonths: from, behaviourToMonths: to) {
            s.schedule = schedule
        } else {
            v.add(field: "l3ToMonths", "Jendela evaluasi L3: bulan awal dan akhir 1–12, awal lebih kecil dari akhir.")
        }
        let medium = Self.number(potentialMedium)
        let high = Self.number(potentialHigh)
        if let medium, let high, (1...5).contains(medium), (1...5).contains(high),
            let cutoffs = PotentialCutoffs(menengah: medium, tinggi: high)
        {
            s.cutoffs = cutoffs
        } else {
            v.add(field: "potentialHigh", "Batas potensial: angka 1–5, batas menengah lebih kecil dari batas tinggi.")
        }
        if let weight = SKMWeight(setting: skmWeight ?? "") {
            s.skmWeight = weight
        } else {
            v.add(field: "skmWeight", "Pilih bobot unsur SKM: 1/9, 0,111 atau 0,11.")
        }
        if let months = Int((surveyRetentionMonths ?? "").trimmingCharacters(in: .whitespaces)),
            (0...120).contains(months)
        {
            s.surveyRetentionMonths = months
        } else {
            v.add(field: "surveyRetentionMonths", "Masa simpan profil responden: 0–120 bulan (0 = disimpan).")
        }
        return v.isValid ? s : nil
    }

    var fields: [FormModel.Field] {
        [
            .init(
                name: "l3FromMonths", label: "Evaluasi perilaku (L3) dibuka setelah (bulan)", type: "number",
                value: l3FromMonths ?? "3",
                hint:
                    "Dihitung dari tanggal selesai pelatihan: perubahan perilaku kerja baru terlihat setelah beberapa bulan."
            ),
            .init(
                name: "l3ToMonths", label: "Evaluasi perilaku (L3) jatuh tempo setelah (bulan)", type: "number",
                value: l3ToMonths ?? "6",
                hint: "Setelah tanggal ini evaluasi L3 tercatat terlambat (tetap dapat diisi)."),
            .init(
                name: "potentialMedium",
                label:
                    "Batas potensial menengah (skala 1–5 terhadap standar jabatan sendiri; 3 = tepat memenuhi standar)",
                value: potentialMedium ?? "2,5",
                hint:
                    "Rata-rata level hasil penilaian kompetensi manajerial dan sosial kultural (1–5) pada atau di atas angka ini: potensial menengah."
            ),
            .init(
                name: "potentialHigh", label: "Batas potensial tinggi", value: potentialHigh ?? "3,25",
                hint: "Pada atau di atas angka ini: potensial tinggi (kotak talenta 6, 8, 9)."),
            .init(
                name: "skmWeight", label: "Bobot tiap unsur SKM", type: "select", value: skmWeight ?? "1/9",
                hint: "IKM = Σ(NRR × bobot) × 25. PermenPANRB 14/2017: 1/9; sebagian kantor memakai 0,111 atau 0,11.",
                options: SKMWeight.allCases.map {
                    .init(value: $0.setting, label: $0.label, selected: $0.setting == (skmWeight ?? "1/9"))
                }),
            .init(
                name: "surveyRetentionMonths", label: "Masa simpan profil responden SKM (bulan)", type: "number",
                value: surveyRetentionMonths ?? "24",
                hint:
                    "Setelah masa ini, jenis kelamin, usia, pendidikan dan pekerjaan responden dihapus tiap malam (UU 27/2022); jawaban dan IKM tetap. 0 = disimpan."
            ),
        ]
    }
}

extension SettingsQueries {
    static func evaluation(_ instansiID: UUID, on db: any Database) async throws -> EvaluationSettings {
        guard let s = try await InstansiSettings.query(on: db).filter(\.$instansiID == instansiID).first() else {
            return EvaluationSettings()
        }
        return EvaluationSettings(s)
    }

    /// The SKM weighting the instansi chose (its IKM pages and the public transparency page).
    static func skmWeight(_ instansiID: UUID, on db: any Database) async throws -> SKMWeight {
        try await evaluation(instansiID, on: db).skmWeight
    }
}
