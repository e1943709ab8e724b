import Foundation
import KompetenCore
import Vapor

/// The buttons of the positions list, each from the decision its route enforces.
struct PositionListCapabilities: Encodable {
    /// "Tambah jabatan" → the new-position form and its POST (`mayCreate(.position)`).
    let create: Bool
    /// "Ubah standar massal" → the bulk standard form and its POST (`bulkStandardScope`).
    let bulkEdit: Bool

    init(_ actor: Principal) {
        create = AccessPolicy.mayCreate(actor, .position).isAllowed
        bulkEdit = AccessPolicy.bulkStandardScope(actor).isSuccess
    }
}

struct PositionListModel: Encodable {
    let filterAction = SiteURL.positions.path
    let exportXlsx = SiteURL.export(ImportsController.Kind.positions.rawValue).path + "?format=xlsx"
    let exportCsv = SiteURL.export(ImportsController.Kind.positions.rawValue).path + "?format=csv"
    struct Row: Encodable {
        let href: String
        let code: String
        let name: String
        let kind: String
        let unit: String
    }
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    let rows: [Row]
    let paging: PagingModel
    let q: String
    let unit: String
    let keyOnly: Bool
    let kinds: [Option]
    let can: PositionListCapabilities
    let newHref: String
    let bulkHref: String

    init(
        positions: [Position], units: [Unit], info: PageInfo, q: String, kind: String, unit: String, keyOnly: Bool,
        can: PositionListCapabilities
    ) {
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        rows = positions.map {
            Row(
                href: SiteURL.position($0.id!).path, code: $0.code, name: $0.name,
                kind: $0.positionKind.label + ($0.isKey ? " · jabatan kunci" : ""),
                unit: names[$0.unitID] ?? "—")
        }
        paging = PagingModel(
            info, path: SiteURL.positions.path,
            filters: [("q", q), ("kind", kind), ("unit", unit), ("key", keyOnly ? "1" : "")],
            noun: "jabatan")
        self.q = q
        self.unit = unit
        self.keyOnly = keyOnly
        kinds =
            [Option(value: "", label: "Semua jenis", selected: kind.isEmpty)]
            + PositionKind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == kind) }
        self.can = can
        newHref = SiteURL.positionNew(unit: nil).path
        bulkHref = SiteURL.positionBulk.path
    }
}

struct PositionDetailModel: Encodable {
    struct Standard: Encodable {
        let code: String
        let name: String
        let level: Int
    }
    struct Holder: Encodable {
        let href: String
        let name: String
        let nip: String
    }
    let code: String, name: String, kind: String, unit: String, unitHref: String
    let summary: String, duties: [String]
    let standard: [Standard]
    let holders: [Holder]
    let canEdit: Bool
    let editHref: String, copyAction: String
    let jobAnalysisHref: String, jobAnalysisEditHref: String
    /// Set for readers of the talent pages (`AccessPolicy.monitoringScope`), who may open the list.
    var successorsHref: String?

    init(
        _ p: Position, unit: Unit?, standard: [StandardDTO], competencies: [Competency], holders: [Employee],
        canEdit: Bool
    ) {
        code = p.code
        name = p.name
        kind = p.positionKind.label
        self.unit = unit?.name ?? "—"
        unitHref = unit.map { SiteURL.unit($0.id!).path } ?? "#"
        summary = p.summary.isEmpty ? "—" : p.summary
        duties = p.dutyList
        let names = Dictionary(uniqueKeysWithValues: competencies.map { ($0.code, $0.name) })
        self.standard = standard.map {
            Standard(code: $0.competencyCode, name: names[$0.competencyCode] ?? "", level: $0.requiredLevel)
        }
        self.holders = holders.map { Holder(href: SiteURL.employee($0.id!).path, name: $0.name, nip: $0.nip) }
        self.canEdit = canEdit
        editHref = SiteURL.positionEdit(p.id!).path
        copyAction = SiteURL.positionCopy(p.id!).path
        jobAnalysisHref = SiteURL.positionJobAnalysis(p.id!).path
        jobAnalysisEditHref = SiteURL.positionJobAnalysisEdit(p.id!).path
    }
}

