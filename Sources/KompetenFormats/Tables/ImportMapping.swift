import Foundation
import KompetenCore

/// A column mapping: for each of Kompeten's columns (by code name, e.g. "nip"), the header of
/// the uploaded file that holds it (e.g. "NIP BARU" in a SIASN export). It only renames columns:
/// the mapped table then goes through `ImportSheet.rows` and the importer unchanged, so the
/// all-or-nothing rule and the "Baris N, kolom X" problems stay what they are.
public enum ImportMapping {
    /// Column key → source header. Columns without a source header are left out.
    public typealias Columns = [String: String]

    /// The mapping that reads a file whose headers already match (case and spaces ignored):
    /// each column whose own header is in the file, mapped to the file's spelling of it.
    public static func suggest(headers: [String], columns: [ImportColumn]) -> Columns {
        var result: Columns = [:]
        for column in columns {
            let wanted = ImportSheet.headerKey(column.header)
            if let found = headers.first(where: { ImportSheet.headerKey($0) == wanted }) {
                result[column.key] = found
            }
        }
        return result
    }

    /// Whether a file with these headers needs the mapping step: a required column is not
    /// found, or a column is not found while the file has a header Kompeten does not know (it
    /// may hold that column under another name). Extra columns of a file that has every column
    /// (a "No." column, notes) are ignored as before.
    public static func isNeeded(headers: [String], columns: [ImportColumn]) -> Bool {
        let known = Set(columns.map { ImportSheet.headerKey($0.header) })
        let present = Set(headers.map(ImportSheet.headerKey))
        let missing = columns.filter { !present.contains(ImportSheet.headerKey($0.header)) }
        // A file without any header has nothing to map: the import reports it as it always did.
        guard present.contains(where: { !$0.isEmpty }) else { return false }
        if missing.contains(where: \.required) { return true }
        let unknown = present.contains { !$0.isEmpty && !known.contains($0) }
        return !missing.isEmpty && unknown
    }

    /// Checks a mapping against the template's columns (and, when given, the file's headers).
    /// The map's keys may be the column's code name ("nip") or its template header ("NIP");
    /// the result is keyed by code name, with empty source headers dropped. Each problem's
    /// `field` is the key as it was given, so an API caller finds it in its own body.
    public static func validate(_ map: Columns, columns: [ImportColumn], headers: [String]? = nil)
        -> Result<Columns, ValidationFailure>
    {
        var errors: [FieldError] = []
        var resolved: Columns = [:]
        var given: [String: String] = [:]
        for (key, source) in map.sorted(by: { $0.key < $1.key }) {
            guard
                let column = columns.first(where: {
                    $0.key == key || ImportSheet.headerKey($0.header) == ImportSheet.headerKey(key)
                })
            else {
                errors.append(
                    FieldError(
                        field: key,
                        message: "Kolom \"\(key)\" tidak dikenal; pilih dari: "
                            + columns.map(\.key).joined(separator: ", ") + "."))
                continue
            }
            let text = source.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if resolved[column.key] != nil {
                errors.append(
                    FieldError(field: key, message: "Kolom \"\(column.header)\" dipetakan lebih dari sekali."))
                continue
            }
            if let headers, !headers.contains(where: { ImportSheet.headerKey($0) == ImportSheet.headerKey(text) }) {
                errors.append(FieldError(field: key, message: "Judul kolom \"\(text)\" tidak ada di berkas."))
                continue
            }
            resolved[column.key] = text
            given[column.key] = key
        }
        var owner: [String: String] = [:]
        for column in columns {
            guard let source = resolved[column.key] else {
                if column.required {
                    errors.append(
                        FieldError(field: column.key, message: "Kolom wajib \"\(column.header)\" belum dipetakan."))
                }
                continue
            }
            let sourceKey = ImportSheet.headerKey(source)
            if let first = owner[sourceKey] {
                errors.append(
                    FieldError(
                        field: given[column.key] ?? column.key,
                        message: "Judul \"\(source)\" sudah dipakai untuk kolom \"\(first)\"."))
            }
            owner[sourceKey] = owner[sourceKey] ?? column.header
        }
        return errors.isEmpty ? .success(resolved) : .failure(ValidationFailure(errors: errors))
    }

    /// The table as the importer expects it: one column per mapped template column, under the
    /// template's header, in template order; other columns of the file are dropped. Row
    /// positions are kept, so problems still name the file's own row numbers.
    public static func apply(_ map: Columns, to table: Table, columns: [ImportColumn]) -> Table {
        var picked: [(header: String, index: Int)] = []
        for column in columns {
            guard let source = map[column.key] else { continue }
            let key = ImportSheet.headerKey(source)
            if let index = table.header.firstIndex(where: { ImportSheet.headerKey($0) == key }) {
                picked.append((column.header, index))
            }
        }
        let rows = table.rows.map { cells in picked.map { $0.index < cells.count ? cells[$0.index] : "" } }
        // Not `Table(header:rows:)`: that drops trailing blank rows, which is harmless, but the
        // raw rows keep the projection obviously one-to-one with the file.
        var mapped = Table(header: picked.map(\.header))
        mapped.rows = rows
        return mapped
    }

    /// Whether two headers are the same column (case, spaces and a BOM ignored).
    public static func matches(_ a: String, _ b: String) -> Bool {
        ImportSheet.headerKey(a) == ImportSheet.headerKey(b)
    }

    /// Whether every source header of `map` is in the file: the saved mapping can read it.
    public static func fits(_ map: Columns, headers: [String]) -> Bool {
        let present = Set(headers.map(ImportSheet.headerKey))
        return !map.isEmpty && map.values.allSatisfy { present.contains(ImportSheet.headerKey($0)) }
    }

    /// Whether `map` fits the file exactly: it reads the file, and every non-empty header of the
    /// file is one it uses — the same export layout it was saved from.
    public static func fitsExactly(_ map: Columns, headers: [String]) -> Bool {
        let used = Set(map.values.map(ImportSheet.headerKey))
        return fits(map, headers: headers)
            && headers.map(ImportSheet.headerKey).allSatisfy { $0.isEmpty || used.contains($0) }
    }
}
