/// Partner agreements between the Pemerintah Kota and a training institution: a nota
/// kesepahaman (MoU, the umbrella) or a perjanjian kerja sama (PKS, the operational contract).
/// Either kind, while in force, covers the programmes its provider delivers: Kupang signs both
/// with the same institutions, and a PKS without an MoU (or the reverse) is common practice.
public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case mou, pks

    public var label: String {
        switch self {
        case .mou: "Nota Kesepahaman (MoU)"
        case .pks: "Perjanjian Kerja Sama (PKS)"
        }
    }
}

/// Where an agreement stands on a day.
public enum AgreementStatus: String, CaseIterable, Codable, Sendable {
    /// Signed, its start date still ahead.
    case belumBerlaku = "belum_berlaku"
    case berlaku
    /// In force, ending within `AgreementTerm.expiryWarningDays` (renewal takes that long).
    case akanBerakhir = "akan_berakhir"
    case berakhir

    public var label: String {
        switch self {
        case .belumBerlaku: "Belum berlaku"
        case .berlaku: "Berlaku"
        case .akanBerakhir: "Akan berakhir"
        case .berakhir: "Berakhir"
        }
    }

    /// Whether the agreement is in force (both "berlaku" states).
    public var isInForce: Bool { self == .berlaku || self == .akanBerakhir }
}

/// The term of one agreement: both dates inclusive (an agreement "berlaku sampai dengan" its end
/// date still holds on that day).
public struct AgreementTerm: Sendable, Equatable {
    /// Days before the end date from which an agreement is "akan berakhir": a renewal (draft,
    /// legal review, signatures of both heads) takes about three months.
    public static let expiryWarningDays = 90

    public let start: SimpleDate
    public let end: SimpleDate

    public init(start: SimpleDate, end: SimpleDate) {
        self.start = start
        self.end = end
    }

    /// From stored ISO dates; nil when either does not parse (such a row covers nothing).
    public init?(startISO: String, endISO: String) {
        guard let s = SimpleDate(iso: startISO), let e = SimpleDate(iso: endISO) else { return nil }
        self.init(start: s, end: e)
    }

    public func isValid(on day: SimpleDate) -> Bool { start <= day && day <= end }

    public func status(on today: SimpleDate) -> AgreementStatus {
        if today < start { return .belumBerlaku }
        if today > end { return .berakhir }
        return today.days(to: end) <= Self.expiryWarningDays ? .akanBerakhir : .berlaku
    }

    /// Days left including today (0 on the day after the end; the end day itself counts 1).
    public func daysLeft(on today: SimpleDate) -> Int { max(0, today.days(to: end) + 1) }
}

extension AgreementTerm {
    /// Where a provider stands with all its agreements on a day: the one in force that runs
    /// longest decides (a renewal already signed makes an ending one harmless); with none in
    /// force, a signed future one ("belum berlaku"), else "berakhir"; nil without any.
    public static func standing(of terms: [AgreementTerm], on day: SimpleDate) -> AgreementStatus? {
        guard !terms.isEmpty else { return nil }
        if let longest = terms.filter({ $0.isValid(on: day) }).max(by: { $0.end < $1.end }) {
            // Ending soon only if no other agreement takes over without a gap.
            return AgreementCoverage.covers(terms, from: day, to: longest.end.adding(days: expiryWarningDays + 1))
                ? .berlaku : longest.status(on: day)
        }
        return terms.contains { $0.start > day } ? .belumBerlaku : .berakhir
    }
}

/// Whether a batch was delivered within the provider's agreements.
public enum AgreementCoverage {
    /// A batch is covered when every day from its first to its last falls within some agreement;
    /// a renewal that starts the day after the old one ends carries a batch across the change.
    public static func covers(_ terms: [AgreementTerm], from first: SimpleDate, to last: SimpleDate) -> Bool {
        guard first <= last else { return false }
        var reached = first.adding(days: -1) // the last day covered so far
        for term in terms.sorted(by: { $0.start < $1.start }) {
            if term.start > reached.adding(days: 1) {
                // A gap before this term: covered only if the batch already ended.
                break
            }
            if term.end > reached { reached = term.end }
            if reached >= last { return true }
        }
        return reached >= last
    }
}

/// LAN's accreditation of a training programme (akreditasi program pelatihan, Peraturan LAN
/// 1/2020 on the standard and accreditation of ASN training): a grade with a certificate number
/// and an expiry, beside the institution's own accreditation on the provider.
public enum ProgrammeAccreditation {
    /// The grade that holds on `day`: an accreditation past its expiry (inclusive end) counts
    /// as none; a grade without an expiry date holds until one is recorded.
    public static func effective(_ grade: Accreditation, until: SimpleDate?, on day: SimpleDate) -> Accreditation {
        guard grade != .belum else { return .belum }
        if let until, day > until { return .belum }
        return grade
    }

    /// Display text: "Terakreditasi A s.d. 31 Desember 2027", "kedaluwarsa" once past.
    public static func label(_ grade: Accreditation, until: SimpleDate?, on day: SimpleDate) -> String {
        guard grade != .belum else { return Accreditation.belum.label }
        guard let until else { return grade.label }
        let date = IndonesianFormat.date(until)
        return effective(grade, until: until, on: day) == .belum
            ? "\(grade.label) (kedaluwarsa \(date))" : "\(grade.label) s.d. \(date)"
    }
}

/// The signed document of an agreement: one PDF of at most 5 MB (a scanned 10-page PKS at
/// 150 dpi is 1–3 MB). The upload's file name and declared type are the sender's word; its
/// first bytes are not, so a PDF is recognised by its header `%PDF-` (ISO 32000-1 §7.5.2).
public enum AgreementDocument {
    public static let maxBytes = 5 * 1024 * 1024

    public static func isPDF(_ bytes: some Collection<UInt8>) -> Bool {
        Array(bytes.prefix(5)) == Array("%PDF-".utf8)
    }

    /// Why the upload is refused (Bahasa Indonesia), or nil when it is acceptable.
    public static func problem(_ bytes: some Collection<UInt8>) -> String? {
        if bytes.isEmpty { return "Pilih berkas PDF naskah perjanjian." }
        if bytes.count > maxBytes { return "Berkas paling besar 5 MB." }
        if !isPDF(bytes) { return "Berkas harus PDF (isinya bukan PDF)." }
        return nil
    }
}
