import KompetenCore

/// The demo Disdukcapil's rencana tindak lanjut for the quarter before the demo's today, written
/// against that quarter's lowest elements, half done by now: so the current quarter's SKM report
/// shows the previous plan's status (selesai / berjalan). Fixed text, so the demo is the same
/// on every start.
public enum DemoSKMFollowUp {
    public struct Row: Sendable, Equatable {
        public let element: String
        public let action: String
        public let due: SimpleDate
        public let responsible: String
        public let status: SKMFollowUpStatus
    }

    /// The unit whose report is published in the demo.
    public static let unitCode = "DUKCAPIL"

    /// The previous quarter of `today` and its plan.
    public static func plan(today: SimpleDate) -> (from: SimpleDate, to: SimpleDate, rows: [Row]) {
        let start = ReportPeriod.quarter.previous(today)
        let range = ReportPeriod.quarter.range(containing: start)
        let end = range.to
        return (
            range.from, end,
            [
                Row(
                    element: "U3",
                    action: "Menambah satu loket perekaman KTP-el pada jam sibuk (08.00–11.00 WITA).",
                    due: end.adding(days: 31), responsible: "Kepala Bidang Pelayanan Pendaftaran Penduduk",
                    status: .done),
                Row(
                    element: "U9", action: "Mengganti kursi ruang tunggu dan memasang papan nomor antrean elektronik.",
                    due: end.adding(days: 61), responsible: "Sekretaris Dinas", status: .inProgress),
                Row(
                    element: "U8",
                    action: "Menanggapi setiap pengaduan dalam 5 hari kerja dan mengumumkan rekapnya tiap bulan.",
                    due: end.adding(days: 15),
                    responsible: "Kepala Seksi Pengelolaan Informasi Administrasi Kependudukan",
                    status: .done),
                Row(
                    element: "U1",
                    action: "Memasang daftar persyaratan tiap layanan di loket dan pada halaman survei.",
                    due: end.adding(days: 76), responsible: "Kepala Bidang Pelayanan Pencatatan Sipil",
                    status: .inProgress),
            ]
        )
    }
}
