import Foundation
import KompetenCore
import KompetenFormats

/// The compliance page: counts per unit (each links to its filtered list) and the people, overdue first.
struct MandatoryTrainingPageModel: Encodable {
    let filterAction = SiteURL.mandatoryTraining.path
    struct Row: Encodable {
        let name: String
        let href: String
        let due: String
        let overdue: String
        let done: String
        let overdueHref: String
    }
    struct Person: Encodable {
        let nip: String
        let name: String
        let href: String
        let unit: String
        let requirement: String
        let start: String
        let dueDate: String
        let status: String
        let statusCode: String
        let completed: String
    }
    let scopeName: String
    /// False for an employee's own view: no unit filter and no per-unit table.
    let showUnits: Bool
    let unitOptions: [FormModel.Option]
    let statusOptions: [FormModel.Option]
    let rows: [Row]
    let total: Row
    let people: [Person]
    let paging: PagingModel
    let export: [String: String]

    static func header() -> [String] {
        ["NIP", "Nama", "Unit", "Pelatihan wajib", "Sejak (TMT)", "Tenggat", "Status", "Selesai", "Terlambat selesai"]
    }

    static func table(_ items: [MandatoryTrainingQueries.Item], unitName: (UUID) -> String) -> Table {
        Table(
            header: header(),
            rows: items.map { i in
                let r = i.requirement
                return [
                    i.nip, i.name, unitName(i.unitID), r.kind.shortLabel, r.start.iso, r.dueDate.iso, r.status.label,
                    r.completedOn?.iso ?? "", r.late ? "ya" : "",
                ]
            })
    }

    init(
        report: MandatoryTrainingController.Report, units: [Unit], unitName: (UUID) -> String,
        paging page: KompetenCore.PageRequest, export: [String: String]
    ) {
        let scope = report.scope
        let base = scope?.base?.id?.uuidString
        showUnits = scope != nil
        scopeName = scope == nil ? "Pelatihan wajib saya" : (scope?.base?.name ?? "Seluruh instansi")
        unitOptions = FormModel.options(
            units, selected: base, value: { $0.id!.uuidString }, label: \.name, empty: "Seluruh instansi")
        statusOptions = FormModel.options(
            MandatoryStatus.allCases, selected: report.status?.rawValue, value: \.rawValue, label: \.label,
            empty: "Semua status")
        func href(unit: UUID?, status: MandatoryStatus?) -> String {
            let parts = [unit.map { "unit=\($0.uuidString)" }, status.map { "status=\($0.rawValue)" }].compactMap { $0 }
            return SiteURL.mandatoryTraining.path + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        let f = IndonesianFormat.integer
        if let scope {
            // Counts come from every status, whatever the list filter: the table is the overview.
            let counts = MandatoryTrainingQueries.counts(report.items, rowOf: scope.rowUnit(of:))
            rows = scope.rowUnits.compactMap { node in
                guard let c = counts[node.id] else { return nil }
                return Row(
                    name: node.name, href: href(unit: node.id, status: nil), due: f(c.due), overdue: f(c.overdue),
                    done: f(c.done), overdueHref: href(unit: node.id, status: .overdue))
            }
            let sum = counts.values.reduce(into: MandatoryTraining.Counts()) {
                $0.due += $1.due
                $0.overdue += $1.overdue
                $0.done += $1.done
            }
            total = Row(
                name: "Jumlah", href: "", due: f(sum.due), overdue: f(sum.overdue), done: f(sum.done),
                overdueHref: href(unit: scope.base?.id, status: .overdue))
        } else {
            rows = []
            total = Row(name: "", href: "", due: "", overdue: "", done: "", overdueHref: "")
        }
        people = report.items.dropFirst(page.offset).prefix(page.per).map { i in
            let r = i.requirement
            return Person(
                nip: i.nip, name: i.name, href: SiteURL.employee(i.employeeID).path, unit: unitName(i.unitID),
                requirement: r.kind.shortLabel, start: IndonesianFormat.date(r.start),
                dueDate: IndonesianFormat.date(r.dueDate), status: r.status.label, statusCode: r.status.rawValue,
                completed: r.completedOn.map { IndonesianFormat.date($0) + (r.late ? " (terlambat)" : "") } ?? "—")
        }
        paging = PagingModel(
            PageInfo(page, total: report.items.count), path: SiteURL.mandatoryTraining.path,
            filters: [("unit", base), ("status", report.status?.rawValue)], noun: "kewajiban pelatihan")
        self.export = export
    }
}
