import Foundation
import Testing

@testable import App

/// The migration list is history: every database recorded these names in this order. A renamed,
/// removed or reordered migration must fail here, not on a production upgrade.
@Suite("Migration list")
struct MigrationListTests {
    /// Today's names, in today's order. Append a new migration here as well; never edit a line.
    static let released = [
        "001_CreateInstansi",
        "002_CreateUnits",
        "003_CreateEmployees",
        "004_CreateUsers",
        "005_CreateAuditEntries",
        "Fluent.SessionRecord.Create",
        "006_CreateFoundationIndexes",
        "007_CreateCompetencies",
        "008_CreatePositions",
        "009_AddEmployeePositions",
        "010_CreateAssessments",
        "011_CreateInstansiSettings",
        "012_CreateIdentifyIndexes",
        "013_CreateDevelopment",
        "014_AddDevelopmentSettings",
        "015_CreateDevelopmentIndexes",
        "016_CreateEvaluation",
        "017_CreateEvaluationIndexes",
        "018_CreatePublicServices",
        "019_CreatePublicServiceIndexes",
        "020_CreateOperations",
        "022_CreateWebSessions",
        "023_AddTemporaryPasswords",
        "024_CreateLoginThrottle",
        "025_AssessmentHistory",
        "026_AuditChangesAndVersions",
        "027_AuditAppendOnly",
        "047_AddProgrammeMinimumAttendance",
        "028_CreateSurveyKiosks",
        "029_AddSurveyResponseReview",
        "044_AddServiceMonthOverdueOpen",
        "045_CreateServiceStandardsAndHolidays",
        "048_CreateComplaints",
        "049_AddSurveySuggestion",
        "050_CreateServiceStandardDocuments",
        "051_CreateSKMFollowUpActions",
        "052_CreateJobAnalysis",
        "053_CreateInstansiPlans",
        "054_AddEnrolmentActualCost",
        "055_AddMandatoryTraining",
        "056_AddMandatoryTrainingSettings",
        "057_CreateProviderAgreements",
        "058_AddProgrammeAccreditation",
        "059_AddKeyPositionsAndFunctionalGrade",
        "060_CreateNotificationReads",
        "061_AddEmployeeTargetPosition",
        "062_CreateImportMappings",
        "063_AddUserEmailDigest",
    ]

    @Test func namesAndOrderAreTheReleasedOnes() {
        #expect(Migrations.all.map(\.name) == Self.released)
    }

    @Test func eachOfOurMigrationsHasAFileNamedAfterIt() throws {
        // Tests/AppTests/<this file> → the package root → Sources/App/Migrations.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/App/Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.first?.isNumber == true }
            .map { String($0.dropLast(".swift".count)) }
        let ours = Self.released.filter { $0.first?.isNumber == true }
        #expect(files.sorted() == ours.sorted())
    }
}
