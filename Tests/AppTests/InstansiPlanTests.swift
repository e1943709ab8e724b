import Fluent
import Foundation
import KompetenCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// The instansi's annual development plan (Ps 207) through the API: the state machine by role,
/// the lock after adoption and numbered revisions, and plan vs realisation on a hand-built
/// example. Runs on SQLite and, with KOMPETEN_TEST_POSTGRES_URL, on PostgreSQL.
@Suite("Instansi development plan (Ps 207)")
struct InstansiPlanTests {
    struct PlanJSON: Decodable {
        struct Figures: Decodable, Equatable {
            let participants: Int, jp: Int, budget: Int
        }
        struct Item: Decodable {
            let id: UUID
            let title: String
        }
        struct Revision: Decodable {
            let number: Int
            let reason: String
        }
        let id: UUID
        let year: Int
        let status: String
        let revision: Int
        let decreeNumber: String?
        let items: [Item]
        let totals: Figures
        let revisions: [Revision]
        let transitions: [String]
    }
    struct RealisationJSON: Decodable {
        struct Figures: Decodable, Equatable {
            let participants: Int, jp: Int, budget: Int
        }
        struct Quarter: Decodable {
            let quarter: Int
            let planned: Figures, realised: Figures
        }
        struct OPD: Decodable {
            let opdId: UUID
            let planned: Figures, realised: Figures
        }
        struct Unplanned: Decodable {
            let opdId: UUID, programId: UUID
            let participants: Int, jp: Int, budget: Int
        }
        struct Item: Decodable { let id: UUID }
        let planned: Figures
        let realised: Figures
        let absorptionPercent: Int
        let byOpd: [OPD]
        let byQuarter: [Quarter]
        let notDone: [Item]
        let unplanned: [Unplanned]
    }

    static func item(opd: UUID, title: String, programme: UUID?, participants: Int, jp: Int, cost: Int, quarter: Int)
        -> InstansiPlanItemInput
    {
        InstansiPlanItemInput(
            opdId: opd, title: title, form: "klasikal", path: "KL03", quarter: quarter, month: nil,
            participants: participants, targetGroup: "Pelaksana pelayanan", jp: jp, cost: cost, competencyId: nil,
            programId: programme, providerId: nil)
    }

    /// The principal of a World user, for the service calls the API has no route for.
    static func principal(_ world: World, _ name: String) -> Principal {
        let u = world.users[name]!
        return Principal(
            userID: u.id!, username: u.username, role: Role(rawValue: u.role)!, instansiID: u.instansiID,
            opdID: u.unitID, employeeID: u.employeeID)
    }

    @Test func stateMachineByRoleLockAndRevisions() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await APIClient.login(app, "admin")
            let operatorA = try await APIClient.login(app, "operator.a")
            let pegawai = try await APIClient.login(app, "pegawai")
            let atasan = try await APIClient.login(app, "atasan")

