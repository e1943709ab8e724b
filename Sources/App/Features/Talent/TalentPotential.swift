import Fluent
import Foundation
import KompetenCore
import SQLKit

/// Keeps `employees.potential_score` in step with the current profiles, so the 9-box of a whole
/// city is one grouped read instead of averaging ~60,000 profile rows per request. Rewritten
/// with the profile (one assessment, an import, the demo) and by the nightly monitoring rebuild.
enum TalentPotential {
    /// The competencies that measure potential (PermenPANRB 3/2020 assesses managerial and
    /// socio-cultural competency, not the technical ones of the current post).
    static func competencyIDs(instansiID: UUID, on db: any Database) async throws -> [UUID] {
        try await Competency.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$group ~~ [CompetencyGroup.manajerial.rawValue, CompetencyGroup.sosialKultural.rawValue]).all(\.$id)
    }

    /// One UPDATE with a correlated mean per employee: these employees, or all of the instansi.
    static func refresh(instansiID: UUID, employeeIDs: [UUID]? = nil, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let ids = try await competencyIDs(instansiID: instansiID, on: db)
        guard !ids.isEmpty else { return }
        let mean = SQLSubquery.select { q in
            q.column(SQLFunction("AVG", args: SQLColumn("level", table: "c")))
                .from(SQLAlias(SQLIdentifier(CurrentLevel.schema), as: SQLIdentifier("c")))
                .where(SQLColumn("employee_id", table: "c"), .equal, SQLColumn("id", table: Employee.schema))
                .where(SQLColumn("competency_id", table: "c"), .in, SQLBind.group(ids))
        }
        for chunk in (employeeIDs.map { $0.chunked(500).map { Optional($0) } } ?? [nil]) {
            var q = sql.update(Employee.schema).set(SQLIdentifier("potential_score"), to: mean)
                .where(SQLColumn("instansi_id", table: Employee.schema), .equal, SQLBind(instansiID))
            if let chunk { q = q.where(SQLColumn("id", table: Employee.schema), .in, SQLBind.group(Array(chunk))) }
            try await q.run()
        }
    }
}
