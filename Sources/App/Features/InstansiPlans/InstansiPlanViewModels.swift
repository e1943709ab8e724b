import Foundation
import KompetenCore
import KompetenFormats

/// Figures as the pages show them.
struct FiguresCells: Encodable {
    let participants: String, jp: String, budget: String
    init(_ f: PlanFiguresDTO) {
        participants = IndonesianFormat.integer(f.participants)
        jp = IndonesianFormat.integer(f.jp)
        budget = IndonesianFormat.money(f.budget)
    }
}

/// `/development/plans`: the instansi's plans by year, the form for a new one and the PPK.
struct InstansiPlanListModel: Encodable {
    struct Row: Encodable {
        let year: Int, status: String, statusClass: String, revision: String, budget: String, decree: String
        let href: String
    }
    struct Option: Encodable {
        let value: String, label: String, selected: Bool
    }
    let rows: [Row]
    let canCreate: Bool
    let createAction = SiteURL.instansiPlans.path
    let ppkAction = SiteURL.instansiPlanPPK.path
    let ppk: String
    let ppkOptions: [Option]
    /// What was typed, kept after an error.
    let year: String, budget: String, source: String
    let errors: [FieldError]

    init(
        _ plans: [InstansiPlanSummaryDTO], canCreate: Bool, ppk: String, ppkOptions: [Option], year: String,
        budget: String, source: String, errors: [FieldError]
    ) {
        rows = plans.map { p in
            let s = InstansiPlanStatus(rawValue: p.status) ?? .draf
            return Row(
                year: p.year, status: s.label, statusClass: InstansiPlanDetailModel.statusClass(s),
                revision: p.revision == 0 ? "—" : "Revisi \(p.revision)", budget: IndonesianFormat.money(p.budget),
                decree: p.decreeNumber ?? "—", href: SiteURL.instansiPlan(p.id).path)
        }
        self.canCreate = canCreate
        self.ppk = ppk
        self.ppkOptions = ppkOptions
        self.year = year
        self.budget = budget
        self.source = source
        self.errors = errors
    }
}

/// `/development/plans/{id}` and its printable form: the plan, its items, totals and actions.
struct InstansiPlanDetailModel: Encodable {
    struct Item: Encodable {
        let number: Int, opd: String, title: String, form: String, path: String, target: String
        let schedule: String, participants: String, jp: String, cost: String
        let deleteAction: String
        let editHref: String
    }
    struct Total: Encodable {
        let label: String
        let figures: FiguresCells
        let ceiling: String
        let over: Bool
    }
    struct Action: Encodable {
        let to: String, label: String, needsDecree: Bool, primary: Bool
    }
    struct Revision: Encodable {
        let number: Int, reason: String, at: String, href: String
    }

    let title: String
    let year: Int
    let instansi: String
    let status: String
    let statusClass: String
    let revision: String
    let budget: String
    /// The budget as the form's number field takes it.
    let budgetValue: String
    let decreeNumber: String
    let decreeDate: String
    let items: [Item]
    let byOPD: [Total]
    let byForm: [Total]
    let total: FiguresCells
    let overCeiling: [String]
    let revisions: [Revision]
    let actions: [Action]
    let canEdit: Bool
    let canRevise: Bool
    let transitionAction: String
    let reviseAction: String
    let budgetAction: String
    let printHref: String
    let xlsxHref: String
    let realisationHref: String
    let listHref = SiteURL.instansiPlans.path
    /// The add-item form (only while editable), with what was typed after an error.
    let form: FormModel?
    let ceilingRows: [CeilingRow]
    /// A snapshot of an earlier adopted version is shown read-only.
    let isSnapshot: Bool
    let decreeError: String?
    /// Why the budget form was refused; the form then shows what was typed.
    let budgetError: String?
    let ppkName: String

    struct CeilingRow: Encodable {
        let opdID: String, opd: String, amount: String
    }

    static func statusClass(_ s: InstansiPlanStatus) -> String {
        switch s {
        case .draf: "badge"
        case .diusulkan: "badge warn"
        case .ditetapkan: "badge ok"
        }
    }

    static func formLabel(_ raw: String) -> String {
        switch DevelopmentForm(rawValue: raw) {
        case .klasikal: "Klasikal"
        case .nonklasikal: "Nonklasikal"
        case .pendidikan: "Pendidikan"
        case nil: raw
        }
    }

