import Foundation
import KompetenCore

/// The organisation file `Resources/Seed/kota-kupang-organisation.json`.
///
/// SPEC: the organisation is loaded as data, never hard-coded; this is its shape. The same file
/// seeds the demo generator, which copies the city's structure to the other instansi of NTT.
public struct OrganisationSeed: Decodable, Sendable {
    /// `kota`/`kabupaten` instansi have kecamatan and kelurahan; a `provinsi` has none of its own.
    public enum Level: String, Decodable, Sendable { case kota, kabupaten, provinsi }

    public struct Instansi: Decodable, Sendable {
        public let code: String
        public let name: String
        public let level: Level
        /// Target number of employees in demo data.
        public let headcount: Int?
        /// The first four NIK digits (Kemendagri province + kabupaten/kota code), e.g. `5371`.
        public let nikRegion: String?

        /// "Kota Kupang" for "Pemerintah Kota Kupang": what unit names refer to.
        public var area: String {
            name.hasPrefix("Pemerintah ") ? String(name.dropFirst("Pemerintah ".count)) : name
        }

        enum CodingKeys: String, CodingKey { case code, name, level, headcount, nikRegion }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            name = try c.decode(String.self, forKey: .name)
            // Only `{code, name}` is required, so a bare list of kabupaten still loads.
            level = try c.decodeIfPresent(Level.self, forKey: .level) ?? .kabupaten
            headcount = try c.decodeIfPresent(Int.self, forKey: .headcount)
            nikRegion = try c.decodeIfPresent(String.self, forKey: .nikRegion)
        }
    }

    public struct Unit: Decodable, Sendable {
        public let code: String
        public let name: String
        public let kind: UnitKind
        /// The parent's code; nil for an OPD or kecamatan.
        public let parent: String?
        /// Relative headcount of the unit itself (not counting its sub-units).
        public let staffWeight: Double
        /// The OPD's professional field (`health`, `education`, `finance`, …); demo titles follow it.
        public let field: String?
        /// The name used when the unit is copied to another instansi: `{area}` is e.g.
        /// "Kabupaten Alor", `{place}` a place of that instansi. Without it, "Kota Kupang" in
        /// the name is replaced by the area.
        public let templateName: String?
    }

    public let instansi: Instansi
    public let provinceInstansi: [Instansi]
    /// NTT place names for the generated kecamatan/kelurahan of the other instansi.
    public let placeNames: [String]
    public let units: [Unit]

    enum CodingKeys: String, CodingKey { case instansi, provinceInstansi, placeNames, units }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        instansi = try c.decode(Instansi.self, forKey: .instansi)
        provinceInstansi = try c.decodeIfPresent([Instansi].self, forKey: .provinceInstansi) ?? []
        placeNames = try c.decodeIfPresent([String].self, forKey: .placeNames) ?? []
        units = try c.decode([Unit].self, forKey: .units)
    }

    public static func decode(_ data: Data) throws -> OrganisationSeed {
        try JSONDecoder().decode(OrganisationSeed.self, from: data)
    }

    /// Whether `code` is a valid unit code: `A–Z`, `0–9`, `.`, `-`, at most 24 characters.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.count <= 24
            && code.utf8.allSatisfy {
                ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45
            }
    }

    /// Everything wrong with the file, one message per problem (empty when it can be loaded).
    /// Hand edits of the file are expected, so the app checks this before seeding.
    public var problems: [String] {
        var out: [String] = []
        var byCode: [String: Unit] = [:]
        for u in units {
            if !Self.isValidCode(u.code) { out.append("\(u.code): kode tidak sah") }
            if byCode[u.code] != nil { out.append("\(u.code): kode ganda") }
            byCode[u.code] = u
            if !(u.staffWeight > 0) { out.append("\(u.code): staffWeight harus > 0") }
        }
        for u in units {
            guard let p = u.parent else {
                if !u.kind.isTopLevel { out.append("\(u.code): \(u.kind.rawValue) tanpa induk") }
                continue
            }
            guard let parent = byCode[p] else {
                out.append("\(u.code): induk \(p) tidak ada")
                continue
            }
            if !u.code.hasPrefix(p + ".") { out.append("\(u.code): kode harus diawali \(p).") }
            if u.kind == .kelurahan, parent.kind != .kecamatan {
                out.append("\(u.code): kelurahan hanya di bawah kecamatan")
            }
            // The app files every unit under its top-level ancestor (the OPD an operator owns).
            if u.kind.isTopLevel { out.append("\(u.code): \(u.kind.rawValue) tidak boleh punya induk") }
        }
        let instansiCodes = [instansi.code] + provinceInstansi.map(\.code)
        if Set(instansiCodes).count != instansiCodes.count { out.append("kode instansi ganda") }
        return out
    }
}
