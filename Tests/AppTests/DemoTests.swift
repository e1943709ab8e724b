import Fluent
import Foundation
import KompetenCore
import Testing
import VaporTesting

@testable import App

@Suite("Bootstrap and demo data")
struct DemoTests {
    @Test func firstStartCreatesAdminAndDemoLoadsKotaKupang() async throws {
        try await withTestApp { app in
            let generated = try await Bootstrap.ensureAdmin(app)
            #expect(generated?.count == 16, "no KOMPETEN_ADMIN_PASSWORD: a random password is generated")
            #expect(try await Bootstrap.ensureAdmin(app) == nil, "only on first start")
            _ = try await APIClient.login(app, "admin", password: generated!)

            let summary = try await DemoLoader.load(app, scale: .city)
            #expect(summary.hasPrefix("1 instansi"))
            let units = try await Unit.query(on: app.db).all()
            #expect(units.filter { $0.unitKind == .kecamatan }.count == 6)
            let kelurahan = units.filter { $0.unitKind == .kelurahan }
            #expect(kelurahan.count == 51)
            let kecamatanIDs = Set(units.filter { $0.unitKind == .kecamatan }.map(\.id!))
            #expect(kelurahan.allSatisfy { kecamatanIDs.contains($0.parentID!) && kecamatanIDs.contains($0.opdID) })
            let employees = try await Employee.query(on: app.db).count()
            #expect((6_500...7_500).contains(employees))
            let sample = try await Employee.query(on: app.db).limit(200).all()
            #expect(sample.allSatisfy { (try? NIP.parse($0.nip).get()) != nil })

            for username in [
                "superadmin", "operator.dukcapil", "operator.bkppd", "atasan.dukcapil", "pegawai.dukcapil", "asesor",
                "lpk.bpsdmd", "sekda",
            ] {
                _ = try await APIClient.login(app, username, password: DemoLoader.demoPassword)
            }
            // Issue 17, on the demo's today: the CPNS cohort (5 passed Latsar, 3 in Angkatan II, 1
            // missed it) and recently appointed officials (DemoMandatory's table), 12 months each.
            let city = try #require(
                try await Instansi.query(on: app.db).filter(\.$code == Bootstrap.firstInstansiCode).first()?.id)
            let mandatory = try await MandatoryTrainingQueries.items(
                .init(instansiID: city, unitIDs: nil, employeeID: nil), today: SimpleDate(iso: "2026-11-29")!,
                on: app.db)
            func tally(_ kind: MandatoryKind) -> [Int] {
                let of = mandatory.filter { $0.requirement.kind == kind }.map(\.requirement.status)
                return [MandatoryStatus.due, .overdue, .done].map { s in of.filter { $0 == s }.count }
            }
            #expect(tally(.latsar) == [3, 1, 5])
            #expect(tally(.pkp) == [2, 2, 1])
            #expect(tally(.pka) == [1, 1, 1])
            #expect(tally(.pkn2) == [1, 0, 0])
            let cpns = try await Employee.query(on: app.db).filter(\.$cpnsTMT != nil).all()
            #expect(cpns.count == 9 && cpns.allSatisfy { (try? NIP.parse($0.nip).get()) != nil })

            // Issue 19: BKPPD's saved column mapping for the SIASN employee export.
            let operatorBKPPD = try await APIClient.login(app, "operator.bkppd", password: DemoLoader.demoPassword)
            let mappings = try await operatorBKPPD.send(.GET, "/api/v1/import-mappings?kind=employees")
            let saved = try #require(
                JSONSerialization.jsonObject(with: Data(buffer: mappings.body)) as? [[String: Any]])
            #expect(saved.map { $0["name"] as? String } == ["Ekspor SIASN"])
            #expect((saved.first?["columns"] as? [String: String])?["nip"] == "NIP BARU")

            // The demo supervisor's subordinates include the demo employee.
            let atasan = try await User.query(on: app.db).filter(\.$username == "atasan.dukcapil").first()!
            let pegawai = try await User.query(on: app.db).filter(\.$username == "pegawai.dukcapil").first()!
            #expect(try await Employee.find(pegawai.employeeID, on: app.db)?.supervisorID == atasan.employeeID)

