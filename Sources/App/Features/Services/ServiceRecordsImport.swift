import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// Service records from CSV/XLSX for one service, in either of the two forms units keep:
/// per ticket (received/completed timestamps), or one row per month (the unit's monthly
/// report). The form is told by the header. Every row is checked; nothing is written when one
/// is wrong. Tickets are summarised into the month rows the reports read.
enum ServiceRecordsImport {
    static let fromTickets = "transactions", fromReport = "aggregate"

    static let ticketColumns = [
        ImportColumn(key: "ticket", header: "Nomor Tiket", required: true),
        ImportColumn(key: "received", header: "Diterima", required: true),
        ImportColumn(key: "completed", header: "Selesai", required: false),
        ImportColumn(key: "channel", header: "Kanal", required: false),
    ]
    static let monthColumns = [
        ImportColumn(key: "month", header: "Bulan", required: true),
        ImportColumn(key: "received", header: "Diterima", required: true),
        ImportColumn(key: "completed", header: "Selesai", required: true),
        ImportColumn(key: "onTime", header: "Tepat Waktu", required: true),
        ImportColumn(key: "mean", header: "Rata-rata (menit)", required: false),
        ImportColumn(key: "median", header: "Median (menit)", required: false),
        ImportColumn(key: "p90", header: "P90 (menit)", required: false),
        ImportColumn(key: "backlog", header: "Tunggakan", required: false),
    ]
    static let channels = ["loket", "daring", "jemput_bola"]

    enum Kind: String, Sendable { case tickets = "tiket", months = "bulanan" }

    struct Outcome: Content {
        let kind: String
        let imported: Int
        let updated: Int
        let months: [String]
    }