            // Only BKPPD creates; the body of a refused role is not read.
            #expect(
                try await operatorA.send(.POST, "/api/v1/development-plans", raw: #"{"year":"x"}"#).status
                    == .forbidden)
            let created = try await admin.send(
                .POST, "/api/v1/development-plans",
                json: InstansiPlanCreateInput(
                    year: 2026, budget: 10_000_000, source: nil,
                    ceilings: [.init(opdId: world.opdA.id!, amount: 5_000_000)]))
            #expect(created.status == .created, "\(created.body.string)")
            let plan = try created.json(PlanJSON.self)
            #expect(plan.status == "draf" && plan.revision == 0 && plan.transitions == ["diusulkan"])
            // One plan per instansi per year.
            #expect(
                try await admin.send(.POST, "/api/v1/development-plans", raw: #"{"year":2026,"budget":1}"#).status
                    == .conflict)
            // Reading: BKPPD and operators yes; an employee no. A malformed id is a 422.
            #expect(try await operatorA.send(.GET, "/api/v1/development-plans/\(plan.id)").status == .ok)
            #expect(try await pegawai.send(.GET, "/api/v1/development-plans/\(plan.id)").status == .forbidden)
            #expect(try await admin.send(.GET, "/api/v1/development-plans/bukan-uuid").status == .unprocessableEntity)
            #expect(
                try await APIClient.login(app, "admin.lain").send(.GET, "/api/v1/development-plans/\(plan.id)").status
                    == .notFound)

            // Items while draf: BKPPD only (an operator reads but may not edit: 409, as the issue says).
            let base = "/api/v1/development-plans/\(plan.id)"
            let item = Self.item(
                opd: world.opdA.id!, title: "Pelayanan Prima", programme: nil, participants: 2, jp: 24,
                cost: 3_000_000, quarter: 4)
            #expect(try await operatorA.send(.POST, "\(base)/items", json: item).status == .conflict)
            let added = try await admin.send(.POST, "\(base)/items", json: item)
            #expect(added.status == .created, "\(added.body.string)")
            var bad = item
            bad.quarter = 5
            bad.path = "NKL01"
            let refused = try await admin.send(.POST, "\(base)/items", json: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("quarter") && refused.body.string.contains("path"))

            // Over the OPD ceiling (Rp 6,000,000 > Rp 5,000,000): proposing is refused, then fixed.
            var big = item
            big.cost = 3_000_001
            big.title = "Bimtek SIAK"
            let second = try await admin.send(.POST, "\(base)/items", json: big).json(PlanJSON.Item.self)
            let over = try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"diusulkan"}"#)
            #expect(over.status == .conflict && over.body.string.contains("pagu"))
            #expect(try await admin.send(.DELETE, "\(base)/items/\(second.id)").status == .noContent)

            // draf → ditetapkan does not exist; operator and employee may not propose.
            #expect(
                try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"ditetapkan","decreeNumber":"1"}"#)
                    .status == .conflict)
            #expect(
                try await operatorA.send(.POST, "\(base)/transition", raw: #"{"to":"diusulkan"}"#).status == .conflict)
            #expect(
                try await pegawai.send(.POST, "\(base)/transition", raw: #"{"to":"diusulkan"}"#).status == .forbidden)
            #expect(
                try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"selesai"}"#).status
                    == .unprocessableEntity)
            #expect(try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"diusulkan"}"#).status == .ok)
            // Proposed: items are locked for everyone.
            #expect(try await admin.send(.POST, "\(base)/items", json: item).status == .conflict)

            // No PPK designated: nobody adopts, not even BKPPD.
            #expect(
                try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"ditetapkan","decreeNumber":"1"}"#)
                    .status == .conflict)
            // The admin designates the Sekda's login (atasan) as PPK; the PPK now reads the plan.
            try await InstansiPlanPPK.designate(
                world.users["atasan"]!.id!, actor: Self.principal(world, "admin"), at: testNow, on: app.db)
            #expect(try await atasan.send(.GET, base).json(PlanJSON.self).transitions == ["ditetapkan", "draf"])
            #expect(
                try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"ditetapkan","decreeNumber":"1"}"#)
                    .status == .conflict)
            let blank = try await atasan.send(
                .POST, "\(base)/transition", raw: #"{"to":"ditetapkan","decreeNumber":"  "}"#)
            #expect(blank.status == .unprocessableEntity && blank.body.string.contains("decreeNumber"))

            // Two clicks at once: one adopts, the other is a 409.
            let decree = #"{"to":"ditetapkan","decreeNumber":"188.45/123/KEP/HK/2026","decreeDate":"2026-11-27"}"#
            async let first = atasan.send(.POST, "\(base)/transition", raw: decree)
            async let again = atasan.send(.POST, "\(base)/transition", raw: decree)
            let statuses = [try await first.status, try await again.status].map(\.code).sorted()
            #expect(statuses == [200, 409])
            let adopted = try await admin.send(.GET, base).json(PlanJSON.self)
            #expect(adopted.status == "ditetapkan" && adopted.decreeNumber == "188.45/123/KEP/HK/2026")
            #expect(adopted.transitions.isEmpty)

            // Locked: every edit is a 409.
            #expect(try await admin.send(.POST, "\(base)/items", json: item).status == .conflict)
            #expect(try await admin.send(.PUT, "\(base)/items/\(adopted.items[0].id)", json: item).status == .conflict)
            #expect(try await admin.send(.DELETE, "\(base)/items/\(adopted.items[0].id)").status == .conflict)
            #expect(
                try await admin.send(.PUT, "\(base)/budget", raw: #"{"budget":1,"ceilings":[]}"#).status == .conflict)
            #expect(try await atasan.send(.POST, "\(base)/transition", raw: #"{"to":"draf"}"#).status == .conflict)

            // Revision 1: BKPPD with a reason; the adopted version stays readable.
            #expect(
                try await operatorA.send(.POST, "\(base)/revisions", raw: #"{"reason":"APBD-P"}"#).status == .conflict)
            #expect(
                try await admin.send(.POST, "\(base)/revisions", raw: #"{"reason":" "}"#).status == .unprocessableEntity
            )
            let revised = try await admin.send(.POST, "\(base)/revisions", raw: #"{"reason":"Perubahan APBD"}"#)
            #expect(revised.status == .created, "\(revised.body.string)")
            let r1 = try revised.json(PlanJSON.self)
            #expect(r1.status == "draf" && r1.revision == 1 && r1.decreeNumber == nil)
            #expect(r1.revisions.map(\.number) == [1] && r1.revisions[0].reason == "Perubahan APBD")
            let old = try await admin.send(.GET, "\(base)/revisions/1").json(PlanJSON.self)
            #expect(old.status == "ditetapkan" && old.decreeNumber == "188.45/123/KEP/HK/2026" && old.revision == 0)
            #expect(try await admin.send(.GET, "\(base)/revisions/2").status == .notFound)
            // The revision is edited, proposed and adopted again; the next revision is number 2.
            #expect(try await admin.send(.PUT, "\(base)/items/\(adopted.items[0].id)", json: item).status == .ok)
            #expect(try await admin.send(.POST, "\(base)/transition", raw: #"{"to":"diusulkan"}"#).status == .ok)
            #expect(
                try await atasan.send(
                    .POST, "\(base)/transition", raw: #"{"to":"ditetapkan","decreeNumber":"188.45/200/KEP/HK/2026"}"#
                )
                .status == .ok)
            let r2 = try await admin.send(.POST, "\(base)/revisions", raw: #"{"reason":"Pergeseran anggaran"}"#)
                .json(PlanJSON.self)
            #expect(r2.revision == 2 && r2.revisions.map(\.number) == [1, 2])
            #expect(
                try await admin.send(.GET, "\(base)/revisions/2").json(PlanJSON.self).decreeNumber
                    == "188.45/200/KEP/HK/2026")

            // Audit: the plan's creation, every transition (2 × propose, 2 × adopt) and both revisions.
            let entries = try await AuditEntry.query(on: app.db).all()
            #expect(entries.filter { $0.entity == "instansi_plan" && $0.action == "create" }.count == 1)
            #expect(entries.filter { $0.entity == "instansi_plan" && $0.action == "update" }.count == 4)
            #expect(entries.filter { $0.entity == "instansi_plan_revision" }.count == 2)
            #expect(entries.filter { $0.entity == "instansi_ppk" }.count == 1)
        }
    }

    /// Plan: Dukcapil 3 × "Pelayanan Prima" (24 JP, Rp 4,500,000) in Q4; Dinkes 2 × "Kerja Sama
    /// Tim" (16 JP, Rp 1,500,000) in Q3. Done: two Dukcapil staff completed Pelayanan Prima
    /// (actual Rp 1,400,000 and Rp 1,600,000; the batch ends 29 November, Q4); one Dinkes
    /// employee completed it too (Rp 1,500,000) — not in Dinkes's plan; nobody did Kerja Sama Tim.
    @Test func planAgainstRealisationOnAHandBuiltExample() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let c = try await DevelopmentTests.catalogue(app)
            let batch = try await DevelopmentTests.batch(app, c.publicService.id, capacity: 10)
            let admin = try await APIClient.login(app, "admin")
            let plan = try await admin.send(
                .POST, "/api/v1/development-plans", raw: #"{"year":2026,"budget":20000000}"#
            ).json(PlanJSON.self)
            let base = "/api/v1/development-plans/\(plan.id)"
            let prima = try await admin.send(
                .POST, "\(base)/items",
                json: Self.item(
                    opd: world.opdA.id!, title: "Pelayanan Prima", programme: c.publicService.id, participants: 3,
                    jp: 24,
                    cost: 4_500_000, quarter: 4))
            #expect(prima.status == .created, "\(prima.body.string)")
            let team = try await admin.send(
                .POST, "\(base)/items",
                json: Self.item(
                    opd: world.opdB.id!, title: "Kerja Sama Tim", programme: c.teamwork.id, participants: 2, jp: 16,
                    cost: 1_500_000, quarter: 3)
            ).json(PlanJSON.Item.self)

            struct Made: Decodable { let id: UUID }
            for (employee, cost) in [(world.staffA, 1_400_000), (world.headA, 1_600_000), (world.staffB, 1_500_000)] {
                let e = try await admin.send(
                    .POST, "/api/v1/batches/\(batch.id)/enrolments", raw: #"{"employeeId":"\#(employee.id!)"}"#
                ).json(Made.self)
                let done = try await admin.send(
                    .POST, "/api/v1/enrolments/\(e.id)/complete",
                    raw: #"{"certificateNumber":"SERT/\#(cost)","attendancePercent":100}"#)
                #expect(done.status == .ok, "\(done.body.string)")
                let costed = try await admin.send(
                    .PUT, "/api/v1/enrolments/\(e.id)/actual-cost", raw: #"{"actualCost":\#(cost)}"#)
                #expect(costed.status == .ok && costed.body.string.contains("\"actualCost\":\(cost)"))
            }
            // A negative cost names the field; an employee may not record costs.
            #expect(
                try await admin.send(
                    .PUT, "/api/v1/enrolments/\(UUID())/actual-cost", raw: #"{"actualCost":1}"#
                ).status == .notFound)

            let r = try await admin.send(.GET, "\(base)/realisation").json(RealisationJSON.self)
            // Planned: 3 + 2 = 5 people; 3 × 24 + 2 × 16 = 104 JP; Rp 6,000,000.
            #expect(r.planned == .init(participants: 5, jp: 104, budget: 6_000_000))
            // Realised (Dukcapil's Pelayanan Prima only): 2 people, 48 JP, Rp 3,000,000 — 50 %.
            #expect(r.realised == .init(participants: 2, jp: 48, budget: 3_000_000))
            #expect(r.absorptionPercent == 50)
            let q4 = try #require(r.byQuarter.first { $0.quarter == 4 })
            #expect(q4.planned == .init(participants: 3, jp: 72, budget: 4_500_000))
            #expect(q4.realised == .init(participants: 2, jp: 48, budget: 3_000_000))
            let q3 = try #require(r.byQuarter.first { $0.quarter == 3 })
            #expect(q3.planned == .init(participants: 2, jp: 32, budget: 1_500_000))
            #expect(q3.realised == .init(participants: 0, jp: 0, budget: 0))
            #expect(r.byOpd.first { $0.opdId == world.opdB.id! }?.realised == .init(participants: 0, jp: 0, budget: 0))
            #expect(r.notDone.map(\.id) == [team.id])
            #expect(r.unplanned.count == 1)
            #expect(r.unplanned.first?.opdId == world.opdB.id! && r.unplanned.first?.programId == c.publicService.id)
            #expect(r.unplanned.first.map { [$0.participants, $0.jp, $0.budget] } == [1, 24, 1_500_000])
            // The page shows the same figures.
            let page = try await WebClient.login(app, "admin").get(SiteURL.instansiPlanRealisation(plan.id).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Rp 3.000.000") && page.body.string.contains("50 %"))
            // The batch page shows and records the actual cost; a cost that is not a number changes nothing.
            let web = try await WebClient.login(app, "admin")
            let batchPage = try await web.get(SiteURL.batch(batch.id).path).body.string
            #expect(batchPage.contains("Catat biaya") && batchPage.contains("Rp 1.400.000"))
            let staffA = try #require(
                try await Enrolment.query(on: app.db).filter(\.$employeeID == world.staffA.id!).first())
            _ = try await web.post(SiteURL.enrolmentActualCost(staffA.id!).path, ["actualCost": "satu juta"])
            #expect(try await Enrolment.find(staffA.id, on: app.db)?.actualCost == 1_400_000)
            _ = try await web.post(SiteURL.enrolmentActualCost(staffA.id!).path, ["actualCost": "1.450.000"])
            #expect(try await Enrolment.find(staffA.id, on: app.db)?.actualCost == 1_450_000)
            _ = try await web.post(SiteURL.enrolmentActualCost(staffA.id!).path, ["actualCost": "1400000"])
            // The monitoring page of 2026 shows the same plan against its realisation.
            let monitoring = try await WebClient.login(app, "admin").get(
                SiteURL.monitoring.path + "?from=2026-01-01&to=2026-11-29"
            ).body.string
            #expect(monitoring.contains("id=\"plan-realisation\"") && monitoring.contains("serapan 50 %"))
            #expect(monitoring.contains(SiteURL.instansiPlanRealisation(plan.id).path))
            let workbook = try await WebClient.login(app, "admin").get(
                SiteURL.instansiPlanRealisation(plan.id).path + "?format=xlsx")
            #expect(workbook.status == .ok)
            #expect(workbook.headers.contentType?.description.contains("spreadsheetml") == true)
        }
    }

    /// The pages: a bad item keeps what was typed and names the field (422); the buttons follow
    /// the rule (BKPPD proposes, only the PPK adopts); the printable sheet carries the legal basis
    /// and the signature block with the decree; the XLSX keeps numbers as numbers.
    @Test func pagesFormsButtonsPrintAndExport() async throws {
        try await withTestApp { app in
            let world = try await World.make(on: app)
            let admin = try await WebClient.login(app, "admin")
            let created = try await admin.post(
                SiteURL.instansiPlans.path, ["year": "2026", "budget": "50000000", "source": "empty"])
            #expect(created.status == .seeOther || created.status == .found, "\(created.status)")
            let plan = try #require(try await InstansiPlan.query(on: app.db).first())
            let id = try plan.requireID()
            let typed = try await admin.post(
                SiteURL.instansiPlanItems(id).path,
                [
                    "opdId": world.opdA.id!.uuidString, "title": "Bimtek Pelayanan KTP-el", "form": "klasikal",
                    "path": "KL10", "quarter": "2", "participants": "dua puluh", "jp": "16", "cost": "12000000",
                ])
            #expect(typed.status == .unprocessableEntity)
            #expect(typed.body.string.contains("Jumlah peserta harus angka."))
            #expect(typed.body.string.contains("value=\"Bimtek Pelayanan KTP-el\""))
            let added = try await admin.post(
                SiteURL.instansiPlanItems(id).path,
                [
                    "opdId": world.opdA.id!.uuidString, "title": "Bimtek Pelayanan KTP-el", "form": "klasikal",
                    "path": "KL10", "quarter": "2", "participants": "20", "jp": "16", "cost": "12000000",
                ])
            #expect(added.status == .seeOther || added.status == .found)
            // Editing the item: a bad cost comes back as typed (422), a good one saves.
            let item = try #require(try await InstansiPlanItem.query(on: app.db).first())
            let edit = SiteURL.instansiPlanItemEdit(id, item: try item.requireID()).path
            #expect(try await admin.get(edit).body.string.contains("value=\"12000000\""))
            var fields = [
                "opdId": world.opdA.id!.uuidString, "title": "Bimtek Pelayanan KTP-el", "form": "klasikal",
                "path": "KL10", "quarter": "2", "participants": "20", "jp": "16", "cost": "12 juta",
            ]
            let wrong = try await admin.post(edit, fields)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("value=\"12 juta\""))
            fields["cost"] = "12000000"
            fields["participants"] = "25"
            #expect(try await admin.post(edit, fields).status == .seeOther)
            #expect(try await InstansiPlanItem.find(item.id, on: app.db)?.participants == 25)
            fields["participants"] = "20"
            _ = try await admin.post(edit, fields)
            // An operator reads the plan but may not edit it: sent back before the form is read.
            let operatorA = try await WebClient.login(app, "operator.a")
            let notHers = try await operatorA.post(SiteURL.instansiPlanBudget(id).path, ["budget": "x"])
            #expect(notHers.status == .seeOther)
            #expect(try await InstansiPlan.find(id, on: app.db)?.budget == 50_000_000)
            // A ceiling that is not a number: named, and the form keeps what was typed.
            let ceiling = "ceiling_\(world.opdA.id!.uuidString)"
            let refused = try await admin.post(
                SiteURL.instansiPlanBudget(id).path, ["budget": "60000000", ceiling: "lima juta"])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains("Pagu harus angka") && refused.body.string.contains("value=\"lima juta\""))
            #expect(refused.body.string.contains("value=\"60000000\""))
            let page = try await admin.get(SiteURL.instansiPlan(id).path).body.string
            #expect(page.contains("id=\"transition-diusulkan\"") && !page.contains("id=\"transition-ditetapkan\""))
            #expect(page.contains("Rp 12.000.000"))
            // 20 × 16 = 320 JP.
            #expect(page.contains(">320<"))
            _ = try await admin.post(SiteURL.instansiPlanTransition(id).path, ["to": "diusulkan"])
            try await InstansiPlanPPK.designate(
                world.users["atasan"]!.id!, actor: Self.principal(world, "admin"), at: testNow, on: app.db)
            let ppk = try await WebClient.login(app, "atasan")
            #expect(
                try await ppk.get(SiteURL.instansiPlan(id).path).body.string.contains("id=\"transition-ditetapkan\""))
            let blank = try await ppk.post(
                SiteURL.instansiPlanTransition(id).path, ["to": "ditetapkan", "decreeNumber": ""])
            #expect(blank.status == .unprocessableEntity && blank.body.string.contains("Nomor keputusan wajib diisi"))
            _ = try await ppk.post(
                SiteURL.instansiPlanTransition(id).path,
                ["to": "ditetapkan", "decreeNumber": "188.45/9/KEP/HK/2026", "decreeDate": "2026-02-02"])
            let sheet = try await ppk.get(SiteURL.instansiPlanPrint(id).path).body.string
            #expect(sheet.contains("Pasal 207") && sheet.contains("Nomor 10 Tahun 2018"))
            #expect(sheet.contains("188.45/9/KEP/HK/2026") && sheet.contains("2 Februari 2026"))
            #expect(sheet.contains("class=\"plan-print\"") && sheet.contains("id=\"plan-signature\""))
            let xlsx = try await ppk.get(SiteURL.instansiPlanPrint(id).path + "?format=xlsx")
            #expect(xlsx.headers.contentType?.description.contains("spreadsheetml") == true)
            // An employee reaches none of it.
            #expect(try await WebClient.login(app, "pegawai").get(SiteURL.instansiPlan(id).path).status == .forbidden)
        }
    }
}
