import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Personal data under UU 27/2022: the NIK is masked until an admin asks for it (and that is
/// logged), and every user can download what Kompeten holds about them (`/akun/data`).
enum PrivacyController {
    static func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.post(SiteURL.employeeNIK(.routeParameter).pathComponents, use: revealNIK)
        web.get(SiteURL.accountData.pathComponents, use: page)
        web.get(SiteURL.accountDataDownload.pathComponents, use: download)
        api.get("me", "data", use: downloadAPI)
    }

    /// Shows the profile again with the full NIK; only an admin of the employee's instansi.
    static func revealNIK(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.revealNIK(actor).require()
        let employee = try await EmployeeQueries.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        try await AuditLog.record(
            .reveal, entity: "employee", id: employee.id, summary: "Membuka NIK lengkap \(employee.nip)",
            actor: actor, instansiID: employee.instansiID, at: req.now, on: req.db)
        let response = try await EmployeeProfilePage.render(req, employee, actor: actor, revealNIK: true)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct PageModel: Encodable {
        let downloadHref = SiteURL.accountDataDownload.path
        let hasEmployee: Bool
        let tables: [String]
    }

    static func page(req: Request) async throws -> Response {
        let actor = try req.actor
        return try await req.renderPage(
            "account/data", title: "Data Pribadi Saya", crumbs: [Crumb("Data saya")],
            PageModel(hasEmployee: actor.employeeID != nil, tables: PersonalData.employeeTables.map(\.label)))
    }

    static func download(req: Request) async throws -> Response {
        let response = try await downloadAPI(req: req)
        response.headers.setAttachment(filename: "data-pribadi-kompeten.json")
        return response
    }

    static func downloadAPI(req: Request) async throws -> Response {
        let actor = try req.actor
        let data = try await PersonalData.export(actor, on: try req.db.sql)
        try await AuditLog.record(
            .download, entity: "user", id: actor.userID, summary: "Mengunduh data pribadi sendiri",
            actor: actor, instansiID: actor.instansiID, at: req.now, on: req.db)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Everything stored about one person, as plain JSON: their account (without the password
/// hash) and, when the account is linked to an employee, the employee record and every row of
/// the tables that hold data about that employee.
enum PersonalData {
    static let employeeTables: [(table: String, label: String)] = [
        (EmployeeAssignment.schema, "Riwayat jabatan dan unit"),
        (Assessment.schema, "Penilaian kompetensi"),
        (CurrentLevel.schema, "Level kompetensi terkini"),
        (DevelopmentPlan.schema, "Rencana pengembangan"),
        (Enrolment.schema, "Keikutsertaan pelatihan"),
        (JPCredit.schema, "Jam pelajaran (JP)"),
        (LearningRecord.schema, "Pembelajaran mandiri"),
        (ReassessmentDue.schema, "Jadwal penilaian ulang"),
        (EvaluationRecord.schema, "Evaluasi pelatihan"),
        (PerformanceRating.schema, "Penilaian kinerja (SKP)"),
    ]

    static func export(_ actor: Principal, on sql: any SQLDatabase) async throws -> Data {
        var out: [String: Any] = ["dibuat": ISO8601DateFormatter().string(from: Date())]
        out["akun"] = try await rows(
            sql.select().columns(
                "id", "username", "role", "instansi_id", "unit_id", "employee_id", "is_active", "created_at",
                "last_login_at"
            )
            .from(User.schema).where("id", .equal, SQLBind(actor.userID)).all()
        ).first
        if let employeeID = actor.employeeID {
            out["pegawai"] = try await rows(
                sql.select().columns("*").from(Employee.schema).where("id", .equal, SQLBind(employeeID)).all()
            ).first
            var related: [String: Any] = [:]
            for (table, _) in employeeTables {
                related[table] = try await rows(
                    sql.select().columns("*").from(table).where("employee_id", .equal, SQLBind(employeeID)).limit(
                        10_000
                    ).all())
            }
            let assessments = try await sql.select().column("id").from(Assessment.schema).where(
                "employee_id", .equal, SQLBind(employeeID)
            ).all()
                .compactMap { try? $0.decode(column: "id", as: UUID.self) }
            if !assessments.isEmpty {
                related[AssessmentResult.schema] = try await rows(
                    sql.select().columns("*").from(AssessmentResult.schema)
                        .where("assessment_id", .in, SQLBind.group(assessments)).all())
            }
            out["data_terkait"] = related
        }
        return try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys])
    }

    /// Each column as the first type it decodes as; what decodes as none is left out.
    private static func rows(_ rows: [any SQLRow]) -> [[String: Any]] {
        rows.map { row in
            var object: [String: Any] = [:]
            for column in row.allColumns {
                if (try? row.decodeNil(column: column)) == true {
                    object[column] = NSNull()
                    continue
                }
                if let v = try? row.decode(column: column, as: Int.self) {
                    object[column] = v
                } else if let v = try? row.decode(column: column, as: Double.self) {
                    object[column] = v
                } else if let v = try? row.decode(column: column, as: Bool.self) {
                    object[column] = v
                } else if let v = try? row.decode(column: column, as: UUID.self) {
                    object[column] = v.uuidString
                } else if let v = try? row.decode(column: column, as: Date.self) {
                    object[column] = ISO8601DateFormatter().string(from: v)
                } else if let v = try? row.decode(column: column, as: String.self) {
                    object[column] = v
                }
            }
            return object
        }
    }
}
