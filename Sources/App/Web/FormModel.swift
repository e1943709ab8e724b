import KompetenCore

/// A form as data, rendered by the one form partial: labels, hints, errors, kept input.
struct FormModel: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Field: Encodable {
        let name: String
        let label: String
        var type: String = "text"
        var value: String = ""
        var hint: String? = nil
        var error: String? = nil
        var required: Bool = true
        var options: [Option]? = nil
        var autocomplete: String? = nil
    }

    let action: String
    let submitLabel: String
    let cancelHref: String
    var fields: [Field]
    let errors: [FieldError]

    init(action: String, submitLabel: String, cancelHref: String, fields: [Field], errors: [FieldError]) {
        self.action = action
        self.submitLabel = submitLabel
        self.cancelHref = cancelHref
        self.errors = errors
        // Each field shows the first error reported for it.
        self.fields = fields.map { field in
            var f = field
            f.error = errors.first { $0.field == field.name }?.message
            return f
        }
    }

    /// Level choices 0–5 for standards and results; 0 (shown as "—") means none.
    static func levelOptions(selected: String) -> [Option] {
        var result: [Option] = []
        for n in 0...5 {
            let text = String(n)
            result.append(Option(value: text, label: n == 0 ? "—" : text, selected: text == selected))
        }
        return result
    }

    static func options<T>(
        _ items: [T], selected: String?, value: (T) -> String, label: (T) -> String, empty: String? = nil
    ) -> [Option] {
        (empty.map { [Option(value: "", label: $0, selected: (selected ?? "").isEmpty)] } ?? [])
            + items.map { Option(value: value($0), label: label($0), selected: value($0) == selected) }
    }
}
