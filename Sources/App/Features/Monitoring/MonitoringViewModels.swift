import Foundation
import KompetenCore
import KompetenFormats

/// The monitoring page: headline figures, the JPM trend per OPD (L2/L3 evidence: measured
/// competency before/after where training happened; L4 is the unit's service results beside it), gap closure and the areas still needing work, programme and provider
/// effectiveness, overdue evaluations and re-assessments. Every figure links to its list.
struct MonitoringPageModel: Encodable {
    let filterAction = SiteURL.monitoring.path
    let rebuildAction = SiteURL.monitoringRebuild.path
    let impactHref = SiteURL.impact.path
    /// The instansi plan of the period's year against its realisation (Ps 207), when there is one.
    var planPanel: InstansiPlanPanel? = nil
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Stat: Encodable {
        let label: String
        let value: String
        let note: String
        let href: String
        let id: String
    }
    struct OPDRow: Encodable {
        let name: String, href: String, jpmStart: String, jpmEnd: String, change: String, rising: Bool
        let trained: String, overdueL3: String, overdueL3Href: String, overdueReassessment: String,
            overdueReassessmentHref: String
        /// L4 (the unit's service results): IKM and on-time share in the period's first and last quarter ("—" without services).
        let ikm: String, onTime: String
    }
    struct CompetencyRow: Encodable {
        let code: String
        let name: String
        let start: String
        let end: String
        let closed: String
        let withGap: String
        let weighted: String
        let href: String
    }
    struct ProgrammeRow: Encodable {
        let code: String, title: String, provider: String, href: String, n: String, l1: String, l2: String, l3: String,
            l3self: String, raised: String
        let verdict: String, verdictCode: String
    }
    struct ProviderRow: Encodable {
        let name: String
        let programmes: String
        let n: String
        let l1: String
        let l2: String
        let l3: String
        let raised: String
        let verdict: String
    }
    struct Exports: Encodable {
        let opd: String
        let competencies: String
        let programmes: String
        let providers: String
    }
    /// Which Kirkpatrick level each part of the OPD table is evidence of (KirkpatrickEvidence).
    struct Levels: Encodable {
        let jpm = KirkpatrickEvidence.jpmChange.label, jpmTag = KirkpatrickEvidence.jpmChange.levelTag
        let services = KirkpatrickEvidence.unitServiceResults.label,
            servicesTag = KirkpatrickEvidence.unitServiceResults.levelTag
    }

    let from: String, to: String
    let periodLabel: String
    let scopeName: String
    let unitOptions: [Option]
    let stats: [Stat]
    let trend: MonitoringTrend
    let historyNote: String
    let opdRows: [OPDRow]
    let areas: [CompetencyRow]
    let competencies: [CompetencyRow]
    let programmes: [ProgrammeRow]
    let providers: [ProviderRow]
    let canRebuild: Bool
    let exports: Exports
    let levels = Levels()

    /// The downloadable tables, by the `table=` parameter.
    let tables: [String: Table]
    enum CodingKeys: String, CodingKey {
        case from, to, periodLabel, scopeName, unitOptions, stats, trend, historyNote, opdRows, areas, competencies,
            programmes, providers, canRebuild, exports, levels, filterAction, rebuildAction, impactHref, planPanel
    }

