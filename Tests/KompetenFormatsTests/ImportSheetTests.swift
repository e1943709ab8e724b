import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

@Suite struct ImportSheetTests {
    let columns = [
        ImportColumn(key: "nip", header: "NIP", required: true),
        ImportColumn(key: "unit", header: "Kode Unit", required: true),
        ImportColumn(key: "atasan", header: "NIP Atasan", required: false),
    ]

    func rows(_ table: Table) -> Result<[ImportRow], ImportProblems> { ImportSheet.rows(table, columns: columns) }

    @Test func headersMatchIgnoringCaseSpacesAndBOM() throws {
        let table = Table(
            header: ["\u{FEFF}nip", " Nip  atasan ", "KODEUNIT", "Catatan"],
            rows: [[" 198503122010011002 ", "199001012022212005", "  1.02\u{00A0}", "bebas"]])
        let result = try rows(table).get()
        #expect(
            result == [
                ImportRow(
                    number: 2,
                    values: [
                        "nip": "198503122010011002", "atasan": "199001012022212005", "unit": "1.02",
                    ])
            ])
        #expect(ImportSheet.headerKey("NIP Atasan") == ImportSheet.headerKey("nipatasan"))
    }

    @Test func missingRequiredColumnsAreReportedOnRowOne() {
        let table = Table(header: ["Nama", "NIP Atasan"], rows: [["x", "y"]])
        #expect(
            rows(table)
                == .failure(
                    ImportProblems([
                        ImportProblem(row: 1, column: "NIP", message: "Kolom wajib \"NIP\" tidak ada di baris judul."),
                        ImportProblem(
                            row: 1, column: "Kode Unit", message: "Kolom wajib \"Kode Unit\" tidak ada di baris judul."),
                    ])))
    }

    @Test func duplicatedColumnIsAProblem() {
        let table = Table(header: ["NIP", "Kode Unit", "nip"])
        #expect(
            rows(table)
                == .failure(
                    ImportProblems([
                        ImportProblem(
                            row: 1, column: "NIP", message: "Kolom \"NIP\" muncul lebih dari sekali di baris judul.")
                    ])))
    }

    @Test func emptyRowsAreSkippedButNumberingFollowsTheSheet() throws {
        let table = Table(
            header: ["NIP", "Kode Unit"],
            rows: [
                ["1", "A"],
                ["", "  "], // row 3: blank
                [], // row 4: absent in the XLSX
                ["2"], // row 5: ragged, unit missing
                ["", "", "catatan"], // row 6: only an unknown column filled: kept so validation flags it
            ])
        let result = try rows(table).get()
        #expect(result.map(\.number) == [2, 5, 6])
        #expect(result[1].values == ["nip": "2", "unit": ""])
        #expect(result[1]["atasan"] == "") // optional column absent from the file
        #expect(result[1].values["atasan"] == nil)
    }

    @Test func exportedApostropheIsRemovedOnImport() throws {
        let table = Table(header: ["NIP", "Kode Unit"], rows: [["'+62812", "'-x"], ["'-5", "'teks"]])
        let result = try rows(table).get()
        #expect(result.map(\.values) == [["nip": "+62812", "unit": "-x"], ["nip": "'-5", "unit": "'teks"]])
    }

    @Test func template() throws {
        let t = ImportSheet.template(columns, example: [["198503122010011002", "1.02", ""]])
        #expect(t.header == ["NIP", "Kode Unit", "NIP Atasan"])
        #expect(t.rows == [["198503122010011002", "1.02", ""]])
        // A downloaded template, filled in and uploaded, matches its own columns.
        let back = try CSVReader.read(CSVWriter.write(t))
        #expect(try ImportSheet.rows(back, columns: columns).get().count == 1)
    }

    @Test func problemsEncodeAsJSON() throws {
        let p = ImportProblem(row: 4, column: "NIP", message: "NIP harus 18 digit (tertulis 17 digit).")
        let data = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(ImportProblem.self, from: data) == p)
    }
}
