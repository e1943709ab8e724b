import Foundation
import KompetenCore

/// Every page URL, in one typed place: links, redirects and form actions are built from it.
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
    case employeeNew
    case employeeEdit(UUID)
    case employeeAssessmentNew(UUID)
    case employeeAssessments
    case evidence(UUID)
    case reports
    case heatMap
    case jpmDistribution
    case gapList
    case imports
    case importTemplate(String)
    case settings
    case providers
    case providerNew
    case providerEdit(UUID)
    case programmes
    case programme(UUID)
    case programmeNew
    case programmeEdit(UUID)
    case batch(UUID)
    case needs
    case assessmentNeeds
    case plans
    case plan(UUID)
    case employeePlans(UUID)
    case jpCompliance
    case annualPlan
    case learningNew(UUID)
    case evaluations
    case evaluate(UUID, level: Int)
    case batchTests(UUID)
    case reassessments
    case monitoring
    case talent
    case services
    case service(UUID)
    case serviceNew
    case serviceEdit(UUID)
    case serviceResponses(UUID)
    case servicePaper(UUID)
    case serviceRecords(UUID)
    case survey(String)
    case surveyThanks(String)
    case surveyQR(String)
    case skmReport
    case impact
    case transparency
    case employeePerformance(UUID)
    case accountData
    case accountTokens
    case accountPassword
    case kiosks
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

    var path: String {
        switch self {
        case .home: "/"
        case .login(let next):
            if let next, next != "/", LoginRedirect.isSafe(next) {
                "/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/")"
            } else {
                "/login"
            }
        case .logout: "/logout"
        case .units: "/units"
        case .unit(let id): "/units/\(id.uuidString)"
        case .unitNew(let parent): parent.map { "/units/new?parent=\($0.uuidString)" } ?? "/units/new"
        case .unitEdit(let id): "/units/\(id.uuidString)/edit"
        case .unitDelete(let id): "/units/\(id.uuidString)/delete"
        case .employees: "/employees"
        case .employee(let id): "/employees/\(id.uuidString)"
        case .users: "/admin/users"
        case .userNew: "/admin/users/new"
        case .userEdit(let id): "/admin/users/\(id.uuidString)/edit"
        case .userPassword(let id): "/admin/users/\(id.uuidString)/password"
        case .audit: "/admin/audit"
        case .instansiList: "/superadmin/instansi"
        case .instansiNew: "/superadmin/instansi/new"
        case .competencies: "/competencies"
        case .competency(let id): "/competencies/\(id.uuidString)"
        case .competencyNew: "/competencies/new"
        case .competencyEdit(let id): "/competencies/\(id.uuidString)/edit"
        case .competencyRetire(let id): "/competencies/\(id.uuidString)/retire"
        case .competencyDelete(let id): "/competencies/\(id.uuidString)/delete"
        case .positions: "/positions"
        case .position(let id): "/positions/\(id.uuidString)"
        case .positionNew(let unit): unit.map { "/positions/new?unit=\($0.uuidString)" } ?? "/positions/new"
        case .positionEdit(let id): "/positions/\(id.uuidString)/edit"
        case .positionCopy(let id): "/positions/\(id.uuidString)/copy-standard"
        case .positionBulk: "/positions/bulk-standards"
        case .employeeNew: "/employees/new"
        case .employeeEdit(let id): "/employees/\(id.uuidString)/edit"
        case .employeeAssessmentNew(let id): "/employees/\(id.uuidString)/assessments/new"
        case .employeeAssessments: "/assessments"
        case .evidence(let id): "/evidence/\(id.uuidString)"
        case .reports: "/reports"
        case .heatMap: "/reports/heat-map"
        case .jpmDistribution: "/reports/jpm"
        case .gapList: "/reports/gaps"
        case .imports: "/imports"
        case .importTemplate(let kind): "/imports/\(kind)/template"
        case .settings: "/admin/settings"
        case .providers: "/providers"
        case .providerNew: "/providers/new"
        case .providerEdit(let id): "/providers/\(id.uuidString)/edit"
        case .programmes: "/programs"
        case .programme(let id): "/programs/\(id.uuidString)"
        case .programmeNew: "/programs/new"
        case .programmeEdit(let id): "/programs/\(id.uuidString)/edit"
        case .batch(let id): "/batches/\(id.uuidString)"
        case .needs: "/development/needs"
        case .assessmentNeeds: "/development/assessment-needs"
        case .plans: "/plans"
        case .plan(let id): "/plans/\(id.uuidString)"
        case .employeePlans(let id): "/employees/\(id.uuidString)/plans"
        case .jpCompliance: "/development/jp"
        case .annualPlan: "/development/annual-plan"
        case .learningNew(let id): "/employees/\(id.uuidString)/learning/new"
        case .evaluations: "/evaluations"
        case .evaluate(let id, let level): "/enrolments/\(id.uuidString)/evaluate?level=\(level)"
        case .batchTests(let id): "/batches/\(id.uuidString)/tests"
        case .reassessments: "/reassessments"
        case .monitoring: "/monitoring"
        case .talent: "/talent"
        case .services: "/services"
        case .service(let id): "/services/\(id)"
        case .serviceNew: "/services/new"
        case .serviceEdit(let id): "/services/\(id)/edit"
        case .serviceResponses(let id): "/services/\(id)/responses"
        case .servicePaper(let id): "/services/\(id)/paper"
        case .serviceRecords(let id): "/services/\(id)/records"
        case .survey(let code): "/s/\(code)"
        case .surveyThanks(let code): "/s/\(code)/terima-kasih"
        case .surveyQR(let code): "/s/\(code)/qr.svg"
        case .skmReport: "/skm"
        case .impact: "/impact"
        case .transparency: "/transparansi"
        case .employeePerformance(let id): "/employees/\(id.uuidString)/performance"
        case .accountData: "/akun/data"
        case .accountTokens: "/akun/token"
        case .accountPassword: "/akun/password"
        case .kiosks: "/services/kiosks"
        case .serviceStandards(let id): "/services/\(id)/standards"
        case .serviceStandardNew(let id): "/services/\(id)/standards/new"
        case .holidays(let year): year.map { "/admin/holidays?year=\($0)" } ?? "/admin/holidays"
        case .holidayDelete(let id): "/admin/holidays/\(id)/delete"
        case .complaints: "/complaints"
        case .complaint(let id): "/complaints/\(id.uuidString)"
        case .complaintReply(let id): "/complaints/\(id.uuidString)/reply"
        case .complaintTransition(let id): "/complaints/\(id.uuidString)/transition"
        case .complaintForm(let code): "/s/\(code)/pengaduan"
        case .complaintLookup: "/lacak"
        case .complaintTrack(let code): "/lacak/\(code)"
        }
    }
}
