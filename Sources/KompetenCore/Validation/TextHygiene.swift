/// Which control characters stored text may contain. A name, code or title is shown on one line
/// and may end up in an HTTP header (a download's file name), a CSV cell or a log line, where a
/// CR/LF splits the line and injects content; so single-line fields refuse every C0 control
/// character (U+0000–U+001F, tab included) and DEL (U+007F). Multi-line fields (descriptions,
/// duties, notes, comments, reasons, free-text answers) keep `\n` only: browsers send textarea
/// line breaks as `\r\n`, which is normalised to `\n`; every other control character is refused.
///
/// The one rule for every write path: the request body decoders of the app and the import row
/// reader (`ImportSheet.rows`) apply it, so no DTO has to remember it.
public enum TextHygiene {
    /// Field names (the last key of a field's path: `standards[0].note` → `note`) whose text may
    /// span several lines: every `<textarea name=…>` of the templates and the form models
    /// (`type: "textarea"`), and the free-text properties of the API's request bodies.
    public static let multiLineFields: Set<String> = Set([
        // Positions: ikhtisar and tugas pokok (one duty per line).
        "summary", "duties",
        // Competency dictionary: definition, level descriptions and behaviour indicators.
        "definition", "descriptions", "indicators",
        "level1", "level2", "level3", "level4", "level5",
        "indicators1", "indicators2", "indicators3", "indicators4", "indicators5",
        // Programmes, providers, services.
        "description", "address", "requirements",
        // Assessments, plans and their approval, evaluations, L3 follow-up, survey comments.
        "notes", "note", "reason", "rejectionReason", "comment", "plan", "followUp",
        // Job analysis (anjab): kualifikasi, the parts of the informasi jabatan, a task's uraian.
        "education", "training", "experience", "materials", "tools", "responsibilities", "authorities",
        "correlations", "workingConditions", "risks", "taskDescription",
        // Partner agreements (MoU/PKS): ruang lingkup, and the signatories one per line.
        "scope", "signatories",
        // The twelve text components of a standar pelayanan come from `ServiceStandardComponent`.
    ]).union(ServiceStandardComponent.multiLineKeys)

    /// Fields never stored as text (only hashed), so a control character in them cannot reach a
    /// header or a file; refusing it would only lock out whoever chose such a password earlier.
    public static func isExempt(_ key: String) -> Bool {
        key.lowercased().contains("password")
    }

    public static func isMultiLine(_ key: String) -> Bool { multiLineFields.contains(key) }

    /// The last named key of a form field name: `std[M.1]` → `M.1`, `plan[]` → `plan`,
    /// `standards[0][note]` → `note`. Numeric and empty brackets are indices, not names.
    public static func leafKey(ofFormName name: String) -> String {
        var parts: [Substring] = []
        var rest = Substring(name)
        if let open = rest.firstIndex(of: "[") {
            parts.append(rest[..<open])
            rest = rest[open...]
            while rest.first == "[", let close = rest.firstIndex(of: "]") {
                parts.append(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            }
        } else {
            parts.append(rest)
        }
        let named = parts.last { !$0.isEmpty && !$0.allSatisfy(\.isNumber) } ?? Substring(name)
        return String(named)
    }

    public static let singleLineMessage =
        "Tidak boleh berisi karakter kontrol (baris baru, tab, atau karakter tak terlihat lainnya)."
    public static let multiLineMessage = "Tidak boleh berisi karakter kontrol selain baris baru."

    /// True for the characters refused in single-line text: C0 controls and DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// The text to store, or the reason (Bahasa Indonesia) it is refused. Multi-line text comes
    /// back with `\r\n` turned into `\n`; text without control characters comes back unchanged.
    public static func clean(_ text: String, multiLine: Bool) -> Result<String, FieldProblem> {
        // Fast path: most text has no control character at all.
        guard text.unicodeScalars.contains(where: isControl) else { return .success(text) }
        guard multiLine else { return .failure(FieldProblem(message: singleLineMessage)) }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                out.append("\n")
                i += 2
                continue
            }
            if s == "\n" || !isControl(s) {
                out.append(s)
                i += 1
                continue
            }
            return .failure(FieldProblem(message: multiLineMessage))
        }
        return .success(String(out))
    }

    /// `clean` for a field addressed by its leaf key (exempt fields pass through untouched).
    public static func clean(_ text: String, key: String) -> Result<String, FieldProblem> {
        if isExempt(key) { return .success(text) }
        return clean(text, multiLine: isMultiLine(key))
    }

    /// The reason a text is refused (`Result` needs an `Error`).
    public struct FieldProblem: Error, Equatable, Sendable {
        public let message: String
    }
}
