import Fluent
import Foundation
import KompetenCore
import Vapor

/// The ABK part of the settings form: jam kerja efektif per tahun.
struct WorkloadSettingsForm: Content {
    var workloadEffectiveHours: String?

    init(effectiveHours: Int) { workloadEffectiveHours = String(effectiveHours) }

    func filled(from current: WorkloadSettingsForm) -> WorkloadSettingsForm {
        var f = self
        f.workloadEffectiveHours = workloadEffectiveHours ?? current.workloadEffectiveHours
        return f
    }

    /// The hours (500–2,500), or nil with the problem recorded.
    func parse(_ v: inout FieldValidator) -> Int? {
        let hours = Int(
            (workloadEffectiveHours ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: ""))
        guard let hours, Workload.effectiveHoursRange.contains(hours) else {
            v.add(field: "workloadEffectiveHours", "Jam kerja efektif per tahun: 500–2.500 jam.")
            return nil
        }
        return hours
    }

    var fields: [FormModel.Field] {
        [
            .init(
                name: "workloadEffectiveHours", label: "Jam kerja efektif per tahun (ABK)", type: "number",
                value: workloadEffectiveHours ?? String(Workload.defaultEffectiveHours),
                hint:
                    "Pembagi analisis beban kerja: pegawai yang dibutuhkan = Σ (beban kerja × norma waktu) ÷ jam kerja efektif. Pedoman ABK memakai 1.250 jam."
            )
        ]
    }
}

extension SettingsQueries {
    static func workloadForm(_ instansiID: UUID, on db: any Database) async throws -> WorkloadSettingsForm {
        WorkloadSettingsForm(effectiveHours: try await JobAnalysisQueries.effectiveHours(instansiID, on: db))
    }
}
