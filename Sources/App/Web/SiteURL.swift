import Foundation
import KompetenCore
import Vapor

/// Every page URL, in one typed place: links, redirects and form actions are built from it, and the
/// routes are registered from it (`pathComponents`), so a link and its route cannot drift apart.
enum SiteURL {
    case home
    case login(next: String?)
    case logout
    case units
    case unit(UUID)
    case unitNew(parent: UUID?)
    case unitEdit(UUID)
    case unitDelete(UUID)
    case employees
    case employee(UUID)
    case users
    case userNew
    case userEdit(UUID)
    case userPassword(UUID)
    case userTokens(UUID)
    case userTokensRevoke(UUID)
    case audit
    case instansiList
    case instansiNew
    case competencies
    case competency(UUID)
    case competencyNew
    case competencyEdit(UUID)
    case competencyRetire(UUID)
    case competencyDelete(UUID)
    case positions
    case position(UUID)
    case positionNew(unit: UUID?)
    case positionEdit(UUID)
    case positionCopy(UUID)
    case positionBulk
    case positionJobAnalysis(UUID)
    case positionJobAnalysisEdit(UUID)
    case workload
    case positionSuccessors(UUID)
    case positionKeyMark(UUID)
    case positionTargetFor(UUID)
    case notifications
    case notificationRead(String)
    case notificationsReadAll
    case instansiPlans
    case instansiPlanPPK
    case instansiPlan(UUID)
    case instansiPlanItems(UUID)
    case instansiPlanItemDelete(UUID, item: UUID)
    case instansiPlanItemEdit(UUID, item: UUID)
    case instansiPlanBudget(UUID)
    case instansiPlanTransition(UUID)
    case instansiPlanRevisions(UUID)
    case instansiPlanPrint(UUID)
    case instansiPlanRealisation(UUID)
    case employeeNew
    case employeeEdit(UUID)
    case employeeNIK(UUID)
    case employeeAssessmentNew(UUID)
    case employeeAssessments(UUID)
    case evidence(UUID)
    case reports
    case heatMap
    case jpmDistribution
    case gapList
    case imports
    case importTemplate(String)
    case importUpload(String)
    case importMapping(String)
    case importMappings(String)
    case importMappingDelete(String, UUID)
    case export(String)
    case settings
    case providers
    case providerNew
    case providerEdit(UUID)
    case provider(UUID)
    case providerAgreements(UUID)
    case providerAgreementNew(UUID)
    case providerAgreementEdit(UUID, agreement: UUID)
    case providerAgreementDelete(UUID, agreement: UUID)
    case providerAgreementFile(UUID, agreement: UUID)
    /// BKPPD's list of batches outside any agreement of their provider.
    case uncoveredBatches
    case programmes
    case programme(UUID)
    case programmeNew
    case programmeEdit(UUID)
    case programmeBatches(UUID)
    case batch(UUID)
    case batchEnrolments(UUID)
    case enrolmentCancel(UUID)
    case enrolmentAttendance(UUID)
    case enrolmentActualCost(UUID)
    case enrolmentComplete(UUID)
    case needs
    case assessmentNeeds
    case plans
    case planBulkApprove
    case plan(UUID)
    case planItems(UUID)
    case planItemDelete(UUID, item: UUID)
    case planTransition(UUID)
    case employeePlans(UUID)
    case jpCompliance
    case mandatoryTraining
    case annualPlan
    case annualPlanAdopt
    case learningNew(UUID)
    case employeeLearning(UUID)
    case learningDecision(UUID)
    case evaluations
    case evaluate(UUID, level: Int)
    case batchTests(UUID)
    case batchTestsTemplate(UUID)
    case batchTestsImport(UUID)
    case reassessments
    case monitoring
    case monitoringRebuild
    case monitoringOverdue
    case talent
    case services
    case service(UUID)
    case serviceNew
    case serviceEdit(UUID)
    case serviceResponses(UUID)
    case serviceResponseReject(UUID, response: UUID)
    case serviceResponseRestore(UUID, response: UUID)
    case servicePaper(UUID)
    case servicePaperTemplate(UUID)
    case servicePaperImport(UUID)
    case serviceRecords(UUID)
    case serviceRecordsTemplate(UUID)
    case survey(String)
    case surveyThanks(String)
    case surveyQR(String)
    case surveyPoster(String)
    case skmReport
    case skmFollowUp
    case skmPublish
    case skmWithdraw
    /// A published SKM report, read-only for the public (its `skm_reports` id).
    case skmPublic(UUID)
    case impact
    case transparency
    case employeePerformance(UUID)
    case accountData
    case accountDataDownload
    case accountTokens
    case accountTokenRevoke(UUID)
    case accountPassword
    /// One's own e-mail address and the daily digest switch.
    case accountEmail
    /// The admin's "send a test mail" button on the settings page.
    case settingsTestMail
    case kiosks
    case kioskRevoke(UUID)
    case serviceStandards(UUID)
    case serviceStandardNew(UUID)
    case holidays(year: Int?)
    case holidayDelete(UUID)
    case complaints
    case complaint(UUID)
    case complaintReply(UUID)
    case complaintTransition(UUID)
    case complaintForm(String)
    case complaintLookup
    case complaintTrack(String)
    case serviceStandardDocument(UUID)
    case serviceStandardDocumentEdit(UUID)
    case publicStandard(String)
    case publicStandardPoster(String)
    case serviceStandardsExport
    case serviceStandardsImport