    private static func pair(_ a: Double?, _ b: Double?, _ f: (Double) -> String) -> String {
        a == nil && b == nil ? "—" : "\(a.map(f) ?? "—") → \(b.map(f) ?? "—")"
    }
    private static func decimal(_ x: Double?, _ digits: Int = 2) -> String {
        x.map { IndonesianFormat.decimal($0, digits: digits) } ?? "—"
    }
    private static func percent(_ x: Double?) -> String {
        x.map { IndonesianFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—"
    }

    init(
        report r: MonitoringReport, scope: ReportScope, unitParam: String, chosenOPD: UUID?, canRebuild: Bool,
        baseQuery: String
    ) {
        let f = IndonesianFormat.self
        from = r.period.from.iso
        to = r.period.to.iso
        periodLabel = "\(f.date(r.period.from)) – \(f.date(r.period.to))"
        scopeName = scope.base.map { _ in r.opds.first?.name ?? "" } ?? "Seluruh instansi"
        unitOptions =
            [Option(value: "", label: scope.base == nil ? "Seluruh instansi" : "—", selected: unitParam.isEmpty)]
            + scope.tree.roots.compactMap { scope.tree.node($0) }.map {
                Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == unitParam)
            }
        self.canRebuild = canRebuild
        let unitQuery = unitParam.isEmpty ? "" : "&unit=\(unitParam)"
        let gaps = r.gapTotals()
        stats = Self.stats(r, gaps: gaps, unitParam: unitParam, unitQuery: unitQuery)
        trend = MonitoringTrend(report: r, chosen: chosenOPD)
        historyNote =
            r.computedAt.map { "Riwayat dihitung ulang dari seluruh hasil penilaian pada \(f.date(WITA.today($0)))." }
            ?? "Riwayat belum dihitung."
        opdRows = Self.opdRows(r)
        let gapRows = Self.competencyRows(r, gaps: gaps, unitQuery: unitQuery)
        competencies = gapRows.all
        areas = gapRows.areas
        let effectiveness = Self.effectivenessRows(r)
        programmes = effectiveness.programmes
        providers = effectiveness.providers

        func link(_ table: String) -> String { "/monitoring?\(baseQuery)&table=\(table)&format=" }
        exports = Exports(
            opd: link("opd"), competencies: link("competencies"), programmes: link("programmes"),
            providers: link("providers"))
        tables = Self.tables(opdRows: opdRows, competencies: competencies, programmes: programmes, providers: providers)
    }

    /// The headline figures.
    private static func stats(
        _ r: MonitoringReport, gaps: [(code: String, start: GapTally, end: GapTally)], unitParam: String,
        unitQuery: String
    ) -> [Stat] {
        let f = IndonesianFormat.self
        let ids = r.opds.map(\.id)
        let jpmStart = r.meanJPM(on: r.startDate, opds: ids)
        let jpmEnd = r.meanJPM(on: r.endDate, opds: ids)
        let gapStart = gaps.reduce(0) { $0 + $1.start.gapSum }
        let gapEnd = gaps.reduce(0) { $0 + $1.end.gapSum }
        var all = EffectivenessTally()
        for t in r.effectiveness.values { all.add(t) }
        let overdueL3 = r.overdueBehaviour.values.reduce(0, +)
        let overdueL1 = r.overdueReaction.values.reduce(0, +)
        let overdueRe = r.overdueReassessments.values.reduce(0, +)
        let evaluationsHref = "/monitoring/overdue?kind=behaviour" + unitQuery
        return [
            Stat(
                label: "Rata-rata JPM", value: Self.decimal(jpmEnd), note: "awal periode \(Self.decimal(jpmStart))",
                href: SiteURL.jpmDistribution.path + (unitParam.isEmpty ? "" : "?unit=\(unitParam)"), id: "stat-jpm"),
            Stat(
                label: "Kesenjangan tertutup",
                value: gapStart > 0 ? Self.percent(Double(gapStart - gapEnd) / Double(gapStart)) : "—",
                note: "\(f.integer(gapStart)) → \(f.integer(gapEnd)) level", href: "#competencies",
                id: "stat-gap-closed"),
            Stat(
                label: "PNS memenuhi 20 JP (\(r.jpYear))",
                value: Self.percent(r.jp.pns == 0 ? nil : Double(r.jp.met) / Double(r.jp.pns)),
                note: "\(f.integer(r.jp.met)) dari \(f.integer(r.jp.pns)) PNS",
                href: SiteURL.jpCompliance.path + "?year=\(r.jpYear)" + unitQuery, id: "stat-jp"),
            Stat(
                label: "Reaksi peserta (L1, 1–4)", value: Self.decimal(all.l1Mean),
                note: "\(f.integer(all.l1Count)) evaluasi", href: "#programmes", id: "stat-l1"),
            Stat(
                label: "Peningkatan belajar (L2)", value: Self.decimal(all.l2MeanGain),
                note: "\(f.integer(all.l2Count)) peserta", href: "#programmes", id: "stat-l2"),
            Stat(
                label: "Perubahan perilaku (L3, −2…2)", value: Self.decimal(all.l3MeanChange),
                note: "penilaian atasan, \(f.integer(all.l3Count))", href: "#programmes", id: "stat-l3"),
            Stat(
                label: "Level naik saat dinilai ulang", value: Self.percent(all.levelRaisedShare),
                note: "\(f.integer(all.reassessed)) peserta dinilai ulang",
                href: SiteURL.reassessments.path + "?status=closed" + unitQuery, id: "stat-raised"),
            Stat(
                label: "Evaluasi L3 atasan terlambat", value: f.integer(overdueL3),
                note: "L1 peserta terlambat: \(f.integer(overdueL1))", href: evaluationsHref, id: "stat-overdue-l3"),
            Stat(
                label: "Penilaian ulang lewat jatuh tempo", value: f.integer(overdueRe), note: "setelah pelatihan",
                href: SiteURL.reassessments.path + "?status=overdue" + unitQuery, id: "stat-overdue-reassessment"),
        ]

    }

