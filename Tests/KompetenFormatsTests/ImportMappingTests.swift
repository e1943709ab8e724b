import Foundation
import KompetenCore
import Testing

@testable import KompetenFormats

/// The column-mapping rules on a hand-written SIASN-like export.
@Suite("Import mapping: suggest, validate, apply")
struct ImportMappingTests {
    static let columns = [
        ImportColumn(key: "nip", header: "NIP", required: true),
        ImportColumn(key: "name", header: "Nama", required: true),
        ImportColumn(key: "unit", header: "Kode Unit", required: true),
        ImportColumn(key: "supervisor", header: "NIP Atasan", required: false),
    ]
    static let siasn = ["No", "NIP BARU", "NAMA", "UNOR", "nip atasan "]

    @Test func suggestsOnlyHeadersThatMatchIgnoringCaseAndSpaces() {
        // "NAMA" is "Nama" and "nip atasan " is "NIP Atasan"; "NIP BARU" and "UNOR" are not.
        #expect(
            ImportMapping.suggest(headers: Self.siasn, columns: Self.columns)
                == ["name": "NAMA", "supervisor": "nip atasan "])
        #expect(
            ImportMapping.suggest(headers: ["NIP", "Nama", "KodeUnit"], columns: Self.columns)
                == ["nip": "NIP", "name": "Nama", "unit": "KodeUnit"])
    }

    @Test func theStepIsNeededOnlyWhenAColumnMayBeHiddenUnderAnotherName() {
        // NIP and Kode Unit (required) are not found.
        #expect(ImportMapping.isNeeded(headers: Self.siasn, columns: Self.columns))
        // Every column found; an extra "No" column is ignored as before.
        #expect(
            !ImportMapping.isNeeded(headers: ["No", "NIP", "Nama", "Kode Unit", "NIP Atasan"], columns: Self.columns))
        // Optional NIP Atasan missing and nothing unknown: the file simply has no such column.
        #expect(!ImportMapping.isNeeded(headers: ["NIP", "Nama", "Kode Unit"], columns: Self.columns))
        // Optional NIP Atasan missing and an unknown "ATASAN" that may be it.
        #expect(ImportMapping.isNeeded(headers: ["NIP", "Nama", "Kode Unit", "ATASAN"], columns: Self.columns))
        // No header at all: nothing to map (the import says the required columns are missing).
        #expect(!ImportMapping.isNeeded(headers: ["", " "], columns: Self.columns))
        #expect(ImportMapping.matches("\u{FEFF}Nip  Baru", "NIP BARU"))
    }

    @Test func aCompleteMappingIsKeyedByCodeNameWithEmptyChoicesDropped() throws {
        let map = ["nip": "NIP BARU", "Nama": "NAMA", "unit": "UNOR", "supervisor": ""]
        #expect(
            try ImportMapping.validate(map, columns: Self.columns, headers: Self.siasn).get()
                == ["nip": "NIP BARU", "name": "NAMA", "unit": "UNOR"])
    }

    @Test func problemsNameTheColumn() {
        let unknown = ImportMapping.validate(
            ["nip": "NIP BARU", "name": "NAMA", "unit": "UNOR", "jabatan": "JABATAN"], columns: Self.columns)
        #expect(
            unknown
                == .failure(
                    ValidationFailure(errors: [
                        FieldError(
                            field: "jabatan",
                            message: "Kolom \"jabatan\" tidak dikenal; pilih dari: nip, name, unit, supervisor.")
                    ])))
        let missing = ImportMapping.validate(["nip": "NIP BARU", "name": "NAMA"], columns: Self.columns)
        #expect(
            missing
                == .failure(
                    ValidationFailure(errors: [
                        FieldError(field: "unit", message: "Kolom wajib \"Kode Unit\" belum dipetakan.")
                    ])))
        let twice = ImportMapping.validate(
            ["nip": "NIP BARU", "name": "NAMA", "unit": "UNOR", "supervisor": "nip baru"], columns: Self.columns)
        #expect(
            twice
                == .failure(
                    ValidationFailure(errors: [
                        FieldError(
                            field: "supervisor", message: "Judul \"nip baru\" sudah dipakai untuk kolom \"NIP\".")
                    ])))
        let absent = ImportMapping.validate(
            ["nip": "NIP LAMA", "name": "NAMA", "unit": "UNOR"], columns: Self.columns, headers: Self.siasn)
        #expect(
            absent
                == .failure(
                    ValidationFailure(errors: [
                        FieldError(field: "nip", message: "Judul kolom \"NIP LAMA\" tidak ada di berkas."),
                        FieldError(field: "nip", message: "Kolom wajib \"NIP\" belum dipetakan."),
                    ])))
    }

    @Test func applyingRenamesAndReordersKeepingRowPositions() {
        let file = Table(
            header: Self.siasn,
            rows: [
                ["1", "198503122010011002", "Yohanes Benu", "DUKCAPIL", ""],
                ["", "", "", "", ""],
                ["3", "199001012022212005", "Maria Fanggidae"],
            ])
        let mapped = ImportMapping.apply(
            ["nip": "nip baru", "name": "NAMA", "unit": "UNOR"], to: file, columns: Self.columns)
        #expect(mapped.header == ["NIP", "Nama", "Kode Unit"])
        #expect(
            mapped.rows == [
                ["198503122010011002", "Yohanes Benu", "DUKCAPIL"], ["", "", ""],
                ["199001012022212005", "Maria Fanggidae", ""],
            ])
        // Read as the importer reads it: the third file row is row 4 of the spreadsheet.
        #expect(
            ImportSheet.rows(mapped, columns: Self.columns)
                == .success([
                    ImportRow(
                        number: 2, values: ["nip": "198503122010011002", "name": "Yohanes Benu", "unit": "DUKCAPIL"]),
                    ImportRow(number: 4, values: ["nip": "199001012022212005", "name": "Maria Fanggidae", "unit": ""]),
                ]))
    }

    @Test func aSavedMappingFitsWhenAllItsHeadersAreInTheFile() {
        let saved = ["nip": "NIP BARU", "name": "NAMA", "unit": "UNOR"]
        #expect(ImportMapping.fits(saved, headers: Self.siasn))
        // "No" and "nip atasan " are not used by the saved mapping: it fits, not exactly.
        #expect(!ImportMapping.fitsExactly(saved, headers: Self.siasn))
        #expect(ImportMapping.fitsExactly(saved, headers: ["Nip Baru", "NAMA", "UNOR", ""]))
        #expect(!ImportMapping.fits(saved, headers: ["NIP BARU", "NAMA"]))
        #expect(!ImportMapping.fits([:], headers: Self.siasn))
    }
}
