import Fluent
import KompetenCore
import Vapor

/// Fills the role-specific parts of the home page: the operator's worklist, BKPPD's attention
/// list, the assessor's and the training provider's queues.
enum HomeWorklist {
    /// The figure groups shared by the operator (their OPD) and BKPPD (the city).
    static func groups(_ c: WorklistQueries.Counts, unit: UUID?) -> [HomeFigureGroup] {
        let suffix = unit.map { "unit=\($0.uuidString)" }
        func href(_ path: String, _ query: String? = nil) -> String {
            let items = [query, suffix].compactMap { $0 }
            return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
        }
        // The OPD's own lists are already scoped to it: the operator's links need no unit.
        return [
            HomeFigureGroup(
                title: "Identifikasi kebutuhan",
                figures: [
                    HomeFigure(
                        id: "fig-assessment-needs", label: "Pegawai perlu asesmen (kompetensi standar belum dinilai)",
                        count: c.assessmentNeeds, href: href(SiteURL.assessmentNeeds.path))
                ]),
            HomeFigureGroup(
                title: "Pengembangan",
                figures: [
                    HomeFigure(
                        id: "fig-below-jp", label: "PNS di bawah 20 JP tahun ini", count: c.belowJP,
                        href: href(SiteURL.jpCompliance.path))
                ]),
            HomeFigureGroup(
                title: "Evaluasi",
                figures: [
                    HomeFigure(
                        id: "fig-overdue-l3", label: "Evaluasi L3 (atasan) terlambat", count: c.overdueBehaviour,
                        href: href(SiteURL.monitoringOverdue.path, "kind=behaviour")),
                    HomeFigure(
                        id: "fig-overdue-l1", label: "Evaluasi L1 (peserta) terlambat", count: c.overdueReaction,
                        href: href(SiteURL.monitoringOverdue.path, "kind=reaction")),
                    HomeFigure(
                        id: "fig-overdue-reassessment", label: "Penilaian ulang terlambat",
                        count: c.overdueReassessments, href: href(SiteURL.reassessments.path, "status=overdue")),
                ]),
            HomeFigureGroup(
                title: "Layanan publik",
                figures: [
                    HomeFigure(
                        id: "fig-complaints-new", label: "Pengaduan baru belum ditangani",
                        count: c.complaints[.received] ?? 0,
                        href: href(SiteURL.complaints.path, "status=\(ComplaintStatus.received.rawValue)")),
                    HomeFigure(
                        id: "fig-complaints-open", label: "Pengaduan sedang diproses",
                        count: c.complaints[.inProgress] ?? 0,
                        href: href(SiteURL.complaints.path, "status=\(ComplaintStatus.inProgress.rawValue)")),
                ]
                    + ServiceAttention.allCases.map { reason in
                        HomeFigure(
                            id: "fig-services-\(reason.rawValue)", label: "Layanan: " + reason.label,
                            count: c.services[reason] ?? 0,
                            href: href(SiteURL.services.path, "perhatian=\(reason.rawValue)"))
                    }),
        ]
    }

    static func `operator`(
        _ model: inout HomeModel, instansiID: UUID, opdID: UUID, today: SimpleDate, people: [JPQueries.Person]?,
        on db: any Database
    ) async throws {
        let counts = try await WorklistQueries.counts(
            instansiID: instansiID, opdID: opdID, today: today, people: people, on: db)
        model.groups = groups(counts, unit: nil)
        let waiting = try await WorklistQueries.waitingPlans(opdID: opdID, on: db)
        model.lists.append(
            HomeRowList(
                id: "rencana-menunggu", title: "Rencana pengembangan menunggu keputusan",
                rows: try waiting.map { w in
                    .init(
                        text: "\(w.name) — \(w.plan.year)", href: SiteURL.plan(try w.plan.requireID()).path,
                        detail: w.plan.planStatus == .submitted ? "menunggu atasan" : "menunggu BKPPD")
                }, empty: "Tidak ada rencana yang menunggu."))
        let flagged = try await WorklistQueries.flaggedResponses(instansiID: instansiID, opdID: opdID, on: db)
        model.lists.append(
            HomeRowList(
                id: "tanggapan-ditandai", title: "Tanggapan SKM yang ditandai untuk ditinjau",
                rows: try flagged.map { f in
                    .init(
                        text: f.service.name,
                        href: SiteURL.serviceResponses(try f.service.requireID()).path + "?flagged=1",
                        detail: "\(IndonesianFormat.integer(f.flagged)) tanggapan", figure: String(f.flagged))
                }, empty: "Tidak ada tanggapan yang ditandai."))
    }

