import Fluent
import Foundation
import KompetenCore

/// One row of a service's standard-time history: from `effectiveFrom` on (WITA date) requests
/// received are judged by this standard, until a later row takes over (`StandardHistory`).
final class ServiceStandardEntry: Model, @unchecked Sendable {
    static let schema = "service_standards"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "service_id") var serviceID: UUID
    /// `yyyy-mm-dd`; one row per service and date.
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "value") var value: Int
    /// `StandardTime.Unit` raw value: `menit`, `jam`, `hari` or `hari_kerja`.
    @Field(key: "unit") var unit: String
    /// As the standar pelayanan words it ("28 hari kerja").
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "created_by") var createdBy: UUID?
    init() {}

    var standard: StandardTime? { StandardTime.Unit(rawValue: unit).flatMap { StandardTime(value: value, unit: $0) } }
    var historyEntry: StandardHistory.Entry? {
        guard let date = SimpleDate(iso: effectiveFrom), let standard else { return nil }
        return StandardHistory.Entry(effectiveFrom: date, standard: standard)
    }
}

/// A libur nasional or cuti bersama day in the instansi's holiday calendar (BKPPD keeps it).
final class Holiday: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "holidays"
    static var instansiKey: KeyPath<Holiday, FieldProperty<Holiday, UUID>> { \Holiday.$instansiID }
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    /// `yyyy-mm-dd`; one row per instansi and date.
    @Field(key: "date") var date: String
    @Field(key: "name") var name: String
    /// `HolidayKind` raw value: `libur_nasional` or `cuti_bersama`.
    @Field(key: "kind") var kind: String
    /// An estimate not yet fixed by an SKB ("perkiraan").
    @Field(key: "provisional") var provisional: Bool
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(instansiID: UUID, _ seed: HolidaySeedEntry, at now: Date) {
        self.init()
        id = UUID()
        self.instansiID = instansiID
        date = seed.date.iso
        name = seed.name
        kind = seed.kind.rawValue
        provisional = seed.provisional
        createdAt = now
    }
}
