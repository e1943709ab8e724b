import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// Reading an uploaded file (CSV or XLSX, told apart by content, not name) into rows.
enum ImportFile {
    static func table(_ data: Data) throws -> Table {
        do {
            // XLSX is a ZIP container: it starts with "PK\u{3}\u{4}".
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.read(data) }
            return try CSVReader.read(data)
        } catch let error as CSVError {
            throw ImportProblems([ImportProblem(row: error.row, column: "", message: error.message)])
        } catch let error as XLSXError {
            throw ImportProblems([ImportProblem(row: 1, column: "", message: error.message)])
        }
    }

    static func rows(_ data: Data, columns: [ImportColumn]) throws -> [ImportRow] {
        guard !data.isEmpty else {
            throw ImportProblems([ImportProblem(row: 1, column: "", message: "Berkas kosong.")])
        }
        return try rows(try table(data), columns: columns)
    }

    /// The rows of a table already read (and possibly renamed by a column mapping).
    static func rows(_ table: Table, columns: [ImportColumn]) throws -> [ImportRow] {
        switch ImportSheet.rows(table, columns: columns) {
        case .success(let rows):
            guard !rows.isEmpty else {
                throw ImportProblems([ImportProblem(row: 2, column: "", message: "Berkas tidak berisi baris data.")])
            }
            return rows
        case .failure(let problems): throw problems
        }
    }
}

/// What an import did. Re-importing the same file gives `imported: 0, updated: 0`.
struct ImportOutcome: Content, Equatable {
    var imported = 0
    var updated = 0
    var unchanged = 0
}

/// Collects problems by row and column while validating.
struct ProblemList {
    private(set) var items: [ImportProblem] = []
    mutating func add(_ row: ImportRow, _ column: String, _ message: String) {
        items.append(ImportProblem(row: row.number, column: column, message: message))
    }
    func check() throws {
        if !items.isEmpty { throw ImportProblems(items.sorted { ($0.row, $0.column) < ($1.row, $1.column) }) }
    }
}

/// Progress for the command-line import (the web and API ignore it).
typealias ImportProgress = @Sendable (String) -> Void
