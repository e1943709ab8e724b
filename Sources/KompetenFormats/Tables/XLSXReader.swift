import Foundation
import ZIPFoundation

/// Reads the first worksheet of an .xlsx made by Excel, LibreOffice, Google Sheets or
/// `XLSXWriter` into text cells: row 1 becomes the header, so row numbers in import errors match
/// what the user sees.
public enum XLSXReader {
    /// Upper bound for one decompressed part: a few MB of XML is a large import, and a zip bomb
    /// must fail here instead of exhausting memory. All parts read together have their own bound.
    static let maxPartSize = TableLimits.maxPartBytes
    static let maxTotalSize = TableLimits.maxTotalBytes

    public static func read(_ data: Data) throws -> Table {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw XLSXError.invalid }
        let package = OPCPackage(archive: archive)

        let workbookPath =
            (try? package.relationships(of: "")
                .first { $0.type.hasSuffix("/officeDocument") }?.target) ?? "xl/workbook.xml"
        let workbookRels = (try? package.relationships(of: workbookPath)) ?? []
        let sheetPath = (try? firstSheetPath(package, workbookPath, workbookRels)) ?? "xl/worksheets/sheet1.xml"
        guard let sheetXML = try package.part(sheetPath) else {
            let looksLikeXLSX = archive.contains { $0.path.hasPrefix("xl/") }
            throw looksLikeXLSX ? XLSXError.noSheet : XLSXError.invalid
        }

        let dir = OPCPackage.directory(of: workbookPath)
        func related(_ kind: String, _ fallback: String) throws -> Data? {
            let path = workbookRels.first { $0.type.hasSuffix("/" + kind) }?.target ?? dir + fallback
            return try package.part(path)
        }
        let strings = try related("sharedStrings", "sharedStrings.xml").map { try sharedStrings($0) } ?? []
        let styles = try related("styles", "styles.xml").map { try XLSXStyles($0) } ?? XLSXStyles()
        let date1904 = try package.part(workbookPath).map(usesDate1904) ?? false
        return try XLSXSheetReader.read(sheetXML, sharedStrings: strings, styles: styles, date1904: date1904)
    }

    /// The first `<sheet>` in workbook order (not the first file name: a user may reorder tabs).
    private static func firstSheetPath(
        _ package: OPCPackage, _ workbookPath: String,
        _ rels: [OPCPackage.Relationship]
    ) throws -> String? {
        guard let xml = try package.part(workbookPath) else { return nil }
        var firstId: String?
        try XMLWalker.walk(
            xml,
            start: { name, attrs in
                if name == "sheet", firstId == nil { firstId = attrs["id"] }
            })
        return rels.first { $0.id == firstId }?.target
    }

    private static func usesDate1904(_ xml: Data) throws -> Bool {
        var result = false
        try XMLWalker.walk(
            xml,
            start: { name, attrs in
                if name == "workbookPr", let v = attrs["date1904"] { result = v == "1" || v == "true" }
            })
        return result
    }

    /// `<si>` items; rich text is the concatenation of its runs. Phonetic hints (`<rPh>`, used
    /// for Japanese) also contain `<t>` and are skipped.
    static func sharedStrings(_ xml: Data, limit: Int = TableLimits.maxSharedStrings) throws -> [String] {
        var items: [String] = []
        var current = ""
        var inT = false
        var phonetic = 0
        try XMLWalker.walk(
            xml,
            start: { name, _ in
                switch name {
                case "si": current = ""
                case "rPh": phonetic += 1
                case "t": inT = phonetic == 0
                default: break
                }
            },
            end: { name in
                switch name {
                case "si":
                    guard items.count < limit else { throw XLSXError.tooManyStrings }
                    items.append(XMLText.decodeOfficeEscapes(current))
                case "rPh": phonetic -= 1
                case "t": inT = false
                default: break
                }
            }, text: { if inT { current += $0 } })
        return items
    }
}

/// Parts and relationships of the OPC package (the zip), resolved as the spec describes.
struct OPCPackage {
    struct Relationship {
        let id: String
        let type: String
        let target: String
    }
    let archive: Archive
    /// Decompressed bytes read so far from this file, across parts (a class: `part` is called
    /// on a `let` package).
    private final class Budget { var used = 0 }
    private let budget = Budget()

    init(archive: Archive) { self.archive = archive }

    /// A part's bytes, nil when absent; decompression is capped at `XLSXReader.maxPartSize`.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] ?? archive.first(where: { $0.path.lowercased() == path.lowercased() })
        else { return nil }
        // The declared size is checked first (cheap), the actual one while inflating: a zip
        // bomb may declare a small size and still expand without end.
        guard entry.uncompressedSize <= XLSXReader.maxPartSize,
            budget.used + Int(entry.uncompressedSize) <= XLSXReader.maxTotalSize
        else { throw XLSXError.tooLarge }
        var data = Data()
        let budget = self.budget
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                budget.used += chunk.count
                if data.count > XLSXReader.maxPartSize || budget.used > XLSXReader.maxTotalSize {
                    throw XLSXError.tooLarge
                }
            }
        } catch let error as XLSXError { throw error } catch { throw XLSXError.invalid }
        return data
    }

    /// Relationships of the part at `path` ("" for the package itself), targets made absolute.
    func relationships(of path: String) throws -> [Relationship] {
        let dir = OPCPackage.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard let xml = try part(dir + "_rels/" + name + ".rels") else { return [] }
        var result: [Relationship] = []
        try XMLWalker.walk(
            xml,
            start: { element, attrs in
                guard element == "Relationship", let id = attrs["Id"], let target = attrs["Target"],
                    attrs["TargetMode"] != "External"
                else { return }
                result.append(
                    Relationship(id: id, type: attrs["Type"] ?? "", target: OPCPackage.resolve(target, in: dir)))
            })
        return result
    }

    /// "xl/workbook.xml" → "xl/"; "" for a top-level part.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Targets are relative to the source part's folder, or absolute from the package root.
    static func resolve(_ target: String, in dir: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : dir + target
        var parts: [Substring] = []
        for p in joined.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }
}
