import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

@Suite("Report access")
struct ReportAccessTests {
    @Test func reportsAreForAdminOperatorsAndAssessors() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            for username in ["atasan", "pegawai", "lpk"] {
                let web = try await WebClient.login(app, username)
                #expect(try await web.get("/reports/heat-map").status == .forbidden, "\(username)")
                #expect(try await web.get("/reports/jpm?format=csv").status == .forbidden, "\(username)")
            }
            // An operator's heat map covers their own OPD, whatever unit they ask for.
            let op = try await WebClient.login(app, "operator.a")
            let own = try await op.get("/reports/heat-map?format=csv").body.string
            #expect(own.contains("Dinas Kependudukan dan Pencatatan Sipil"))
            #expect(!own.contains("Dinas Kesehatan"))
            #expect(try await op.get("/reports/heat-map?unit=\(world.opdB.id!)").status == .forbidden)
            let asesor = try await WebClient.login(app, "asesor")
            #expect(try await asesor.get("/reports/jpm").status == .ok)
        }
    }

    @Test func exportsFollowTheSameScope() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let op = try await WebClient.login(app, "operator.a")
            let csv = try await op.get("/exports/employees?format=csv").body.string
            #expect(csv.contains("Yohanes Benu") && csv.contains("Maria Fanggidae"))
            #expect(!csv.contains("Debora Ndun"), "another OPD's employee")
            #expect(!csv.contains("Marthen Manafe"), "another instansi's employee")
            let badFormat = try await op.get("/exports/employees?format=pdf")
            #expect(badFormat.status == .badRequest)
        }
    }
}
