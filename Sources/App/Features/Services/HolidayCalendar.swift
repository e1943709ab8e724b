import Fluent
import Foundation
import KompetenCore
import Vapor

/// The instansi's holiday calendar: seeding, reading it as a `WorkingCalendar`, and BKPPD's
/// edits (each audited, in one transaction with the ticket months it judges again).
enum HolidayCalendar {
    /// Copies the 2024–2027 seed into a new instansi's calendar (dates it already has are kept).
    static func seed(instansiID: UUID, at now: Date, on db: any Database) async throws {
        let have = Set(try await Holiday.query(on: db).filter(\.$instansiID == instansiID).all(\.$date))
        let rows = HolidaySeed.all.filter { !have.contains($0.date.iso) }.map {
            Holiday(instansiID: instansiID, $0, at: now)
        }
        for chunk in rows.chunked(200) { try await Array(chunk).create(on: db) }
    }

    static func calendar(instansiID: UUID, on db: any Database) async throws -> WorkingCalendar {
        let dates = try await Holiday.query(on: db).filter(\.$instansiID == instansiID).all(\.$date)
        return WorkingCalendar(holidays: dates.compactMap(SimpleDate.init(iso:)))
    }

    static func year(_ year: Int, instansiID: UUID, on db: any Database) async throws -> [Holiday] {
        try await Holiday.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$date >= "\(year)-01-01").filter(\.$date <= "\(year)-12-31").sort(\.$date).all()
    }

    /// The years that have at least one day off, with the one asked for (the page's year tabs).
    static func years(instansiID: UUID, including year: Int, on db: any Database) async throws -> [Int] {
        let dates = try await Holiday.query(on: db).filter(\.$instansiID == instansiID).all(\.$date)
        return Array(Set(dates.compactMap { Int($0.prefix(4)) } + [year])).sorted()
    }

    static func add(_ input: HolidayInput, actor: Principal, at now: Date, on db: any Database) async throws -> Holiday
    {
        let parsed = try input.parse()
        guard let instansiID = actor.instansiID else { throw Abort(.forbidden, reason: AccessPolicy.noAccess) }
        return try await db.transaction { db in
            if try await Holiday.query(on: db).filter(\.$instansiID == instansiID).filter(\.$date == parsed.date.iso)
                .first() != nil
            {
                throw ValidationFailure(errors: [
                    .init(
                        field: "date",
                        message: "Tanggal \(IndonesianFormat.date(parsed.date)) sudah ada di kalender libur.")
                ])
            }
            let h = Holiday(
                instansiID: instansiID,
                HolidaySeedEntry(date: parsed.date, name: parsed.name, kind: parsed.kind, provisional: false), at: now)
            try await h.create(on: db)
            try await AuditLog.record(
                .create, entity: "holiday", id: h.id, summary: "Menambah hari libur \(h.date) \(h.name)",
                before: Optional<HolidaySnapshot>.none, after: HolidaySnapshot(h), actor: actor, instansiID: instansiID,
                at: now, on: db)
            try await rejudge(instansiID: instansiID, changed: parsed.date, on: db)
            return h
        }
    }

    static func remove(_ id: UUID?, actor: Principal, at now: Date, on db: any Database) async throws -> Holiday {
        try await db.transaction { db in
            let h = try await Holiday.findScoped(id, actor, on: db, what: "Hari libur")
            try await h.delete(on: db)
            try await AuditLog.record(
                .delete, entity: "holiday", id: h.id, summary: "Menghapus hari libur \(h.date) \(h.name)",
                before: HolidaySnapshot(h), after: Optional<HolidaySnapshot>.none, actor: actor,
                instansiID: h.instansiID, at: now, on: db)
            if let date = SimpleDate(iso: h.date) { try await rejudge(instansiID: h.instansiID, changed: date, on: db) }
            return h
        }
    }

    /// A day off added or removed changes the working days of every ticket received before it
    /// and judged in working days: those services' ticket months up to that month are rebuilt.
    private static func rejudge(instansiID: UUID, changed date: SimpleDate, on db: any Database) async throws {
        let working = try await ServiceStandardEntry.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$unit == StandardTime.Unit.workingDays.rawValue).all(\.$serviceID)
        guard !working.isEmpty else { return }
        try await ServiceMonthRebuild.run(
            serviceIDs: Array(Set(working)), fromMonth: nil, throughMonth: ServiceRecordQueries.monthKey(date),
            instansiID: instansiID, on: db)
    }
}

/// A new day off, from the API (JSON) or the page's form.
struct HolidayInput: Content {
    var date: String?
    var name: String?
    /// `libur_nasional` or `cuti_bersama`.
    var kind: String?

    struct Parsed {
        let date: SimpleDate
        let name: String
        let kind: HolidayKind
    }

    func parse() throws -> Parsed {
        var v = FieldValidator()
        let d = SimpleDate(iso: (date ?? "").trimmingCharacters(in: .whitespaces))
        v.require(
            d != nil && (2000...2100).contains(d!.year), field: "date",
            "Tanggal harus berformat YYYY-MM-DD (tahun 2000–2100).")
        let n = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(
            !n.isEmpty && n.count <= 120, field: "name", "Nama hari libur wajib diisi (paling panjang 120 karakter).")
        let k = HolidayKind(rawValue: (kind ?? "").trimmingCharacters(in: .whitespaces))
        v.require(k != nil, field: "kind", "Jenis hari libur: libur_nasional atau cuti_bersama.")
        try v.check()
        return Parsed(date: d!, name: n, kind: k!)
    }
}

struct HolidayDTO: Content {
    let id: UUID, date: String, name: String, kind: String, provisional: Bool
    init(_ h: Holiday) {
        id = h.id!
        date = h.date
        name = h.name
        kind = h.kind
        provisional = h.provisional
    }
}

struct HolidaySnapshot: Codable {
    let date: String, name: String, kind: String, provisional: Bool
    init(_ h: Holiday) {
        date = h.date
        name = h.name
        kind = h.kind
        provisional = h.provisional
    }
}
