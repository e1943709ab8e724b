import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

/// The import reader applies the control-character rule of stored text (`TextHygiene`, core) to
/// every cell, so no DTO has to remember it.
@Suite("Text hygiene: import rows")
struct ImportHygieneTests {
    @Test func importRowsNameRowAndColumnOfAControlCharacter() {
        let columns = [
            ImportColumn(key: "name", header: "Nama", required: true),
            ImportColumn(key: "duties", header: "Tugas Pokok", required: false),
        ]
        let bad = Table(
            header: ["Nama", "Tugas Pokok"],
            rows: [["Angkatan X\r\nX-Injected: 1", "ok"], ["Baik", "satu\r\ndua"], ["Baik", "a\tb"]])
        #expect(
            ImportSheet.rows(bad, columns: columns)
                == .failure(
                    ImportProblems([
                        ImportProblem(row: 2, column: "Nama", message: TextHygiene.singleLineMessage),
                        ImportProblem(row: 4, column: "Tugas Pokok", message: TextHygiene.multiLineMessage),
                    ])))
        let good = Table(header: ["Nama", "Tugas Pokok"], rows: [["Baik", "satu\r\ndua"]])
        #expect(
            ImportSheet.rows(good, columns: columns)
                == .success([ImportRow(number: 2, values: ["name": "Baik", "duties": "satu\ndua"])]))
    }
}
