import Foundation
import KompetenFormats
import Testing

@testable import App

/// Issue 19: every XLSX template explains each of its columns on a second sheet.
@Suite struct ImportGuideTests {
    @Test func everyColumnOfEveryTemplateIsExplained() {
        for kind in ImportsController.Kind.allCases {
            let sheet = ImportGuide.sheet(kind)
            #expect(sheet.header == ["Kolom", "Wajib", "Keterangan", "Contoh"])
            #expect(sheet.rows.map { $0[0] } == kind.columns.map(\.header), "\(kind)")
            #expect(sheet.rows.map { $0[1] } == kind.columns.map { $0.required ? "Ya" : "Tidak" }, "\(kind)")
            for row in sheet.rows { #expect(row[2].count >= 10, "\(kind): \(row[0]) has no explanation") }
            // The example column is the template's first example row, column by column.
            #expect(sheet.rows.map { $0[3] } == (kind.example.first ?? []), "\(kind)")
        }
        let employees = ImportGuide.sheet(.employees)
        #expect(employees.rows[2].first == "Jenis Kepegawaian" && employees.rows[2].last == "PNS")
        #expect(employees.rows[2][2].contains("CPNS"))
    }

    @Test func theXLSXTemplateKeepsItsFirstSheetAndGrowsASecond() throws {
        let single = try XLSXWriter.write(sheets: [
            (name: "Pegawai", table: ImportSheet.template(ImportsController.Kind.employees.columns, example: []))
        ])
        let both = try XLSXWriter.write(sheets: [
            (name: "Pegawai", table: ImportSheet.template(ImportsController.Kind.employees.columns, example: [])),
            (name: "Petunjuk", table: ImportGuide.sheet(.employees)),
        ])
        #expect(try XLSXReader.read(both) == XLSXReader.read(single))
    }
}
