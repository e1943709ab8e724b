import Fluent
import Foundation
import KompetenCore
import KompetenDemo

/// Writes the generated step-4 demo: the service catalogue with standards and delivering
/// positions, two years of monthly service figures, tickets for two Dukcapil services, and the
/// SKM responses (Dukcapil and DPMPTSP visibly better after their training wave).
enum DemoServicesData {
    static func write(
        _ org: DemoInstansi, instansiCode: String, instansiID: UUID, written: DemoLoader.Written, first: Bool,
        now: Date, on db: any Database
    ) async throws {
        let demo = DemoServicesGenerator.generate(for: org, today: DemoEvaluateData.demoToday)
        var ids: [String: PublicService] = [:]
        var services: [PublicService] = []
        var links: [ServicePosition] = []
        // The services existed from the first month of their history (paper forms may not be
        // dated before a service's registration).
        let opened = demo.months.map(\.month).min().map { WITA.startOfDay($0) }.map { min($0, now) } ?? now
        for d in demo.services {
            guard let unitID = written.unitIDs[d.unitCode] else { continue }
            let s = PublicService()
            s.id = UUID()
            s.instansiID = instansiID
            s.unitID = unitID
            s.code = d.code
            // The city's services get the plain short link; other governments prefix their code.
            s.shortCode = (first ? d.code : "\(instansiCode)-\(d.code)").lowercased()
            s.name = d.name
            s.standardMinutes = d.standardMinutes
            s.standardText = d.standardText
            s.fee = d.fee
            s.requirements = d.requirements.joined(separator: "\n")
            s.legalBasis = d.legalBasis
            s.isActive = true
            s.createdAt = opened
            s.updatedAt = now
            services.append(s)
            ids[d.code] = s
            for code in d.positionCodes {
                if let p = written.positionIDs[code] {
                    links.append(ServicePosition(serviceID: try s.requireID(), positionID: p))
                }
            }
        }
        for chunk in services.chunked(200) { try await Array(chunk).create(on: db) }
        // Each standard's history starts when the service opened (PBG: 28 hari kerja).
        let standards = services.map { s in
            ServiceStandards.firstRow(
                for: s, standard: StandardTime(text: s.standardText) ?? StandardTime(minutes: s.standardMinutes)!,
                text: s.standardText, at: s.createdAt, by: nil)
        }
        for chunk in standards.chunked(500) { try await Array(chunk).create(on: db) }
        try await writeStandardDocuments(services, now: now, on: db)
        for chunk in links.chunked(500) { try await Array(chunk).create(on: db) }

        var months: [ServiceMonth] = []
        let ticketServices = Set(demo.transactions.map(\.serviceCode))
        let ticketMonths = Set(
            demo.transactions.map { "\($0.serviceCode)|\(ServiceRecordQueries.monthKey($0.receivedAt.date))" })
        for m in demo.months {
            guard let s = ids[m.serviceCode] else { continue }
            let key = ServiceRecordQueries.monthKey(m.month)
            let fromTickets = ticketServices.contains(m.serviceCode) && ticketMonths.contains("\(m.serviceCode)|\(key)")
            let row = ServiceMonth()
            row.id = UUID()
            row.instansiID = instansiID
            row.serviceID = try s.requireID()
            row.month = key
            row.received = m.received
            row.completed = m.completed
            row.onTime = m.onTime
            row.meanMinutes = m.meanMinutes
            row.medianMinutes = m.medianMinutes
            row.p90Minutes = m.p90Minutes
            row.backlog = m.backlog
            row.source = fromTickets ? ServiceRecordsImport.fromTickets : ServiceRecordsImport.fromReport
            row.updatedAt = now
            months.append(row)
        }
        for chunk in months.chunked(500) { try await Array(chunk).create(on: db) }

        func instant(_ m: DemoMoment) -> Date {
            WITA.startOfDay(m.date).addingTimeInterval(TimeInterval(m.minute * 60))
        }
        var tickets: [ServiceTransaction] = []
        for t in demo.transactions {
            guard let s = ids[t.serviceCode] else { continue }
            let row = ServiceTransaction()
            row.id = UUID()
            row.instansiID = instansiID
            row.serviceID = try s.requireID()
            row.ticket = t.ticket
            row.receivedAt = instant(t.receivedAt)
            row.completedAt = t.completedAt.map(instant)
            row.channel = t.channel
            row.minutes = row.completedAt.map { Int(($0.timeIntervalSince(row.receivedAt) / 60).rounded(.down)) }
            tickets.append(row)
        }
        for chunk in tickets.chunked(1000) { try await Array(chunk).create(on: db) }
        // The ticket months are summarised exactly as an import would, so the page and API agree.
        let histories = try await ServiceStandards.histories(Array(ids.values.compactMap(\.id)), on: db)
        let calendar = try await HolidayCalendar.calendar(instansiID: instansiID, on: db)
        for key in ticketMonths {
            let parts = key.split(separator: "|")
            guard let s = ids[String(parts[0])] else { continue }
            try await ServiceRecordsImport.summarise(
                serviceID: s.requireID(), instansiID: instansiID, month: String(parts[1]),
                standards: histories[s.requireID()] ?? StandardHistory([]), calendar: calendar, asOf: now, on: db)
        }

        var responses: [SurveyResponse] = []
        var online = 0
        for r in demo.responses {
            guard let s = ids[r.serviceCode] else { continue }
            let row = SurveyResponse()
            row.id = UUID()
            row.instansiID = instansiID
            row.serviceID = try s.requireID()
            row.unitID = s.unitID
            row.submittedAt = instant(r.at)
            row.submittedOn = r.at.date.iso
            row.setAnswers(r.answers.map { Optional($0) })
            row.sex = r.sex
            row.ageBand = r.ageBand
            row.education = r.education
            row.occupation = r.occupation
            row.channel = r.channel
            row.status = SurveyResponse.counted
            // A few online answers carry the sender flag, as real traffic would, so the review
            // list and the flagged counts have something to show. Still counted: no figure moves.
            if r.channel == "daring" {
                online += 1
                if online % 97 == 0 { row.flag = SurveyFlag.repeatSender.rawValue }
            }
            responses.append(row)
        }
        for chunk in responses.chunked(1000) { try await Array(chunk).create(on: db) }
        try await DemoComplaintsData.write(services: ids, instansiID: instansiID, first: first, on: db)
    }

    /// Every service's standar pelayanan: the demo's full versions where it has them (KTP-el with
    /// two, akta kelahiran), version 1 from the catalogue fields for the rest (as the upgrade does).
    private static func writeStandardDocuments(_ services: [PublicService], now: Date, on db: any Database)
        async throws
    {
        var documents: [ServiceStandardDocument] = []
        var competencies: [ServiceStandardCompetency] = []
        for s in services {
            var versions = DemoServiceStandards.versions(serviceCode: s.code).map { ($0.effectiveFrom, $0.content) }
            if versions.isEmpty {
                versions = [
                    (
                        StandardHistory.beginning,
                        .initial(
                            fee: s.fee, requirements: s.requirements, legalBasis: s.legalBasis,
                            standardText: s.standardText, shortCode: s.shortCode)
                    )
                ]
            }
            for (i, (from, content)) in versions.enumerated() {
                let (doc, rows) = try ServiceStandardDocuments.rows(
                    s, version: i + 1, effectiveFrom: from, content, at: now, by: nil)
                documents.append(doc)
                competencies += rows
            }
        }
        for chunk in documents.chunked(200) { try await Array(chunk).create(on: db) }
        for chunk in competencies.chunked(500) { try await Array(chunk).create(on: db) }
    }
}
