import Foundation
import KompetenCore
import Vapor

/// Applies `TextHygiene` (no control characters in single-line text; multi-line text keeps `\n`
/// only, `\r\n` normalised) to every request body the app decodes: JSON, URL-encoded forms and
/// multipart forms. It sits in the decoders rather than in a middleware so that it runs where the
/// controller decodes its body, i.e. after the controller has decided access (house rule:
/// authorise first, then decode and validate) — a refused role still gets its 403, not a 422.
/// A refused text is a `ValidationFailure` (422) naming the field by its path
/// (`standards[0].note` in JSON, the form field name in forms).
enum TextHygieneDecoders {
    /// Installs the checking decoders (idempotent: each wraps a fresh base decoder).
    static func install() {
        ContentConfiguration.global.use(decoder: JSONBody(base: JSONDecoder.custom(dates: .iso8601)), for: .json)
        ContentConfiguration.global.use(decoder: URLEncodedBody(base: URLEncodedFormDecoder()), for: .urlEncodedForm)
        ContentConfiguration.global.use(decoder: MultipartBody(base: FormDataDecoder()), for: .formData)
    }

    /// Collects problems and whether any text was normalised.
    struct Walk {
        var errors: [FieldError] = []
        var changed = false

        /// The stored form of `text` at `path` whose last named key is `key`, or nil when refused.
        mutating func clean(_ text: String, path: String, key: String) -> String? {
            switch TextHygiene.clean(text, key: key) {
            case .success(let cleaned):
                if cleaned != text { changed = true }
                return cleaned
            case .failure(let problem):
                errors.append(FieldError(field: path, message: problem.message))
                return nil
            }
        }

        func check() throws { if !errors.isEmpty { throw ValidationFailure(errors: errors) } }
    }

    /// A body decoder that checks (and may normalise) the text first, then hands the body to
    /// Vapor's own decoder for its format.
    protocol CheckingDecoder: ContentDecoder {
        var inner: any ContentDecoder { get }
        /// The body to decode, with multi-line text normalised; throws the 422 for refused text.
        func cleaned(_ body: ByteBuffer, headers: HTTPHeaders) throws -> ByteBuffer
    }

    struct JSONBody: CheckingDecoder {
        let base: JSONDecoder
        var inner: any ContentDecoder { base }

        func cleaned(_ body: ByteBuffer, headers: HTTPHeaders) throws -> ByteBuffer {
            // Without a backslash or a DEL byte no JSON string can hold a refused character (a raw
            // C0 byte inside a string is invalid JSON, which the base decoder refuses as before),
            // so the body goes straight to the decoder: most API bodies are parsed once, not twice.
            guard body.readableBytesView.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x7F }) else {
                return body
            }
            var body = body
            let data = Data(body.readableBytesView)
            // Not JSON at all: the base decoder gives its usual 400.
            if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
                var walk = Walk()
                let cleaned = Self.clean(object, path: "", key: "", &walk)
                try walk.check()
                if walk.changed,
                    let rewritten = try? JSONSerialization.data(withJSONObject: cleaned, options: [.fragmentsAllowed])
                {
                    body = ByteBuffer(data: rewritten)
                }
            }
            return body
        }

        /// Walks objects and arrays; `key` is the nearest object key (array items inherit it).
        static func clean(_ value: Any, path: String, key: String, _ walk: inout Walk) -> Any {
            switch value {
            case let text as String:
                return walk.clean(text, path: path, key: key) ?? text
            case let object as [String: Any]:
                var out: [String: Any] = [:]
                for (k, v) in object { out[k] = clean(v, path: path.isEmpty ? k : path + "." + k, key: k, &walk) }
                return out
            case let array as [Any]:
                return array.enumerated().map { clean($1, path: path + "[\($0)]", key: key, &walk) }
            default:
                return value
            }
        }
    }

    struct URLEncodedBody: CheckingDecoder {
        let base: URLEncodedFormDecoder
        var inner: any ContentDecoder { base }

        func cleaned(_ body: ByteBuffer, headers: HTTPHeaders) throws -> ByteBuffer {
            var body = body
            let raw = String(decoding: body.readableBytesView, as: UTF8.self)
            var walk = Walk()
            var pairs: [String] = []
            for pair in raw.split(separator: "&", omittingEmptySubsequences: false) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.unescape(parts[0])
                let value = parts.count > 1 ? Self.unescape(parts[1]) : ""
                if let cleaned = walk.clean(value, path: name, key: TextHygiene.leafKey(ofFormName: name)),
                    cleaned != value
                {
                    pairs.append(String(parts[0]) + "=" + Self.escape(cleaned))
                } else {
                    pairs.append(String(pair))
                }
            }
            try walk.check()
            if walk.changed { body = ByteBuffer(string: pairs.joined(separator: "&")) }
            return body
        }

        static func unescape(_ s: Substring) -> String {
            let plus = s.replacingOccurrences(of: "+", with: " ")
            return plus.removingPercentEncoding ?? plus
        }

        static func escape(_ s: String) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
        }
    }

    struct MultipartBody: CheckingDecoder {
        let base: FormDataDecoder
        var inner: any ContentDecoder { base }

        func cleaned(_ body: ByteBuffer, headers: HTTPHeaders) throws -> ByteBuffer {
            var body = body
            if let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty,
                let parts = Self.parts(body, boundary: boundary)
            {
                var walk = Walk()
                var cleanedParts: [MultipartPart] = []
                for var part in parts {
                    // File parts are data, not stored text; their names are cleaned where stored.
                    if let name = part.name, !Self.isFile(part),
                        let text = String(validating: part.body.readableBytesView, as: UTF8.self),
                        let cleaned = walk.clean(text, path: name, key: TextHygiene.leafKey(ofFormName: name)),
                        cleaned != text
                    {
                        part.body = ByteBuffer(string: cleaned)
                    }
                    cleanedParts.append(part)
                }
                try walk.check()
                if walk.changed {
                    var rewritten = ByteBuffer()
                    try MultipartSerializer().serialize(parts: cleanedParts, boundary: boundary, into: &rewritten)
                    body = rewritten
                }
            }
            return body
        }

        static func isFile(_ part: MultipartPart) -> Bool {
            (part.headers.first(name: "Content-Disposition") ?? "").contains("filename")
        }

        /// The parts, or nil when the body does not parse (the base decoder reports that).
        static func parts(_ body: ByteBuffer, boundary: String) -> [MultipartPart]? {
            let parser = MultipartParser(boundary: boundary)
            var parts: [MultipartPart] = []
            var headers = HTTPHeaders()
            var partBody = ByteBuffer()
            parser.onHeader = { name, value in headers.add(name: name, value: value) }
            parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
            parser.onPartComplete = {
                parts.append(MultipartPart(headers: headers, body: partBody))
                headers = HTTPHeaders()
                partBody = ByteBuffer()
            }
            do { try parser.execute(body) } catch { return nil }
            return parts
        }
    }
}

extension TextHygieneDecoders.CheckingDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        try inner.decode(D.self, from: try cleaned(body, headers: headers), headers: headers, userInfo: userInfo)
    }
}