/// The posted position form; the standard comes as `std[CODE]=level` (0 or empty = not required).
struct PositionFormValues: Content {
    var code: String?, name: String?, kind: String?, unitId: String?, summary: String?, duties: String?
    var std: [String: String]?
    /// The record's version when the form was opened (hidden field).
    var version: String?

    init(unitID: UUID?) {
        unitId = unitID?.uuidString
        kind = PositionKind.pelaksana.rawValue
    }
    init(_ p: Position, standard: [StandardDTO]) {
        code = p.code
        name = p.name
        kind = p.kind
        unitId = p.unitID.uuidString
        summary = p.summary
        duties = p.duties
        version = String(p.version ?? 0)
        std = Dictionary(uniqueKeysWithValues: standard.map { ($0.competencyCode, String($0.requiredLevel)) })
    }

    func input() throws -> PositionInput {
        guard let unit = unitId.flatMap(UUID.init(uuidString:)) else {
            throw ValidationFailure(errors: [.init(field: "unitId", message: "Pilih unit kerja.")])
        }
        let standards = (std ?? [:]).compactMap { code, level -> StandardDTO? in
            guard let n = Int(level), n > 0 else { return nil }
            return StandardDTO(competencyCode: code, requiredLevel: n)
        }.sorted { $0.competencyCode < $1.competencyCode }
        return PositionInput(
            code: UnitRules.normaliseCode(code ?? ""), name: name ?? "", kind: kind ?? "", unitId: unit,
            summary: summary, duties: (duties ?? "").split(whereSeparator: \.isNewline).map(String.init),
            standards: standards,
            version: version.flatMap { Int($0) })
    }
}

struct PositionFormModel: Encodable {
    struct StandardRow: Encodable {
        let code: String
        let name: String
        let group: String
        let options: [FormModel.Option]
    }
    let form: FormModel
    let standards: [StandardRow]

    init(_ v: PositionFormValues, id: UUID?, units: [Unit], competencies: [Competency], errors: [FieldError]) {
        let kinds = FormModel.options(PositionKind.allCases, selected: v.kind, value: \.rawValue, label: \.label)
        let unitOptions = FormModel.options(
            units, selected: v.unitId, value: { $0.id!.uuidString }, label: { "\($0.code) — \($0.name)" },
            empty: "— Pilih unit —")
        form = FormModel(
            action: id.map { SiteURL.positionEdit($0).path } ?? SiteURL.positions.path,
            submitLabel: "Simpan jabatan", cancelHref: id.map { SiteURL.position($0).path } ?? SiteURL.positions.path,
            fields: [
                .init(name: "code", label: "Kode jabatan", value: v.code ?? ""),
                .init(name: "name", label: "Nama jabatan", value: v.name ?? ""),
                .init(name: "kind", label: "Jenis jabatan", type: "select", value: v.kind ?? "", options: kinds),
                .init(name: "unitId", label: "Unit kerja", type: "select", value: v.unitId ?? "", options: unitOptions),
                .init(
                    name: "summary", label: "Ikhtisar jabatan", type: "textarea", value: v.summary ?? "",
                    required: false),
                .init(
                    name: "duties", label: "Tugas pokok", type: "textarea", value: v.duties ?? "",
                    hint: "Satu tugas per baris.", required: false),
            ] + (id != nil ? [.init(name: "version", label: "Versi", type: "hidden", value: v.version ?? "")] : []),
            errors: errors)
        standards = competencies.map { c in
            let current = v.std?[c.code] ?? "0"
            let options = FormModel.levelOptions(selected: current)
            return StandardRow(code: c.code, name: c.name, group: c.competencyGroup.label, options: options)
        }
    }
}

struct BulkStandardModel: Encodable {
    let action = SiteURL.positionBulk.path
    let kinds: [FormModel.Option]
    let competencies: [FormModel.Option]
    let scopeNote: String

    init(competencies: [Competency], scopeNote: String) {
        kinds = PositionKind.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: false) }
        self.competencies = competencies.map {
            .init(value: $0.code, label: "\($0.code) — \($0.name)", selected: false)
        }
        self.scopeNote = scopeNote
    }
}
