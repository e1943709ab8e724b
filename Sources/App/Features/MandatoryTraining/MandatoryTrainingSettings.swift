import Fluent
import Foundation
import KompetenCore
import Vapor

/// The mandatory-training part of the settings form: months from TMT CPNS / TMT jabatan within
/// which each training is due.
struct MandatorySettingsForm: Content {
    var latsarMonths: String?
    var pkpMonths: String?
    var pkaMonths: String?
    var pkn2Months: String?

    init(_ d: MandatoryDeadlines) {
        latsarMonths = String(d.latsarMonths)
        pkpMonths = String(d.pkpMonths)
        pkaMonths = String(d.pkaMonths)
        pkn2Months = String(d.pkn2Months)
    }

    func filled(from current: MandatorySettingsForm) -> MandatorySettingsForm {
        var f = self
        f.latsarMonths = latsarMonths ?? current.latsarMonths
        f.pkpMonths = pkpMonths ?? current.pkpMonths
        f.pkaMonths = pkaMonths ?? current.pkaMonths
        f.pkn2Months = pkn2Months ?? current.pkn2Months
        return f
    }

    /// The periods (1–60 months each), or nil with each bad one recorded against its field.
    func parse(_ v: inout FieldValidator) -> MandatoryDeadlines? {
        func months(_ text: String?, field: String, _ kind: MandatoryKind) -> Int? {
            guard let m = Int((text ?? "").trimmingCharacters(in: .whitespaces)),
                MandatoryDeadlines.allowedMonths.contains(m)
            else {
                v.add(field: field, "Tenggat \(kind.shortLabel): 1–60 bulan.")
                return nil
            }
            return m
        }
        let latsar = months(latsarMonths, field: "latsarMonths", .latsar)
        let pkp = months(pkpMonths, field: "pkpMonths", .pkp)
        let pka = months(pkaMonths, field: "pkaMonths", .pka)
        let pkn2 = months(pkn2Months, field: "pkn2Months", .pkn2)
        guard let latsar, let pkp, let pka, let pkn2 else { return nil }
        return MandatoryDeadlines(latsarMonths: latsar, pkpMonths: pkp, pkaMonths: pka, pkn2Months: pkn2)
    }

    var fields: [FormModel.Field] {
        let standard = MandatoryDeadlines.standard
        return [
            .init(
                name: "latsarMonths", label: "Tenggat Latsar CPNS (bulan sejak TMT CPNS)", type: "number",
                value: latsarMonths ?? String(standard.latsarMonths),
                hint: "Masa percobaan CPNS satu tahun (PP 11/2017 Ps 37); Latsar diikuti dalam masa itu."),
            .init(
                name: "pkpMonths", label: "Tenggat PKP bagi pengawas (bulan sejak TMT jabatan)", type: "number",
                value: pkpMonths ?? String(standard.pkpMonths),
                hint: "Pejabat pengawas yang belum mengikuti Pelatihan Kepemimpinan Pengawas."),
            .init(
                name: "pkaMonths", label: "Tenggat PKA bagi administrator (bulan sejak TMT jabatan)", type: "number",
                value: pkaMonths ?? String(standard.pkaMonths),
                hint: "Pejabat administrator yang belum mengikuti Pelatihan Kepemimpinan Administrator."),
            .init(
                name: "pkn2Months", label: "Tenggat PKN Tingkat II bagi JPT pratama (bulan sejak TMT jabatan)",
                type: "number", value: pkn2Months ?? String(standard.pkn2Months),
                hint: "Pejabat pimpinan tinggi pratama yang belum mengikuti Pelatihan Kepemimpinan Nasional Tingkat II."
            ),
        ]
    }
}

extension SettingsQueries {
    static func mandatory(_ instansiID: UUID, on db: any Database) async throws -> MandatoryDeadlines {
        try await InstansiSettings.query(on: db).filter(\.$instansiID == instansiID).first()?.mandatoryDeadlines
            ?? .standard
    }
}