            // Issue 18: every service has a standar pelayanan; KTP-el two versions with real dictionary codes.
            let services = try await PublicService.query(on: app.db).all()
            let documented = Set(try await ServiceStandardDocument.query(on: app.db).all().map(\.serviceID))
            #expect(services.allSatisfy { documented.contains($0.id!) })
            let ktp = try #require(services.first { $0.code == "DUKCAPIL-KTP" })
            let operatorAPI = try await APIClient.login(app, "operator.dukcapil", password: DemoLoader.demoPassword)
            let standard = try await operatorAPI.send(.GET, "/api/v1/services/\(ktp.id!)/standard")
            let body = try #require(JSONSerialization.jsonObject(with: Data(buffer: standard.body)) as? [String: Any])
            #expect(body["version"] as? Int == 2)
            let rows = try #require((body["components"] as? [String: Any])?["kompetensiPelaksana"] as? [[String: Any]])
            #expect(rows.map { $0["competencyCode"] as? String } == ["T.ADMDUK", "M.5"])
            #expect(rows.allSatisfy { $0["competencyName"] as? String != nil })
            #expect(
                ((body["components"] as? [String: Any])?["biaya"] as? String)?.hasPrefix("Tidak dipungut biaya") == true
            )

            // Disdukcapil published the previous quarter's SKM report (Q3 2026; the demo's today is
            // 30 October 2026) with its follow-up table; this quarter's report shows that plan's status.
            let published = try await SKMReportRecord.query(on: app.db).all()
            #expect(published.map(\.periodFrom) == ["2026-07-01"] && published.first?.state == "terbit")
            let dukcapil = try #require(units.first { $0.code == "DUKCAPIL" }?.id)
            let operatorDukcapil = try await APIClient.login(
                app, "operator.dukcapil", password: DemoLoader.demoPassword)
            struct Report: Decodable {
                struct Action: Decodable { let status: String }
                let previousFollowUp: [Action]
                let respondents: Int
            }
            let q4 = try await operatorDukcapil.send(
                .GET, "/api/v1/units/\(dukcapil)/skm-report?kind=triwulan&from=2026-10-01&to=2026-10-30"
            ).json(Report.self)
            #expect(q4.previousFollowUp.map(\.status) == ["selesai", "berjalan", "selesai", "berjalan"])
            let snapshot = try #require(published.first?.snapshot)
            #expect(snapshot.contains("\"respondents\":") && !snapshot.contains("\"saran\""))

            try await Self.partnersTellTheirStory(app)
            try await Self.chartsTellTheirStory(app, adminPassword: generated!)
            // Issue 17: the 2026 development plan, adopted by the Sekda (designated PPK) with its
            // decree; completed enrolments carry actual costs, so budget was absorbed; one planned
            // item was not held and one activity was not planned.
            struct Plans: Decodable {
                struct Plan: Decodable {
                    let id: UUID
                    let year: Int, status: String
                    let decreeNumber: String?
                }
                let items: [Plan]
            }
            struct Figures: Decodable { let participants: Int, jp: Int, budget: Int }
            struct Realisation: Decodable {
                struct Item: Decodable { let id: UUID }
                let planned: Figures, realised: Figures
                let notDone: [Item]
                let unplanned: [Figures]
            }
            let sekda = try await APIClient.login(app, "sekda", password: DemoLoader.demoPassword)
            let plans = try await sekda.send(.GET, "/api/v1/development-plans").json(Plans.self).items
            let plan2026 = try #require(plans.first { $0.year == 2026 })
            #expect(plan2026.status == "ditetapkan" && plan2026.decreeNumber == "188.45/123/KEP/HK/2026")
            let realisation = try await sekda.send(.GET, "/api/v1/development-plans/\(plan2026.id)/realisation")
                .json(Realisation.self)
            #expect(realisation.planned.budget > 0 && realisation.realised.budget > 0)
            #expect(realisation.realised.participants > 0 && realisation.realised.jp > 0)
            #expect(realisation.notDone.count >= 1 && realisation.unplanned.count >= 1)

            // Issue 19: the demo logins have example addresses and no SMTP host; the digest's dry
            // run (with a host) would mail the supervisor, whose notices wait unread.
            #expect(app.kompeten.config.smtp == nil)
            let addressed = try await User.query(on: app.db).filter(\.$email != nil).all()
            #expect(Set(addressed.map(\.username)) == Set(DemoAccounts.addressed))
            #expect(addressed.allSatisfy { $0.email == "\($0.username)@kupangkota.go.id" })
            let preview = try await DigestService.run(
                app,
                smtp: SMTPConfig(
                    host: "smtp.kupangkota.go.id", port: 587, sender: "kompeten@kupangkota.go.id", security: .starttls),
                transport: SMTPTransport(config: .init(host: "127.0.0.1", port: 1, sender: "x@y.id", security: .none)),
                at: testNow, dryRun: true)
            #expect(preview.previews.contains { $0.to == "atasan.dukcapil@kupangkota.go.id" })
            #expect(preview.sent == 0)

            await #expect(throws: (any Error).self) { _ = try await DemoLoader.load(app, scale: .city) }
        }
    }

    /// Issue 19 on the city demo: the monitoring page's JPM trend offers every OPD in its select
    /// and opens on the first small chart; there is one small chart per OPD, ordered by change
    /// with the largest fall (or the smallest rise) first, and both charts carry their tables.
    static func chartsTellTheirStory(_ app: Application, adminPassword: String) async throws {
        let web = try await WebClient.login(app, "admin", password: adminPassword)
        let html = try await web.get(SiteURL.monitoring.path).body.string
        func between(_ text: String, _ start: String, _ end: String) -> [String] {
            text.components(separatedBy: start).dropFirst().map { $0.components(separatedBy: end)[0] }
        }
        let select = between(html, "<select id=\"trend-opd\" name=\"opd\">", "</select>").first ?? ""
        let options = select.components(separatedBy: "<option").count - 1
        #expect(options >= 40, "an option per OPD: \(options)")
        let selected = between(select, "\" selected>", "</option>")
        let names = between(html, "<span class=\"sm-name\"><a href=\"", "</a>").map {
            $0.components(separatedBy: "\">").last ?? ""
        }
        #expect(names.count == options)
        #expect(selected.count == 1 && selected.first == names.first)
        let changes = between(html, "<span class=\"sm-change\">", "</span>").compactMap {
            Double(
                $0.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "+", with: "")
                    .replacingOccurrences(of: ",", with: "."))
        }
        #expect(!changes.isEmpty && changes == changes.sorted(), "largest fall first: \(changes.prefix(5))")
        #expect(html.components(separatedBy: "<summary>Tabel data</summary>").count - 1 == 2)
    }

    /// Issue 17 (partners), seen on 29 November 2026: every provider under a PKS to 2028 except
    /// LPK Sasando Prima, whose PKS ended 31 December 2025 while its 2026 courses ran (flagged),
    /// and LAN's MoU ending 15 February 2027 (78 days: "akan berakhir"); government programmes
    /// carry LAN's programme accreditation.
    static func partnersTellTheirStory(_ app: Application) async throws {
        struct Agreement: Decodable { let number: String, kind: String, status: String }
        struct Uncovered: Decodable { let startDate: String }
        struct List: Decodable { let items: [Agreement], uncoveredBatches: [Uncovered] }
        let bkppd = try await APIClient.login(app, "operator.bkppd", password: DemoLoader.demoPassword)
        let providers = try await Provider.query(on: app.db).all()
        #expect(providers.count == 8)
        #expect(try await ProviderAgreement.query(on: app.db).count() == 9)
        var flagged: [String: Int] = [:]
        for p in providers {
            let list = try await bkppd.send(.GET, "/api/v1/providers/\(p.id!)/agreements").json(List.self)
            flagged[p.code] = list.uncoveredBatches.count
            switch p.code {
            case "LPK-SASANDO":
                #expect(list.items.map(\.status) == ["berakhir"])
                #expect(list.uncoveredBatches.allSatisfy { $0.startDate > "2025-12-31" })
            case "LAN-PUSLATBANG-KMP":
                #expect(list.items.map(\.kind) == ["pks", "mou"])
                #expect(list.items.map(\.status) == ["berlaku", "akan_berakhir"])
            default:
                #expect(list.items.map(\.status) == ["berlaku"], "\(p.code)")
            }
        }
        #expect(flagged["LPK-SASANDO", default: 0] >= 3)
        #expect(flagged.filter { $0.key != "LPK-SASANDO" }.values.allSatisfy { $0 == 0 })
        let programmes = try await Programme.query(on: app.db).all()
        let bpsdmd = try #require(providers.first { $0.code == "BPSDMD-NTT" }?.id)
        #expect(
            programmes.filter { $0.providerID == bpsdmd && $0.form != "pendidikan" }.allSatisfy {
                $0.lanAccreditation == "A"
            })
        #expect(programmes.contains { $0.lanAccreditation == "belum" })
    }
}
