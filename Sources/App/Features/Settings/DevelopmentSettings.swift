import Fluent
import Foundation
import KompetenCore
import Vapor

/// The development rules BKPPD sets: when a re-assessment is due after a training, and how the
/// annual plan optimiser weighs gaps (per competency; Pelayanan Publik counts more for
/// front-line staff, who face residents every day).
struct DevelopmentSettings: Sendable, Equatable {
    var reassessmentMonths = 6
    var weights: [String: Double] = [:]
    var frontLineUnitCodes: [String] = []
    var frontLineMultiplier = 2.0

    static let publicServiceCode = "M.5"

    /// Weights written as `M.5=1,5; T.01=2` (comma or point as the decimal mark).
    static func parseWeights(_ text: String) -> Result<[String: Double], FieldError> {
        let problem = FieldError(
            field: "weights",
            message: "Tulis bobot sebagai KODE=angka dipisah titik koma, mis. M.5=1,5; T.01=2 (0–100).")
        guard let pairs = CodeValueList.parse(text) else { return .failure(problem) }
        var result: [String: Double] = [:]
        for (code, value) in pairs {
            guard let w = Double(value.replacingOccurrences(of: ",", with: ".")), w >= 0, w <= 100 else {
                return .failure(problem)
            }
            result[code] = w
        }
        return .success(result)
    }

    static func formatWeights(_ weights: [String: Double]) -> String {
        weights.keys.sorted().map { "\($0)=\(IndonesianFormat.decimal(weights[$0]!, digits: 2))" }.joined(
            separator: "; ")
    }
}

/// Before/after of the settings in the audit log.
struct SettingsSnapshot: Codable {
    let formula: String, purpose: String
    let reassessmentMonths: Int, weights: String, frontLineUnits: String, frontLineMultiplier: Double
    let l3FromMonths: Int, l3ToMonths: Int, potentialMedium: Double, potentialHigh: Double
    let skmWeight: String
    let surveyRetentionMonths: Int
    let complaintTargetDays: Int
    let complaintRetentionMonths: Int
    let workloadEffectiveHours: Int
    let latsarMonths: Int, pkpMonths: Int, pkaMonths: Int, pkn2Months: Int

    init(_ s: InstansiSettings) {
        formula = s.jpmFormula
        purpose = s.jpmPurpose
        reassessmentMonths = s.reassessmentMonths
        weights = s.competencyWeights
        frontLineUnits = s.frontLineUnits
        frontLineMultiplier = s.frontLineMultiplier
        l3FromMonths = s.l3FromMonths
        l3ToMonths = s.l3ToMonths
        potentialMedium = s.potentialMedium
        potentialHigh = s.potentialHigh
        skmWeight = s.skmWeight
        surveyRetentionMonths = s.surveyProfileRetentionMonths
        complaintTargetDays = s.complaintTargetDays
        complaintRetentionMonths = s.complaintRetentionMonths
        workloadEffectiveHours = s.workloadEffectiveHours
        latsarMonths = s.latsarMonths
        pkpMonths = s.pkpMonths
        pkaMonths = s.pkaMonths
        pkn2Months = s.pkn2Months
    }
}

/// The development part of the settings form, as posted.
struct DevelopmentSettingsForm: Content {
    var reassessmentMonths: String?
    var weights: String?
    var frontLineUnits: String?
    var frontLineMultiplier: String?

    init(_ s: DevelopmentSettings) {
        reassessmentMonths = String(s.reassessmentMonths)
        weights = DevelopmentSettings.formatWeights(s.weights)
        frontLineUnits = s.frontLineUnitCodes.joined(separator: ", ")
        frontLineMultiplier = IndonesianFormat.decimal(s.frontLineMultiplier, digits: 2)
    }

    func filled(from current: DevelopmentSettingsForm) -> DevelopmentSettingsForm {
        var f = self
        f.reassessmentMonths = reassessmentMonths ?? current.reassessmentMonths
        f.weights = weights ?? current.weights
        f.frontLineUnits = frontLineUnits ?? current.frontLineUnits
        f.frontLineMultiplier = frontLineMultiplier ?? current.frontLineMultiplier
        return f
    }

    func parse(_ v: inout FieldValidator) -> DevelopmentSettings? {
        var s = DevelopmentSettings()
        if let months = Int((reassessmentMonths ?? "").trimmingCharacters(in: .whitespaces)), (1...36).contains(months)
        {
            s.reassessmentMonths = months
        } else {
            v.add(field: "reassessmentMonths", "Jarak penilaian ulang 1–36 bulan.")
        }
        switch DevelopmentSettings.parseWeights(weights ?? "") {
        case .success(let w): s.weights = w
        case .failure(let e): v.add(field: e.field, e.message)
        }
        s.frontLineUnitCodes = (frontLineUnits ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if let m = Double(
            (frontLineMultiplier ?? "").replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces)),
            m >= 1, m <= 10
        {
            s.frontLineMultiplier = m
        } else {
            v.add(field: "frontLineMultiplier", "Pengali unit garis depan 1–10.")
        }
        return v.isValid ? s : nil
    }

    var fields: [FormModel.Field] {
        [
            .init(
                name: "reassessmentMonths", label: "Penilaian ulang setelah pelatihan (bulan)", type: "number",
                value: reassessmentMonths ?? "6",
                hint:
                    "Tanggal jatuh tempo penilaian ulang kompetensi yang dinaikkan program, dihitung dari tanggal selesai pelatihan."
            ),
            .init(
                name: "weights", label: "Bobot kompetensi untuk rencana tahunan", value: weights ?? "",
                hint: "KODE=bobot dipisah titik koma, mis. M.5=1,5; T.01=2. Kompetensi yang tidak disebut berbobot 1.",
                required: false),
            .init(
                name: "frontLineUnits", label: "Kode unit layanan garis depan", value: frontLineUnits ?? "",
                hint: "Dipisah koma, mis. DUKCAPIL, DPMPTSP. Semua kecamatan dan kelurahan selalu termasuk.",
                required: false),
            .init(
                name: "frontLineMultiplier", label: "Pengali bobot Pelayanan Publik (M.5) di unit garis depan",
                value: frontLineMultiplier ?? "2",
                hint: "Kesenjangan M.5 pegawai unit garis depan dikalikan angka ini saat menyusun rencana tahunan."),
        ]
    }
}

extension DevelopmentSettings {
    init(_ s: InstansiSettings) {
        reassessmentMonths = s.reassessmentMonths
        weights = (try? JSONDecoder().decode([String: Double].self, from: Data(s.competencyWeights.utf8))) ?? [:]
        frontLineUnitCodes = s.frontLineUnits.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        frontLineMultiplier = s.frontLineMultiplier
    }

    func apply(to s: InstansiSettings) {
        s.reassessmentMonths = reassessmentMonths
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        s.competencyWeights = String(decoding: (try? encoder.encode(weights)) ?? Data("{}".utf8), as: UTF8.self)
        s.frontLineUnits = frontLineUnitCodes.joined(separator: ",")
        s.frontLineMultiplier = frontLineMultiplier
    }
}

extension SettingsQueries {
    static func development(_ instansiID: UUID, on db: any Database) async throws -> DevelopmentSettings {
        guard let s = try await InstansiSettings.query(on: db).filter(\.$instansiID == instansiID).first() else {
            return DevelopmentSettings()
        }
        return DevelopmentSettings(s)
    }
}
