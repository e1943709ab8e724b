import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

@Suite struct XLSXTests {
    /// A hand-made workbook: the parts every test shares plus the given sheet and extras.
    func workbook(
        sheet: String, sharedStrings: String? = nil, styles: String? = nil,
        workbookPr: String = ""
    ) throws -> Data {
        let main = XLSXParts.mainNS
        var parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: 1)),
            ("_rels/.rels", XLSXParts.rootRels),
            (
                "xl/workbook.xml",
                #"<workbook xmlns="\#(main)" xmlns:r="\#(XLSXParts.relNS)">\#(workbookPr)"#
                    + #"<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRels(sheetCount: 1)),
            ("xl/worksheets/sheet1.xml", #"<worksheet xmlns="\#(main)"><sheetData>\#(sheet)</sheetData></worksheet>"#),
        ]
        if let sharedStrings {
            parts.append(("xl/sharedStrings.xml", #"<sst xmlns="\#(main)">\#(sharedStrings)</sst>"#))
        }
        parts.append(
            ("xl/styles.xml", styles.map { #"<styleSheet xmlns="\#(main)">\#($0)</styleSheet>"# } ?? XLSXParts.styles))
        return try XLSXWriter.zip(parts)
    }

    @Test func roundTrip() throws {
        let table = Table(
            header: ["NIP", "Nama", "Catatan", "Nilai"],
            rows: [
                ["198503122010011002", "<script>alert('x')</script>", "Kata \"kutip\" & <tag>", "85"],
                ["199001012022212005", "Élodie Ñañez", "Pelayanan publik yang prima 🏛️🌊", "-3.25"],
                ["", "", "", ""],
                ["007", "=SUM(A1)", "baris satu\r\nbaris dua\tTAB", "3.50"],
                ["0", "  spasi di tepi  ", "_x000D_ literal", "0.5"],
                ["ragged"],
                [],
                ["1234567890123456", "1e5", "-0", "12345678901234.5"],
            ])
        let data = try XLSXWriter.write(sheets: [(name: "Pegawai", table: table)])
        #expect(try XLSXReader.read(data) == table)
    }

    @Test func numbersBecomeNumericCellsOnlyWhenTheyReadBackTheSame() {
        for s in ["0", "85", "-3.25", "0.5", "123456789012345"] { #expect(XLSXWriter.isNumeric(s), "\(s)") }
        for s in ["007", "3.50", "-0", "1234567890123456", "198503122010011002", "1e5", "1,5", "+5", "5."] {
            #expect(!XLSXWriter.isNumeric(s), "\(s)")
        }
        let xml = XLSXWriter.worksheet(Table(header: ["A"], rows: [["85"], ["007"], ["=1+1"]]))
        #expect(xml.contains(#"<c r="A2"><v>85</v></c>"#))
        #expect(xml.contains(#"<c r="A3" t="inlineStr"><is><t xml:space="preserve">007</t></is></c>"#))
        #expect(xml.contains(#"<t xml:space="preserve">=1+1</t>"#)) // text is never evaluated: no `'`
        #expect(xml.contains(#"<c r="A1" s="1" t="inlineStr">"#)) // bold header
    }

    @Test func illegalXMLCharactersAreStripped() throws {
        let table = Table(header: ["A"], rows: [["a\u{0}b\u{1B}c\u{FFFF}d"]])
        let back = try XLSXReader.read(XLSXWriter.write(sheets: [(name: "S", table: table)]))
        #expect(back.rows == [["abcd"]])
    }

    @Test func sheetNamesAreRepaired() {
        let names = XLSXWriter.sheetNames([
            "Data [2026]: a/b?", "", "Rekapitulasi Kompetensi Pegawai Kota Kupang", "data 2026 a b", "'x'",
        ])
        #expect(names == ["Data 2026 ab", "Lembar 2", "Rekapitulasi Kompetensi Pegawai", "data 2026 a b", "x"])
        #expect(XLSXWriter.sheetNames(["Data 2026 ab", "DATA 2026 AB"]) == ["Data 2026 ab", "DATA 2026 AB (2)"])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test func severalSheetsReadsTheFirst() throws {
        let data = try XLSXWriter.write(sheets: [
            (name: "Satu", table: Table(header: ["a"], rows: [["1"]])),
            (name: "Dua", table: Table(header: ["b"], rows: [["2"]])),
        ])
        #expect(try XLSXReader.read(data) == Table(header: ["a"], rows: [["1"]]))
        #expect(throws: XLSXError(message: "Buku kerja harus berisi setidaknya satu lembar")) {
            try XLSXWriter.write(sheets: [])
        }
    }

    @Test func sharedStringsRichTextGapsAndTypes() throws {
        let strings =
            #"<si><t>NIP</t></si><si><r><rPr><b/></rPr><t>Na</t></r><r><t xml:space="preserve">ma </t></r>"#
            + #"<rPh sb="0" eb="1"><t>ナ</t></rPh></si><si><t>Benu_x000D_</t></si>"#
        let sheet =
            #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>"#
            + #"<row r="3"><c r="A3"><v>1.98503122010011E+17</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" s="0" t="s"/>"#
            + #"<c r="E3" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>"#
            + #"<row r="5"><c r="B5" t="s"><v>2</v></c><c r="C5" t="str"><f>A5&amp;"x"</f><v>hasil</v></c>"#
            + #"<c r="D5"><v>198503122010011002</v></c><c r="E5"><v>0.30000000000000004</v></c><c r="F5" t="e"><v>#N/A</v></c></row>"#
        let table = try XLSXReader.read(workbook(sheet: sheet, sharedStrings: strings))
        #expect(table.header == ["NIP", "", "Nama "])
        #expect(
            table.rows == [
                [],
                ["198503122010011000", "TRUE", "", "", "inline"],
                [],
                ["", "Benu\r", "hasil", "198503122010011002", "0.3", "#N/A"],
            ])
    }

    @Test func cellsAndRowsWithoutReferences() throws {
        let sheet =
            "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>2</v></c></row>"
            + "<row><c><v>3</v></c></row><row r=\"4\"><c r=\"B4\"><v>4</v></c><c><v>5</v></c></row>"
        #expect(
            try XLSXReader.read(workbook(sheet: sheet))
                == Table(header: ["a", "2"], rows: [["3"], [], ["", "4", "5"]]))
    }

    @Test func numberTexts() {
        let cases = [
            "12": "12", "12.0": "12", "1.5E+3": "1500", "1E-3": "0.001", "-2.50": "-2.5",
            "0.1000000000000000055": "0.1", "9.9999999999999999E+2": "1000", "1E+40": "1E+40",
            "-0": "-0", "0.0": "0", "abc": "abc", "123456789012345678901": "123456789012345678901",
        ]
        for (v, shown) in cases { #expect(XLSXNumbers.text(v) == shown, "\(v)") }
    }

    @Test func datesByStyle() throws {
        // Style 1: built-in 14 (date); 2: custom Indonesian long date; 3: custom date-time; 4: time only.
        let styles =
            #"<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-421]dd\ mmmm\ yyyy;@"/>"#
            + #"<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="166" formatCode="&quot;day&quot; 0"/></numFmts>"#
            + #"<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>"#
            + #"<xf numFmtId="20"/><xf numFmtId="166"/></cellXfs>"#
        let sheet =
            #"<row r="1"><c r="A1" s="1"><v>46355</v></c><c r="B1" s="2"><v>1</v></c>"#
            + #"<c r="C1" s="3"><v>46355.75</v></c><c r="D1" s="4"><v>0.5</v></c><c r="E1" s="5"><v>7</v></c>"#
            + #"<c r="F1" s="1"><v>59</v></c><c r="G1" s="1"><v>61</v></c></row>"#
        let table = try XLSXReader.read(workbook(sheet: sheet, styles: styles))
        #expect(
            table.header == ["2026-11-29", "1900-01-01", "2026-11-29 18:00", "0.5", "7", "1900-02-28", "1900-03-01"])
        let in1904 = try XLSXReader.read(
            workbook(sheet: sheet, styles: styles, workbookPr: #"<workbookPr date1904="1"/>"#))
        #expect(in1904.header[0] == "2030-11-30")
    }

    @Test func errors() throws {
        #expect(throws: XLSXError(message: "Berkas bukan XLSX yang sah")) {
            try XLSXReader.read(Data("NIP;Nama\n".utf8))
        }
        #expect(throws: XLSXError(message: "Berkas bukan XLSX yang sah")) { try XLSXReader.read(Data()) }
        let noSheet = try XLSXWriter.zip([("xl/workbook.xml", "<workbook/>")])
        #expect(throws: XLSXError(message: "Lembar kerja tidak ditemukan")) { try XLSXReader.read(noSheet) }
        let notXLSX = try XLSXWriter.zip([("word/document.xml", "<document/>")])
        #expect(throws: XLSXError(message: "Berkas bukan XLSX yang sah")) { try XLSXReader.read(notXLSX) }
        let brokenXML = try workbook(sheet: "<row><c><v>1</v></row>")
        #expect(throws: XLSXError(message: "Berkas bukan XLSX yang sah")) { try XLSXReader.read(brokenXML) }
        let badIndex = try workbook(sheet: #"<row><c t="s"><v>3</v></c></row>"#, sharedStrings: "<si><t>a</t></si>")
        #expect(throws: XLSXError(message: "Berkas bukan XLSX yang sah")) { try XLSXReader.read(badIndex) }
    }

    @Test func fallsBackToSheet1WithoutWorkbookRels() throws {
        let data = try XLSXWriter.zip([
            ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: 1)),
            (
                "xl/worksheets/sheet1.xml",
                #"<worksheet xmlns="\#(XLSXParts.mainNS)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#
            ),
        ])
        #expect(try XLSXReader.read(data) == Table(header: ["x"]))
    }

    @Test func followsTheWorkbookOrderAndRelationshipTargets() throws {
        // The first tab is sheet2.xml, referenced with an absolute target; prefixed element names.
        let main = XLSXParts.mainNS
        let rel = XLSXParts.relNS
        let sheet = { (text: String) in
            #"<x:worksheet xmlns:x="\#(main)"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>\#(text)</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#
        }
        let data = try XLSXWriter.zip([
            ("_rels/.rels", XLSXParts.rootRels),
            (
                "xl/workbook.xml",
                #"<x:workbook xmlns:x="\#(main)" xmlns:r="\#(rel)"><x:sheets><x:sheet name="B" sheetId="2" r:id="rB"/><x:sheet name="A" sheetId="1" r:id="rA"/></x:sheets></x:workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships xmlns="\#(XLSXParts.packageRelNS)"><Relationship Id="rA" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rB" Type="\#(rel)/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#
            ),
            ("xl/worksheets/sheet1.xml", sheet("pertama dalam berkas")),
            ("xl/worksheets/sheet2.xml", sheet("tab pertama")),
        ])
        #expect(try XLSXReader.read(data).header == ["tab pertama"])
    }

    @Test func readsAWorkbookSavedByLibreOffice() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/libreoffice-pegawai.xlsx")
        let table = try XLSXReader.read(Data(contentsOf: url))
        #expect(table.header == ["NIP", "Nama", "Kode Unit", "Nilai", "Tanggal"])
        #expect(
            table.rows == [
                ["198503122010011002", "Benu; Yohanes", "007", "85", "2026-11-29"],
                [],
                ["199001012022212005", "Élodie Ñañez 🌊", "1.02", "3.5", "2025-01-31"],
            ])
    }
}

