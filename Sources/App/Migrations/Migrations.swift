import Fluent
import SQLKit
import Vapor

/// The one ordered list of schema changes. Append only: a released migration is never edited.
///
/// Each migration lives in this folder in a file named after its `name` — the string the
/// databases recorded in `_fluent_migrations`, e.g. `025_AssessmentHistory.swift` — so the folder
/// lists them by number. Inside a migration, tables and columns are string literals, never a
/// model's `schema` constant: renaming a model must not rewrite history. The names and their
/// order are pinned by `MigrationListTests`. The list order is the order they were added, which
/// is not always the number order (047 runs before 028); Fluent's own session table keeps its
/// default name, `Fluent.SessionRecord.Create`.
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
            CreateComplaints(),
            AddSurveySuggestion(),
            CreateServiceStandardDocuments(),
            CreateSKMFollowUpActions(),
            CreateJobAnalysis(),
            CreateInstansiPlans(),
            AddEnrolmentActualCost(),
            AddMandatoryTraining(),
            AddMandatoryTrainingSettings(),
            CreateProviderAgreements(),
            AddProgrammeAccreditation(),
            AddKeyPositionsAndFunctionalGrade(),
            CreateNotificationReads(),
            AddEmployeeTargetPosition(),
            CreateImportMappings(),
            AddUserEmailDigest(),
        ]
    }

    static func register(on app: Application) {
        app.migrations.add(all)
    }
}
