import Foundation
import KompetenCore
import KompetenFormats

/// The `/impact` page: the per-OPD table and, above it, each outcome's difference in differences
/// with the pre-trend check beside it.
struct ImpactPageModel: Encodable {
    let filterAction = SiteURL.impact.path
    struct Row: Encodable {
        let name: String
        let group: String
        let services: String
        let staff: String
        let trained: String
        let jpm: String
        let unassessed: String
        let jpmChange: String
        let gap: String
        let jp: String
        let ikmBefore: String
        let ikmAfter: String
        let u6Before: String
        let u6After: String
        let onTimeBefore: String
        let onTimeAfter: String
        let p90Before: String
        let p90After: String
    }
    /// One estimate as printed: n in OPDs, the interval or, in its place, why there is none.
    struct Estimate: Encodable {
        let n: String
        let treated: String
        let control: String
        let estimate: String
        let interval: String
        var note: String?

        init(_ e: OPDImpactEstimate?) {
            func d(_ x: Double?) -> String { x.map { IndonesianFormat.decimal($0, digits: 2) } ?? "—" }
            guard let e else {
                n = "belum cukup data"
                treated = "—"
                control = "—"
                estimate = "—"
                interval = "—"
                note = DifferenceInDifferences.noComparisonNote
                return
            }
            let x = e.estimate
            n =
                "\(x.treatedCount) OPD terlatih (\(e.treatedServices) layanan), \(x.controlCount) OPD pembanding (\(e.controlServices) layanan)"
            treated = d(x.treatedChange)
            control = d(x.controlChange)
            estimate = d(x.estimate)
            switch x.intervalUnavailable {
            case nil: interval = "\(d(x.lower95)) s.d. \(d(x.upper95))"
            case .zeroVariance: interval = "tidak dapat dihitung"
            case .tooFewUnits:
                interval =
                    "tidak dihitung (kurang dari \(DifferenceInDifferences.minimumUnitsPerGroup) OPD per kelompok)"
            }
            note = x.intervalNote
        }
    }
    struct Comparison: Encodable {
        let outcome: String
        let result: Estimate
        let preTrend: Estimate
    }

    let scopeName: String
    let unitOptions: [FormModel.Option]
    let from: String
    let to: String
    let windows: String
    let rows: [Row]
    let comparisons: [Comparison]
    let caveat: String
    let rule: String
    let method: String
    let export: [String: String]

    init(
        _ r: ImpactService.Report, rows list: [ImpactService.UnitRow], scopeName: String,
        unitOptions: [FormModel.Option], from: String, to: String, export: [String: String]
    ) {
        self.scopeName = scopeName
        self.unitOptions = unitOptions
        self.from = from
        self.to = to
        self.export = export
        func span(_ w: ImpactService.Window) -> String {
            "\(IndonesianFormat.date(w.from)) – \(IndonesianFormat.date(w.to))"
        }
        windows =
            "Sebelum: \(span(r.before)); gelombang pelatihan: \(span(r.wave)); sesudah: \(span(r.after)). Uji tren sebelum gelombang: \(span(r.earlier)) dibanding masa sebelum."
        func d(_ x: Double?, _ digits: Int = 2) -> String {
            x.map { IndonesianFormat.decimal($0, digits: digits) } ?? "—"
        }
        rows = list.map { u in
            Row(
                name: u.name, group: u.group == .trained ? "terlatih" : u.group == .control ? "pembanding" : "—",
                services: String(u.services),
                staff: IndonesianFormat.integer(u.staff),
                trained: ServiceFormat.share(u.staff == 0 ? nil : u.trainedShare),
                jpm: d(u.meanJPM, 1), unassessed: IndonesianFormat.integer(u.unassessed),
                jpmChange: u.jpmBefore.flatMap { b in u.jpmAfter.map { IndonesianFormat.decimal($0 - b, digits: 1) } }
                    ?? "—",
                gap: d(u.publicServiceGap), jp: d(u.meanJP, 1),
                ikmBefore: d(u.before.ikm), ikmAfter: d(u.after.ikm), u6Before: d(u.before.u6, 3),
                u6After: d(u.after.u6, 3),
                onTimeBefore: ServiceFormat.share(u.before.onTimeShare),
                onTimeAfter: ServiceFormat.share(u.after.onTimeShare),
                p90Before: ServiceFormat.minutes(u.before.p90Minutes),
                p90After: ServiceFormat.minutes(u.after.p90Minutes))
        }
        comparisons = [(r.onTime, "Porsi tepat waktu (poin persen)"), (r.ikm, "IKM (poin)")].map { c, label in
            let result = Estimate(c.result)
            var preTrend = Estimate(c.preTrend)
            // The same reason twice in one row says nothing new.
            if preTrend.note == result.note { preTrend.note = nil }
            return Comparison(outcome: label, result: result, preTrend: preTrend)
        }
        caveat = ImpactService.caveat
        let treated = Int(TrainingExposure.treatedShare * 100)
        let control = Int(TrainingExposure.controlShare * 100)
        rule =
            "OPD terlatih: ≥ \(treated) % pegawai pelaksana layanannya menyelesaikan pelatihan pelayanan publik (program yang menaikkan kompetensi Pelayanan Publik, M.5) dalam gelombang; pembanding: < \(control) %; di antaranya tidak dibandingkan. IKM layanan masuk perbandingan bila responden ≥ \(ImpactWindows.minimumRespondents) pada kedua masa."
        method =
            "Pelatihan diputuskan per OPD, jadi satuan perbandingan adalah OPD, bukan layanan: tiap OPD diringkas menjadi satu nilai sebelum dan satu nilai sesudah (rata-rata layanannya, berbobot jumlah permohonan selesai untuk porsi tepat waktu dan jumlah responden untuk IKM), lalu rata-rata perubahan OPD terlatih dibandingkan dengan OPD pembanding (interval t Welch). Rentang tidak dihitung bila sebuah kelompok kurang dari \(DifferenceInDifferences.minimumUnitsPerGroup) OPD. Uji tren sebelum gelombang mengulang perbandingan yang sama antara dua masa sebelum pelatihan: selisih yang jauh dari 0 berarti kedua kelompok sudah bergerak berbeda tanpa pelatihan, sehingga hasil gelombang perlu dibaca dengan hati-hati."
    }

    var table: Table {
        Table(
            header: [
                "OPD", "Kelompok", "Layanan", "Pegawai pelaksana", "Terlatih", "JPM", "JPM belum dinilai",
                "Perubahan JPM", "Gap Pelayanan Publik", "JP", "IKM sebelum", "IKM sesudah",
                "U6 sebelum", "U6 sesudah", "Tepat waktu sebelum", "Tepat waktu sesudah", "P90 sebelum", "P90 sesudah",
            ],
            rows: rows.map {
                [
                    $0.name, $0.group, $0.services, $0.staff, $0.trained, $0.jpm, $0.unassessed, $0.jpmChange, $0.gap,
                    $0.jp, $0.ikmBefore, $0.ikmAfter,
                    $0.u6Before, $0.u6After, $0.onTimeBefore, $0.onTimeAfter, $0.p90Before, $0.p90After,
                ]
            })
    }
}
