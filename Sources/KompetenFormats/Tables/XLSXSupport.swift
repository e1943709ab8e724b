import Foundation

#if canImport(FoundationXML)
    import FoundationXML // XMLParser lives here on Linux
#endif

/// An XLSX problem; `message` is Bahasa Indonesia, shown to the user as is.
public struct XLSXError: Error, Equatable, Sendable {
    public let message: String

    public init(message: String) { self.message = message }

    static let invalid = XLSXError(message: "Berkas bukan XLSX yang sah")
    static let noSheet = XLSXError(message: "Lembar kerja tidak ditemukan")
    static var tooLarge: XLSXError { XLSXError(message: TableLimits.tooLargeMessage) }
    static func tooWide(column: Int) -> XLSXError { XLSXError(message: TableLimits.tooWideMessage(column: column)) }
    static func tooLong(row: Int) -> XLSXError { XLSXError(message: TableLimits.tooLongMessage(row: row)) }
    static var tooManyCells: XLSXError { XLSXError(message: TableLimits.tooManyCellsMessage) }
    static var tooManyStrings: XLSXError { XLSXError(message: TableLimits.tooManyStringsMessage) }
}

/// A1-style cell references. Columns are 0-based here (A = 0), rows 1-based as in the sheet.
enum CellRef {
    static let maxColumns = 16_384 // XFD, Excel's limit
    static let maxRows = 1_048_576

    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// "C5" → (column 2, row 5); nil for anything else, including `$C$5` (never used in `r=`).
    static func parse(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for b in ref.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(b - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(b - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(b - 48)
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, column <= maxColumns, (1...maxRows).contains(row) else { return nil }
        return (column - 1, row)
    }
}

enum XMLText {
    /// Escapes for element text and attribute values alike. Characters that XML 1.0 cannot carry
    /// at all (most C0 controls, U+FFFE/U+FFFF) are dropped: Excel refuses the whole file
    /// otherwise. CR is written as a character reference because parsers turn a literal CR into LF.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(c)
            case _ where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Office encodes some characters as `_xHHHH_` inside strings (Excel writes a CR as
    /// `_x000D_`); a literal `_xHHHH_` in the text is itself escaped as `_x005F_xHHHH_`.
    static func decodeOfficeEscapes(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = String.UnicodeScalarView()
        var scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if let value = officeEscape(scalars, at: i), let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Protects text that happens to look like an Office escape, so a reader decodes it back.
    static func encodeOfficeEscapes(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = String.UnicodeScalarView()
        var scalars = Array(s.unicodeScalars)
        for i in scalars.indices {
            if officeEscape(scalars, at: i) != nil { out.append(contentsOf: "_x005F".unicodeScalars) }
            out.append(scalars[i])
        }
        return String(out)
    }

    private static func officeEscape(_ s: [Unicode.Scalar], at i: Int) -> UInt32? {
        guard i + 6 < s.count, s[i] == "_", s[i + 1] == "x", s[i + 6] == "_",
            s[i + 2..<i + 6].allSatisfy(\.properties.isASCIIHexDigit)
        else { return nil }
        return UInt32(String(String.UnicodeScalarView(s[i + 2..<i + 6])), radix: 16)
    }
}

/// A thin SAX walk over one XML part. Element and attribute names arrive without their
/// namespace prefix, because some writers use `x:row` where Excel writes `row`.
final class XMLWalker: NSObject, XMLParserDelegate {
    private let onStart: (String, [String: String]) throws -> Void
    private let onEnd: (String) throws -> Void
    private let onText: (String) -> Void
    private var failure: Error?
    private var depth = 0, sawRoot = false

    private init(
        start: @escaping (String, [String: String]) throws -> Void,
        end: @escaping (String) throws -> Void, text: @escaping (String) -> Void
    ) {
        onStart = start
        onEnd = end
        onText = text
    }

    static func walk(
        _ data: Data, start: @escaping (String, [String: String]) throws -> Void,
        end: @escaping (String) throws -> Void = { _ in },
        text: @escaping (String) -> Void = { _ in }
    ) throws {
        let walker = XMLWalker(start: start, end: end, text: text)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false // no XXE from an uploaded file
        parser.delegate = walker
        let ok = parser.parse()
        if let failure = walker.failure { throw failure }
        // On Linux, parse() returns true after recoverable errors and for a truncated document,
        // so errors are collected by the delegate and the element nesting is checked here.
        if !ok || walker.depth != 0 || !walker.sawRoot { throw XLSXError.invalid }
    }

    static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        var attrs: [String: String] = [:]
        for (k, v) in attributes { attrs[XMLWalker.local(k)] = v }
        depth += 1
        sawRoot = true
        run(parser) { try onStart(XMLWalker.local(elementName), attrs) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        depth -= 1
        run(parser) { try onEnd(XMLWalker.local(elementName)) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = XLSXError.invalid }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { onText(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        onText(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func run(_ parser: XMLParser, _ body: () throws -> Void) {
        guard failure == nil else { return }
        do { try body() } catch {
            failure = error
            parser.abortParsing()
        }
    }
}
