import Foundation
import KompetenCore
import Vapor

/// A service as the API shows it.
struct ServiceDTO: Content {
    let id: UUID
    let code: String
    let name: String
    let unitId: UUID
    /// The standard in force today in minutes; for a working-day standard its calendar equivalent
    /// (7/5 of a day per working day), so read `standardUnit` first.
    let standardMinutes: Int
    let standardText: String
    /// The standard in force today (`GET …/standards` has its history).
    let standardValue: Int
    /// `menit`, `jam`, `hari` (calendar days) or `hari_kerja`.
    let standardUnit: String
    let standardEffectiveFrom: String?
    let fee: Int
    let requirements: [String]
    let legalBasis: String
    let positionIds: [UUID]
    let active: Bool
    /// The public survey page (`/s/{shortCode}`), for the link and QR code at the counter.
    let surveyPath: String

    init(_ s: PublicService, positionIDs: [UUID], current: ServiceStandardEntry?) {
        id = s.id!
        code = s.code
        name = s.name
        unitId = s.unitID
        let standard = current?.standard ?? StandardTime(minutes: s.standardMinutes)
        standardMinutes = standard?.minutes ?? s.standardMinutes
        standardText = current?.text ?? s.standardText
        standardValue = standard?.value ?? s.standardMinutes
        standardUnit = standard?.unit.rawValue ?? StandardTime.Unit.minutes.rawValue
        standardEffectiveFrom = current?.effectiveFrom
        fee = s.fee
        requirements = s.requirementList
        legalBasis = s.legalBasis
        positionIds = positionIDs
        active = s.isActive
        surveyPath = SiteURL.survey(s.shortCode).path
    }
}

/// A new or changed service, from the API (JSON) or the web form (parsed into this).
struct ServiceInput: Content {
    var code: String
    var name: String
    var unitId: UUID
    /// The standard in minutes (menit/jam/hari); or give `standardValue` and `standardUnit`
    /// (needed for hari kerja). Only read when the service is created: later changes go through
    /// the standard history (`POST /api/v1/services/{id}/standards`).
    var standardMinutes: Int?
    /// How the standard is worded; derived from the minutes when empty.
    var standardText: String?
    var fee: Int?
    var requirements: [String]?
    var legalBasis: String?
    var positionIds: [UUID]?
    var active: Bool?
    var standardValue: Int?
    /// `menit`, `jam`, `hari` or `hari_kerja`.
    var standardUnit: String?

    /// The standard the fields describe: value and unit when given, else the minutes.
    var standard: StandardTime? {
        if standardValue != nil || standardUnit != nil {
            guard let value = standardValue, let unit = StandardTime.Unit(rawValue: (standardUnit ?? "").lowercased()),
                let time = StandardTime(value: value, unit: unit), time.minutes <= Self.maxStandardMinutes
            else { return nil }
            return time
        }
        guard let minutes = standardMinutes, (1...Self.maxStandardMinutes).contains(minutes) else { return nil }
        return StandardTime(minutes: minutes)
    }

    /// Field checks that need no database. The standard is only read (and checked) on creation.
    func validate(creating: Bool = true) throws {
        var v = FieldValidator()
        let code = self.code.trimmingCharacters(in: .whitespaces)
        v.require(
            !code.isEmpty && code.count <= 40, field: "code", "Kode layanan wajib diisi, paling panjang 40 karakter.")
        v.require(
            code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }
                && code.contains { $0.isASCII && ($0.isLetter || $0.isNumber) },
            field: "code",
            "Kode layanan hanya huruf, angka, titik, garis bawah dan tanda hubung, dengan sedikitnya satu huruf atau angka."
        )
        v.require(
            !name.trimmingCharacters(in: .whitespaces).isEmpty && name.count <= 200, field: "name",
            "Nama layanan wajib diisi (paling panjang 200 karakter).")
        if creating, standardValue != nil || standardUnit != nil {
            v.require(
                StandardTime.Unit(rawValue: (standardUnit ?? "").lowercased()) != nil, field: "standardUnit",
                StandardInput.unitMessage)
            v.require(
                standard != nil || StandardTime.Unit(rawValue: (standardUnit ?? "").lowercased()) == nil,
                field: "standardValue", StandardInput.valueMessage)
        } else if creating {
            v.require(standard != nil, field: "standardMinutes", "Waktu penyelesaian standar 1 menit sampai 365 hari.")
        }
        if let fee {
            v.require(
                (0...1_000_000_000).contains(fee), field: "fee", "Biaya/tarif 0 sampai Rp 1.000.000.000 (0 = gratis).")
        }
        if let text = standardText {
            v.require(text.count <= 60, field: "standardText", "Teks waktu standar paling panjang 60 karakter.")
        }
        if let r = requirements {
            v.require(
                r.count <= 30 && r.allSatisfy { $0.count <= 300 }, field: "requirements",
                "Paling banyak 30 persyaratan, masing-masing 300 karakter.")
        }
        if let l = legalBasis {
            v.require(l.count <= 500, field: "legalBasis", "Dasar hukum paling panjang 500 karakter.")
        }
        if let p = positionIds { v.require(p.count <= 50, field: "positionIds", "Paling banyak 50 jabatan pelaksana.") }
        try v.check()
    }

    static let maxStandardMinutes = 365 * 1440
}

/// Before/after of a service in the audit log.
struct ServiceSnapshot: Codable {
    let code: String, name: String, unitID: UUID, standardMinutes: Int, standardText: String, fee: Int
    let requirements: String, legalBasis: String, active: Bool
    /// The delivering positions decide whose competency the impact page sets beside the service.
    let positionIDs: [UUID]
    init(_ s: PublicService, positionIDs: [UUID]) {
        code = s.code
        name = s.name
        unitID = s.unitID
        standardMinutes = s.standardMinutes
        standardText = s.standardText
        fee = s.fee
        requirements = s.requirements
        legalBasis = s.legalBasis
        active = s.isActive
        self.positionIDs = positionIDs.sorted { $0.uuidString < $1.uuidString }
    }
}
