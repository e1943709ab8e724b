import Fluent
import Foundation
import KompetenCore

/// Judges the ticket months of services again after their standard or the holiday calendar
/// changed. Months from a monthly report are the unit's own count and stay as they are. Open
/// tickets are measured at the moment the month was last imported (`updatedAt`), as before.
enum ServiceMonthRebuild {
    /// `fromMonth`/`throughMonth`: `yyyy-mm` bounds, both inclusive; nil = unbounded.
    static func run(
        serviceIDs: [UUID], fromMonth: String?, throughMonth: String?, instansiID: UUID, on db: any Database
    ) async throws {
        guard !serviceIDs.isEmpty else { return }
        var q = ServiceMonth.query(on: db).filter(\.$serviceID ~~ serviceIDs).filter(
            \.$source == ServiceRecordsImport.fromTickets)
        if let fromMonth { q = q.filter(\.$month >= fromMonth) }
        if let throughMonth { q = q.filter(\.$month <= throughMonth) }
        let months = try await q.all()
        guard !months.isEmpty else { return }
        let histories = try await ServiceStandards.histories(serviceIDs, on: db)
        let calendar = try await HolidayCalendar.calendar(instansiID: instansiID, on: db)
        for m in months {
            try await ServiceRecordsImport.summarise(
                serviceID: m.serviceID, instansiID: instansiID, month: m.month,
                standards: histories[m.serviceID] ?? StandardHistory([]), calendar: calendar,
                asOf: m.updatedAt, existing: m, on: db)
        }
    }
}
