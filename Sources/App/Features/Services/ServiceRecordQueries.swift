import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Processing-time figures of services over a period, from the monthly rows (a date range is
/// widened to whole months: units report by month). When every month in the range was built
/// from imported tickets, the median and p90 are exact over those tickets; otherwise they are
/// the volume-weighted mean of the monthly figures (`exact: false`).
enum ServiceRecordQueries {
    struct Figures: Sendable, Equatable {
        var count = 0
        var completed = 0
        var onTime = 0
        var onTimeShare: Double?
        var meanMinutes: Double?
        var medianMinutes: Double?
        var p90Minutes: Double?
        /// Received but not completed at the end of the last month.
        var backlog = 0
        /// Open tickets already past the standard when imported: in the on-time denominator.
        var overdueOpen = 0
        /// In working days (from ticket months only); what a working-day standard is read in.
        var medianWorkingDays: Double?
        var p90WorkingDays: Double?
        var exact = false
        var months = 0
    }

    static func monthKey(_ d: SimpleDate) -> String { String(d.iso.prefix(7)) }

    static func months(serviceIDs: [UUID], from: SimpleDate, to: SimpleDate, on db: any Database) async throws
        -> [ServiceMonth]
    {
        guard !serviceIDs.isEmpty else { return [] }
        return try await ServiceMonth.query(on: db).filter(\.$serviceID ~~ serviceIDs)
            .filter(\.$month >= monthKey(from)).filter(\.$month <= monthKey(to)).sort(\.$month).all()
    }

    /// The figures of `rows` (any services); `standardMinutes` and the tickets only for one service.
    static func figures(_ rows: [ServiceMonth]) -> Figures {
        var f = Figures()
        guard !rows.isEmpty else { return f }
        let combined = ProcessingTimes.combine(
            rows.map {
                MonthlyServiceFigures(
                    count: $0.completed, onTime: $0.onTime, meanMinutes: $0.meanMinutes,
                    medianMinutes: $0.medianMinutes, p90Minutes: $0.p90Minutes,
                    overdueOpen: $0.overdueOpen ?? 0, medianWorkingDays: $0.medianWorkingDays,
                    p90WorkingDays: $0.p90WorkingDays)
            })
        f.count = rows.reduce(0) { $0 + $1.received }
        f.completed = rows.reduce(0) { $0 + $1.completed }
        f.onTime = rows.reduce(0) { $0 + $1.onTime }
        f.onTimeShare = combined.onTimeShare
        f.overdueOpen = combined.overdueOpen
        f.meanMinutes = combined.meanMinutes
        f.medianMinutes = combined.medianMinutes
        f.p90Minutes = combined.p90Minutes
        f.medianWorkingDays = combined.medianWorkingDays
        f.p90WorkingDays = combined.p90WorkingDays
        let last = rows.map(\.month).max()!
        f.backlog = rows.filter { $0.month == last }.reduce(0) { $0 + $1.backlog }
        f.months = Set(rows.map(\.month)).count
        return f
    }

    /// One service: exact from its tickets when the whole range was imported ticket by ticket.
    static func performance(service: PublicService, from: SimpleDate, to: SimpleDate, on db: any Database) async throws
        -> Figures
    {
        let rows = try await months(serviceIDs: [service.requireID()], from: from, to: to, on: db)
        var f = figures(rows)
        guard !rows.isEmpty, rows.allSatisfy({ $0.source == ServiceRecordsImport.fromTickets }) else { return f }
        let start = WITA.startOfDay(SimpleDate(year: from.year, month: from.month, day: 1)!)
        let lastMonth = SimpleDate(year: to.year, month: to.month, day: 1)!
        let end = WITA.startOfDay(lastMonth.adding(months: 1))
        let tickets = try await ServiceTransaction.query(on: db).filter(\.$serviceID == service.requireID())
            .filter(\.$receivedAt >= start).filter(\.$receivedAt < end).filter(\.$completedAt != nil).all()
        // Durations only: on-time counts come from the month rows, judged when they were built.
        let durations = tickets.compactMap { t in
            t.completedAt.map { ServiceTicket(received: t.receivedAt, completed: $0) }
        }
        let calendar = try await HolidayCalendar.calendar(instansiID: service.instansiID, on: db)
        let summary = ProcessingTimes.summarise(
            tickets: durations, standards: StandardHistory([]), calendar: calendar, asOf: end)
        if let m = summary.minutes {
            f.medianMinutes = m.median
            f.p90Minutes = m.p90
            f.meanMinutes = m.mean
            f.medianWorkingDays = summary.workingDays?.median
            f.p90WorkingDays = summary.workingDays?.p90
            f.exact = true
        }
        return f
    }
}
