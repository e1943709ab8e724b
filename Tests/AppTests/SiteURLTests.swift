import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Every `SiteURL` is a registered route, and every page route has its `SiteURL`: a link, a redirect or a
/// form action cannot point at nothing, and a page cannot be added with a URL typed by hand.
@Suite("SiteURL and the routes")
struct SiteURLTests {
    /// One name per `SiteURL` case. `page(of:)` switches over `SiteURL` without a `default`, so a new case
    /// does not compile until it is named here, and then `sample(_:)` does not compile until it has a sample.
    enum Page: CaseIterable {
        case home, login, logout, units, unit, unitNew, unitEdit, unitDelete, employees, employee, users, userNew
        case userEdit, userPassword, userTokens, userTokensRevoke, audit, instansiList, instansiNew, competencies
        case competency, competencyNew, competencyEdit, competencyRetire, competencyDelete, positions, position
        case positionNew, positionEdit, positionCopy, positionBulk, employeeNew, employeeEdit, employeeNIK
        case employeeAssessmentNew, employeeAssessments, evidence, reports, heatMap, jpmDistribution, gapList, imports
        case importTemplate, importUpload, export, settings, providers, providerNew, providerEdit, programmes
        case programme, programmeNew, programmeEdit, programmeBatches, batch, batchEnrolments, enrolmentCancel
        case enrolmentAttendance, enrolmentComplete, needs, assessmentNeeds, plans, planBulkApprove, plan, planItems
        case planItemDelete, planTransition, employeePlans, jpCompliance, annualPlan, annualPlanAdopt, learningNew
        case employeeLearning, learningDecision, evaluations, evaluate, batchTests, batchTestsTemplate
        case batchTestsImport, reassessments, monitoring, monitoringRebuild, monitoringOverdue, talent, services
        case service, serviceNew, serviceEdit, serviceResponses, serviceResponseReject, serviceResponseRestore
        case servicePaper, servicePaperTemplate, servicePaperImport, serviceRecords, serviceRecordsTemplate, survey
        case surveyThanks, surveyQR, surveyPoster, skmReport, skmFollowUp, impact, transparency, employeePerformance
        case skmPublish, skmWithdraw, skmPublic
        case accountData, accountDataDownload, accountTokens, accountTokenRevoke, accountPassword, kiosks, kioskRevoke
        case serviceStandards, serviceStandardNew, holidays, holidayDelete, complaints, complaint, complaintReply
        case complaintTransition, complaintForm, complaintLookup, complaintTrack, serviceStandardDocument
        case serviceStandardDocumentEdit, publicStandard, publicStandardPoster, serviceStandardsExport
        case serviceStandardsImport
        case positionJobAnalysis, positionJobAnalysisEdit, workload, positionSuccessors, positionKeyMark
        case notifications, notificationRead, notificationsReadAll, mandatoryTraining, positionTargetFor
        case provider, providerAgreements, providerAgreementNew, providerAgreementEdit, providerAgreementDelete
        case providerAgreementFile, uncoveredBatches
        case instansiPlans, instansiPlanPPK, instansiPlan, instansiPlanItems, instansiPlanItemDelete, instansiPlanBudget
        case instansiPlanTransition, instansiPlanRevisions, instansiPlanPrint, instansiPlanRealisation
        case enrolmentActualCost, instansiPlanItemEdit, accountEmail, settingsTestMail
        case importMapping, importMappings, importMappingDelete
    }