    private static func opdRows(_ r: MonitoringReport) -> [OPDRow] {
        let f = IndonesianFormat.self
        let (fromISO, toISO) = (r.period.from.iso, r.period.to.iso)
        return r.opds.map { o in
            let a = r.meanJPM(on: r.startDate, opds: [o.id])
            let b = r.meanJPM(on: r.endDate, opds: [o.id])
            let change = a.flatMap { a in b.map { $0 - a } }
            let q = "?unit=\(o.id.uuidString)"
            return OPDRow(
                name: o.name, href: "/monitoring\(q)&from=\(fromISO)&to=\(toISO)", jpmStart: Self.decimal(a),
                jpmEnd: Self.decimal(b),
                change: change.map { ($0 > 0 ? "+" : "") + IndonesianFormat.decimal(GapAnalysis.round2($0), digits: 2) }
                    ?? "—", rising: (change ?? 0) > 0,
                trained: f.integer(r.trained[o.id] ?? 0), overdueL3: f.integer(r.overdueBehaviour[o.id] ?? 0),
                overdueL3Href: "/monitoring/overdue?kind=behaviour&unit=\(o.id.uuidString)",
                overdueReassessment: f.integer(r.overdueReassessments[o.id] ?? 0),
                overdueReassessmentHref: SiteURL.reassessments.path + "?status=overdue&unit=\(o.id.uuidString)",
                ikm: Self.pair(r.serviceStart[o.id]?.ikm(r.skmWeight)?.ikm, r.serviceEnd[o.id]?.ikm(r.skmWeight)?.ikm) {
                    IndonesianFormat.decimal($0)
                },
                onTime: Self.pair(r.serviceStart[o.id]?.figures.onTimeShare, r.serviceEnd[o.id]?.figures.onTimeShare) {
                    IndonesianFormat.decimal($0 * 100, digits: 1) + " %"
                })
        }

    }