    /// The URL a link or a form points at: the segments, then the query of the few pages that take one.
    var path: String {
        "/" + segments.map(\.text).joined(separator: "/") + (query.map { "?" + $0 } ?? "")
    }

    /// The route pattern this URL matches, parameters named as the controllers read them (`:id`).
    /// The associated values play no part, so a route is registered from any value of the case,
    /// conventionally `.routeParameter`.
    var pathComponents: [PathComponent] { segments.map(\.component) }

    private var query: String? {
        switch self {
        case .login(let next):
            if let next, next != "/", LoginRedirect.isSafe(next) {
                "next=\(next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/")"
            } else {
                nil
            }
        case .unitNew(let parent): parent.map { "parent=\($0.uuidString)" }
        case .positionNew(let unit): unit.map { "unit=\($0.uuidString)" }
        case .evaluate(_, let level): "level=\(level)"
        case .holidays(let year): year.map { "year=\($0)" }
        default: nil
        }
    }

    private var segments: [SiteURLSegment] {
        switch self {
        case .home: []
        case .login: ["login"]
        case .logout: ["logout"]
        case .units: ["units"]
        case .unit(let id): ["units", .id(id)]
        case .unitNew: ["units", "new"]
        case .unitEdit(let id): ["units", .id(id), "edit"]
        case .unitDelete(let id): ["units", .id(id), "delete"]
        case .employees: ["employees"]
        case .employee(let id): ["employees", .id(id)]
        case .users: ["admin", "users"]
        case .userNew: ["admin", "users", "new"]
        case .userEdit(let id): ["admin", "users", .id(id), "edit"]
        case .userPassword(let id): ["admin", "users", .id(id), "password"]
        case .userTokens(let id): ["admin", "users", .id(id), "tokens"]
        case .userTokensRevoke(let id): ["admin", "users", .id(id), "tokens", "cabut"]
        case .audit: ["admin", "audit"]
        case .instansiList: ["superadmin", "instansi"]
        case .instansiNew: ["superadmin", "instansi", "new"]
        case .competencies: ["competencies"]
        case .competency(let id): ["competencies", .id(id)]
        case .competencyNew: ["competencies", "new"]
        case .competencyEdit(let id): ["competencies", .id(id), "edit"]
        case .competencyRetire(let id): ["competencies", .id(id), "retire"]
        case .competencyDelete(let id): ["competencies", .id(id), "delete"]
        case .positions: ["positions"]
        case .position(let id): ["positions", .id(id)]
        case .positionNew: ["positions", "new"]
        case .positionEdit(let id): ["positions", .id(id), "edit"]
        case .positionCopy(let id): ["positions", .id(id), "copy-standard"]
        case .positionBulk: ["positions", "bulk-standards"]
        case .positionJobAnalysis(let id): ["positions", .id(id), "anjab"]
        case .positionJobAnalysisEdit(let id): ["positions", .id(id), "anjab", "edit"]
        case .workload: ["reports", "abk"]
        case .positionSuccessors(let id): ["positions", .id(id), "suksesi"]
        case .positionKeyMark(let id): ["positions", .id(id), "suksesi", "kunci"]
        case .positionTargetFor(let id): ["positions", .id(id), "suksesi", "tujuan"]
        case .notifications: ["notifikasi"]
        case .notificationRead(let id): ["notifikasi", .init("nid", text: id), "dibaca"]
        case .notificationsReadAll: ["notifikasi", "semua-dibaca"]
        case .instansiPlans: ["development", "plans"]
        case .instansiPlanPPK: ["development", "plans", "ppk"]
        case .instansiPlan(let id): ["development", "plans", .id(id)]
        case .instansiPlanItems(let id): ["development", "plans", .id(id), "items"]
        case .instansiPlanItemDelete(let id, let item):
            ["development", "plans", .id(id), "items", .init("item", item), "delete"]
        case .instansiPlanItemEdit(let id, let item):
            ["development", "plans", .id(id), "items", .init("item", item), "edit"]
        case .instansiPlanBudget(let id): ["development", "plans", .id(id), "budget"]
        case .instansiPlanTransition(let id): ["development", "plans", .id(id), "transition"]
        case .instansiPlanRevisions(let id): ["development", "plans", .id(id), "revisions"]
        case .instansiPlanPrint(let id): ["development", "plans", .id(id), "print"]
        case .instansiPlanRealisation(let id): ["development", "plans", .id(id), "realisation"]
        case .employeeNew: ["employees", "new"]
        case .employeeEdit(let id): ["employees", .id(id), "edit"]
        case .employeeNIK(let id): ["employees", .id(id), "nik"]
        case .employeeAssessmentNew(let id): ["employees", .id(id), "assessments", "new"]
        case .employeeAssessments(let id): ["employees", .id(id), "assessments"]
        case .evidence(let id): ["evidence", .id(id)]
        case .reports: ["reports"]
        case .heatMap: ["reports", "heat-map"]
        case .jpmDistribution: ["reports", "jpm"]
        case .gapList: ["reports", "gaps"]
        case .imports: ["imports"]
        case .importTemplate(let kind): ["imports", .kind(kind), "template"]
        case .importUpload(let kind): ["imports", .kind(kind)]
        case .importMapping(let kind): ["imports", .kind(kind), "mapping"]
        case .importMappings(let kind): ["imports", .kind(kind), "mappings"]
        case .importMappingDelete(let kind, let id): ["imports", .kind(kind), "mappings", .id(id), "delete"]
        case .export(let kind): ["exports", .kind(kind)]
        case .settings: ["admin", "settings"]
        case .providers: ["providers"]
        case .providerNew: ["providers", "new"]
        case .providerEdit(let id): ["providers", .id(id), "edit"]
        case .provider(let id): ["providers", .id(id)]
        case .providerAgreements(let id): ["providers", .id(id), "agreements"]
        case .providerAgreementNew(let id): ["providers", .id(id), "agreements", "new"]
        case .providerAgreementEdit(let id, let agreement):
            ["providers", .id(id), "agreements", .init("agreement", agreement), "edit"]
        case .providerAgreementDelete(let id, let agreement):
            ["providers", .id(id), "agreements", .init("agreement", agreement), "delete"]
        case .providerAgreementFile(let id, let agreement):
            ["providers", .id(id), "agreements", .init("agreement", agreement), "file"]
        case .uncoveredBatches: ["providers", "outside-agreements"]
        case .programmes: ["programs"]
        case .programme(let id): ["programs", .id(id)]
        case .programmeNew: ["programs", "new"]
        case .programmeEdit(let id): ["programs", .id(id), "edit"]
        case .programmeBatches(let id): ["programs", .id(id), "batches"]
        case .batch(let id): ["batches", .id(id)]
        case .batchEnrolments(let id): ["batches", .id(id), "enrolments"]
        case .enrolmentCancel(let id): ["enrolments", .id(id), "cancel"]
        case .enrolmentAttendance(let id): ["enrolments", .id(id), "attendance"]
        case .enrolmentActualCost(let id): ["enrolments", .id(id), "actual-cost"]
        case .enrolmentComplete(let id): ["enrolments", .id(id), "complete"]
        case .needs: ["development", "needs"]
        case .assessmentNeeds: ["development", "assessment-needs"]
        case .plans: ["plans"]
        case .planBulkApprove: ["plans", "bulk-approve"]
        case .plan(let id): ["plans", .id(id)]
        case .planItems(let id): ["plans", .id(id), "items"]
        case .planItemDelete(let id, let item): ["plans", .id(id), "items", .init("item", item), "delete"]
        case .planTransition(let id): ["plans", .id(id), "transition"]
        case .employeePlans(let id): ["employees", .id(id), "plans"]
        case .jpCompliance: ["development", "jp"]
        case .mandatoryTraining: ["development", "pelatihan-wajib"]
        case .annualPlan: ["development", "annual-plan"]
        case .annualPlanAdopt: ["development", "annual-plan", "adopt"]
        case .learningNew(let id): ["employees", .id(id), "learning", "new"]
        case .employeeLearning(let id): ["employees", .id(id), "learning"]
        case .learningDecision(let id): ["learning", .id(id), "decision"]
        case .evaluations: ["evaluations"]
        case .evaluate(let id, _): ["enrolments", .id(id), "evaluate"]
        case .batchTests(let id): ["batches", .id(id), "tests"]
        case .batchTestsTemplate(let id): ["batches", .id(id), "tests", "template"]
        case .batchTestsImport(let id): ["batches", .id(id), "tests", "import"]
        case .reassessments: ["reassessments"]
        case .monitoring: ["monitoring"]
        case .monitoringRebuild: ["monitoring", "rebuild"]
        case .monitoringOverdue: ["monitoring", "overdue"]
        case .talent: ["talent"]
        case .services: ["services"]
        case .service(let id): ["services", .id(id)]
        case .serviceNew: ["services", "new"]
        case .serviceEdit(let id): ["services", .id(id), "edit"]
        case .serviceResponses(let id): ["services", .id(id), "responses"]
        case .serviceResponseReject(let id, let response):
            ["services", .id(id), "responses", .init("rid", response), "reject"]
        case .serviceResponseRestore(let id, let response):
            ["services", .id(id), "responses", .init("rid", response), "restore"]
        case .servicePaper(let id): ["services", .id(id), "paper"]
        case .servicePaperTemplate(let id): ["services", .id(id), "paper", "template"]
        case .servicePaperImport(let id): ["services", .id(id), "paper", "import"]
        case .serviceRecords(let id): ["services", .id(id), "records"]
        case .serviceRecordsTemplate(let id): ["services", .id(id), "records", "template"]
        case .survey(let code): ["s", .code(code)]
        case .surveyThanks(let code): ["s", .code(code), "terima-kasih"]
        case .surveyQR(let code): ["s", .code(code), "qr.svg"]
        case .surveyPoster(let code): ["s", .code(code), "poster"]
        case .skmReport: ["skm"]
        case .skmFollowUp: ["skm", "follow-up"]
        case .skmPublish: ["skm", "publish"]
        case .skmWithdraw: ["skm", "withdraw"]
        case .skmPublic(let id): ["transparansi", "skm", .id(id)]
        case .impact: ["impact"]
        case .transparency: ["transparansi"]
        case .employeePerformance(let id): ["employees", .id(id), "performance"]
        case .accountData: ["akun", "data"]
        case .accountDataDownload: ["akun", "data.json"]
        case .accountTokens: ["akun", "token"]
        case .accountTokenRevoke(let id): ["akun", "token", .init("tokenID", id), "cabut"]
        case .accountPassword: ["akun", "password"]
        case .accountEmail: ["akun", "email"]
        case .settingsTestMail: ["admin", "settings", "test-mail"]
        case .kiosks: ["services", "kiosks"]
        case .kioskRevoke(let id): ["services", "kiosks", .init("kid", id), "revoke"]
        case .serviceStandards(let id): ["services", .id(id), "standards"]
        case .serviceStandardNew(let id): ["services", .id(id), "standards", "new"]
        case .holidays: ["admin", "holidays"]
        case .holidayDelete(let id): ["admin", "holidays", .id(id), "delete"]
        case .complaints: ["complaints"]
        case .complaint(let id): ["complaints", .id(id)]
        case .complaintReply(let id): ["complaints", .id(id), "reply"]
        case .complaintTransition(let id): ["complaints", .id(id), "transition"]
        case .complaintForm(let code): ["s", .code(code), "pengaduan"]
        case .complaintLookup: ["lacak"]
        case .complaintTrack(let code): ["lacak", .code(code)]
        case .serviceStandardDocument(let id): ["services", .id(id), "standar"]
        case .serviceStandardDocumentEdit(let id): ["services", .id(id), "standar", "ubah"]
        case .publicStandard(let code): ["s", .code(code), "standar"]
        case .publicStandardPoster(let code): ["s", .code(code), "standar", "poster"]
        case .serviceStandardsExport: ["services", "standar", "ekspor"]
        case .serviceStandardsImport: ["services", "standar", "impor"]
        }
    }
}
