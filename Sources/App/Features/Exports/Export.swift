import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// Every list and report downloads as CSV (semicolon, UTF-8 with BOM: what Excel in the
/// Indonesian locale opens directly) or XLSX, from the same `Table`.
enum Export {
    enum Format: String { case csv, xlsx }

    /// `?format=csv|xlsx` on a list or report URL; nil when the page itself is wanted.
    static func requested(_ req: Request) throws -> Format? {
        guard let raw = try? req.query.get(String.self, at: "format"), !raw.isEmpty else { return nil }
        guard let format = Format(rawValue: raw) else {
            throw Abort(.badRequest, reason: "Format unduhan harus csv atau xlsx.")
        }
        return format
    }

    static func response(_ table: Table, filename: String, format: Format, sheet: String = "Data") throws -> Response {
        let data: Data
        let type: String
        switch format {
        case .csv:
            data = CSVWriter.write(table)
            type = "text/csv; charset=utf-8"
        case .xlsx:
            data = try XLSXWriter.write(sheets: [(name: sheet, table: DisplayNumberColumns.machineReadable(table))])
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.setAttachment(filename: "\(filename).\(format.rawValue)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A report of several tables as one XLSX workbook, one sheet per table.
    static func workbook(_ sheets: [(name: String, table: Table)], filename: String) throws -> Response {
        let typed = sheets.map { (name: $0.name, table: DisplayNumberColumns.machineReadable($0.table)) }
        let response = Response(status: .ok, body: .init(data: try XLSXWriter.write(sheets: typed)))
        response.headers.replaceOrAdd(
            name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.setAttachment(filename: "\(filename).xlsx")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Links for the page: the current URL with `format=` added.
    static func links(_ req: Request) -> [String: String] {
        var result: [String: String] = [:]
        for format in [Format.csv, .xlsx] {
            var c = URLComponents(string: req.url.string) ?? URLComponents()
            c.queryItems =
                (c.queryItems ?? []).filter { $0.name != "format" && $0.name != "page" } + [
                    URLQueryItem(name: "format", value: format.rawValue)
                ]
            result[format.rawValue] = c.string ?? ""
        }
        return result
    }
}