/// Issue 19: exported figures are numbers and dates Excel can sort, sum and chart, shown as the
/// page shows them, and they read back as the same text.
@Suite struct XLSXTypedCellsTests {
    @Test func decimalsAndDatesAreTypedAndReadBackTheSame() throws {
        let table = Table(
            header: ["JPM", "Tanggal", "Biaya", "Kode", "Nol"],
            rows: [
                ["91.50", "2026-07-01", "1500000", "007", "0.00"],
                ["100.00", "2024-02-29", "-2.5", "2026-13-01", "-0.00"],
                ["0.25", "1900-01-05", "3.14159", "2026-7-1", "12.3456789"],
            ])
        let xml = XLSXWriter.worksheet(table)
        // 91.50 is the number 91.5 shown with 2 decimals (style 3 = numFmt 165 "0.00").
        #expect(xml.contains(#"<c r="A2" s="3"><v>91.5</v></c>"#))
        #expect(xml.contains(#"<c r="A3" s="3"><v>100</v></c>"#))
        #expect(xml.contains(#"<c r="A4" s="3"><v>0.25</v></c>"#))
        // 2026-07-01 is day 46204 after 1899-12-30 (Python: date(2026,7,1) - date(1899,12,30));
        // 2024-02-29 is 45351.
        #expect(xml.contains(#"<c r="B2" s="6"><v>46204</v></c>"#))
        #expect(xml.contains(#"<c r="B3" s="6"><v>45351</v></c>"#))
        #expect(xml.contains(#"<c r="C2"><v>1500000</v></c>"#))
        #expect(xml.contains(#"<c r="C3" s="2"><v>-2.5</v></c>"#))
        // Not numbers or not dates stay text (a date in 1900 too: Excel counts a 29 February 1900).
        for ref in ["D2", "D3", "D4", "E3", "B4"] {
            #expect(xml.contains(#"<c r="\#(ref)" t="inlineStr">"#), "\(ref)")
        }
        let back = try XLSXReader.read(XLSXWriter.write(sheets: [(name: "Laporan", table: table)]))
        #expect(back == table)
    }