    /// Gap closure per competency; the areas still needing work weigh the remaining gap.
    private static func competencyRows(
        _ r: MonitoringReport, gaps: [(code: String, start: GapTally, end: GapTally)], unitQuery: String
    ) -> (all: [CompetencyRow], areas: [CompetencyRow]) {
        let f = IndonesianFormat.self
        let rows = gaps.map { g -> (CompetencyRow, Double) in
            let weighted = Double(g.end.gapSum) * (r.weights[g.code] ?? 1)
            let closed =
                g.start.gapSum > 0 ? Self.percent(Double(g.start.gapSum - g.end.gapSum) / Double(g.start.gapSum)) : "—"
            return (
                CompetencyRow(
                    code: g.code, name: r.competencyNames[g.code] ?? "", start: f.integer(g.start.gapSum),
                    end: f.integer(g.end.gapSum),
                    closed: closed, withGap: f.integer(g.end.withGap), weighted: Self.decimal(weighted, 1),
                    href: SiteURL.gapList.path
                        + "?competency=\(g.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                        + unitQuery), weighted
            )
        }
        return (
            rows.map(\.0),
            rows.filter { $0.1 > 0 }.sorted { ($0.1, $1.0.code) > ($1.1, $0.0.code) }.prefix(10).map(\.0)
        )
    }

    /// Effectiveness per programme and per provider.
    private static func effectivenessRows(_ r: MonitoringReport) -> (
        programmes: [ProgrammeRow], providers: [ProviderRow]
    ) {
        let f = IndonesianFormat.self
        let providerName = Dictionary(uniqueKeysWithValues: r.providers.map { ($0.id!, $0.name) })
        let evaluated = r.programmes.filter { (r.effectiveness[$0.id!]?.completed ?? 0) > 0 }
        let programmes = evaluated.map { p in
            let t = r.effectiveness[p.id!]!
            let v = t.verdict()
            return ProgrammeRow(
                code: p.code, title: p.title, provider: providerName[p.providerID] ?? "",
                href: SiteURL.programme(p.id!).path,
                n: f.integer(t.completed), l1: Self.decimal(t.l1Mean), l2: Self.decimal(t.l2MeanGain),
                l3: Self.decimal(t.l3MeanChange),
                l3self: Self.decimal(t.l3SelfMeanChange), raised: Self.percent(t.levelRaisedShare), verdict: v.label,
                verdictCode: v.rawValue)
        }.sorted {
            ($0.verdictCode == "review" ? 0 : $0.verdictCode == "watch" ? 1 : 2, $0.code) < (
                $1.verdictCode == "review" ? 0 : $1.verdictCode == "watch" ? 1 : 2, $1.code
            )
        }
        var byProvider: [UUID: (EffectivenessTally, Int)] = [:]
        for p in evaluated {
            var e = byProvider[p.providerID] ?? (.init(), 0)
            e.0.add(r.effectiveness[p.id!]!)
            e.1 += 1
            byProvider[p.providerID] = e
        }
        let providers = byProvider.map { id, e in
            ProviderRow(
                name: providerName[id] ?? "", programmes: f.integer(e.1), n: f.integer(e.0.completed),
                l1: Self.decimal(e.0.l1Mean),
                l2: Self.decimal(e.0.l2MeanGain), l3: Self.decimal(e.0.l3MeanChange),
                raised: Self.percent(e.0.levelRaisedShare), verdict: e.0.verdict().label)
        }.sorted { $0.name < $1.name }
        return (programmes, providers)
    }

    /// The downloadable tables, by the `table=` parameter.
    private static func tables(
        opdRows: [OPDRow], competencies: [CompetencyRow], programmes: [ProgrammeRow], providers: [ProviderRow]
    ) -> [String: Table] {
        [
            "opd": Table(
                header: [
                    "OPD", "JPM awal", "JPM akhir", "Perubahan JPM (\(KirkpatrickEvidence.jpmChange.levelTag))",
                    "Peserta pelatihan",
                    "IKM awal → akhir (\(KirkpatrickEvidence.unitServiceResults.levelTag))",
                    "Tepat waktu awal → akhir (\(KirkpatrickEvidence.unitServiceResults.levelTag))",
                    "L3 terlambat", "Penilaian ulang terlambat",
                ],
                rows: opdRows.map {
                    [
                        $0.name, $0.jpmStart, $0.jpmEnd, $0.change, $0.trained, $0.ikm, $0.onTime, $0.overdueL3,
                        $0.overdueReassessment,
                    ]
                }),
            "competencies": Table(
                header: [
                    "Kode", "Kompetensi", "Kesenjangan awal", "Kesenjangan akhir", "Tertutup", "Pegawai masih senjang",
                    "Sisa berbobot",
                ],
                rows: competencies.map { [$0.code, $0.name, $0.start, $0.end, $0.closed, $0.withGap, $0.weighted] }),
            "programmes": Table(
                header: [
                    "Kode", "Program", "Lembaga", "Peserta lulus", "L1", "L2", "L3 atasan", "L3 peserta", "Level naik",
                    "Penilaian",
                ],
                rows: programmes.map {
                    [$0.code, $0.title, $0.provider, $0.n, $0.l1, $0.l2, $0.l3, $0.l3self, $0.raised, $0.verdict]
                }),
            "providers": Table(
                header: ["Lembaga", "Program", "Peserta lulus", "L1", "L2", "L3 atasan", "Level naik", "Penilaian"],
                rows: providers.map { [$0.name, $0.programmes, $0.n, $0.l1, $0.l2, $0.l3, $0.raised, $0.verdict] }),
        ]
    }
}
