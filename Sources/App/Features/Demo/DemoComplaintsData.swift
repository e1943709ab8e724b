import Fluent
import Foundation
import KompetenCore
import KompetenDemo

/// Writes the generated complaints of the front-line services (Dukcapil, DPMPTSP, the Kecamatan
/// counters): the worklist, the tracking pages and the transparency figures have something to
/// show. Tracking codes are drawn as in production: they must not be guessable even in a demo.
enum DemoComplaintsData {
    static let frontLine = ["DUKCAPIL", "DPMPTSP", "KEC"]

    static func write(services: [String: PublicService], instansiID: UUID, first: Bool, on db: any Database)
        async throws
    {
        let codes = services.keys.filter { code in frontLine.contains { code.hasPrefix($0) } }.sorted()
        guard !codes.isEmpty else { return }
        let units = try await Unit.query(on: db).filter(\.$id ~~ Set(services.values.map(\.unitID))).all()
        let opdOf = Dictionary(uniqueKeysWithValues: try units.map { (try $0.requireID(), $0.opdID) })
        let demo = DemoComplaintsGenerator.generate(
            serviceCodes: codes, today: DemoEvaluateData.demoToday, perService: first ? 6 : 2,
            seed: first ? 0xAD0_2026 : 0xAD0_2027 &+ UInt64(codes.count))
        var random = SystemRandomNumberGenerator()
        var rows: [Complaint] = []
        var used = Set<String>()
        for d in demo {
            guard let s = services[d.serviceCode], let opd = opdOf[s.unitID] else { continue }
            let received = WITA.startOfDay(d.received.date).addingTimeInterval(TimeInterval(d.received.minute * 60))
            func at(_ days: Int?) -> Date? {
                days.map { WITA.startOfDay(d.received.date.adding(days: $0)).addingTimeInterval(15 * 3600) }
                    .map { max($0, received) }
            }
            var code = TrackingCode.make(using: &random)
            while used.contains(code) { code = TrackingCode.make(using: &random) }
            used.insert(code)
            let c = Complaint()
            c.id = UUID()
            c.instansiID = instansiID
            c.serviceID = try s.requireID()
            c.opdID = opd
            c.trackingCode = code
            c.text = d.text
            c.name = d.name
            c.contact = d.contact
            c.status = d.status.rawValue
            c.flagged = false
            c.receivedAt = received
            c.reply = d.reply
            c.repliedAt = at(d.replyAfterDays)
            c.firstReplyAt = at(d.replyAfterDays) ?? (d.status == .rejected ? at(d.closeAfterDays) : nil)
            c.closedAt = at(d.closeAfterDays)
            c.rejectReason = d.rejectReason
            c.competencyCode = d.competencyCode
            c.version = 1
            c.updatedAt = c.closedAt ?? c.repliedAt ?? received
            rows.append(c)
        }
        for chunk in rows.chunked(500) { try await Array(chunk).create(on: db) }
    }
}
