import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

/// Issue 15 item 15: on the monitoring page a JPM change is labelled as measured level 2/3
/// evidence, and L4 sits on the unit's service results (IKM, on time) only.
@Suite("Monitoring: Kirkpatrick labels")
struct MonitoringLabelTests {
    @Test func jpmChangeIsL2L3AndServicesAreL4() async throws {
        try await withTestApp { app in
            _ = try await World.make(on: app)
            let web = try await WebClient.login(app, "admin")
            let page = try await web.get("/monitoring")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(!html.contains("L4: hasil di unit"))
            #expect(!html.contains("adalah evaluasi level 4"))
            #expect(html.contains("Tren JPM per OPD — L2/L3: kompetensi terukur (pembelajaran dan perilaku)"))
            #expect(html.contains("Perubahan JPM (L2/L3)"))
            #expect(html.contains("IKM awal → akhir (L4)") && html.contains("Tepat waktu awal → akhir (L4)"))
            // The download says the same.
            let csv = try await web.get("/monitoring?table=opd&format=csv").body.string
            #expect(csv.contains("Perubahan JPM (L2/L3)") && csv.contains("IKM awal → akhir (L4)"))
        }
    }
}
