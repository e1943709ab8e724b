/// The fixed parts of a minimal SpreadsheetML package. Only what Excel and LibreOffice need to
/// open the file without a repair prompt; no docProps (optional in OPC), no shared strings
/// (inline strings keep the writer streaming-friendly and the reader handles both).
enum XLSXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let sheets = (1...sheetCount).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="\#(ct).worksheet+xml"/>"#
        }.joined()
        return declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(ct).sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(ct).styles+xml"/>"#
            + sheets + "</Types>"
    }

    static let rootRels =
        declaration
        + #"<Relationships xmlns="\#(packageRelNS)">"#
        + #"<Relationship Id="rId1" Type="\#(relNS)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    /// Sheet names must already be valid (see `XLSXWriter.sheetNames`).
    static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map { i, name in
            #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }.joined()
        return declaration + #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
            + "<sheets>\(sheets)</sheets></workbook>"
    }

    /// Worksheets are rId1…rIdN (matching `workbook`), styles comes after them.
    static func workbookRels(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            #"<Relationship Id="rId\#($0)" Type="\#(relNS)/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
        }.joined()
        return declaration + #"<Relationships xmlns="\#(packageRelNS)">"# + sheets
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relNS)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Style 0 is the default, style 1 the bold header; styles 2–5 show 1–4 decimals (a JPM of
    /// 91.50 stays 91.50 on screen and is a number Excel can sum), style 6 a date as dd/mm/yyyy.
    /// Two fills are mandatory (Excel reserves `none` and `gray125`) even though neither is used.
    static let decimalStyles = 2...5
    static let dateStyle = 6
    /// Styles 7–9: a percentage with 0, 1 or 2 decimals ("66,7 %" is the number 0.667 shown
    /// 66.7%); style 10: Rupiah ("Rp 1.500.000" is the number 1500000 shown Rp 1,500,000 —
    /// Excel groups digits by the reader's locale).
    static let percentStyles = 7...9
    static let rupiahStyle = 10
    static let styles =
        declaration + #"<styleSheet xmlns="\#(mainNS)">"#
        + #"<numFmts count="7"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.00"/>"#
        + #"<numFmt numFmtId="166" formatCode="0.000"/><numFmt numFmtId="167" formatCode="0.0000"/>"#
        + #"<numFmt numFmtId="168" formatCode="dd/mm/yyyy"/><numFmt numFmtId="169" formatCode="0.0%"/>"#
        + #"<numFmt numFmtId="170" formatCode="&quot;Rp &quot;#,##0"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="11"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + [164, 165, 166, 167, 168, 9, 169, 10, 170].map {
            #"<xf numFmtId="\#($0)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        }
        .joined() + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
