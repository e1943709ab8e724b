import Foundation
import KompetenCore
import Vapor

struct CompetencyListModel: Encodable {
    struct Row: Encodable {
        let href: String
        let code: String
        let name: String
        let field: String
        let retired: Bool
    }
    struct Group: Encodable {
        let label: String
        let rows: [Row]
    }
    let groups: [Group]
    let canEdit: Bool
    let newHref: String

    init(_ all: [Competency], canEdit: Bool) {
        groups = CompetencyGroup.allCases.map { g in
            Group(
                label: "Kompetensi " + g.label,
                rows: all.filter { $0.group == g.rawValue }.map {
                    Row(
                        href: SiteURL.competency($0.id!).path, code: $0.code, name: $0.name, field: $0.field ?? "—",
                        retired: $0.retiredAt != nil)
                })
        }
        self.canEdit = canEdit
        newHref = SiteURL.competencyNew.path
    }
}

struct CompetencyDetailModel: Encodable {
    struct Level: Encodable {
        let level: Int
        let description: String
        let indicators: [String]
    }
    let code: String, name: String, group: String, definition: String, field: String?
    let retired: Bool, national: Bool, usedInPositions: String
    let levels: [Level]
    let canEdit: Bool
    let editHref: String, retireAction: String, deleteAction: String

    init(_ c: Competency, levels: [CompetencyLevel], usedInPositions: Int, canEdit: Bool) {
        code = c.code
        name = c.name
        group = c.competencyGroup.label
        definition = c.definition
        field = c.field
        retired = c.retiredAt != nil
        national = c.isNational
        self.usedInPositions = IndonesianFormat.integer(usedInPositions)
        self.levels = levels.sorted { $0.level < $1.level }.map {
            Level(level: $0.level, description: $0.description, indicators: $0.indicators)
        }
        self.canEdit = canEdit && !c.isNational
        editHref = SiteURL.competencyEdit(c.id!).path
        retireAction = SiteURL.competencyRetire(c.id!).path
        deleteAction = SiteURL.competencyDelete(c.id!).path
    }
}

/// The teknis competency form: five level descriptions, indicators one per line.
struct CompetencyFormValues: Content {
    var code: String?, name: String?, field: String?, definition: String?
    var level1: String?, level2: String?, level3: String?, level4: String?, level5: String?
    var indicators1: String?, indicators2: String?, indicators3: String?, indicators4: String?, indicators5: String?

    init() {}
    init(_ c: Competency, levels: [CompetencyLevel]) {
        code = c.code
        name = c.name
        field = c.field
        definition = c.definition
        let byLevel = Dictionary(uniqueKeysWithValues: levels.map { ($0.level, $0) })
        func d(_ n: Int) -> String? { byLevel[n]?.description }
        func i(_ n: Int) -> String? { byLevel[n]?.indicators.joined(separator: "\n") }
        level1 = d(1)
        level2 = d(2)
        level3 = d(3)
        level4 = d(4)
        level5 = d(5)
        indicators1 = i(1)
        indicators2 = i(2)
        indicators3 = i(3)
        indicators4 = i(4)
        indicators5 = i(5)
    }

    var descriptions: [String?] { [level1, level2, level3, level4, level5] }
    var indicatorTexts: [String?] { [indicators1, indicators2, indicators3, indicators4, indicators5] }

    var input: CompetencyInput {
        CompetencyInput(
            code: UnitRules.normaliseCode(code ?? ""), name: name ?? "", group: CompetencyGroup.teknis.rawValue,
            definition: definition ?? "", field: field,
            levels: (1...5).map { n in
                CompetencyLevelDTO(
                    level: n, description: descriptions[n - 1] ?? "",
                    indicators: (indicatorTexts[n - 1] ?? "").split(whereSeparator: \.isNewline).map(String.init))
            })
    }
}

struct CompetencyFormModel: Encodable {
    let form: FormModel

    init(_ v: CompetencyFormValues, id: UUID?, errors: [FieldError]) {
        var fields: [FormModel.Field] = [
            .init(name: "code", label: "Kode", value: v.code ?? "", hint: "Mis. T.ADMDUK"),
            .init(name: "name", label: "Nama kompetensi", value: v.name ?? ""),
            .init(
                name: "field", label: "Bidang urusan", value: v.field ?? "", hint: "Mis. administrasi kependudukan",
                required: false),
            .init(name: "definition", label: "Definisi", type: "textarea", value: v.definition ?? ""),
        ]
        for n in 1...5 {
            fields.append(
                .init(
                    name: "level\(n)", label: "Level \(n): deskripsi", type: "textarea",
                    value: v.descriptions[n - 1] ?? ""))
            fields.append(
                .init(
                    name: "indicators\(n)", label: "Level \(n): indikator perilaku", type: "textarea",
                    value: v.indicatorTexts[n - 1] ?? "", hint: "Satu indikator per baris.", required: false))
        }
        // Errors about level n's description are reported as levels.(n-1).description.
        let mapped = errors.map { e -> FieldError in
            if e.field.hasPrefix("levels."), let i = Int(e.field.split(separator: ".")[1]) {
                return FieldError(field: "level\(i + 1)", message: e.message)
            }
            return e
        }
        form = FormModel(
            action: id.map { SiteURL.competencyEdit($0).path } ?? SiteURL.competencies.path,
            submitLabel: "Simpan kompetensi",
            cancelHref: id.map { SiteURL.competency($0).path } ?? SiteURL.competencies.path,
            fields: fields, errors: mapped)
    }
}
