/// One problem with one input field; `message` is shown next to the field (Bahasa Indonesia).
/// For imports, `field` names the column and the caller adds the row.
public struct FieldError: Error, Equatable, Codable, Sendable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// All problems found in one submission, so the form can show every one at once.
public struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [FieldError]

    public init(errors: [FieldError]) { self.errors = errors }

    public var description: String { errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}

/// Collects field errors instead of stopping at the first one.
///
///     var v = FieldValidator()
///     v.require(!name.isEmpty, field: "name", "Nama wajib diisi.")
///     try v.check()
public struct FieldValidator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public var isValid: Bool { errors.isEmpty }

    /// Records `message` for `field` when `cond` is false.
    public mutating func require(_ cond: Bool, field: String, _ message: String) {
        if !cond { add(field: field, message) }
    }

    public mutating func add(field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    /// Throws a `ValidationFailure` with every recorded error, if there are any.
    public func check() throws {
        if !errors.isEmpty { throw ValidationFailure(errors: errors) }
    }
}

/// Login names: 3–32 characters of `a-z 0-9 . _ -`, starting with a letter.
/// Restricted to lowercase ASCII so names are unambiguous to type, compare and put in URLs.
public enum Username {
    public static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")

    /// The reason `s` is not a valid username (Bahasa Indonesia), or nil when it is valid.
    public static func problem(_ s: String) -> String? {
        guard (3...32).contains(s.count) else { return "Nama pengguna harus 3–32 karakter." }
        guard s.allSatisfy(allowed.contains) else {
            return
                "Nama pengguna hanya boleh berisi huruf kecil a–z, angka 0–9, titik (.), garis bawah (_), dan tanda hubung (-)."
        }
        guard let first = s.first, first.isASCII, first.isLetter else { return "Nama pengguna harus diawali huruf." }
        return nil
    }
}

/// Password rules: at least 10 characters and not one character repeated.
/// Length beats composition rules (NIST SP 800-63B), hence no "must contain a digit".
public enum Password {
    public static let minimumLength = 10

    /// The reason `s` is not an acceptable password (Bahasa Indonesia), or nil when it is.
    public static func problem(_ s: String) -> String? {
        guard s.count >= minimumLength else { return "Kata sandi minimal \(minimumLength) karakter." }
        // Bcrypt reads only the first 72 bytes; a longer password would be silently shortened.
        guard s.utf8.count <= 72 else { return "Kata sandi paling panjang 72 byte (sekitar 72 huruf)." }
        guard Set(s).count > 1 else { return "Kata sandi tidak boleh hanya berisi satu karakter yang diulang." }
        return nil
    }
}