    static func admin(
        _ model: inout HomeModel, instansiID: UUID, today: SimpleDate, people: [JPQueries.Person]?, on db: any Database
    ) async throws {
        var jp = people ?? []
        if people == nil {
            jp = try await JPQueries.people(instansiID: instansiID, unitIDs: nil, year: today.year, on: db)
        }
        let counts = try await WorklistQueries.counts(
            instansiID: instansiID, opdID: nil, today: today, people: jp, on: db)
        model.groups = groups(counts, unit: nil)
        let lowest = try await WorklistQueries.lowestJPM(instansiID: instansiID, limit: 5, on: db)
        let below = try await WorklistQueries.largestBelowJP(instansiID: instansiID, people: jp, limit: 5, on: db)
        model.ranks = [
            HomeRankTable(
                id: "opd-lowest-jpm", title: "OPD dengan JPM rata-rata terendah", valueHeader: "JPM rata-rata",
                detailHeader: "Dinilai",
                rows: lowest.map {
                    .init(
                        name: $0.name, href: SiteURL.jpmDistribution.path + "?unit=\($0.opdID.uuidString)",
                        value: IndonesianFormat.decimal($0.value) + " %",
                        detail: "\(IndonesianFormat.integer($0.count)) dari \(IndonesianFormat.integer($0.of))",
                        figure: nil)
                }),
            HomeRankTable(
                id: "opd-below-jp", title: "OPD dengan bagian PNS di bawah 20 JP terbesar (\(today.year))",
                valueHeader: "Di bawah 20 JP", detailHeader: "PNS",
                rows: below.map {
                    .init(
                        name: $0.name, href: SiteURL.jpCompliance.path + "?unit=\($0.opdID.uuidString)",
                        value: IndonesianFormat.decimal($0.value * 100, digits: 1) + " %",
                        detail: "\(IndonesianFormat.integer($0.count)) dari \(IndonesianFormat.integer($0.of))",
                        figure: String($0.count))
                }),
        ]
        if let plan = try await WorklistQueries.planAbsorption(instansiID: instansiID, year: today.year, on: db) {
            model.planAbsorption = HomeFigure(
                id: "fig-plan-absorption",
                label:
                    "Penyerapan anggaran rencana \(today.year) (\(InstansiPlanStatus(rawValue: plan.plan.status)?.label ?? plan.plan.status))",
                value: "\(plan.percent) %", href: SiteURL.instansiPlanRealisation(try plan.plan.requireID()).path)
        }
    }

    static func assessor(_ model: inout HomeModel, instansiID: UUID, today: SimpleDate, on db: any Database)
        async throws
    {
        var figures: [HomeFigure] = []
        for (status, label) in [
            (ReassessmentQueries.Status.overdue, "Penilaian ulang terlambat"),
            (.open, "Penilaian ulang jatuh tempo"), (.upcoming, "Penilaian ulang mendatang"),
        ] {
            figures.append(
                HomeFigure(
                    id: "fig-reassessment-\(status.rawValue)", label: label,
                    count: try await ReassessmentQueries.count(
                        instansiID: instansiID, unitIDs: nil, status: status, today: today, on: db),
                    href: SiteURL.reassessments.path + "?status=\(status.rawValue)", alarming: status != .upcoming))
        }
        model.groups = [HomeFigureGroup(title: "Penilaian ulang", figures: figures)]
        let recent = try await PartnerHomeQueries.recentAssessments(instansiID: instansiID, limit: 10, on: db)
        model.lists.append(
            HomeRowList(
                id: "asesmen-terbaru", title: "Asesmen yang baru dicatat",
                rows: recent.map { r in
                    .init(
                        text: r.employee, href: SiteURL.employee(r.assessment.employeeID).path,
                        detail: "\(r.assessment.assessmentMethod.label), "
                            + (SimpleDate(iso: r.assessment.assessedOn).map(IndonesianFormat.date)
                                ?? r.assessment.assessedOn)
                            + " — \(r.assessment.assessorName)")
                }, empty: "Belum ada asesmen."))
    }

    static func provider(
        _ model: inout HomeModel, providerID: UUID, instansiID: UUID, today: SimpleDate, on db: any Database
    ) async throws {
        let batches = try await PartnerHomeQueries.providerBatches(
            providerID: providerID, instansiID: instansiID, today: today, on: db)
        func dates(_ b: Batch) -> String {
            let f = { (iso: String) in SimpleDate(iso: iso).map(IndonesianFormat.date) ?? iso }
            return "\(f(b.startDate)) – \(f(b.endDate))"
        }
        model.lists.append(
            HomeRowList(
                id: "gelombang-mendatang", title: "Gelombang mendatang",
                rows: try batches.upcoming.map { b in
                    .init(
                        text: "\(b.programme) — \(b.batch.name)", href: SiteURL.batch(try b.batch.requireID()).path,
                        detail: dates(b.batch))
                }, empty: "Tidak ada gelombang yang akan dimulai."))
        model.lists.append(
            HomeRowList(
                id: "peserta-dicatat", title: "Gelombang selesai dengan peserta yang belum dicatat",
                rows: try batches.toRecord.map { b in
                    .init(
                        text: "\(b.programme) — \(b.batch.name)", href: SiteURL.batch(try b.batch.requireID()).path,
                        detail: "\(IndonesianFormat.integer(b.toRecord)) peserta belum dicatat kehadiran dan hasilnya")
                }, empty: "Semua peserta gelombang yang selesai sudah dicatat."))
    }
}