    /// Shares and money as the pages show them ("66,7 %", "Rp 1.500.000") become numbers with a
    /// percent or Rupiah format, and read back as the same text.
    @Test func percentagesAndRupiahAreNumbers() throws {
        let table = Table(
            header: ["Bagian", "Biaya", "Bukan angka"],
            rows: [
                ["66,7 %", "Rp 1.500.000", "1,2,3 %"],
                ["100 %", "-Rp 2.500", "Rp 1.50"],
                ["0,05 %", "Rp 0", "007 %"],
                ["1.234,5 %", "Rp 12.345.678", "Rp 0012"],
            ])
        let xml = XLSXWriter.worksheet(table)
        // 66,7 % is 0.667 in style 8 (0.0%); 100 % is 1 in style 7 (0%); 0,05 % is 0.0005 (0.00%).
        #expect(xml.contains(#"<c r="A2" s="8"><v>0.667</v></c>"#))
        #expect(xml.contains(#"<c r="A3" s="7"><v>1</v></c>"#))
        #expect(xml.contains(#"<c r="A4" s="9"><v>0.0005</v></c>"#))
        #expect(xml.contains(#"<c r="A5" s="8"><v>12.345</v></c>"#))
        #expect(xml.contains(#"<c r="B2" s="10"><v>1500000</v></c>"#))
        #expect(xml.contains(#"<c r="B3" s="10"><v>-2500</v></c>"#))
        #expect(xml.contains(#"<c r="B4" s="10"><v>0</v></c>"#))
        #expect(xml.contains(#"<c r="B5" s="10"><v>12345678</v></c>"#))
        for ref in ["C2", "C3", "C4", "C5"] { #expect(xml.contains(#"<c r="\#(ref)" t="inlineStr">"#), "\(ref)") }
        let back = try XLSXReader.read(XLSXWriter.write(sheets: [(name: "Laporan", table: table)]))
        #expect(back == table)
        #expect(XLSXStyles.percentDecimals(ofCode: "0.0%") == 1)
        #expect(XLSXStyles.percentDecimals(ofCode: "0%") == 0)
        #expect(XLSXStyles.percentDecimals(ofCode: "#,##0") == nil)
    }

    @Test func aFixedDecimalFormatInSomeoneElsesFileShowsItsDecimals() {
        #expect(XLSXStyles.fixedDecimals(ofCode: "0.00") == 2)
        #expect(XLSXStyles.fixedDecimals(ofCode: "#,##0.0") == 1)
        for code in ["0", "0.00%", "General", "#,##0", "0.0#", "\"Rp\"#,##0.00"] {
            #expect(XLSXStyles.fixedDecimals(ofCode: code) == nil, "\(code)")
        }
        #expect(XLSXNumbers.padded("91.5", decimals: 2) == "91.50")
        #expect(XLSXNumbers.padded("100", decimals: 2) == "100.00")
        #expect(XLSXNumbers.padded("-3", decimals: 1) == "-3.0")
        #expect(XLSXNumbers.padded("3.14159", decimals: 2) == "3.14159")
        #expect(XLSXNumbers.padded("abc", decimals: 2) == "abc")
    }
}

/// Issue 19: report columns written as the pages write them become numbers in an XLSX export.
@Suite struct DisplayNumberColumnsTests {
    @Test func countsAndCommaDecimalsBecomeMachineNumbersByColumn() {
        let table = Table(
            header: ["Layanan", "Volume", "IKM", "Kode", "Skor"],
            rows: [
                ["KTP-el", "1.234", "82,50", "007", "3.125"],
                ["Akta", "56", "—", "1.2", "2.5"],
                ["KIA", "12.345.678", "91,5", "12", "4"],
            ])
        let out = DisplayNumberColumns.machineReadable(table)
        // Volume: counts with thousands dots; IKM: comma decimals ("—" stays); Kode has "007" and
        // "1.2" (not grouped by three): stays; Skor has "2.5": not a column of counts, stays.
        #expect(out.rows.map { $0[1] } == ["1234", "56", "12345678"])
        #expect(out.rows.map { $0[2] } == ["82.50", "—", "91.5"])
        #expect(out.rows.map { $0[3] } == ["007", "1.2", "12"])
        #expect(out.rows.map { $0[4] } == ["3.125", "2.5", "4"])
        #expect(out.rows.map { $0[0] } == ["KTP-el", "Akta", "KIA"])
        // Then the writer stores them as numbers: 1234 plain, 82.50 with two decimals shown.
        let xml = XLSXWriter.worksheet(out)
        #expect(xml.contains(#"<c r="B2"><v>1234</v></c>"#))
        #expect(xml.contains(#"<c r="C2" s="3"><v>82.5</v></c>"#))
    }
}
