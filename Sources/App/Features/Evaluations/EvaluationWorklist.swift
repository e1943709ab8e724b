import Fluent
import KompetenCore
import Vapor

/// What one person still has to fill: their own L1 (until filled) and L3, and as a
/// supervisor the L3 of their direct reports — open or overdue, oldest due first.
enum EvaluationWorklist {
    struct Item: Sendable {
        let enrolmentID: UUID
        let level: EvaluationLevel
        let respondent: EvaluationRespondent
        let employeeName: String
        let employeeNIP: String
        let programmeTitle: String
        let completedOn: SimpleDate
        let due: SimpleDate
        let overdue: Bool
    }

    static func pending(for actor: Principal, at now: Date, on db: any Database) async throws -> [Item] {
        guard let me = actor.employeeID, let instansiID = actor.instansiID else { return [] }
        let today = WITA.today(now)
        let schedule = try await SettingsQueries.evaluation(instansiID, on: db).schedule
        let reports = try await Employee.query(on: db).filter(\.$supervisorID == me).filter(\.$isActive == true).all()
        guard let self_ = try await Employee.find(me, on: db) else { return [] }
        let people = try Dictionary(uniqueKeysWithValues: ([self_] + reports).map { try ($0.requireID(), $0) })
        let since = today.adding(months: -EvaluationSchedule.lookBackMonths).iso
        let enrolments = try await Enrolment.query(on: db).filter(\.$employeeID ~~ Array(people.keys))
            .filter(\.$status == EnrolmentStatus.completed.rawValue).filter(\.$completedOn >= since).all()
        guard !enrolments.isEmpty else { return [] }
        let filled = try await EvaluationRecord.query(on: db).filter(
            \.$enrolmentID ~~ enrolments.map { try $0.requireID() }
        ).all()
        let done = Set(filled.map { "\($0.enrolmentID)|\($0.level)|\($0.respondent)" })
        let programmes = Dictionary(
            uniqueKeysWithValues: try await Programme.query(on: db)
                .filter(\.$id ~~ Set(enrolments.map(\.programmeID))).all().map { (try $0.requireID(), $0) })

        var items: [Item] = []
        for e in enrolments {
            guard let completed = e.completedOn.flatMap(SimpleDate.init(iso:)), let person = people[e.employeeID] else {
                continue
            }
            let mine = e.employeeID == me
            let asks: [(EvaluationLevel, EvaluationRespondent)] =
                mine ? [(.reaction, .participant), (.behaviour, .participant)] : [(.behaviour, .supervisor)]
            for (level, respondent) in asks
            where !done.contains("\(try e.requireID())|\(level.rawValue)|\(respondent.rawValue)") {
                let state = schedule.state(level, completedOn: completed, today: today)
                let (due, overdue): (SimpleDate, Bool)
                switch state {
                case .notYet: continue
                case .open(let d): (due, overdue) = (d, false)
                case .overdue(let d): (due, overdue) = (d, true)
                }
                try items.append(
                    Item(
                        enrolmentID: e.requireID(), level: level, respondent: respondent, employeeName: person.name,
                        employeeNIP: person.nip,
                        programmeTitle: programmes[e.programmeID]?.title ?? "?", completedOn: completed, due: due,
                        overdue: overdue))
            }
        }
        return items.sorted { ($0.due, $0.employeeName) < ($1.due, $1.employeeName) }
    }
}
