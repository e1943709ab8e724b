import Fluent
import KompetenCore
import Vapor

/// What a direct supervisor's home page shows of their team: each person's gaps against their
/// position's standard (the heat map) and their JP this year.
enum TeamHomeQueries {
    struct Member {
        let id: UUID
        let name: String
        let gap: GapResult?
        let jp: JPDTO
    }

    /// The active direct reports of `supervisorID`, by name. A team is a handful of people, so
    /// one gap read per person is cheaper than a report over the whole OPD.
    static func members(supervisorID: UUID, year: Int, on db: any Database) async throws -> [Member] {
        let team = try await Employee.query(on: db).filter(\.$supervisorID == supervisorID)
            .filter(\.$isActive == true).sort(\.$name).all()
        var out: [Member] = []
        for e in team {
            out.append(
                Member(
                    id: try e.requireID(), name: e.name, gap: try await GapEngine.employee(e, on: db),
                    jp: try await JPQueries.status(e, year: year, on: db)))
        }
        return out
    }
}
