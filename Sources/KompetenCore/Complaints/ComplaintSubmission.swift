import Foundation

/// A complaint as a resident files it: the text, and optionally a name and a way to reach them.
/// The personal part is optional on purpose (an anonymous complaint is still a complaint, UU
/// 25/2009 Ps 36) and is erased after the retention period.
public struct ComplaintSubmission: Sendable, Equatable {
    public static let textRange = 20...2_000
    public static let nameLimit = 100
    public static let contactLimit = 100

    public let text: String
    public let name: String?
    public let contact: String?

    /// Every problem at once, each with its form field (`text`, `name`, `contact`).
    public static func validate(text: String?, name: String?, contact: String?) -> Result<
        ComplaintSubmission, ValidationFailure
    > {
        var v = FieldValidator()
        let body = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty {
            v.add(field: "text", "Isi pengaduan wajib diisi.")
        } else {
            v.require(
                textRange.contains(body.count), field: "text",
                "Isi pengaduan \(textRange.lowerBound)–\(IndonesianFormat.integer(textRange.upperBound)) karakter: ceritakan apa yang terjadi, kapan, dan di loket mana."
            )
        }
        let who = Self.optional(name)
        let reach = Self.optional(contact)
        v.require((who?.count ?? 0) <= nameLimit, field: "name", "Nama paling panjang \(nameLimit) karakter.")
        v.require(
            (reach?.count ?? 0) <= contactLimit, field: "contact",
            "Kontak paling panjang \(contactLimit) karakter.")
        if let who { v.require(!who.contains("\n"), field: "name", "Nama ditulis dalam satu baris.") }
        if let reach { v.require(!reach.contains("\n"), field: "contact", "Kontak ditulis dalam satu baris.") }
        guard v.isValid else { return .failure(ValidationFailure(errors: v.errors)) }
        return .success(ComplaintSubmission(text: body, name: who, contact: reach))
    }

    /// Blank means not given.
    static func optional(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}