    static func page(of url: SiteURL) -> Page {
        switch url {
        case .home: .home
        case .login: .login
        case .logout: .logout
        case .units: .units
        case .unit: .unit
        case .unitNew: .unitNew
        case .unitEdit: .unitEdit
        case .unitDelete: .unitDelete
        case .employees: .employees
        case .employee: .employee
        case .users: .users
        case .userNew: .userNew
        case .userEdit: .userEdit
        case .userPassword: .userPassword
        case .userTokens: .userTokens
        case .userTokensRevoke: .userTokensRevoke
        case .audit: .audit
        case .instansiList: .instansiList
        case .instansiNew: .instansiNew
        case .competencies: .competencies
        case .competency: .competency
        case .competencyNew: .competencyNew
        case .competencyEdit: .competencyEdit
        case .competencyRetire: .competencyRetire
        case .competencyDelete: .competencyDelete
        case .positions: .positions
        case .position: .position
        case .positionNew: .positionNew
        case .positionEdit: .positionEdit
        case .positionCopy: .positionCopy
        case .positionBulk: .positionBulk
        case .positionJobAnalysis: .positionJobAnalysis
        case .positionJobAnalysisEdit: .positionJobAnalysisEdit
        case .workload: .workload
        case .positionSuccessors: .positionSuccessors
        case .positionKeyMark: .positionKeyMark
        case .positionTargetFor: .positionTargetFor
        case .notifications: .notifications
        case .notificationRead: .notificationRead
        case .notificationsReadAll: .notificationsReadAll
        case .instansiPlans: .instansiPlans
        case .instansiPlanPPK: .instansiPlanPPK
        case .instansiPlan: .instansiPlan
        case .instansiPlanItems: .instansiPlanItems
        case .instansiPlanItemDelete: .instansiPlanItemDelete
        case .instansiPlanBudget: .instansiPlanBudget
        case .instansiPlanTransition: .instansiPlanTransition
        case .instansiPlanRevisions: .instansiPlanRevisions
        case .instansiPlanPrint: .instansiPlanPrint
        case .instansiPlanRealisation: .instansiPlanRealisation
        case .employeeNew: .employeeNew
        case .employeeEdit: .employeeEdit
        case .employeeNIK: .employeeNIK
        case .employeeAssessmentNew: .employeeAssessmentNew
        case .employeeAssessments: .employeeAssessments
        case .evidence: .evidence
        case .reports: .reports
        case .heatMap: .heatMap
        case .jpmDistribution: .jpmDistribution
        case .gapList: .gapList
        case .imports: .imports
        case .importTemplate: .importTemplate
        case .importUpload: .importUpload
        case .importMapping: .importMapping
        case .importMappings: .importMappings
        case .importMappingDelete: .importMappingDelete
        case .export: .export
        case .settings: .settings
        case .providers: .providers
        case .providerNew: .providerNew
        case .providerEdit: .providerEdit
        case .provider: .provider
        case .providerAgreements: .providerAgreements
        case .providerAgreementNew: .providerAgreementNew
        case .providerAgreementEdit: .providerAgreementEdit
        case .providerAgreementDelete: .providerAgreementDelete
        case .providerAgreementFile: .providerAgreementFile
        case .uncoveredBatches: .uncoveredBatches
        case .programmes: .programmes
        case .programme: .programme
        case .programmeNew: .programmeNew
        case .programmeEdit: .programmeEdit
        case .programmeBatches: .programmeBatches
        case .batch: .batch
        case .batchEnrolments: .batchEnrolments
        case .enrolmentCancel: .enrolmentCancel
        case .enrolmentAttendance: .enrolmentAttendance
        case .enrolmentActualCost: .enrolmentActualCost
        case .instansiPlanItemEdit: .instansiPlanItemEdit
        case .enrolmentComplete: .enrolmentComplete
        case .needs: .needs
        case .assessmentNeeds: .assessmentNeeds
        case .plans: .plans
        case .planBulkApprove: .planBulkApprove
        case .plan: .plan
        case .planItems: .planItems
        case .planItemDelete: .planItemDelete
        case .planTransition: .planTransition
        case .employeePlans: .employeePlans
        case .jpCompliance: .jpCompliance
        case .mandatoryTraining: .mandatoryTraining
        case .annualPlan: .annualPlan
        case .annualPlanAdopt: .annualPlanAdopt
        case .learningNew: .learningNew
        case .employeeLearning: .employeeLearning
        case .learningDecision: .learningDecision
        case .evaluations: .evaluations
        case .evaluate: .evaluate
        case .batchTests: .batchTests
        case .batchTestsTemplate: .batchTestsTemplate
        case .batchTestsImport: .batchTestsImport
        case .reassessments: .reassessments
        case .monitoring: .monitoring
        case .monitoringRebuild: .monitoringRebuild
        case .monitoringOverdue: .monitoringOverdue
        case .talent: .talent
        case .services: .services
        case .service: .service
        case .serviceNew: .serviceNew
        case .serviceEdit: .serviceEdit
        case .serviceResponses: .serviceResponses
        case .serviceResponseReject: .serviceResponseReject
        case .serviceResponseRestore: .serviceResponseRestore
        case .servicePaper: .servicePaper
        case .servicePaperTemplate: .servicePaperTemplate
        case .servicePaperImport: .servicePaperImport
        case .serviceRecords: .serviceRecords
        case .serviceRecordsTemplate: .serviceRecordsTemplate
        case .survey: .survey
        case .surveyThanks: .surveyThanks
        case .surveyQR: .surveyQR
        case .surveyPoster: .surveyPoster
        case .skmReport: .skmReport
        case .skmFollowUp: .skmFollowUp
        case .skmPublish: .skmPublish
        case .skmWithdraw: .skmWithdraw
        case .skmPublic: .skmPublic
        case .impact: .impact
        case .transparency: .transparency
        case .employeePerformance: .employeePerformance
        case .accountData: .accountData
        case .accountDataDownload: .accountDataDownload
        case .accountTokens: .accountTokens
        case .accountTokenRevoke: .accountTokenRevoke
        case .accountPassword: .accountPassword
        case .accountEmail: .accountEmail
        case .settingsTestMail: .settingsTestMail
        case .kiosks: .kiosks
        case .kioskRevoke: .kioskRevoke
        case .serviceStandards: .serviceStandards
        case .serviceStandardNew: .serviceStandardNew
        case .holidays: .holidays
        case .holidayDelete: .holidayDelete
        case .complaints: .complaints
        case .complaint: .complaint
        case .complaintReply: .complaintReply
        case .complaintTransition: .complaintTransition
        case .complaintForm: .complaintForm
        case .complaintLookup: .complaintLookup
        case .complaintTrack: .complaintTrack
        case .serviceStandardDocument: .serviceStandardDocument
        case .serviceStandardDocumentEdit: .serviceStandardDocumentEdit
        case .publicStandard: .publicStandard
        case .publicStandardPoster: .publicStandardPoster
        case .serviceStandardsExport: .serviceStandardsExport
        case .serviceStandardsImport: .serviceStandardsImport
        }
    }

