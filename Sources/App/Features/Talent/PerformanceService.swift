import Fluent
import KompetenCore
import Vapor

struct PerformanceInput: Content {
    var year: Int
    var hasilKerja: String
    var perilakuKerja: String
}

struct PerformanceDTO: Content, Equatable {
    let employeeId: UUID
    let year: Int
    let hasilKerja: String
    let perilakuKerja: String
    let predicate: String

    init(_ r: PerformanceRating) {
        employeeId = r.employeeID
        year = r.year
        hasilKerja = r.hasilKerja
        perilakuKerja = r.perilakuKerja
        predicate = r.predicate
    }
}

/// The yearly SKP ratings (one per employee and year; a second entry corrects the first) and
/// the predicate they give by the PermenPANRB 6/2022 matrix.
enum PerformanceService {
    static func record(
        employeeID: UUID?, _ input: PerformanceInput, actor: Principal, at now: Date, on db: any Database
    ) async throws -> (PerformanceRating, created: Bool) {
        let employee = try await EmployeeQueries.find(employeeID, for: actor, .read, on: db)
        let placement = try await EnrolmentService.placement(of: employee, on: db)
        try AccessPolicy.recordPerformance(
            actor, employee: placement, employeeID: employee.requireID(), supervisorID: employee.supervisorID
        ).require()
        var v = FieldValidator()
        let thisYear = WITA.today(now).year
        v.require((2000...thisYear).contains(input.year), field: "year", "Tahun penilaian kinerja 2000–\(thisYear).")
        let choices = SKPRating.allCases.map(\.rawValue).joined(separator: ", ")
        let hasil = SKPRating(rawValue: input.hasilKerja)
        let perilaku = SKPRating(rawValue: input.perilakuKerja)
        if hasil == nil { v.add(field: "hasilKerja", "Rating hasil kerja harus salah satu dari: \(choices).") }
        if perilaku == nil { v.add(field: "perilakuKerja", "Rating perilaku kerja harus salah satu dari: \(choices).") }
        try v.check()
        let predicate = SKPPredicate.of(hasilKerja: hasil!, perilakuKerja: perilaku!)
        let existing = try await PerformanceRating.query(on: db).filter(\.$employeeID == employee.requireID()).filter(
            \.$year == input.year
        ).first()
        let before = existing.map(PerformanceDTO.init)
        let r = existing ?? PerformanceRating()
        if existing == nil {
            r.id = UUID()
            r.instansiID = employee.instansiID
            r.employeeID = try employee.requireID()
            r.year = input.year
            r.createdAt = now
        }
        r.hasilKerja = hasil!.rawValue
        r.perilakuKerja = perilaku!.rawValue
        r.predicate = predicate.rawValue
        r.recordedBy = actor.userID
        r.updatedAt = now
        do {
            try await db.transaction { db in
                try await r.save(on: db)
                try await AuditLog.record(
                    existing == nil ? .create : .update, entity: "performance", id: r.id,
                    summary: "Predikat kinerja \(input.year) \(employee.nip) \(employee.name): \(predicate.rawValue)",
                    before: before, after: PerformanceDTO(r), actor: actor, instansiID: r.instansiID, at: now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(
                .conflict,
                reason: "Predikat kinerja \(input.year) pegawai ini baru saja dicatat orang lain; muat ulang halaman.")
        }
        return (r, existing == nil)
    }

    static func list(employeeID: UUID?, actor: Principal, on db: any Database) async throws -> [PerformanceRating] {
        let employee = try await EmployeeQueries.find(employeeID, for: actor, .read, on: db)
        try AccessPolicy.readPerformance(
            actor, employee: try await EnrolmentService.placement(of: employee, on: db),
            employeeID: employee.requireID(),
            supervisorID: employee.supervisorID
        ).require()
        return try await PerformanceRating.query(on: db).filter(\.$employeeID == employee.requireID()).sort(
            \.$year, .descending
        ).all()
    }
}
