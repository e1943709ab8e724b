/// The `KODE=nilai; KODE=nilai` lists typed into forms (competency weights, competencies a
/// programme raises): one text field, readable in the audit log, no script needed.
enum CodeValueList {
    /// The pairs in order, or nil when an entry is not `code=value`; `;` or a new line separates.
    static func parse(_ text: String) -> [(code: String, value: String)]? {
        var pairs: [(code: String, value: String)] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let entry = part.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            let pieces = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { return nil }
            pairs.append((pieces[0], pieces[1]))
        }
        return pairs
    }
}
