import Fluent
import SQLKit
import Vapor

/// The one ordered list of schema changes. Append only: a released migration is never edited.
enum Migrations {
    /// In order; `/readyz` compares their number with the database's migration log.
    static var all: [any Migration] {
        [
            CreateInstansi(),
            CreateUnits(),
            CreateEmployees(),
            CreateUsers(),
            CreateAuditEntries(),
            SessionRecord.migration,
            CreateFoundationIndexes(),
            CreateCompetencies(),
            CreatePositions(),
            AddEmployeePositions(),
            CreateAssessments(),
            CreateInstansiSettings(),
            CreateIdentifyIndexes(),
            CreateDevelopment(),
            AddDevelopmentSettings(),
            CreateDevelopmentIndexes(),
            CreateEvaluation(),
            CreateEvaluationIndexes(),
            CreatePublicServices(),
            CreatePublicServiceIndexes(),
            CreateOperations(),
            CreateWebSessions(),
            AddTemporaryPasswords(),
            CreateLoginThrottle(),
            AddAssessmentHistory(),
            AddAuditChangesAndVersions(),
            MakeAuditAppendOnly(),
            AddProgrammeMinimumAttendance(),
            CreateSurveyKiosks(),
            AddSurveyResponseReview(),
            AddServiceMonthOverdueOpen(),
            CreateServiceStandardsAndHolidays(),
        ]
    }

    static func register(on app: Application) {
        app.migrations.add(all)
    }
}

/// A migration that only adds indexes: portable SQLKit DDL, dropped again in reverse order.
protocol IndexMigration: AsyncMigration {
    static var indexes: [(name: String, table: String, columns: [String])] { get }
}

extension IndexMigration {
    func prepare(on db: any Database) async throws {
        let sql = try db.sql
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }
    func revert(on db: any Database) async throws {
        let sql = try db.sql
        for index in Self.indexes.reversed() { try await sql.drop(index: index.name).run() }
    }
}

/// Indexes for the filters every page uses (instansi, OPD, parent, time).
struct CreateFoundationIndexes: IndexMigration {
    var name: String { "006_CreateFoundationIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_units_instansi_parent", Unit.schema, ["instansi_id", "parent_id"]),
        ("idx_units_opd", Unit.schema, ["opd_id"]),
        ("idx_employees_instansi_unit", Employee.schema, ["instansi_id", "unit_id"]),
        ("idx_employees_instansi_name", Employee.schema, ["instansi_id", "name"]),
        ("idx_employees_supervisor", Employee.schema, ["supervisor_id"]),
        ("idx_users_instansi", User.schema, ["instansi_id"]),
        ("idx_user_tokens_user", UserToken.schema, ["user_id"]),
        ("idx_login_failures_username_at", LoginFailure.schema, ["username", "at"]),
        ("idx_login_failures_address_at", LoginFailure.schema, ["address", "at"]),
        ("idx_audit_instansi_at", AuditEntry.schema, ["instansi_id", "at"]),
    ]
}

/// Indexes for the gap reports: standards by position, results by employee, profiles by instansi.
struct CreateIdentifyIndexes: IndexMigration {
    var name: String { "012_CreateIdentifyIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_positions_instansi_unit", Position.schema, ["instansi_id", "unit_id"]),
        ("idx_employees_position", Employee.schema, ["position_id"]),
        ("idx_assignments_employee", EmployeeAssignment.schema, ["employee_id", "started_at"]),
        ("idx_assessments_employee", Assessment.schema, ["employee_id", "assessed_on"]),
        ("idx_current_levels_instansi", CurrentLevel.schema, ["instansi_id", "competency_id"]),
        ("idx_competencies_instansi_group", Competency.schema, ["instansi_id", "group"]),
    ]
}
