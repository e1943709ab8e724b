import Vapor

/// Every route of the app, grouped by who may reach it.
func routes(_ app: Application) throws {
    app.get("healthz", use: HealthController.check)

    // Web pages: sessions, CSRF on every form.
    let web = app.grouped(CSRFMiddleware())
    let anonymous = web.grouped(SessionAuthMiddleware(requireLogin: false))
    AuthController.register(anonymous)
    let signedIn = web.grouped(SessionAuthMiddleware())
    signedIn.get(use: DashboardController.index)
    UnitsController.register(signedIn)
    EmployeesController.register(signedIn)
    UsersController.register(signedIn)
    AuditController.register(signedIn)
    InstansiController.register(signedIn)
    CompetenciesController.register(signedIn)
    PositionsController.register(signedIn)
    let uploadLimit = ByteCount(value: app.kompeten.config.uploadLimitMB * 1024 * 1024)
    AssessmentsController.register(signedIn, uploadLimit: uploadLimit)
    ReportsController.register(signedIn)
    SettingsController.register(signedIn)
    DataExports.register(signedIn)
    ProvidersController.register(signedIn)
    ProgrammesController.register(signedIn)
    BatchesController.register(signedIn, uploadLimit: uploadLimit)
    PlansController.register(signedIn)
    LearningController.register(signedIn, uploadLimit: uploadLimit)

    // JSON API: bearer tokens.
    let api = app.grouped("api", "v1")
    api.get("openapi.json", use: OpenAPIController.document)
    api.post("auth", "token", use: TokenAPIController.issue)
    let authed = api.grouped(BearerAuthMiddleware())
    UnitsAPIController.register(authed)
    UsersAPIController.register(authed)
    CompetenciesAPIController.register(authed)
    PositionsAPIController.register(authed)
    EmployeesAPIController.register(authed)
    ImportsController.register(signedIn, api: authed, uploadLimit: uploadLimit)
    ProvidersAPIController.register(authed)
    ProgrammesAPIController.register(authed)
    EnrolmentsAPIController.register(authed)
    PlansAPIController.register(authed)
    TNAController.register(signedIn, api: authed)
    JPComplianceController.register(signedIn, api: authed)
    AnnualPlanController.register(signedIn, api: authed)
    // Added last, once every route is known.
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes.all))
}