    static func kind(of table: Table) -> Kind {
        table.header.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "nomor tiket" }
            ? .tickets : .months
    }

    static func template(_ kind: Kind) -> Table {
        switch kind {
        case .tickets:
            Table(
                header: ticketColumns.map(\.header),
                rows: [
                    ["KTP-2611-00001", "2026-11-02 08:15", "2026-11-02 09:40", "loket"],
                    ["KTP-2611-00002", "2026-11-02 08:20", "", "daring"],
                ])
        case .months:
            Table(
                header: monthColumns.map(\.header),
                rows: [["2026-10", "1850", "1790", "1480", "610", "540", "1320", "60"]])
        }
    }

    /// Parses and writes `data` for `service`; throws `ImportProblems` with every bad cell.
    static func run(_ data: Data, service: PublicService, actor: Principal, at now: Date, on db: any Database)
        async throws -> Outcome
    {
        guard !data.isEmpty else {
            throw ImportProblems([ImportProblem(row: 1, column: "", message: "Berkas kosong.")])
        }
        let kind = kind(of: try ImportFile.table(data))
        switch kind {
        case .tickets:
            return try await tickets(
                try ImportFile.rows(data, columns: ticketColumns), service: service, actor: actor, at: now, on: db)
        case .months:
            return try await months(
                try ImportFile.rows(data, columns: monthColumns), service: service, actor: actor, at: now, on: db)
        }
    }

    // MARK: tickets

    private struct Ticket {
        let ticket: String
        let received: Date
        let completed: Date?
        let channel: String
    }

    private static func tickets(
        _ rows: [ImportRow], service: PublicService, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Outcome {
        var problems = ProblemList()
        var parsed: [Ticket] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let ticket = row["ticket"]
            if ticket.isEmpty || ticket.count > 60 {
                problems.add(row, "Nomor Tiket", "Nomor tiket wajib diisi (paling panjang 60 karakter).")
            } else if let earlier = seen[ticket] {
                problems.add(row, "Nomor Tiket", "Nomor tiket ini sudah ada di baris \(earlier).")
            }
            seen[ticket] = seen[ticket] ?? row.number
            let received = WITAMoment.parse(row["received"])
            if received == nil || WITA.today(received!).year < 2000 {
                problems.add(
                    row, "Diterima",
                    "Tanggal dan jam diterima: format 2026-11-02 08:15 (WITA), tahun 2000 atau sesudahnya.")
            } else if received! > now {
                problems.add(row, "Diterima", "Waktu diterima tidak boleh di masa depan.")
            }
            var completed: Date?
            if !row["completed"].isEmpty {
                completed = WITAMoment.parse(row["completed"])
                if completed == nil {
                    problems.add(
                        row, "Selesai",
                        "Tanggal dan jam selesai: format 2026-11-02 09:40 (WITA), atau kosong bila belum selesai.")
                } else if let received, completed! < received {
                    problems.add(row, "Selesai", "Waktu selesai sebelum waktu diterima.")
                } else if completed! > now {
                    problems.add(row, "Selesai", "Waktu selesai tidak boleh di masa depan.")
                }
            }
            let channel =
                row["channel"].isEmpty ? "loket" : row["channel"].lowercased().replacingOccurrences(of: " ", with: "_")
            if !channels.contains(channel) { problems.add(row, "Kanal", "Kanal: \(channels.joined(separator: ", ")).") }
            if let received, !ticket.isEmpty {
                parsed.append(Ticket(ticket: ticket, received: received, completed: completed, channel: channel))
            }
        }
        try problems.check()
        let list = parsed
        let serviceID = try service.requireID()
        return try await db.transaction { db in
            var existing: [String: ServiceTransaction] = [:]
            for chunk in list.map(\.ticket).chunked(500) {
                for t in try await ServiceTransaction.query(on: db).filter(\.$serviceID == serviceID).filter(
                    \.$ticket ~~ Array(chunk)
                ).all() { existing[t.ticket] = t }
            }
            var imported = 0
            var updated = 0
            var created: [ServiceTransaction] = []
            var touched = Set<String>()
            for t in list {
                let row = existing[t.ticket] ?? ServiceTransaction()
                if let old = existing[t.ticket] {
                    touched.insert(WITAMoment.month(old.receivedAt))
                    updated += 1
                } else {
                    row.id = UUID()
                    imported += 1
                }
                row.instansiID = service.instansiID
                row.serviceID = serviceID
                row.ticket = t.ticket
                row.receivedAt = t.received
                row.completedAt = t.completed
                row.channel = t.channel
                row.minutes = t.completed.map { Int(($0.timeIntervalSince(t.received) / 60).rounded(.down)) }
                touched.insert(WITAMoment.month(t.received))
                if existing[t.ticket] == nil { created.append(row) } else { try await row.save(on: db) }
            }
            // A month the unit reported as a monthly total is not silently replaced by a few tickets.
            let reported = try await ServiceMonth.query(on: db).filter(\.$serviceID == serviceID).filter(
                \.$month ~~ Array(touched)
            )
            .filter(\.$source == fromReport).all(\.$month)
            if !reported.isEmpty {
                throw ImportProblems([
                    ImportProblem(
                        row: 1, column: "Diterima",
                        message:
                            "Bulan \(reported.sorted().joined(separator: ", ")) sudah diisi dari laporan bulanan; data per tiket tidak menggantinya."
                    )
                ])
            }
            for chunk in created.chunked(1000) { try await Array(chunk).create(on: db) }
            let standards = try await ServiceStandards.history(serviceID, on: db)
            let calendar = try await HolidayCalendar.calendar(instansiID: service.instansiID, on: db)
            for month in touched {
                try await summarise(
                    serviceID: serviceID, instansiID: service.instansiID, month: month, standards: standards,
                    calendar: calendar, asOf: now, on: db)
            }
            try await AuditLog.record(
                .update, entity: "service", id: serviceID,
                summary: "Mengimpor \(list.count) tiket layanan \(service.code)",
                actor: actor, instansiID: service.instansiID, at: now, on: db)
            return Outcome(kind: Kind.tickets.rawValue, imported: imported, updated: updated, months: touched.sorted())
        }
    }

    /// Rewrites one month's row from all of that month's tickets, each judged by the standard in
    /// force on the day it was received (`ProcessingTimes.summarise(tickets:…)`). `asOf` is the
    /// moment the records were taken (the import): open tickets are aged to it, and it becomes
    /// the row's `updatedAt`.
    static func summarise(
        serviceID: UUID, instansiID: UUID, month: String, standards: StandardHistory, calendar: WorkingCalendar,
        asOf: Date, existing: ServiceMonth? = nil, on db: any Database
    ) async throws {
        guard let first = SimpleDate(iso: month + "-01") else { return }
        let start = WITA.startOfDay(first)
        let end = WITA.startOfDay(first.adding(months: 1))
        let tickets = try await ServiceTransaction.query(on: db).filter(\.$serviceID == serviceID)
            .filter(\.$receivedAt >= start).filter(\.$receivedAt < end).all()
        // A ticket belongs to the month it was received in, however late it was completed: the
        // slowest tickets cross a month end, and leaving them out would flatter the month.
        let summary = ProcessingTimes.summarise(
            tickets: tickets.map { ServiceTicket(received: $0.receivedAt, completed: $0.completedAt) },
            standards: standards, calendar: calendar, asOf: asOf)
        // Backlog: received in the month and still open at its end.
        let open = tickets.filter { t in t.completedAt.map { $0 >= end } ?? true }.count
        // A rebuild passes the row it already loaded; an import looks it up.
        let found: ServiceMonth?
        if let existing {
            found = existing
        } else {
            found = try await ServiceMonth.query(on: db).filter(\.$serviceID == serviceID).filter(\.$month == month)
                .first()
        }
        let row = found ?? ServiceMonth()
        if row.id == nil { row.id = UUID() }
        row.instansiID = instansiID
        row.serviceID = serviceID
        row.month = month
        row.received = summary.received
        row.completed = summary.completed
        row.onTime = summary.onTime
        row.meanMinutes = summary.minutes?.mean
        row.medianMinutes = summary.minutes?.median
        row.p90Minutes = summary.minutes?.p90
        row.medianWorkingDays = summary.workingDays?.median
        row.p90WorkingDays = summary.workingDays?.p90
        row.backlog = open
        row.overdueOpen = summary.overdueOpen
        row.source = fromTickets
        row.updatedAt = asOf
        try await row.save(on: db)
    }

    // MARK: monthly report

    private static func months(
        _ rows: [ImportRow], service: PublicService, actor: Principal, at now: Date, on db: any Database
    ) async throws -> Outcome {
        var problems = ProblemList()
        var parsed: [(String, [Int], [Double?])] = []
        var seen: [String: Int] = [:]
        let thisMonth = ServiceRecordQueries.monthKey(WITA.today(now))
        func count(_ row: ImportRow, _ key: String, _ header: String, required: Bool = true) -> Int? {
            let text = row[key].replacingOccurrences(of: ".", with: "")
            if text.isEmpty && !required { return 0 }
            guard let n = Int(text), (0...10_000_000).contains(n) else {
                problems.add(row, header, "Isi bilangan bulat 0–10.000.000.")
                return nil
            }
            return n
        }
        func minutes(_ row: ImportRow, _ key: String, _ header: String) -> Double?? {
            let text = row[key].replacingOccurrences(of: ",", with: ".")
            if text.isEmpty { return .some(nil) }
            guard let x = Double(text), x.isFinite, (0...Double(ServiceInput.maxStandardMinutes * 10)).contains(x)
            else {
                problems.add(row, header, "Isi jumlah menit (angka ≥ 0) atau kosongkan.")
                return nil
            }
            return .some(x)
        }
        for row in rows {
            let month = Self.month(row["month"])
            if month == nil || month! < "2000-01" {
                problems.add(row, "Bulan", "Bulan: format 2026-10 atau 10/2026, tahun 2000 atau sesudahnya.")
            } else if month! > thisMonth {
                problems.add(row, "Bulan", "Bulan tidak boleh di masa depan.")
            } else if let earlier = seen[month!] {
                problems.add(row, "Bulan", "Bulan ini sudah ada di baris \(earlier).")
            }
            if let month { seen[month] = seen[month] ?? row.number }
            let received = count(row, "received", "Diterima")
            let completed = count(row, "completed", "Selesai")
            let onTime = count(row, "onTime", "Tepat Waktu")
            let backlog = count(row, "backlog", "Tunggakan", required: false)
            if let completed, let onTime, onTime > completed {
                problems.add(row, "Tepat Waktu", "Tepat waktu tidak boleh lebih dari jumlah selesai.")
            }
            let mean = minutes(row, "mean", "Rata-rata (menit)")
            let median = minutes(row, "median", "Median (menit)")
            let p90 = minutes(row, "p90", "P90 (menit)")
            if let m = median ?? nil, let p = p90 ?? nil, p < m {
                problems.add(row, "P90 (menit)", "P90 tidak boleh lebih kecil dari median.")
            }
            if let month, let received, let completed, let onTime, let backlog, let mean, let median, let p90 {
                parsed.append((month, [received, completed, onTime, backlog], [mean, median, p90]))
            }
        }
        try problems.check()
        let list = parsed
        let serviceID = try service.requireID()
        return try await db.transaction { db in
            let existing = Dictionary(
                try await ServiceMonth.query(on: db).filter(\.$serviceID == serviceID).filter(\.$month ~~ list.map(\.0))
                    .all().map { ($0.month, $0) },
                uniquingKeysWith: { a, _ in a })
            var problems = ProblemList()
            for (i, item) in list.enumerated() where existing[item.0]?.source == fromTickets {
                problems.add(
                    rows[i], "Bulan",
                    "Bulan \(item.0) sudah dihitung dari data per tiket; laporan bulanan tidak menggantinya.")
            }
            try problems.check()
            var imported = 0
            var updated = 0
            for (month, counts, mins) in list {
                let row = existing[month] ?? ServiceMonth()
                if row.id == nil {
                    row.id = UUID()
                    imported += 1
                } else {
                    updated += 1
                }
                row.instansiID = service.instansiID
                row.serviceID = serviceID
                row.month = month
                row.received = counts[0]
                row.completed = counts[1]
                row.onTime = counts[2]
                row.backlog = counts[3]
                row.meanMinutes = mins[0]
                row.medianMinutes = mins[1]
                row.p90Minutes = mins[2]
                row.medianWorkingDays = nil
                row.p90WorkingDays = nil
                row.overdueOpen = nil
                row.source = fromReport
                row.updatedAt = now
                try await row.save(on: db)
            }
            try await AuditLog.record(
                .update, entity: "service", id: serviceID,
                summary: "Mengimpor \(list.count) laporan bulanan layanan \(service.code)",
                actor: actor, instansiID: service.instansiID, at: now, on: db)
            return Outcome(
                kind: Kind.months.rawValue, imported: imported, updated: updated, months: list.map(\.0).sorted())
        }
    }

    /// `2026-10`, `10/2026` or `2026-10-01` → `2026-10`.
    static func month(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = SimpleDate(iso: t) { return ServiceRecordQueries.monthKey(d) }
        if let d = SimpleDate(iso: t + "-01") { return ServiceRecordQueries.monthKey(d) }
        let parts = t.split(separator: "/")
        if parts.count == 2, let m = Int(parts[0]), let y = Int(parts[1]), parts[1].count == 4,
            let d = SimpleDate(year: y, month: m, day: 1)
        {
            return ServiceRecordQueries.monthKey(d)
        }
        return nil
    }
}

/// Local (WITA) timestamps as units write them: `2026-11-02 08:15[:30]` or with a `T`.
enum WITAMoment {
    static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = t.split(separator: " ")
        guard parts.count == 2, let day = SimpleDate(iso: String(parts[0])) else { return nil }
        let hms = parts[1].split(separator: ":")
        guard (2...3).contains(hms.count), hms.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
            let h = Int(hms[0]), let m = Int(hms[1]), h < 24, m < 60
        else { return nil }
        let s = hms.count == 3 ? Int(hms[2]) ?? 99 : 0
        guard s < 60 else { return nil }
        return WITA.startOfDay(day).addingTimeInterval(TimeInterval(h * 3600 + m * 60 + s))
    }

    /// `yyyy-mm` of the WITA date.
    static func month(_ date: Date) -> String { ServiceRecordQueries.monthKey(WITA.today(date)) }
}
