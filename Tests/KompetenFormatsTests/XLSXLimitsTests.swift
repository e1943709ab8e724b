import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

/// Hostile spreadsheets (security item 12): bounded by columns, rows and cells before anything
/// is allocated, and by the decompressed size of the zip; the 422 message names the limit.
@Suite("Spreadsheet limits (hostile XLSX and CSV)")
struct XLSXLimitsTests {
    func workbook(sheetData: String, extra: [(String, String)] = []) throws -> Data {
        let main = XLSXParts.mainNS
        return try XLSXWriter.zip(
            [
                ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: 1)),
                ("_rels/.rels", XLSXParts.rootRels),
                (
                    "xl/workbook.xml",
                    #"<workbook xmlns="\#(main)" xmlns:r="\#(XLSXParts.relNS)"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                ),
                ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRels(sheetCount: 1)),
                (
                    "xl/worksheets/sheet1.xml",
                    #"<worksheet xmlns="\#(main)"><sheetData>\#(sheetData)</sheetData></worksheet>"#
                ),
            ] + extra)
    }

    func cell(_ ref: String, _ text: String) -> String { #"<c r="\#(ref)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }

    @Test func aCellInColumnXFDIsRefusedNamingTheLimit() throws {
        let rows = (1...50).map { #"<row r="\#($0)">\#(cell("XFD\($0)", "x"))</row>"# }.joined()
        #expect(
            throws: XLSXError(
                message: "Lembar kerja terlalu lebar: paling banyak 256 kolom (A–IV), tetapi ada isian di kolom XFD.")
        ) {
            try XLSXReader.read(try workbook(sheetData: rows))
        }
    }

    @Test func twentyThousandRowsWithACellInXFDFailFast() throws {
        let rows = (1...20_000).map { #"<row r="\#($0)">\#(cell("XFD\($0)", "x"))</row>"# }.joined()
        let data = try workbook(sheetData: rows)
        let start = Date()
        #expect(
            throws: XLSXError(
                message: "Lembar kerja terlalu lebar: paling banyak 256 kolom (A–IV), tetapi ada isian di kolom XFD.")
        ) {
            try XLSXReader.read(data)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func column256IsTheLastOne() throws {
        let ok = try XLSXReader.read(try workbook(sheetData: #"<row r="1">\#(cell("IV1", "x"))</row>"#))
        #expect(ok.header.count == 256 && ok.header[255] == "x")
        #expect(
            throws: XLSXError(
                message: "Lembar kerja terlalu lebar: paling banyak 256 kolom (A–IV), tetapi ada isian di kolom IW.")
        ) {
            try XLSXReader.read(try workbook(sheetData: #"<row r="1">\#(cell("IW1", "x"))</row>"#))
        }
        // An empty (formatted) cell far right is ignored, not refused.
        let styled = try XLSXReader.read(
            try workbook(sheetData: #"<row r="1">\#(cell("A1", "NIP"))<c r="XFD1" s="0"/></row>"#))
        #expect(styled.header == ["NIP"])
    }

    @Test func rowsBeyondOneHundredThousandAreRefused() throws {
        #expect(
            throws: XLSXError(
                message:
                    "Lembar kerja terlalu panjang: paling banyak 100.000 baris data (baris ke-100.002 melewati batas).")
        ) {
            try XLSXReader.read(
                try workbook(
                    sheetData: #"<row r="1">\#(cell("A1", "NIP"))</row><row r="100002">\#(cell("A100002", "x"))</row>"#)
            )
        }
    }

    @Test func totalCellsAreBounded() throws {
        // 8,000 rows reaching column IV hold 8,000 × 256 = 2,048,000 cells > 2,000,000.
        let rows = (1...8_000).map { #"<row r="\#($0)">\#(cell("IV\($0)", "x"))</row>"# }.joined()
        #expect(throws: XLSXError(message: "Lembar kerja terlalu besar: paling banyak 2.000.000 sel.")) {
            try XLSXReader.read(try workbook(sheetData: rows))
        }
    }

    @Test func sharedStringsAreBounded() throws {
        let xml = Data(
            (#"<sst xmlns="\#(XLSXParts.mainNS)">"# + String(repeating: "<si><t>a</t></si>", count: 4) + "</sst>").utf8)
        #expect(try XLSXReader.sharedStrings(xml, limit: 4) == ["a", "a", "a", "a"])
        #expect(
            throws: XLSXError(
                message:
                    "Berkas XLSX berisi terlalu banyak teks: paling banyak 2.000.000 teks bersama (shared strings).")
        ) {
            try XLSXReader.sharedStrings(xml, limit: 3)
        }
    }

    /// Every part under the 64 MB part limit, together above the 128 MB bound: a 60 MB sheet
    /// (read first, parsed last), 9 MB of shared strings, then 60 MB of styles (mostly spaces:
    /// the file itself is small).
    @Test func theDecompressedTotalIsBounded() throws {
        func spaces(_ mb: Int) -> String { String(repeating: " ", count: mb * 1024 * 1024) }
        let main = XLSXParts.mainNS
        let data = try workbook(
            sheetData: #"<row r="1">\#(cell("A1", "NIP"))</row>"# + spaces(60),
            extra: [
                ("xl/sharedStrings.xml", #"<sst xmlns="\#(main)">"# + spaces(9) + "</sst>"),
                ("xl/styles.xml", #"<styleSheet xmlns="\#(main)">"# + spaces(60) + "</styleSheet>"),
            ])
        #expect(data.count < 1024 * 1024)
        #expect(
            throws: XLSXError(
                message:
                    "Berkas XLSX terlalu besar setelah dibuka: paling banyak 64 MB per bagian dan 128 MB seluruhnya.")
        ) {
            try XLSXReader.read(data)
        }
    }

    @Test func csvIsBoundedToo() throws {
        let wide = Data((Array(repeating: "x", count: 257).joined(separator: ";") + "\n").utf8)
        #expect(
            throws: CSVError(
                row: 1,
                message: "Lembar kerja terlalu lebar: paling banyak 256 kolom (A–IV), tetapi ada isian di kolom IW.")
        ) {
            try CSVReader.read(wide)
        }
        let long = Data(("NIP\n" + String(repeating: "1\n", count: 100_001)).utf8)
        #expect(
            throws: CSVError(
                row: 100_002,
                message:
                    "Lembar kerja terlalu panjang: paling banyak 100.000 baris data (baris ke-100.002 melewati batas).")
        ) {
            try CSVReader.read(long)
        }
        // Trailing empty fields past column 256 are dropped, not refused.
        let trailing = try CSVReader.read(Data(("NIP;Nama" + String(repeating: ";", count: 300) + "\n").utf8))
        #expect(trailing.header.count == 256 && trailing.header.prefix(2) == ["NIP", "Nama"])
    }
}
