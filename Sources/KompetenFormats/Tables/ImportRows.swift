import Foundation
import KompetenCore

/// One column of an import template.
public struct ImportColumn: Sendable, Equatable {
    /// Code name, e.g. "nip": the key in `ImportRow.values`.
    public let key: String
    /// As shown in the template, e.g. "NIP"; also what problems name, so the user finds it.
    public let header: String
    public let required: Bool

    public init(key: String, header: String, required: Bool) {
        self.key = key
        self.header = header
        self.required = required
    }
}

/// One problem in an import file, addressed as the spreadsheet shows it.
public struct ImportProblem: Error, Equatable, Sendable, Codable {
    /// Header = 1, first data row = 2.
    public let row: Int
    /// The template header of the column ("NIP"), or "" for a problem with the whole row.
    public let column: String
    /// Bahasa Indonesia.
    public let message: String

    public init(row: Int, column: String, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}

/// All problems of one import. (`Result` needs an `Error`, which a plain array is not.)
public struct ImportProblems: Error, Equatable, Sendable {
    public let problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) { self.problems = problems }
}

public struct ImportRow: Sendable, Equatable {
    /// As the spreadsheet shows it: header = 1, first data row = 2.
    public let number: Int
    /// Column key → trimmed cell text. A column missing from the file (only optional ones can
    /// be) has no key, so an update can tell "not given" from "emptied".
    public let values: [String: String]

    public init(number: Int, values: [String: String]) {
        self.number = number
        self.values = values
    }

    /// The cell text, "" when empty or when the column is absent.
    public subscript(key: String) -> String { values[key] ?? "" }
}

/// Matches a file's header row against a template's columns and addresses its data rows.
public enum ImportSheet {
    public static func rows(_ table: Table, columns: [ImportColumn]) -> Result<[ImportRow], ImportProblems> {
        // Header position of each template column found in the file.
        var position: [String: Int] = [:]
        var problems: [ImportProblem] = []
        let wanted = Dictionary(columns.map { (headerKey($0.header), $0) }, uniquingKeysWith: { a, _ in a })
        for (index, text) in table.header.enumerated() {
            // Unknown extra columns (notes, a "No." column) are ignored, not an error.
            guard let column = wanted[headerKey(text)] else { continue }
            if position[column.key] != nil {
                problems.append(
                    ImportProblem(
                        row: 1, column: column.header,
                        message: "Kolom \"\(column.header)\" muncul lebih dari sekali di baris judul."))
            } else {
                position[column.key] = index
            }
        }
        for column in columns where column.required && position[column.key] == nil {
            problems.append(
                ImportProblem(
                    row: 1, column: column.header,
                    message: "Kolom wajib \"\(column.header)\" tidak ada di baris judul."))
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }

        var result: [ImportRow] = []
        let headers = Dictionary(columns.map { ($0.key, $0.header) }, uniquingKeysWith: { a, _ in a })
        for (offset, cells) in table.rows.enumerated() where !Table.isBlank(cells) {
            var values: [String: String] = [:]
            for (key, index) in position {
                let cell = index < cells.count ? clean(cells[index]) : ""
                // Control characters: the same rule as every form and API body (`TextHygiene`).
                switch TextHygiene.clean(cell, key: key) {
                case .success(let text): values[key] = text
                case .failure(let problem):
                    problems.append(
                        ImportProblem(row: offset + 2, column: headers[key] ?? key, message: problem.message))
                }
            }
            result.append(ImportRow(number: offset + 2, values: values))
        }
        guard problems.isEmpty else {
            return .failure(ImportProblems(problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) }))
        }
        return .success(result)
    }

    /// A table with the template's header (and optional example rows) for download; write it
    /// with `CSVWriter` or `XLSXWriter`.
    public static func template(_ columns: [ImportColumn], example: [[String]] = []) -> Table {
        Table(header: columns.map(\.header), rows: example)
    }

    /// "NIP Atasan", "nipatasan" and " Nip  atasan " are the same column: people retype
    /// headers, change case, and Excel's "CSV UTF-8" leaves a BOM on the first one.
    static func headerKey(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\u{FEFF}" && !$0.properties.isWhitespace }).lowercased()
    }

    /// Trimmed (including no-break spaces pasted from web pages), and a `'` that our own CSV
    /// export added against formula injection is removed, so export → edit → import round-trips.
    static func clean(_ cell: String) -> String {
        CSVWriter.unneutralise(cell.trimmingCharacters(in: .whitespacesAndNewlines))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
