import Foundation
import KompetenCore
import Vapor

/// A new standard for a service's history, from the API (JSON) or the page's form (parsed into
/// this). Every field may be missing on the wire so that a missing one is a 422 naming it.
struct StandardInput: Content {
    /// `yyyy-mm-dd`; empty or missing = the first day of next month (`StandardHistory.defaultEffectiveFrom`).
    var effectiveFrom: String?
    var value: Int?
    /// `menit`, `jam`, `hari` or `hari_kerja`.
    var unit: String?
    /// The wording of the standar pelayanan; `value` and `unit` when empty.
    var text: String?

    struct Parsed: Sendable {
        let effectiveFrom: SimpleDate
        let standard: StandardTime
        let text: String
    }

    static let unitMessage = "Satuan waktu standar: menit, jam, hari (kalender) atau hari_kerja."
    static let valueMessage = "Waktu standar bilangan bulat 1 menit sampai 365 hari (paling banyak 260 hari kerja)."

    func parse(today: SimpleDate) throws -> Parsed {
        var v = FieldValidator()
        var from = StandardHistory.defaultEffectiveFrom(today: today)
        if let text = effectiveFrom?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let d = SimpleDate(iso: text), (2000...2100).contains(d.year) {
                from = d
            } else {
                v.add(field: "effectiveFrom", "Tanggal mulai berlaku harus berformat YYYY-MM-DD (tahun 2000–2100).")
            }
        }
        let unit = StandardTime.Unit(rawValue: (unit ?? "").trimmingCharacters(in: .whitespaces).lowercased())
        v.require(unit != nil, field: "unit", Self.unitMessage)
        let standard = value.flatMap { value in unit.flatMap { StandardTime(value: value, unit: $0) } }
        if value == nil || (unit != nil && (standard == nil || standard!.minutes > ServiceInput.maxStandardMinutes)) {
            v.add(field: "value", Self.valueMessage)
        }
        let wording = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(wording.count <= 60, field: "text", "Teks waktu standar paling panjang 60 karakter.")
        try v.check()
        return Parsed(effectiveFrom: from, standard: standard!, text: wording.isEmpty ? standard!.label : wording)
    }
}

/// A history row as the API shows it.
struct ServiceStandardDTO: Content {
    let id: UUID
    let effectiveFrom: String
    let value: Int
    let unit: String
    let text: String
    /// True for the row in force today.
    let current: Bool

    init(_ r: ServiceStandardEntry, currentFrom: String?) {
        id = r.id!
        effectiveFrom = r.effectiveFrom
        value = r.value
        unit = r.unit
        text = r.text
        current = r.effectiveFrom == currentFrom
    }
}