    static let months = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
        "Desember",
    ]

    static func schedule(quarter: Int, month: Int?) -> String {
        "Triwulan \(quarter)" + (month.map { " (\(months[$0 - 1]))" } ?? "")
    }

    init(
        _ d: InstansiPlanDTO, instansi: String, canRevise: Bool, form: FormModel?, opds: [(UUID, String)],
        isSnapshot: Bool = false, decreeError: String? = nil, budget typed: BudgetTyped? = nil, ppkName: String
    ) {
        let s = InstansiPlanStatus(rawValue: d.status) ?? .draf
        title = "Rencana Pengembangan Kompetensi Tahun \(d.year)"
        year = d.year
        self.instansi = instansi
        status = s.label
        statusClass = Self.statusClass(s)
        revision = d.revision == 0 ? "Versi awal" : "Revisi \(d.revision)"
        budget = IndonesianFormat.money(d.budget)
        budgetValue = typed?.fields["budget"] ?? String(d.budget)
        decreeNumber = d.decreeNumber ?? "—"
        decreeDate = d.decreeDate.flatMap(SimpleDate.init(iso:)).map(IndonesianFormat.date) ?? "—"
        canEdit = !isSnapshot && s == .draf && form != nil
        items = d.items.enumerated().map { i, it in
            Item(
                number: i + 1, opd: it.opdName, title: it.title, form: Self.formLabel(it.form),
                path: it.path.flatMap { DevelopmentPath.named($0).map { p in "\(p.code) \(p.name)" } } ?? "—",
                target: it.targetGroup.isEmpty ? "—" : it.targetGroup,
                schedule: Self.schedule(quarter: it.quarter, month: it.month),
                participants: IndonesianFormat.integer(it.participants), jp: IndonesianFormat.integer(it.jp),
                cost: IndonesianFormat.money(it.cost),
                deleteAction: SiteURL.instansiPlanItemDelete(d.id, item: it.id).path,
                editHref: SiteURL.instansiPlanItemEdit(d.id, item: it.id).path)
        }
        let ceilings = Dictionary(uniqueKeysWithValues: d.ceilings.map { ($0.opdId, $0) })
        byOPD = d.byOpd.map { o in
            Total(
                label: o.opdName, figures: FiguresCells(o.totals),
                ceiling: ceilings[o.opdId]?.amount.map(IndonesianFormat.money) ?? "—",
                over: ceilings[o.opdId]?.overCeiling ?? false)
        }
        byForm = d.byForm.map {
            Total(label: Self.formLabel($0.form), figures: FiguresCells($0.totals), ceiling: "", over: false)
        }
        total = FiguresCells(d.totals)
        overCeiling = d.ceilings.filter(\.overCeiling).map(\.opdName)
        revisions = d.revisions.map {
            Revision(
                number: $0.number, reason: $0.reason, at: IndonesianFormat.dateTime($0.createdAt),
                href: SiteURL.instansiPlanPrint(d.id).path + "?revision=\($0.number)")
        }
        actions =
            isSnapshot
            ? []
            : d.transitions.compactMap(InstansiPlanStatus.init(rawValue:)).map {
                Action(to: $0.rawValue, label: $0.actionLabel, needsDecree: $0 == .ditetapkan, primary: $0 != .draf)
            }
        self.canRevise = canRevise && !isSnapshot
        transitionAction = SiteURL.instansiPlanTransition(d.id).path
        reviseAction = SiteURL.instansiPlanRevisions(d.id).path
        budgetAction = SiteURL.instansiPlanBudget(d.id).path
        printHref = SiteURL.instansiPlanPrint(d.id).path
        xlsxHref = SiteURL.instansiPlanPrint(d.id).path + "?format=xlsx"
        realisationHref = SiteURL.instansiPlanRealisation(d.id).path
        self.form = canEdit ? form : nil
        ceilingRows = opds.map { id, name in
            CeilingRow(
                opdID: id.uuidString, opd: name,
                amount: typed?.fields["ceiling_\(id.uuidString)"] ?? ceilings[id]?.amount.map(String.init) ?? "")
        }
        self.isSnapshot = isSnapshot
        self.decreeError = decreeError
        budgetError = typed?.error
        self.ppkName = ppkName
    }

    /// The XLSX: one row per item, numbers as numbers, then the totals per OPD and per jalur.
    static func table(_ d: InstansiPlanDTO) -> Table {
        var rows = d.items.enumerated().map { i, it in
            [
                String(i + 1), it.opdName, it.title, formLabel(it.form), it.path ?? "", it.targetGroup,
                String(it.quarter), it.month.map(String.init) ?? "", String(it.participants), String(it.jp),
                String(it.participants * it.jp), String(it.cost),
            ]
        }
        rows.append([])
        for o in d.byOpd {
            rows.append(
                [
                    "", o.opdName, "Jumlah OPD", "", "", "", "", "", String(o.totals.participants), "",
                    String(o.totals.jp), String(o.totals.budget),
                ])
        }
        for f in d.byForm {
            rows.append(
                [
                    "", "", "Jumlah jalur \(formLabel(f.form))", "", "", "", "", "", String(f.totals.participants), "",
                    String(f.totals.jp), String(f.totals.budget),
                ])
        }
        rows.append(
            [
                "", "", "Jumlah seluruhnya", "", "", "", "", "", String(d.totals.participants), "", String(d.totals.jp),
                String(d.totals.budget),
            ])
        return Table(
            header: [
                "No", "OPD", "Kegiatan", "Jalur", "Kode jalur", "Sasaran", "Triwulan", "Bulan", "Peserta",
                "JP per peserta", "Jumlah JP", "Biaya (Rp)",
            ], rows: rows)
    }
}