    static let a = UUID(uuidString: "0A000000-0000-4000-8000-00000000000A")!
    static let b = UUID(uuidString: "0B000000-0000-4000-8000-00000000000B")!

    /// A URL of the page's case, and every method its route answers (a form posts back to its page's URL).
    static func sample(_ page: Page) -> (url: SiteURL, methods: [HTTPMethod]) {
        switch page {
        case .home: (.home, [.GET])
        case .login: (.login(next: "/employees?page=2"), [.GET, .POST])
        case .logout: (.logout, [.POST])
        case .units: (.units, [.GET, .POST])
        case .unit: (.unit(a), [.GET])
        case .unitNew: (.unitNew(parent: a), [.GET])
        case .unitEdit: (.unitEdit(a), [.GET, .POST])
        case .unitDelete: (.unitDelete(a), [.POST])
        case .employees: (.employees, [.GET, .POST])
        case .employee: (.employee(a), [.GET])
        case .users: (.users, [.GET, .POST])
        case .userNew: (.userNew, [.GET])
        case .userEdit: (.userEdit(a), [.GET, .POST])
        case .userPassword: (.userPassword(a), [.POST])
        case .userTokens: (.userTokens(a), [.GET])
        case .userTokensRevoke: (.userTokensRevoke(a), [.POST])
        case .audit: (.audit, [.GET])
        case .instansiList: (.instansiList, [.GET, .POST])
        case .instansiNew: (.instansiNew, [.GET])
        case .competencies: (.competencies, [.GET, .POST])
        case .competency: (.competency(a), [.GET])
        case .competencyNew: (.competencyNew, [.GET])
        case .competencyEdit: (.competencyEdit(a), [.GET, .POST])
        case .competencyRetire: (.competencyRetire(a), [.POST])
        case .competencyDelete: (.competencyDelete(a), [.POST])
        case .positions: (.positions, [.GET, .POST])
        case .position: (.position(a), [.GET])
        case .positionNew: (.positionNew(unit: a), [.GET])
        case .positionEdit: (.positionEdit(a), [.GET, .POST])
        case .positionCopy: (.positionCopy(a), [.POST])
        case .positionBulk: (.positionBulk, [.GET, .POST])
        case .positionJobAnalysis: (.positionJobAnalysis(a), [.GET])
        case .positionJobAnalysisEdit: (.positionJobAnalysisEdit(a), [.GET, .POST])
        case .workload: (.workload, [.GET])
        case .positionSuccessors: (.positionSuccessors(a), [.GET])
        case .positionKeyMark: (.positionKeyMark(a), [.POST])
        case .positionTargetFor: (.positionTargetFor(a), [.POST])
        case .notifications: (.notifications, [.GET])
        case .notificationRead: (.notificationRead("evaluasi.\(a.uuidString).1"), [.POST])
        case .notificationsReadAll: (.notificationsReadAll, [.POST])
        case .instansiPlans: (.instansiPlans, [.GET, .POST])
        case .instansiPlanPPK: (.instansiPlanPPK, [.POST])
        case .instansiPlan: (.instansiPlan(a), [.GET])
        case .instansiPlanItems: (.instansiPlanItems(a), [.POST])
        case .instansiPlanItemDelete: (.instansiPlanItemDelete(a, item: b), [.POST])
        case .instansiPlanBudget: (.instansiPlanBudget(a), [.POST])
        case .instansiPlanTransition: (.instansiPlanTransition(a), [.POST])
        case .instansiPlanRevisions: (.instansiPlanRevisions(a), [.POST])
        case .instansiPlanPrint: (.instansiPlanPrint(a), [.GET])
        case .instansiPlanRealisation: (.instansiPlanRealisation(a), [.GET])
        case .employeeNew: (.employeeNew, [.GET])
        case .employeeEdit: (.employeeEdit(a), [.GET, .POST])
        case .employeeNIK: (.employeeNIK(a), [.POST])
        case .employeeAssessmentNew: (.employeeAssessmentNew(a), [.GET])
        case .employeeAssessments: (.employeeAssessments(a), [.POST])
        case .evidence: (.evidence(a), [.GET])
        case .reports: (.reports, [.GET])
        case .heatMap: (.heatMap, [.GET])
        case .jpmDistribution: (.jpmDistribution, [.GET])
        case .gapList: (.gapList, [.GET])
        case .imports: (.imports, [.GET])
        case .importTemplate: (.importTemplate("employees"), [.GET])
        case .importUpload: (.importUpload("employees"), [.POST])
        case .importMapping: (.importMapping("employees"), [.POST])
        case .importMappings: (.importMappings("employees"), [.GET])
        case .importMappingDelete: (.importMappingDelete("employees", a), [.POST])
        case .export: (.export("employees"), [.GET])
        case .settings: (.settings, [.GET, .POST])
        case .providers: (.providers, [.GET, .POST])
        case .providerNew: (.providerNew, [.GET])
        case .providerEdit: (.providerEdit(a), [.GET, .POST])
        case .provider: (.provider(a), [.GET])
        case .providerAgreements: (.providerAgreements(a), [.POST])
        case .providerAgreementNew: (.providerAgreementNew(a), [.GET])
        case .providerAgreementEdit: (.providerAgreementEdit(a, agreement: b), [.GET, .POST])
        case .providerAgreementDelete: (.providerAgreementDelete(a, agreement: b), [.POST])
        case .providerAgreementFile: (.providerAgreementFile(a, agreement: b), [.GET])
        case .uncoveredBatches: (.uncoveredBatches, [.GET])
        case .programmes: (.programmes, [.GET, .POST])
        case .programme: (.programme(a), [.GET])
        case .programmeNew: (.programmeNew, [.GET])
        case .programmeEdit: (.programmeEdit(a), [.GET, .POST])
        case .programmeBatches: (.programmeBatches(a), [.POST])
        case .batch: (.batch(a), [.GET])
        case .batchEnrolments: (.batchEnrolments(a), [.POST])
        case .enrolmentCancel: (.enrolmentCancel(a), [.POST])
        case .enrolmentAttendance: (.enrolmentAttendance(a), [.POST])
        case .enrolmentActualCost: (.enrolmentActualCost(a), [.POST])
        case .instansiPlanItemEdit: (.instansiPlanItemEdit(a, item: b), [.GET, .POST])
        case .enrolmentComplete: (.enrolmentComplete(a), [.POST])
        case .needs: (.needs, [.GET])
        case .assessmentNeeds: (.assessmentNeeds, [.GET])
        case .plans: (.plans, [.GET])
        case .planBulkApprove: (.planBulkApprove, [.POST])
        case .plan: (.plan(a), [.GET])
        case .planItems: (.planItems(a), [.POST])
        case .planItemDelete: (.planItemDelete(a, item: b), [.POST])
        case .planTransition: (.planTransition(a), [.POST])
        case .employeePlans: (.employeePlans(a), [.GET, .POST])
        case .jpCompliance: (.jpCompliance, [.GET])
        case .mandatoryTraining: (.mandatoryTraining, [.GET])
        case .annualPlan: (.annualPlan, [.GET])
        case .annualPlanAdopt: (.annualPlanAdopt, [.POST])
        case .learningNew: (.learningNew(a), [.GET])
        case .employeeLearning: (.employeeLearning(a), [.POST])
        case .learningDecision: (.learningDecision(a), [.POST])
        case .evaluations: (.evaluations, [.GET])
        case .evaluate: (.evaluate(a, level: 2), [.GET, .POST])
        case .batchTests: (.batchTests(a), [.POST])
        case .batchTestsTemplate: (.batchTestsTemplate(a), [.GET])
        case .batchTestsImport: (.batchTestsImport(a), [.POST])
        case .reassessments: (.reassessments, [.GET])
        case .monitoring: (.monitoring, [.GET])
        case .monitoringRebuild: (.monitoringRebuild, [.POST])
        case .monitoringOverdue: (.monitoringOverdue, [.GET])
        case .talent: (.talent, [.GET])
        case .services: (.services, [.GET, .POST])
        case .service: (.service(a), [.GET, .POST])
        case .serviceNew: (.serviceNew, [.GET])
        case .serviceEdit: (.serviceEdit(a), [.GET])
        case .serviceResponses: (.serviceResponses(a), [.GET])
        case .serviceResponseReject: (.serviceResponseReject(a, response: b), [.POST])
        case .serviceResponseRestore: (.serviceResponseRestore(a, response: b), [.POST])
        case .servicePaper: (.servicePaper(a), [.GET, .POST])
        case .servicePaperTemplate: (.servicePaperTemplate(a), [.GET])
        case .servicePaperImport: (.servicePaperImport(a), [.POST])
        case .serviceRecords: (.serviceRecords(a), [.POST])
        case .serviceRecordsTemplate: (.serviceRecordsTemplate(a), [.GET])
        case .survey: (.survey("ABC123"), [.GET, .POST])
        case .surveyThanks: (.surveyThanks("ABC123"), [.GET])
        case .surveyQR: (.surveyQR("ABC123"), [.GET])
        case .surveyPoster: (.surveyPoster("ABC123"), [.GET])
        case .skmReport: (.skmReport, [.GET])
        case .skmFollowUp: (.skmFollowUp, [.POST])
        case .skmPublish: (.skmPublish, [.POST])
        case .skmWithdraw: (.skmWithdraw, [.POST])
        case .skmPublic: (.skmPublic(a), [.GET])
        case .impact: (.impact, [.GET])
        case .transparency: (.transparency, [.GET])
        case .employeePerformance: (.employeePerformance(a), [.GET, .POST])
        case .accountData: (.accountData, [.GET])
        case .accountDataDownload: (.accountDataDownload, [.GET])
        case .accountTokens: (.accountTokens, [.GET, .POST])
        case .accountTokenRevoke: (.accountTokenRevoke(a), [.POST])
        case .accountPassword: (.accountPassword, [.GET, .POST])
        case .accountEmail: (.accountEmail, [.GET, .POST])
        case .settingsTestMail: (.settingsTestMail, [.POST])
        case .kiosks: (.kiosks, [.GET, .POST])
        case .kioskRevoke: (.kioskRevoke(a), [.POST])
        case .serviceStandards: (.serviceStandards(a), [.POST])
        case .serviceStandardNew: (.serviceStandardNew(a), [.GET])
        case .holidays: (.holidays(year: 2026), [.GET, .POST])
        case .holidayDelete: (.holidayDelete(a), [.POST])
        case .complaints: (.complaints, [.GET])
        case .complaint: (.complaint(a), [.GET])
        case .complaintReply: (.complaintReply(a), [.POST])
        case .complaintTransition: (.complaintTransition(a), [.POST])
        case .complaintForm: (.complaintForm("dukcapil-ktp"), [.GET, .POST])
        case .complaintLookup: (.complaintLookup, [.GET])
        case .complaintTrack: (.complaintTrack("ADU-7K4M2Q9X"), [.GET])
        case .serviceStandardDocument: (.serviceStandardDocument(a), [.POST])
        case .serviceStandardDocumentEdit: (.serviceStandardDocumentEdit(a), [.GET])
        case .publicStandard: (.publicStandard("dukcapil-ktp"), [.GET])
        case .publicStandardPoster: (.publicStandardPoster("dukcapil-ktp"), [.GET])
        case .serviceStandardsExport: (.serviceStandardsExport, [.GET])
        case .serviceStandardsImport: (.serviceStandardsImport, [.POST])
        }
    }

