import Foundation
import KompetenCore
import Vapor

/// The body of `PUT /api/v1/services/{id}/standard`: `effectiveFrom` and all 14 components. Each
/// component is read on its own so that a missing or mistyped one is a 422 naming it
/// (`components.biaya`), never a 400 for the whole body.
struct StandardDocumentInput: Content {
    var effectiveFrom: String?
    var components: Components?

    struct CompetencyRow: Codable, Sendable {
        var competencyCode: String?
        var requiredLevel: Int?
    }

    struct Staff: Codable, Sendable {
        var count: Int?
        var note: String?
    }

    struct Components: Codable, Sendable {
        var texts: [ServiceStandardComponent: String] = [:]
        var competencies: [CompetencyRow]?
        var staff: Staff?
        /// Keys present with a value of the wrong type.
        var mistyped: Set<String> = []

        init(texts: [ServiceStandardComponent: String], competencies: [CompetencyRow]?, staff: Staff?) {
            self.texts = texts
            self.competencies = competencies
            self.staff = staff
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: ComponentKey.self)
            for component in ServiceStandardComponent.allCases {
                let key = ComponentKey(component.rawValue)
                guard c.contains(key), (try? c.decodeNil(forKey: key)) == false else { continue }
                switch component {
                case .kompetensiPelaksana:
                    if let rows = try? c.decode([CompetencyRow].self, forKey: key) {
                        competencies = rows
                    } else {
                        mistyped.insert(component.rawValue)
                    }
                case .jumlahPelaksana:
                    if let staff = try? c.decode(Staff.self, forKey: key) {
                        self.staff = staff
                    } else if let count = try? c.decode(Int.self, forKey: key) {
                        // A bare number is accepted as the count.
                        self.staff = Staff(count: count, note: nil)
                    } else {
                        mistyped.insert(component.rawValue)
                    }
                default:
                    if let text = try? c.decode(String.self, forKey: key) {
                        texts[component] = text
                    } else {
                        mistyped.insert(component.rawValue)
                    }
                }
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: ComponentKey.self)
            for (component, text) in texts { try c.encode(text, forKey: ComponentKey(component.rawValue)) }
            try c.encodeIfPresent(competencies, forKey: ComponentKey("kompetensiPelaksana"))
            try c.encodeIfPresent(staff, forKey: ComponentKey("jumlahPelaksana"))
        }
    }

    /// The date (default: tomorrow, so the new version is announced and can still be corrected the
    /// same day) and the content, or every problem found, named by field.
    /// `knownCodes`: the instansi's active dictionary codes.
    func parse(today: SimpleDate, knownCodes: Set<String>) throws -> (SimpleDate, ServiceStandardContent) {
        var v = FieldValidator()
        var from = today.adding(days: 1)
        if let text = effectiveFrom?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let d = SimpleDate(iso: text), (2000...2100).contains(d.year) {
                from = d
            } else {
                v.add(field: "effectiveFrom", "Tanggal mulai berlaku harus berformat YYYY-MM-DD (tahun 2000–2100).")
            }
        }
        guard let components else {
            v.add(field: "components", "Ke-14 komponen standar pelayanan wajib dikirim.")
            try v.check()
            throw ValidationFailure(errors: v.errors)
        }
        for c in ServiceStandardComponent.allCases {
            let field = ServiceStandardRules.field(c)
            if components.mistyped.contains(c.rawValue) {
                v.add(field: field, c.isText ? "\(c.label) harus berupa teks." : "\(c.label) tidak berformat benar.")
                continue
            }
            let present: Bool
            switch c {
            case .kompetensiPelaksana: present = components.competencies != nil
            case .jumlahPelaksana: present = components.staff != nil
            default: present = components.texts[c] != nil
            }
            if !present { v.add(field: field, "Komponen \(c.label) wajib dikirim (boleh kosong bila tidak wajib).") }
        }
        var rows: [PelaksanaCompetency] = []
        for (i, row) in (components.competencies ?? []).enumerated() {
            if row.competencyCode == nil {
                v.add(field: ServiceStandardRules.competencyField(i, "competencyCode"), "Kode kompetensi wajib diisi.")
            }
            if row.requiredLevel == nil {
                v.add(
                    field: ServiceStandardRules.competencyField(i, "requiredLevel"),
                    "Level yang disyaratkan wajib diisi.")
            }
            rows.append(
                PelaksanaCompetency(
                    competencyCode: (row.competencyCode ?? "").trimmingCharacters(in: .whitespaces),
                    requiredLevel: row.requiredLevel ?? 0))
        }
        if components.staff != nil && components.staff?.count == nil {
            v.add(field: "components.jumlahPelaksana.count", "Jumlah pelaksana wajib diisi (0 bila belum ditetapkan).")
        }
        let content = ServiceStandardContent(
            texts: components.texts, competencies: rows, staffCount: components.staff?.count ?? 0,
            staffNote: components.staff?.note ?? "")
        let reported = Set(v.errors.map(\.field))
        for e in ServiceStandardRules.problems(content, knownCodes: knownCodes) where !reported.contains(e.field) {
            v.add(field: e.field, e.message)
        }
        try v.check()
        return (from, content)
    }
}

/// A JSON key made at run time (the component names come from `ServiceStandardComponent`).
struct ComponentKey: CodingKey {
    let stringValue: String
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
