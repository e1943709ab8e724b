import Fluent
import KompetenCore
import Vapor

/// Closes re-assessment dues when a counted result newer than the training arrives (recorded
/// by hand, imported, or loaded with the demo), remembering the level before the training and
/// the new one, so effectiveness can say whose level rose.
enum ReassessmentClosing {
    /// Run after the employees' current profiles were rewritten, inside the same transaction.
    static func close(employeeIDs: [UUID], on db: any Database) async throws {
        for chunk in employeeIDs.chunked(300) {
            let dues = try await ReassessmentDue.query(on: db).filter(\.$employeeID ~~ Array(chunk)).filter(
                \.$closedOn == nil
            ).all()
            guard !dues.isEmpty else { continue }
            let completed = Dictionary(
                uniqueKeysWithValues: try await Enrolment.query(on: db).filter(\.$id ~~ Set(dues.map(\.enrolmentID)))
                    .all()
                    .map { (try $0.requireID(), $0.completedOn ?? "9999-12-31") })
            let current = Dictionary(
                try await CurrentLevel.query(on: db).filter(\.$employeeID ~~ Set(dues.map(\.employeeID))).all()
                    .map { ("\($0.employeeID)|\($0.competencyID)", $0) }, uniquingKeysWith: { a, _ in a })
            // A result strictly after the training's end closes the due.
            let closing = dues.compactMap { d -> (ReassessmentDue, CurrentLevel, String)? in
                guard let c = current["\(d.employeeID)|\(d.competencyID)"], let done = completed[d.enrolmentID],
                    c.assessedOn > done
                else { return nil }
                return (d, c, done)
            }
            guard !closing.isEmpty else { continue }
            let before = try await levelsBefore(closing.map { ($0.0.employeeID, $0.0.competencyID, $0.2) }, on: db)
            for (d, c, done) in closing {
                d.closedOn = c.assessedOn
                d.closedAssessmentID = c.assessmentID
                d.levelAfter = c.level
                d.levelBefore = before["\(d.employeeID)|\(d.competencyID)|\(done)"]
                try await d.save(on: db)
            }
        }
    }

    /// The counted level of each (employee, competency) on a date (the training's end), by
    /// CurrentProfile's rule over the history; absent when never assessed by then.
    private static func levelsBefore(_ wanted: [(UUID, UUID, String)], on db: any Database) async throws -> [String:
        Int]
    {
        let assessments = try await Assessment.query(on: db).filter(\.$employeeID ~~ Set(wanted.map(\.0))).all()
        let results = try await AssessmentResult.query(on: db).filter(
            \.$assessmentID ~~ assessments.map { try $0.requireID() }
        )
        .filter(\.$competencyID ~~ Set(wanted.map(\.1))).all()
        let byID = try Dictionary(uniqueKeysWithValues: assessments.map { try ($0.requireID(), $0) })
        var history: [String: [AssessedLevel]] = [:]
        for r in results {
            guard let a = byID[r.assessmentID], let date = SimpleDate(iso: a.assessedOn) else { continue }
            history["\(a.employeeID)|\(r.competencyID)", default: []]
                .append(
                    AssessedLevel(
                        competencyCode: "x", level: r.level, date: date, method: a.assessmentMethod,
                        sequence: a.sequence))
        }
        var out: [String: Int] = [:]
        for (employee, competency, done) in wanted {
            guard let day = SimpleDate(iso: done) else { continue }
            let key = "\(employee)|\(competency)"
            if let level = CurrentProfile.latest((history[key] ?? []).filter { $0.date <= day })["x"]?.level {
                out["\(key)|\(done)"] = level
            }
        }
        return out
    }
}
