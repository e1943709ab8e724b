import Foundation
import KompetenCore
import KompetenFormats

/// The successor list of one position, best first.
struct SuccessionPageModel: Encodable {
    struct Row: Encodable {
        let rank: Int
        let href: String
        let name: String
        let nip: String
        let position: String
        let jpm: String
        let category: String
        let box: String
        let readiness: String
        let readinessClass: String
        let employeeID: String
        /// This position is already the candidate's jabatan tujuan.
        let isTarget: Bool
    }
    let name: String
    let code: String
    let key: Bool
    let standard: String
    let year: String
    let rows: [Row]
    let unassessed: Int
    let export: [String: String]
    let positionHref: String
    /// BKPPD's mark (a JPT or administrator is key without one).
    let marked: Bool
    /// Where the mark button posts; nil when the reader may not mark or the kind is always key.
    let markAction: String?
    /// Where a candidate's "jabatan tujuan" button posts; nil when the reader sets no targets.
    let targetAction: String?
    /// For the download only.
    let table: Table

    enum CodingKeys: String, CodingKey {
        case name, code, key, standard, year, rows, unassessed, export, positionHref, marked, markAction, targetAction
    }

    init(
        _ p: Position, _ list: SuccessionQueries.List, export: [String: String], markAction: String?,
        targetAction: String?
    ) {
        self.targetAction = targetAction
        name = p.name
        code = p.code
        key = p.isKey
        marked = p.keyPosition ?? false
        self.markAction = markAction
        standard = list.standard.map { "\($0.competencyCode):\($0.required)" }.joined(separator: ", ")
        year = list.year.map(String.init) ?? "belum ada"
        rows = list.candidates.enumerated().map { i, c in
            let ready = c.ranked.readiness
            return Row(
                rank: i + 1, href: c.employee.id.map { SiteURL.employee($0).path } ?? "#", name: c.employee.name,
                nip: c.employee.nip, position: c.positionName, jpm: IndonesianFormat.decimal(c.result.jpm ?? 0),
                category: c.result.category?.label ?? "—", box: c.box.map(String.init) ?? "—", readiness: ready.label,
                readinessClass: "readiness-\(ready.rawValue)", employeeID: c.employee.id?.uuidString ?? "",
                isTarget: c.employee.targetPositionID != nil && c.employee.targetPositionID == p.id)
        }
        unassessed = list.unassessed
        self.export = export
        positionHref = p.id.map { SiteURL.position($0).path } ?? "#"
        table = Table(
            header: [
                "Peringkat", "NIP", "Nama", "Jabatan saat ini", "JPM terhadap jabatan", "Kategori", "Kotak 9",
                "Kesiapan",
            ],
            rows: list.candidates.enumerated().map { i, c in
                [
                    String(i + 1), c.employee.nip, c.employee.name, c.positionName,
                    String(format: "%.2f", c.result.jpm ?? 0), c.result.category?.label ?? "",
                    c.box.map(String.init) ?? "",
                    c.ranked.readiness.label,
                ]
            })
    }
}
