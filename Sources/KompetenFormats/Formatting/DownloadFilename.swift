/// The `Content-Disposition` of every download, per RFC 6266 / RFC 8187:
/// `attachment; filename="ascii-fallback.csv"; filename*=UTF-8''percent-encoded.csv`.
///
/// Download names are built from stored text (a batch's or a service's name), and stored text
/// written before control characters were refused may still hold a CR/LF or a quote; here every
/// byte that could end the header or the quoted string is replaced (fallback) or percent-encoded
/// (`filename*`), so no stored name can add a header or a parameter.
public enum DownloadFilename {
    /// The header value for an attachment named `name` (extension included).
    public static func contentDisposition(_ name: String) -> String {
        "attachment; filename=\"\(asciiFallback(name))\"; filename*=UTF-8''\(percentEncoded(name))"
    }

    /// For clients without RFC 8187: printable ASCII only, without `"` and `\` (which would need
    /// quoting rules some clients get wrong) and without `/` (a path separator); everything else
    /// (control characters, non-ASCII) becomes `_`. Never empty.
    public static func asciiFallback(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E where !["\"", "\\", "/"].contains(scalar):
                out.unicodeScalars.append(scalar)
            default:
                out += "_"
            }
        }
        return out.isEmpty ? "unduhan" : out
    }

    /// RFC 8187 `value-chars`: the attr-chars stay, every other UTF-8 byte is `%XX`.
    public static func percentEncoded(_ name: String) -> String {
        let attrChars = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        var out = ""
        for byte in name.utf8 {
            if attrChars.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out.isEmpty ? "unduhan" : out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
