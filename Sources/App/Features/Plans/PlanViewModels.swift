import Foundation
import KompetenCore

struct EmployeePlansModel: Encodable {
    struct Row: Encodable {
        let year: Int
        let status: String
        let href: String
    }
    let employeeName: String
    let rows: [Row]
    let canCreate: Bool
    let createAction: String
    let suggestedYear: Int

    init(employee: Employee, plans: [DevelopmentPlan], canCreate: Bool, suggestedYear: Int) {
        employeeName = employee.name
        rows = plans.map { Row(year: $0.year, status: $0.planStatus.label, href: SiteURL.plan($0.id!).path) }
        self.canCreate = canCreate
        createAction = SiteURL.employeePlans(employee.id!).path
        self.suggestedYear = suggestedYear
    }
}

struct PlanPageModel: Encodable {
    struct ItemRow: Encodable {
        let title: String, competency: String, jp: Int, cost: String, source: String, note: String
        let programmeHref: String?, enrolment: String, deleteAction: String
    }
    struct Step: Encodable {
        let to: String
        let label: String
        let needsReason: Bool
        let primary: Bool
    }
    struct GapRow: Encodable {
        let code: String
        let gap: Int
    }
    let employeeName: String
    let nip: String
    let year: Int
    let status: String
    let statusCode: String
    let rejectionReason: String?
    let items: [ItemRow]
    let totalJP: Int
    let totalCost: String
    let jpNote: String
    let steps: [Step]
    let transitionAction: String
    let canEdit: Bool
    let form: FormModel?
    let gaps: [GapRow]

    init(
        plan: DevelopmentPlan, dto: PlanDTO, employee: Employee, steps: [PlanStatus], canEdit: Bool,
        programmes: [Programme],
        competencies: [Competency], enrolments: [Enrolment], gap: GapResult?, jp: JPDTO,
        itemValues: PlansController.ItemFormValues,
        errors: [FieldError]
    ) {
        employeeName = employee.name
        nip = employee.nip
        year = plan.year
        status = plan.planStatus.label
        statusCode = plan.status
        rejectionReason = plan.rejectionReason
        let enrolled = Dictionary(
            enrolments.compactMap { e in e.planItemID.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        items = dto.items.map { i in
            ItemRow(
                title: i.title, competency: i.competencyCode ?? "—", jp: i.jp,
                cost: IndonesianFormat.money(i.estimatedCost),
                source: PlanItemSource(rawValue: i.source)?.label ?? i.source, note: i.note,
                programmeHref: i.programId.map { SiteURL.programme($0).path },
                enrolment: enrolled[i.id]?.enrolmentStatus.label ?? "—",
                deleteAction: SiteURL.planItemDelete(plan.id!, item: i.id).path)
        }
        totalJP = dto.totalJp
        totalCost = IndonesianFormat.money(dto.totalCost)
        jpNote = "JP \(plan.year) yang sudah tercatat: \(jp.jp) JP — \(jp.status)."
        self.steps = steps.map { s in
            Step(
                to: s.rawValue, label: PlanPageModel.buttonLabel(s), needsReason: s == .rejected,
                primary: s != .rejected && s != .draft)
        }
        transitionAction = SiteURL.planTransition(plan.id!).path
        self.canEdit = canEdit
        gaps = (gap?.items ?? []).compactMap { i in
            i.gap.flatMap { $0 > 0 ? GapRow(code: i.competencyCode, gap: $0) : nil }
        }
        form =
            canEdit
            ? FormModel(
                action: SiteURL.planItems(plan.id!).path, submitLabel: "Tambah butir",
                cancelHref: SiteURL.plan(plan.id!).path,
                fields: [
                    .init(
                        name: "programId", label: "Program dari katalog", type: "select",
                        value: itemValues.programId ?? "",
                        hint: "Atau kosongkan dan tulis kegiatan di luar katalog di bawah.", required: false,
                        options: FormModel.options(
                            programmes, selected: itemValues.programId, value: { $0.id!.uuidString },
                            label: {
                                "\($0.code) — \($0.title) (\($0.jp) JP, \(IndonesianFormat.money($0.costPerParticipant)))"
                            }, empty: "— kegiatan di luar katalog —")),
                    .init(
                        name: "competencyCode", label: "Kompetensi yang dituju", type: "select",
                        value: itemValues.competencyCode ?? "", required: false,
                        options: FormModel.options(
                            competencies, selected: itemValues.competencyCode, value: \.code,
                            label: { "\($0.code) \($0.name)" }, empty: "— tidak disebut —")),
                    .init(
                        name: "title", label: "Judul kegiatan di luar katalog", value: itemValues.title ?? "",
                        required: false),
                    .init(
                        name: "jp", label: "JP kegiatan di luar katalog", type: "number", value: itemValues.jp ?? "",
                        required: false),
                    .init(
                        name: "note", label: "Catatan", type: "textarea", value: itemValues.note ?? "", required: false),
                ], errors: errors) : nil
    }

    static func buttonLabel(_ s: PlanStatus) -> String {
        switch s {
        case .submitted: "Ajukan ke atasan"
        case .approvedSupervisor: "Setujui (atasan)"
        case .approved: "Setujui (BKPPD)"
        case .done: "Tandai selesai"
        case .rejected: "Tolak"
        case .draft: "Buka kembali sebagai draf"
        }
    }
}

struct InboxModel: Encodable {
    struct PlanRow: Encodable {
        let id: String
        let href: String
        let name: String
        let nip: String
        let year: Int
        let status: String
        let items: Int
        let jp: Int
        let cost: String
    }
    struct LearningRow: Encodable {
        let name: String
        let title: String
        let organiser: String
        let dates: String
        let jp: Int
        let evidenceHref: String?
        let action: String
    }
    let plans: [PlanRow]
    let learning: [LearningRow]
    let bulkApproveAction = SiteURL.planBulkApprove.path

    init(
        plans: [(DevelopmentPlan, Employee)], totals: [UUID: (jp: Int, cost: Int, items: Int)],
        learning: [(LearningRecord, Employee)]
    ) {
        self.plans = plans.map { p, e in
            let t = totals[p.id!] ?? (0, 0, 0)
            return PlanRow(
                id: p.id!.uuidString, href: SiteURL.plan(p.id!).path, name: e.name, nip: e.nip, year: p.year,
                status: p.planStatus.label,
                items: t.items, jp: t.jp, cost: IndonesianFormat.money(t.cost))
        }
        self.learning = learning.map { l, e in
            LearningRow(
                name: e.name, title: l.title, organiser: l.organiser, dates: "\(l.startDate) s.d. \(l.endDate)",
                jp: l.jp,
                evidenceHref: l.evidenceID.map { SiteURL.evidence($0).path },
                action: SiteURL.learningDecision(l.id!).path)
        }
    }
}