/// `/development/plans/{id}/realisation`: plan against what was done.
struct InstansiPlanRealisationModel: Encodable {
    struct Row: Encodable {
        let label: String
        let planned: FiguresCells
        let realised: FiguresCells
        let absorbed: String
    }
    struct Missing: Encodable {
        let opd: String, title: String, schedule: String, participants: String, cost: String
    }
    struct Extra: Encodable {
        let opd: String, title: String, quarter: String, participants: String, jp: String, cost: String
    }
    let year: Int
    let planned: FiguresCells
    let realised: FiguresCells
    let absorption: String
    let byOPD: [Row]
    let byQuarter: [Row]
    let notDone: [Missing]
    let unplanned: [Extra]
    let planHref: String
    let xlsxHref: String

    /// The XLSX workbook: per OPD, per quarter, not done, unplanned; numbers stay numbers.
    static func sheets(_ r: RealisationDTO) -> [(name: String, table: Table)] {
        let header = [
            "Peserta rencana", "Peserta realisasi", "JP rencana", "JP realisasi", "Anggaran rencana (Rp)",
            "Terserap (Rp)",
        ]
        func cells(_ p: PlanFiguresDTO, _ q: PlanFiguresDTO) -> [String] {
            [p.participants, q.participants, p.jp, q.jp, p.budget, q.budget].map(String.init)
        }
        return [
            (
                "Per OPD",
                Table(header: ["OPD"] + header, rows: r.byOpd.map { [$0.opdName] + cells($0.planned, $0.realised) })
            ),
            (
                "Per triwulan",
                Table(
                    header: ["Triwulan"] + header,
                    rows: r.byQuarter.map { [String($0.quarter)] + cells($0.planned, $0.realised) })
            ),
            (
                "Belum terlaksana",
                Table(
                    header: ["OPD", "Kegiatan", "Triwulan", "Peserta", "Biaya (Rp)"],
                    rows: r.notDone.map {
                        [$0.opdName, $0.title, String($0.quarter), String($0.participants), String($0.cost)]
                    })
            ),
            (
                "Di luar rencana",
                Table(
                    header: ["OPD", "Program", "Triwulan", "Peserta", "JP", "Biaya (Rp)"],
                    rows: r.unplanned.map {
                        [
                            $0.opdName, $0.programTitle, String($0.quarter), String($0.participants), String($0.jp),
                            String($0.budget),
                        ]
                    })
            ),
        ]
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? "\(Int((Double(part) * 100 / Double(whole)).rounded())) %" : "—"
    }

    init(_ r: RealisationDTO, planID: UUID) {
        year = r.year
        planned = FiguresCells(r.planned)
        realised = FiguresCells(r.realised)
        absorption = "\(r.absorptionPercent) %"
        byOPD = r.byOpd.map {
            Row(
                label: $0.opdName, planned: FiguresCells($0.planned), realised: FiguresCells($0.realised),
                absorbed: Self.percent($0.realised.budget, of: $0.planned.budget))
        }
        byQuarter = r.byQuarter.map {
            Row(
                label: "Triwulan \($0.quarter)", planned: FiguresCells($0.planned), realised: FiguresCells($0.realised),
                absorbed: Self.percent($0.realised.budget, of: $0.planned.budget))
        }
        notDone = r.notDone.map {
            Missing(
                opd: $0.opdName, title: $0.title,
                schedule: InstansiPlanDetailModel.schedule(quarter: $0.quarter, month: $0.month),
                participants: IndonesianFormat.integer($0.participants), cost: IndonesianFormat.money($0.cost))
        }
        unplanned = r.unplanned.map {
            Extra(
                opd: $0.opdName, title: $0.programTitle, quarter: "Triwulan \($0.quarter)",
                participants: IndonesianFormat.integer($0.participants), jp: IndonesianFormat.integer($0.jp),
                cost: IndonesianFormat.money($0.budget))
        }
        planHref = SiteURL.instansiPlan(planID).path
        xlsxHref = SiteURL.instansiPlanRealisation(planID).path + "?format=xlsx"
    }
}

/// The budget form as posted, shown again when it was refused.
struct BudgetTyped: Equatable {
    let fields: [String: String]
    let error: String
}

/// The monitoring page's panel: the plan of the period's year against its realisation, linking
/// to the full realisation page.
struct InstansiPlanPanel: Encodable {
    let title: String
    let planned: FiguresCells
    let realised: FiguresCells
    let absorption: String
    let notDone: Int
    let unplanned: Int
    let href: String

    init(_ r: RealisationDTO, status: InstansiPlanStatus, planID: UUID) {
        title = "Rencana pengembangan \(r.year) (\(status.label))"
        planned = FiguresCells(r.planned)
        realised = FiguresCells(r.realised)
        absorption = "\(r.absorptionPercent) %"
        notDone = r.notDone.count
        unplanned = r.unplanned.count
        href = SiteURL.instansiPlanRealisation(planID).path
    }
}
