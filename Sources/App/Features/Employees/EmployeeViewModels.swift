import Foundation
import KompetenCore

/// NIK is personal data: lists and exports show only the region code and the last 2 digits.
enum NIKMask {
    static func mask(_ nik: String?) -> String {
        guard let nik, nik.count >= 8 else { return nik == nil ? "—" : "••••" }
        return String(nik.prefix(4)) + String(repeating: "•", count: nik.count - 6) + String(nik.suffix(2))
    }
}

struct EmployeeListModel: Encodable {
    struct Row: Encodable { let href: String; let nip: String; let name: String; let type: String; let rank: String; let unit: String; let nik: String; let active: Bool }
    let rows: [Row]
    let paging: PagingModel
    let q: String
    let type: String
    let unitName: String?
    let unitID: String

    init(employees: [Employee], units: [Unit], info: PageInfo, q: String, unit: Unit?, type: String) {
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        rows = employees.map { e in
            Row(href: SiteURL.employee(e.id!).path, nip: e.nip, name: e.name, type: e.employmentType, rank: e.rank,
                unit: unitNames[e.unitID] ?? "—", nik: NIKMask.mask(e.nik), active: e.isActive)
        }
        self.q = q; self.type = type; unitName = unit?.name; unitID = unit?.id?.uuidString ?? ""
        paging = PagingModel(info, path: SiteURL.employees.path,
                             filters: [("q", q), ("unit", unit?.id?.uuidString), ("type", type)], noun: "pegawai")
    }
}

struct EmployeeDetailModel: Encodable {
    struct Item: Encodable { let label: String; let value: String; let href: String? }
    let name: String
    let items: [Item]

    init(_ e: Employee, unit: Unit?, supervisor: Employee?, showFullNIK: Bool) {
        name = e.name
        let birth = SimpleDate(iso: e.birthDate).map(IndonesianFormat.date) ?? e.birthDate
        items = [
            Item(label: "NIP", value: e.nip, href: nil),
            Item(label: "NIK", value: showFullNIK ? (e.nik ?? "—") : NIKMask.mask(e.nik), href: nil),
            Item(label: "Jenis kepegawaian", value: e.employmentType, href: nil),
            Item(label: "Golongan", value: e.rank, href: nil),
            Item(label: "Jenis kelamin", value: e.sex == 1 ? "Laki-laki" : "Perempuan", href: nil),
            Item(label: "Tanggal lahir", value: birth, href: nil),
            Item(label: "Unit kerja", value: unit?.name ?? "—", href: unit.map { SiteURL.unit($0.id!).path }),
            Item(label: "Atasan langsung", value: supervisor?.name ?? "—", href: supervisor.map { SiteURL.employee($0.id!).path }),
            Item(label: "Status", value: e.isActive ? "Aktif" : "Tidak aktif", href: nil),
        ]
    }
}
