import Fluent
import Foundation
import KompetenCore
import KompetenDemo
import Vapor

/// Writes the generated step-2 demo (providers, catalogue, batches, a year of enrolments,
/// outside learning) with what completion produces: JP credits and re-assessment due dates.
enum DemoDevelopmentData {
    /// What the evaluation demo builds on: the provider ids by code (the demo provider login is
    /// bound to BPSDMD), the generated data, and the enrolments by `programme|batch|nip`.
    struct Written {
        let providers: [String: UUID]
        let demo: DemoDevelopment
        let enrolments: [String: Enrolment]
        let raisedCodes: [String: [String]]
    }

    static func write(
        _ org: DemoInstansi, technicalCodes: [String], instansiID: UUID, written: DemoLoader.Written,
        now: Date, on db: any Database
    ) async throws -> Written {
        let demo = DemoDevelopmentGenerator.generate(for: org, technicalCodes: technicalCodes)
        let competencyIDs = Dictionary(
            uniqueKeysWithValues: try await Competency.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.code, $0.requireID())
            })
        let employeeIDs = Dictionary(uniqueKeysWithValues: written.employees.map { ($0.0.nip, $0.1) })
        let settings = try await SettingsQueries.development(instansiID, on: db)

        var providerIDs: [String: UUID] = [:]
        let providers = demo.providers.map { d -> Provider in
            let p = Provider()
            p.id = UUID()
            p.instansiID = instansiID
            p.code = d.code
            p.name = d.name
            p.kind = d.kind
            p.accreditation = d.accreditation
            p.contactName = d.contactName
            p.phone = d.phone
            p.email = d.email
            p.address = d.address
            p.isActive = true
            p.createdAt = now
            p.updatedAt = now
            providerIDs[d.code] = p.id
            return p
        }
        try await providers.create(on: db)
        try await agreements(demo.providers, providerIDs: providerIDs, instansiID: instansiID, now: now, on: db)
        let providerKinds = Dictionary(uniqueKeysWithValues: demo.providers.map { ($0.code, $0.kind) })

        var programmes: [String: Programme] = [:]
        var raises: [ProgrammeCompetency] = []
        var raisedBy: [String: [UUID]] = [:]
        for (index, d) in demo.programmes.enumerated() {
            let p = Programme()
            p.id = UUID()
            p.instansiID = instansiID
            p.providerID = providerIDs[d.providerCode]!
            p.code = d.code
            p.title = d.title
            p.form = d.form
            p.path = d.path
            p.jp = d.jp
            p.costPerParticipant = d.costPerParticipant
            p.capacity = d.capacity
            p.description = d.description
            let accreditation = DemoPartners.accreditation(
                d, providerKind: providerKinds[d.providerCode] ?? "", index: index)
            p.lanAccreditation = accreditation.grade
            p.lanAccreditationNumber = accreditation.number
            p.lanAccreditationUntil = accreditation.until?.iso
            p.isActive = true
            p.createdAt = now
            p.updatedAt = now
            programmes[d.code] = p
            for r in d.raises {
                guard let cid = competencyIDs[r.competencyCode] else { continue }
                try raises.append(
                    ProgrammeCompetency(programmeID: p.requireID(), competencyID: cid, levelGain: r.levelGain))
                raisedBy[d.code, default: []].append(cid)
            }
        }
        for chunk in Array(programmes.values).chunked(500) { try await Array(chunk).create(on: db) }
        for chunk in raises.chunked(1000) { try await Array(chunk).create(on: db) }

        // Seats taken per batch follow from its enrolments, as the app keeps them.
        let taken = Dictionary(
            grouping: demo.enrolments.filter { $0.status == .enrolled || $0.status == .completed },
            by: { "\($0.programmeCode)|\($0.batchName)" }
        ).mapValues(\.count)
        var batches: [String: Batch] = [:]
        for d in demo.batches {
            guard let p = programmes[d.programmeCode] else { continue }
            let b = Batch()
            b.id = UUID()
            b.instansiID = instansiID
            b.programmeID = try p.requireID()
            b.name = d.name
            b.startDate = d.startDate.iso
            b.endDate = d.endDate.iso
            b.capacity = d.capacity
            b.place = d.place
            b.isOnline = d.isOnline
            b.seatsTaken = taken["\(d.programmeCode)|\(d.name)"] ?? 0
            b.createdAt = now
            batches["\(d.programmeCode)|\(d.name)"] = b
        }
        for chunk in Array(batches.values).chunked(500) { try await Array(chunk).create(on: db) }

        var enrolments: [Enrolment] = []
        var credits: [JPCredit] = []
        var dues: [ReassessmentDue] = []
        var enrolmentKeys: [String: Enrolment] = [:]
        for (index, d) in demo.enrolments.enumerated() {
            guard let b = batches["\(d.programmeCode)|\(d.batchName)"], let p = programmes[d.programmeCode],
                let employeeID = employeeIDs[d.nip]
            else { continue }
            let e = Enrolment()
            e.id = UUID()
            e.instansiID = instansiID
            e.batchID = try b.requireID()
            e.programmeID = try p.requireID()
            e.employeeID = employeeID
            e.status = d.status.rawValue
            e.attendancePercent = d.attendancePercent
            e.certificateNumber = d.certificateNumber
            e.completedOn = d.completedOn?.iso
            // Enrolment order (the waiting list's order) is the generator's order.
            e.createdAt = now.addingTimeInterval(Double(index - demo.enrolments.count))
            e.updatedAt = now
            enrolments.append(e)
            enrolmentKeys["\(d.programmeCode)|\(d.batchName)|\(d.nip)"] = e
            guard d.status == .completed, let end = SimpleDate(iso: b.endDate) else { continue }
            try credits.append(
                credit(
                    instansiID, employeeID, jp: p.jp, end: end, source: "enrolment", sourceID: e.requireID(),
                    title: "\(p.title) — \(b.name)", now))
            for cid in raisedBy[d.programmeCode] ?? [] {
                let due = ReassessmentDue()
                due.id = UUID()
                due.instansiID = instansiID
                due.employeeID = employeeID
                due.competencyID = cid
                due.enrolmentID = try e.requireID()
                due.dueOn = end.adding(months: settings.reassessmentMonths).iso
                due.createdAt = now
                dues.append(due)
            }
        }
        var learning: [LearningRecord] = []
        for d in demo.learning {
            guard let employeeID = employeeIDs[d.nip] else { continue }
            let l = LearningRecord()
            l.id = UUID()
            l.instansiID = instansiID
            l.employeeID = employeeID
            l.title = d.title
            l.path = d.path
            l.organiser = d.organiser
            l.startDate = d.startDate.iso
            l.endDate = d.endDate.iso
            l.jp = d.jp
            l.status = (d.verified ? LearningStatus.verified : .submitted).rawValue
            l.createdBy = employeeID
            l.createdAt = now
            if d.verified {
                l.decidedAt = now
                credits.append(
                    credit(
                        instansiID, employeeID, jp: d.jp, end: d.endDate, source: "learning",
                        sourceID: try l.requireID(), title: d.title, now))
            }
            learning.append(l)
        }
        for chunk in enrolments.chunked(1000) { try await Array(chunk).create(on: db) }
        for chunk in credits.chunked(1000) { try await Array(chunk).create(on: db) }
        for chunk in dues.chunked(1000) { try await Array(chunk).create(on: db) }
        for chunk in learning.chunked(1000) { try await Array(chunk).create(on: db) }
        try await plans(
            org, instansiID: instansiID, written: written, programmes: programmes, raisedBy: raisedBy,
            publicService: competencyIDs["M.5"], now: now, on: db)
        return Written(
            providers: providerIDs, demo: demo, enrolments: enrolmentKeys,
            raisedCodes: Dictionary(
                uniqueKeysWithValues: demo.programmes.map { ($0.code, $0.raises.map(\.competencyCode)) }))
    }

    /// The city's MoU / PKS with each provider (`DemoPartners`: one MoU about to end, one PKS
    /// lapsed while its provider's courses went on).
    private static func agreements(
        _ providers: [DemoProvider], providerIDs: [String: UUID], instansiID: UUID, now: Date, on db: any Database
    ) async throws {
        let rows = DemoPartners.agreements(providers).compactMap { d -> ProviderAgreement? in
            guard let providerID = providerIDs[d.providerCode] else { return nil }
            let a = ProviderAgreement()
            a.id = UUID()
            a.instansiID = instansiID
            a.providerID = providerID
            a.kind = d.kind
            a.number = d.number
            a.title = d.title
            a.scope = d.scope
            a.startDate = d.startDate.iso
            a.endDate = d.endDate.iso
            a.signatories = d.signatories
            a.createdAt = now
            a.updatedAt = now
            return a
        }
        try await rows.create(on: db)
    }

    /// A few 2027 plans in the first OPD, so the supervisor's inbox has something to decide:
    /// four submitted, two drafts. The demo employee login (the first staff member) has none yet.
    private static func plans(
        _ org: DemoInstansi, instansiID: UUID, written: DemoLoader.Written, programmes: [String: Programme],
        raisedBy: [String: [UUID]], publicService: UUID?, now: Date, on db: any Database
    ) async throws {
        guard let unit = org.units.first(where: { $0.parentCode == nil && $0.name.contains("Kependudukan") }),
            let head = written.heads[unit.code],
            let publicService
        else { return }
        let staff = written.employees.filter { $0.0.unitCode == unit.code && $0.1 != head && $0.0.isActive }.dropFirst()
            .prefix(6)
        let offers = programmes.values.filter { raisedBy[$0.code]?.contains(publicService) ?? false }
            .sorted { ($0.costPerParticipant, $0.code) < ($1.costPerParticipant, $1.code) }.prefix(2)
        var plans: [DevelopmentPlan] = []
        var items: [PlanItem] = []
        for (i, (_, employeeID)) in staff.enumerated() {
            let plan = DevelopmentPlan()
            plan.id = UUID()
            plan.instansiID = instansiID
            plan.employeeID = employeeID
            plan.year = 2027
            plan.status = (i < 4 ? PlanStatus.submitted : .draft).rawValue
            plan.createdAt = now
            plan.updatedAt = now
            plans.append(plan)
            for p in offers {
                let item = PlanItem()
                item.id = UUID()
                item.planID = try plan.requireID()
                item.programmeID = p.id
                item.competencyID = publicService
                item.title = p.title
                item.jp = p.jp
                item.estimatedCost = p.costPerParticipant
                item.source = PlanItemSource.tna.rawValue
                item.note = "Kesenjangan M.5"
                item.createdAt = now
                items.append(item)
            }
        }
        if !plans.isEmpty { try await plans.create(on: db) }
        if !items.isEmpty { try await items.create(on: db) }
    }

    static func credit(
        _ instansiID: UUID, _ employeeID: UUID, jp: Int, end: SimpleDate, source: String, sourceID: UUID, title: String,
        _ now: Date
    ) -> JPCredit {
        let c = JPCredit()
        c.id = UUID()
        c.instansiID = instansiID
        c.employeeID = employeeID
        c.year = end.year
        c.jp = jp
        c.endDate = end.iso
        c.source = source
        c.sourceID = sourceID
        c.title = title
        c.createdAt = now
        return c
    }
}
