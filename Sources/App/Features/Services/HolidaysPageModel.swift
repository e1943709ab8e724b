import Foundation
import KompetenCore

/// The holiday calendar page of one year.
struct HolidaysPageModel: Encodable {
    struct Row: Encodable {
        let date: String, weekday: String, name: String, kind: String, provisional: Bool, onWeekend: Bool,
            deleteAction: String
    }
    struct YearLink: Encodable {
        let year: Int
        let href: String
        let current: Bool
    }
    let year: Int
    let years: [YearLink]
    let rows: [Row]
    let workingDays: String
    let offWeekdays: String
    let canManage: Bool
    let form: FormModel
    let note =
        "Hari kerja: Senin–Jumat kecuali libur nasional dan cuti bersama di bawah ini. Standar pelayanan dalam hari kerja (mis. PBG 28 hari kerja) dihitung mulai hari kerja sesudah hari permohonan diterima sampai dengan hari selesai (WITA). Tanggal bertanda \"perkiraan\" belum ditetapkan SKB 3 Menteri; periksa dan ubah bila SKB terbit."

    static let weekdays = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

    init(
        year: Int, years: [Int], rows: [Holiday], workingDays: Int, canManage: Bool, posted: HolidayInput,
        errors: [FieldError]
    ) {
        self.year = year
        self.years = years.map { YearLink(year: $0, href: SiteURL.holidays(year: $0).path, current: $0 == year) }
        self.rows = rows.map { h in
            let d = SimpleDate(iso: h.date)
            return Row(
                date: d.map { IndonesianFormat.date($0) } ?? h.date,
                weekday: d.map { Self.weekdays[WorkingCalendar.weekday($0)] } ?? "",
                name: h.name, kind: HolidayKind(rawValue: h.kind)?.label ?? h.kind, provisional: h.provisional,
                onWeekend: d.map(WorkingCalendar.isWeekend) ?? false, deleteAction: SiteURL.holidayDelete(h.id!).path)
        }
        self.workingDays = IndonesianFormat.integer(workingDays)
        offWeekdays = IndonesianFormat.integer(self.rows.filter { !$0.onWeekend }.count)
        self.canManage = canManage
        form = FormModel(
            action: SiteURL.holidays(year: nil).path, submitLabel: "Tambah hari libur",
            cancelHref: SiteURL.holidays(year: year).path,
            fields: [
                .init(name: "date", label: "Tanggal", type: "date", value: posted.date ?? ""),
                .init(name: "name", label: "Nama", value: posted.name ?? "", hint: "Mis. Hari Raya Idul Fitri 1448 H."),
                .init(
                    name: "kind", label: "Jenis", type: "select", value: posted.kind ?? "",
                    options: HolidayKind.allCases.map {
                        .init(
                            value: $0.rawValue, label: $0.label,
                            selected: $0.rawValue == (posted.kind ?? HolidayKind.national.rawValue))
                    }),
            ], errors: errors)
    }
}
