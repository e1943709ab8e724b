import Foundation
import KompetenCore
import KompetenFormats

/// The mapping step of a web import: one select per Kompeten column, a preview of the first
/// rows as the current mapping reads them, and the problems of a dry run.
struct ImportMappingPageModel: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Column: Encodable {
        let key: String
        let field: String
        let header: String
        let required: Bool
        let hint: String
        let options: [Option]
        let error: String?
    }
    struct PreviewRow: Encodable {
        let row: Int
        let cells: [String]
    }
    let label: String
    let action: String
    let listHref: String
    /// The uploaded file travels with the form (base64) so no upload is kept on the server.
    let file: String
    let filename: String
    let columns: [Column]
    let saved: [Option]
    let previewHeader: [String]
    let preview: [PreviewRow]
    let problems: [ImportProblem]
    let name: String
    let nameError: String?
    let message: String?
    let canRun: Bool

    static let none = "— tidak ada —"

    /// `headers`: the file's header row; `map`: the current choice (column key → source header);
    /// `errors`: mapping problems keyed by column key (and "name").
    init(
        kind: ImportsController.Kind, headers: [String], map: ImportMapping.Columns, fitting: [String],
        chosen: String?, file: String, filename: String, mapped: Table?, problems: [ImportProblem],
        errors: [FieldError], name: String, message: String?
    ) {
        label = kind.label
        action = SiteURL.importMapping(kind.rawValue).path
        listHref = SiteURL.importMappings(kind.rawValue).path
        self.file = file
        self.filename = filename
        let hints = ImportGuide.hints(kind)
        let sources = headers.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        columns = kind.columns.map { c in
            let current = map[c.key]
            var options: [Option] = []
            if !c.required || current == nil {
                options.append(Option(value: "", label: c.required ? "— pilih —" : Self.none, selected: current == nil))
            }
            options += sources.map { source in
                Option(
                    value: source, label: source, selected: current.map { ImportMapping.matches(source, $0) } ?? false)
            }
            return Column(
                key: c.key, field: "columns[\(c.key)]", header: c.header, required: c.required,
                hint: hints[c.key] ?? "", options: options,
                error: errors.first { $0.field == c.key }?.message)
        }
        saved = fitting.map { Option(value: $0, label: $0, selected: $0 == chosen) }
        previewHeader = mapped?.header ?? []
        preview =
            mapped.map { table in
                table.rows.enumerated().filter { !Table.isBlank($0.element) }.prefix(5).map {
                    PreviewRow(row: $0.offset + 2, cells: $0.element.map { $0.trimmingCharacters(in: .whitespaces) })
                }
            } ?? []
        self.problems = problems
        self.name = name
        nameError = errors.first { $0.field == "name" }?.message
        self.message = message
        canRun = mapped != nil && problems.isEmpty
    }
}

/// The saved mappings of one import kind, each with its columns and a delete button when allowed.
struct ImportMappingListModel: Encodable {
    struct Row: Encodable {
        let name: String
        let columns: String
        let created: String
        let deleteAction: String
    }
    let label: String
    let rows: [Row]
    let importsHref: String

    init(kind: ImportsController.Kind, saved: [SavedImportMapping]) {
        label = kind.label
        importsHref = SiteURL.imports.path
        rows = saved.map { m in
            Row(
                name: m.name,
                columns: kind.columns.compactMap { c in m.columns[c.key].map { "\(c.header) ← \($0)" } }
                    .joined(separator: "; "),
                created: IndonesianFormat.date(m.createdAt),
                deleteAction: SiteURL.importMappingDelete(kind.rawValue, m.id).path)
        }
    }
}