    /// Routes that are no pages: the probes of the load balancer and the metrics scraper.
    static let notPages: Set<String> = ["/healthz", "/readyz", "/livez", "/metrics"]

    static func pattern(_ components: [PathComponent]) -> String {
        "/" + components.map(\.description).joined(separator: "/")
    }

    @Test func everySampleIsOfItsOwnCase() {
        for page in Page.allCases {
            #expect(Self.page(of: Self.sample(page).url) == page)
        }
    }

    @Test func patternNamesTheParametersTheControllersRead() {
        #expect(Self.pattern(SiteURL.home.pathComponents) == "/")
        #expect(
            Self.pattern(SiteURL.planItemDelete(Self.a, item: Self.b).pathComponents) == "/plans/:id/items/:item/delete"
        )
        #expect(Self.pattern(SiteURL.survey("ABC123").pathComponents) == "/s/:code")
        #expect(SiteURL.planItemDelete(Self.a, item: Self.b).path == "/plans/\(Self.a)/items/\(Self.b)/delete")
        #expect(SiteURL.evaluate(Self.a, level: 2).path == "/enrolments/\(Self.a)/evaluate?level=2")
        #expect(SiteURL.unitNew(parent: nil).path == "/units/new")
    }

    /// The router the app answers with, rebuilt from `app.routes.all` as Vapor's responder builds it.
    static func router(_ app: Application) -> TrieRouter<Route> {
        let router = TrieRouter(Route.self)
        for route in app.routes.all {
            router.register(route, at: [.constant(route.method.rawValue)] + route.path)
        }
        return router
    }

    @Test func everySiteURLResolvesToItsRouteAndBack() async throws {
        try await withTestApp { app in
            let router = Self.router(app)
            for page in Page.allCases {
                let (url, methods) = Self.sample(page)
                let path = url.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
                let segments = path.split(separator: "/").map(String.init)
                for method in methods {
                    var parameters = Parameters()
                    let route = router.route(path: [method.rawValue] + segments, parameters: &parameters)
                    #expect(route != nil, "\(method) \(url.path): no route")
                    guard let route else { continue }
                    #expect(Self.pattern(route.path) == Self.pattern(url.pathComponents), "\(method) \(url.path)")
                    // And back: each parameter the controller reads holds the value the link carries.
                    for (component, text) in zip(url.pathComponents, segments) {
                        if case .parameter(let name) = component {
                            #expect(parameters.get(name) == text, "\(name) in \(url.path)")
                        }
                    }
                }
                let registered = app.routes.all.filter { Self.pattern($0.path) == Self.pattern(url.pathComponents) }
                #expect(
                    Set(registered.map(\.method.rawValue)) == Set(methods.map(\.rawValue)),
                    "methods of \(Self.pattern(url.pathComponents))")
            }
        }
    }

    @Test func everyPageRouteHasASiteURL() async throws {
        try await withTestApp { app in
            let known = Set(
                Page.allCases.flatMap { page in
                    let (url, methods) = Self.sample(page)
                    return methods.map { "\($0.rawValue) \(Self.pattern(url.pathComponents))" }
                })
            let pages = app.routes.all.filter {
                $0.path.first?.description != "api" && !Self.notPages.contains(Self.pattern($0.path))
            }
            #expect(pages.count == known.count)
            for route in pages {
                let key = "\(route.method.rawValue) \(Self.pattern(route.path))"
                #expect(known.contains(key), "\(key) has no SiteURL case")
            }
        }
    }

    /// The links a template takes from its model: a field missing from the model (or from its
    /// `CodingKeys`) renders as an empty `href` or `action`, which no other test would notice.
    @Test func everyPageWithoutParametersRendersItsLinks() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            var rendered = 0
            for page in Page.allCases {
                let (url, methods) = Self.sample(page)
                let plain = url.pathComponents.allSatisfy { if case .constant = $0 { true } else { false } }
                guard plain, methods.contains(.GET) else { continue }
                let response = try await admin.get(url.path)
                guard response.status == .ok, response.headers.contentType == .html else { continue }
                rendered += 1
                let body = response.body.string
                #expect(!body.contains(#"href="""#) && !body.contains(#"action="""#), "\(url.path)")
            }
            #expect(rendered >= 30)
        }
    }
}
