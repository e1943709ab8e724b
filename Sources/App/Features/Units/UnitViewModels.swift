import Foundation
import KompetenCore
import Vapor

/// The organisation tree page: every visible unit, indented by depth.
struct UnitTreeModel: Encodable {
    struct Row: Encodable {
        let href: String
        let code: String
        let name: String
        let kindLabel: String
        let depth: Int
        let employees: String
    }
    let rows: [Row]
    let total: String
    let canCreateTopLevel: Bool
    let newHref: String

    init(units: [Unit], counts: [UUID: Int], canCreateTopLevel: Bool) {
        let tree = UnitTree(units.map(\.node))
        rows = tree.flattened().map { entry in
            let subtotal = tree.subtree(of: entry.node.id).reduce(0) { $0 + (counts[$1] ?? 0) }
            return Row(
                href: SiteURL.unit(entry.node.id).path, code: entry.node.code, name: entry.node.name,
                kindLabel: entry.node.kind.label, depth: min(entry.depth, 4),
                employees: IndonesianFormat.integer(subtotal))
        }
        total = IndonesianFormat.integer(units.count)
        self.canCreateTopLevel = canCreateTopLevel
        newHref = SiteURL.unitNew(parent: nil).path
    }
}

/// One unit: its place, its sub-units, its people.
struct UnitDetailModel: Encodable {
    struct Child: Encodable {
        let href: String
        let code: String
        let name: String
        let kindLabel: String
        let employees: String
    }
    let code: String
    let name: String
    let kindLabel: String
    let parentName: String?
    let parentHref: String?
    let children: [Child]
    let directEmployees: String
    let totalEmployees: String
    let employeesHref: String
    let canEdit: Bool
    let canDelete: Bool
    let canAddChild: Bool
    let editHref: String
    let deleteAction: String
    let newChildHref: String
    /// ABK of the unit with its sub-units: the formation gap is a need beside the competency
    /// gaps. nil for readers without the gap reports (the same rule as /reports/abk).
    var formation: Formation?

    struct Formation: Encodable {
        let needed: String
        let holders: Int
        let difference: String
        let analysed: Int
        let positions: Int
        let kurang: Int
        let lebih: Int
        let href: String

        init(_ r: WorkloadReport, unitID: UUID) {
            needed = IndonesianFormat.decimal(r.neededTotal)
            holders = r.holdersTotal
            difference = IndonesianFormat.decimal(r.differenceTotal)
            analysed = r.analysed.count
            positions = r.lines.count
            kurang = r.count(.kurang)
            lebih = r.count(.lebih)
            href = SiteURL.workload.path + "?unit=\(unitID.uuidString)"
        }
    }

    init(unit: Unit, tree: UnitTree<UUID>, counts: [UUID: Int], actor: Principal) {
        let id = unit.id!
        code = unit.code
        name = unit.name
        kindLabel = unit.unitKind.label
        let parent = unit.parentID.flatMap { tree.node($0) }
        parentName = parent?.name
        parentHref = parent.map { SiteURL.unit($0.id).path }
        children = tree.children(of: id).compactMap { tree.node($0) }.map { child in
            Child(
                href: SiteURL.unit(child.id).path, code: child.code, name: child.name, kindLabel: child.kind.label,
                employees: IndonesianFormat.integer(tree.subtree(of: child.id).reduce(0) { $0 + (counts[$1] ?? 0) }))
        }
        directEmployees = IndonesianFormat.integer(counts[id] ?? 0)
        totalEmployees = IndonesianFormat.integer(tree.subtree(of: id).reduce(0) { $0 + (counts[$1] ?? 0) })
        employeesHref = SiteURL.employees.path + "?unit=\(id.uuidString)"
        let placement = Placement(instansiID: unit.instansiID, opdID: unit.opdID)
        canEdit = AccessPolicy.unit(actor, .write, placement, isTopLevel: unit.parentID == nil).isAllowed
        canDelete = canEdit && children.isEmpty && (counts[id] ?? 0) == 0
        canAddChild = unit.unitKind != .kelurahan && AccessPolicy.createUnit(actor, under: placement).isAllowed
        editHref = SiteURL.unitEdit(id).path
        deleteAction = SiteURL.unitDelete(id).path
        newChildHref = SiteURL.unitNew(parent: id).path
    }
}

/// The unit form (create and edit).
struct UnitForm: Encodable {
    let form: FormModel

    init(input: UnitInput, unitID: UUID?, parents: [Unit], errors: [FieldError]) {
        let kinds = FormModel.options(UnitKind.allCases, selected: input.kind, value: \.rawValue, label: \.label)
        let parentOptions = FormModel.options(
            parents, selected: input.parentId?.uuidString,
            value: { $0.id!.uuidString }, label: { "\($0.code) — \($0.name)" },
            empty: "— Tidak ada (unit tingkat teratas) —")
        form = FormModel(
            action: unitID.map { SiteURL.unitEdit($0).path } ?? "/units",
            submitLabel: unitID == nil ? "Simpan unit" : "Simpan perubahan",
            cancelHref: unitID.map { SiteURL.unit($0).path } ?? SiteURL.units.path,
            fields: [
                .init(
                    name: "code", label: "Kode unit", value: input.code,
                    hint: "Huruf besar, angka, titik atau tanda hubung; mis. DUKCAPIL.B1"),
                .init(name: "name", label: "Nama unit", value: input.name),
                .init(name: "kind", label: "Jenis unit", type: "select", value: input.kind, options: kinds),
                .init(
                    name: "parentId", label: "Unit induk", type: "select", value: input.parentId?.uuidString ?? "",
                    hint: "OPD dan Kecamatan berada di tingkat teratas; Kelurahan di bawah Kecamatan.", required: false,
                    options: parentOptions),
            ],
            errors: errors)
    }

    /// Reads the posted form; an empty parent means top level.
    static func decode(_ req: Request) throws -> UnitInput {
        struct Posted: Content {
            var code: String?
            var name: String?
            var kind: String?
            var parentId: String?
        }
        let posted = try req.content.decode(Posted.self)
        let parent = posted.parentId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        if let raw = posted.parentId, !raw.isEmpty, parent == nil {
            throw ValidationFailure(errors: [.init(field: "parentId", message: "Unit induk tidak dikenal.")])
        }
        return UnitInput(
            code: UnitRules.normaliseCode(posted.code ?? ""), name: posted.name ?? "", kind: posted.kind ?? "",
            parentId: parent)
    }
}
