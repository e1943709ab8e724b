import Foundation

/// A competency dictionary file (kamus kompetensi, PermenPANRB 38/2017):
/// `Resources/Seed/kamus-kompetensi.json` holds the national 8 manajerial + 1 sosial kultural
/// competencies, `Resources/Seed/kompetensi-teknis.json` the technical competencies the city
/// defines per field. Both have this shape; `merged` joins them into one dictionary.
public struct CompetencySeed: Decodable, Sendable {
    public struct Level: Decodable, Sendable, Equatable {
        /// 1…5, 5 highest.
        public let level: Int
        public let description: String
        /// Behavioural indicators (indikator perilaku) of the level.
        public let indicators: [String]

        enum CodingKeys: String, CodingKey { case level, description, indicators }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            level = try c.decode(Int.self, forKey: .level)
            description = try c.decode(String.self, forKey: .description)
            indicators = try c.decodeIfPresent([String].self, forKey: .indicators) ?? []
        }
    }

    public struct Competency: Decodable, Sendable, Equatable {
        /// `M.1`…`M.8`, `SK.1`, or the city's `T.…` codes.
        public let code: String
        public let name: String
        public let group: CompetencyGroup
        /// For a `teknis` competency: the field of the OPDs that need it, one of the `field` values
        /// of the organisation file (`health`, `finance`, `general`, …). Nil for the national set.
        public let field: String?
        public let definition: String
        public let levels: [Level]
        /// Fragments of unit names that mark the units where the competency is typically required,
        /// matched without regard to case; a leading `^` means the name starts with the fragment.
        /// Used to propose position standards (and by the demo generator). Empty when absent.
        public let keywords: [String]

        enum CodingKeys: String, CodingKey { case code, name, group, field, definition, levels, keywords }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            name = try c.decode(String.self, forKey: .name)
            group = try c.decode(CompetencyGroup.self, forKey: .group)
            field = try c.decodeIfPresent(String.self, forKey: .field)
            definition = try c.decode(String.self, forKey: .definition)
            levels = try c.decode([Level].self, forKey: .levels)
            keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        }

        /// Whether one of `keywords` matches the unit name `name`.
        public func matches(unitName name: String) -> Bool { Self.matches(keywords, name) }

        /// Whether one of `fragments` matches `name`, ignoring case; a fragment starting with `^`
        /// must begin the name (the rule of `keywords`).
        public static func matches(_ fragments: [String], _ name: String) -> Bool {
            let lower = name.lowercased()
            return fragments.contains { f in
                f.hasPrefix("^") ? lower.hasPrefix(f.dropFirst().lowercased()) : lower.contains(f.lowercased())
            }
        }
    }

    public let competencies: [Competency]

    init(competencies: [Competency]) { self.competencies = competencies }

    enum CodingKeys: String, CodingKey { case competencies }
    public init(from decoder: Decoder) throws {
        competencies = try decoder.container(keyedBy: CodingKeys.self).decode([Competency].self, forKey: .competencies)
    }

    public static func decode(_ data: Data) throws -> CompetencySeed {
        try JSONDecoder().decode(CompetencySeed.self, from: data)
    }

    /// One dictionary from several files, in order. A code seen again replaces the earlier entry in
    /// its place (so a city file can override a national definition); new codes are appended.
    public static func merged(_ seeds: [CompetencySeed]) -> CompetencySeed {
        var out: [Competency] = []
        var index: [String: Int] = [:]
        for c in seeds.flatMap(\.competencies) {
            if let i = index[c.code] {
                out[i] = c
            } else {
                index[c.code] = out.count
                out.append(c)
            }
        }
        return CompetencySeed(competencies: out)
    }

    /// Whether `code` is a valid competency code: `A–Z`, `0–9`, `.`, `-`, at most 16 characters.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.count <= 16
            && code.utf8.allSatisfy {
                ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45
            }
    }

    /// Everything wrong with the dictionary, one message per problem (empty when it can be loaded).
    public var problems: [String] {
        var out: [String] = []
        var seen = Set<String>()
        for c in competencies {
            if !Self.isValidCode(c.code) { out.append("\(c.code): kode tidak sah") }
            if !seen.insert(c.code).inserted { out.append("\(c.code): kode ganda") }
            if c.name.isEmpty || c.definition.isEmpty { out.append("\(c.code): nama dan definisi wajib diisi") }
            if c.levels.map(\.level) != [1, 2, 3, 4, 5] { out.append("\(c.code): level harus 1 sampai 5, urut") }
            if c.levels.contains(where: { $0.description.isEmpty }) { out.append("\(c.code): deskripsi level kosong") }
            if c.group == .teknis, c.field == nil { out.append("\(c.code): kompetensi teknis tanpa bidang (field)") }
        }
        return out
    }
}
