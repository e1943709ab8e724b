import Fluent
import Foundation
import KompetenCore
import KompetenDemo

/// Writes `DemoMandatory`'s story: the mandatory-training programmes of the catalogue (Latsar,
/// PKP, PKA, PKN II by BPSDMD Provinsi NTT), the CPNS cohort with its Latsar batches, and the
/// TMT jabatan of recently appointed officials with the PKP/PKA they passed.
enum DemoMandatoryData {
    static let programmes: [(code: String, title: String, kind: MandatoryKind, jp: Int, cost: Int)] = [
        ("LATSAR-CPNS", "Pelatihan Dasar CPNS Golongan III", .latsar, 300, 9_500_000),
        ("PKP", "Pelatihan Kepemimpinan Pengawas", .pkp, 200, 14_000_000),
        ("PKA", "Pelatihan Kepemimpinan Administrator", .pka, 250, 24_000_000),
        ("PKN-II", "Pelatihan Kepemimpinan Nasional Tingkat II", .pkn2, 300, 65_000_000),
    ]

    static func write(
        _ org: DemoInstansi, instansiID: UUID, written: DemoLoader.Written, providerID: UUID, now: Date,
        on db: any Database
    ) async throws {
        let plan = DemoMandatory.plan(org)
        var programmeIDs: [MandatoryKind: UUID] = [:]
        for d in programmes {
            let p = Programme()
            p.id = UUID()
            p.instansiID = instansiID
            p.providerID = providerID
            p.code = d.code
            p.title = d.title
            p.form = DevelopmentForm.klasikal.rawValue
            // PKP/PKA/PKN are structural leadership training (KL01); Latsar has no path of its own.
            p.path = d.kind == .latsar ? "KL12" : "KL01"
            p.jp = d.jp
            p.costPerParticipant = d.cost
            p.capacity = 40
            p.description = "\(d.kind.label): memenuhi pelatihan wajib."
            p.mandatoryKind = d.kind.rawValue
            // Latsar and the leadership training are LAN-accredited programmes of BPSDMD.
            p.lanAccreditation = "A"
            p.lanAccreditationNumber = "AKR-PROG/\(200 + programmeIDs.count)/LAN/2025"
            p.lanAccreditationUntil = "2028-06-30"
            p.isActive = true
            p.createdAt = now
            p.updatedAt = now
            try await p.create(on: db)
            programmeIDs[d.kind] = p.id
        }
        func batch(_ kind: MandatoryKind, _ name: String, _ start: SimpleDate, _ end: SimpleDate, seats: Int)
            async throws -> Batch
        {
            let b = Batch()
            b.id = UUID()
            b.instansiID = instansiID
            b.programmeID = programmeIDs[kind]!
            b.name = name
            b.startDate = start.iso
            b.endDate = end.iso
            b.capacity = 40
            b.place = "BPSDMD Provinsi NTT, Kupang"
            b.isOnline = false
            b.seatsTaken = seats
            b.createdAt = now
            try await b.create(on: db)
            return b
        }
        var enrolments: [Enrolment] = []
        var credits: [JPCredit] = []
        func enrol(_ employeeID: UUID, _ b: Batch, _ kind: MandatoryKind, completed: SimpleDate?) {
            let n = Enrolment()
            n.id = UUID()
            n.instansiID = instansiID
            n.batchID = b.id!
            n.programmeID = b.programmeID
            n.employeeID = employeeID
            n.status = (completed == nil ? EnrolmentStatus.enrolled : .completed).rawValue
            n.createdAt = now
            n.updatedAt = now
            if let completed {
                n.attendancePercent = 100
                n.certificateNumber = "BPSDMD-NTT/\(kind.shortLabel)/\(completed.year)/\(enrolments.count + 1)"
                n.completedOn = completed.iso
                let jp = programmes.first { $0.kind == kind }!.jp
                credits.append(
                    DemoDevelopmentData.credit(
                        instansiID, employeeID, jp: jp, end: completed, source: "enrolment", sourceID: n.id!,
                        title: b.name, now))
            }
            enrolments.append(n)
        }

        // The CPNS cohort: new employee records in staff posts, reporting to their unit's head.
        let inBatch = { (n: Int) in plan.cohort.filter { $0.latsarBatch == n }.count }
        var latsar: [Batch] = []
        for (i, d) in DemoMandatory.latsarBatches.enumerated() {
            latsar.append(try await batch(.latsar, d.name, d.start, d.end, seats: inBatch(i + 1)))
        }
        var cohort: [Employee] = []
        for c in plan.cohort {
            let e = Employee()
            e.id = UUID()
            e.instansiID = instansiID
            e.unitID = written.unitIDs[c.employee.unitCode]!
            e.nip = c.employee.nip
            e.nik = c.employee.nik
            e.name = c.employee.name
            e.sex = c.employee.sex.rawValue
            e.birthDate = c.employee.birthDate.iso
            e.employmentType = c.employee.employmentType.rawValue
            e.rank = c.employee.rank
            e.supervisorID = written.heads[c.employee.unitCode]
            e.positionID = written.positionIDs[c.employee.positionCode]
            e.cpnsTMT = c.tmt.iso
            e.isActive = true
            e.createdAt = now
            e.updatedAt = now
            cohort.append(e)
            if let n = c.latsarBatch {
                enrol(e.id!, latsar[n - 1], .latsar, completed: n == 1 ? DemoMandatory.latsarBatches[0].end : nil)
            }
        }
        try await cohort.create(on: db)
        try await AssignmentHistory.open(for: cohort, by: "demo", at: now, on: db)

        // Officials: the TMT jabatan, and PKP/PKA passed in this year's batches.
        let ids = Dictionary(uniqueKeysWithValues: written.employees.map { ($0.0.nip, $0.1) })
        let passed = Dictionary(grouping: plan.appointments.filter { $0.completedOn != nil }, by: \.kind)
        var leadership: [MandatoryKind: Batch] = [:]
        for (kind, list) in passed {
            let end = list[0].completedOn!
            leadership[kind] = try await batch(
                kind, "\(kind.shortLabel) Angkatan I \(end.year)", end.adding(days: -60), end, seats: list.count)
        }
        for a in plan.appointments {
            guard let id = ids[a.nip] else { continue }
            try await Employee.query(on: db).filter(\.$id == id).set(\.$positionTMT, to: a.tmt.iso).update()
            if let done = a.completedOn, let b = leadership[a.kind] { enrol(id, b, a.kind, completed: done) }
        }
        try await enrolments.create(on: db)
        if !credits.isEmpty { try await credits.create(on: db) }
    }
}
