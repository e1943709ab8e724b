import Fluent
import Foundation
import KompetenCore
import KompetenDemo
import Vapor

/// Writes the generated step-3 demo: Kirkpatrick evaluations of the completed trainings, two
/// years of SKP ratings, the re-assessments after training (which close their due dates and
/// raise the trained units' JPM), and the monitoring history rebuilt from all of it.
enum DemoEvaluateData {
    /// The demo's "today" for evaluations, as for development (the batches were planned around it).
    static let demoToday = SimpleDate(year: 2026, month: 10, day: 30)!

    static func write(
        _ org: DemoInstansi, instansiID: UUID, written: DemoLoader.Written, development: DemoDevelopmentData.Written,
        now: Date, on db: any Database
    ) async throws {
        let settings = try await SettingsQueries.development(instansiID, on: db)
        let demo = DemoEvaluateGenerator.generate(
            for: org, development: development.demo, today: demoToday, reassessmentMonths: settings.reassessmentMonths)
        let employeeIDs = Dictionary(uniqueKeysWithValues: written.employees.map { ($0.0.nip, $0.1) })
        let supervised = Set(
            try await Employee.query(on: db).filter(\.$instansiID == instansiID).filter(\.$supervisorID != nil).all(
                \.$id))
        let keepOpen = demoLoginsFirstL1(org, written: written, development: development)

        var records: [EvaluationRecord] = []
        for d in demo.evaluations {
            guard let e = development.enrolments["\(d.programmeCode)|\(d.batchName)|\(d.nip)"],
                let employeeID = employeeIDs[d.nip]
            else { continue }
            if d.respondent == EvaluationRespondent.supervisor.rawValue && !supervised.contains(employeeID) { continue }
            if d.level == EvaluationLevel.reaction.rawValue && e.id == keepOpen { continue }
            // The same check as a form submission: what the demo stores, the app would accept.
            guard
                case .success(let score) = EvaluationForm.validate(
                    level: d.level, respondent: d.respondent, scores: d.scores,
                    raisedCodes: development.raisedCodes[d.programmeCode] ?? [])
            else { continue }
            let r = EvaluationRecord()
            r.id = UUID()
            r.instansiID = instansiID
            r.enrolmentID = try e.requireID()
            r.employeeID = employeeID
            r.programmeID = e.programmeID
            r.level = d.level
            r.respondent = d.respondent
            r.scores = EvaluationRecord.encode(score.scores)
            r.summary = score.summary
            r.comment = d.comment
            r.filledOn = d.filledOn.iso
            r.createdAt = now
            r.updatedAt = now
            records.append(r)
        }
        for chunk in records.chunked(1000) { try await Array(chunk).create(on: db) }

        let ratings = demo.performance.compactMap { d -> PerformanceRating? in
            guard let employeeID = employeeIDs[d.nip] else { return nil }
            let r = PerformanceRating()
            r.id = UUID()
            r.instansiID = instansiID
            r.employeeID = employeeID
            r.year = d.year
            r.hasilKerja = d.hasilKerja.rawValue
            r.perilakuKerja = d.perilakuKerja.rawValue
            r.predicate = SKPPredicate.of(hasilKerja: d.hasilKerja, perilakuKerja: d.perilakuKerja).rawValue
            r.createdAt = now
            r.updatedAt = now
            return r
        }
        for chunk in ratings.chunked(1000) { try await Array(chunk).create(on: db) }

        try await reassessments(
            org, demo.reassessments, instansiID: instansiID, employeeIDs: employeeIDs, now: now, on: db)
        try await MonitoringHistory.rebuild(instansiID: instansiID, today: demoToday, at: now, on: db)
    }

    /// New assessments after training: numbered after the employee's earlier ones, then the
    /// profiles rewritten and the due dates closed exactly as a recorded assessment would.
    private static func reassessments(
        _ org: DemoInstansi, _ list: [DemoAssessment], instansiID: UUID, employeeIDs: [String: UUID],
        now: Date, on db: any Database
    ) async throws {
        let competencyIDs = Dictionary(
            uniqueKeysWithValues: try await Competency.query(on: db).filter(\.$instansiID == instansiID).all().map {
                try ($0.code, $0.requireID())
            })
        var sequence = Dictionary(grouping: org.assessments, by: \.nip).mapValues(\.count)
        var assessments: [Assessment] = []
        var results: [AssessmentResult] = []
        for demo in list {
            guard let employeeID = employeeIDs[demo.nip] else { continue }
            let n = (sequence[demo.nip] ?? 0) + 1
            sequence[demo.nip] = n
            let a = Assessment()
            a.id = UUID()
            a.instansiID = instansiID
            a.employeeID = employeeID
            a.assessedOn = demo.date.iso
            a.method = demo.method.rawValue
            a.assessorName = demo.assessorName
            a.notes = demo.notes
            a.createdAt = now
            a.sequence = n
            assessments.append(a)
            for r in demo.results {
                if let cid = competencyIDs[r.competencyCode] {
                    results.append(AssessmentResult(assessmentID: try a.requireID(), competencyID: cid, level: r.level))
                }
            }
        }
        for chunk in assessments.chunked(1000) { try await Array(chunk).create(on: db) }
        for chunk in results.chunked(2000) { try await Array(chunk).create(on: db) }
        let touched = Array(Set(assessments.map(\.employeeID)))
        try await AssessmentService.recomputeProfiles(employeeIDs: touched, instansiID: instansiID, on: db)
        try await ReassessmentClosing.close(employeeIDs: touched, on: db)
    }

    /// The demo employee login (`pegawai.dukcapil`, chosen as DemoAccounts does) keeps the L1 of
    /// their latest training unfilled, so the home page shows a form waiting.
    private static func demoLoginsFirstL1(
        _ org: DemoInstansi, written: DemoLoader.Written, development: DemoDevelopmentData.Written
    ) -> UUID? {
        guard let dukcapil = org.units.first(where: { $0.parentCode == nil && $0.name.contains("Kependudukan") }) else {
            return nil
        }
        let head = written.heads[dukcapil.code]
        guard
            let staff = written.employees.first(where: {
                $0.0.unitCode == dukcapil.code && $0.1 != head && $0.0.isActive
            })
        else { return nil }
        return development.demo.enrolments.filter { $0.nip == staff.0.nip && $0.status == .completed }
            .max { ($0.completedOn ?? demoToday) < ($1.completedOn ?? demoToday) }
            .flatMap { development.enrolments["\($0.programmeCode)|\($0.batchName)|\($0.nip)"]?.id }
    }
}
