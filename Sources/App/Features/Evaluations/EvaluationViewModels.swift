import Foundation
import KompetenCore
import KompetenFormats

struct EvaluationListModel: Encodable {
    struct Row: Encodable {
        let level: String, respondent: String, employee: String, nip: String, programme: String
        let completedOn: String, due: String, overdue: Bool, href: String
    }
    let rows: [Row]
    let overdueCount: Int
    let isSupervisor: Bool
    let hasEmployee: Bool
    let export: [String: String]
    let table: Table

    enum CodingKeys: String, CodingKey { case rows, overdueCount, isSupervisor, hasEmployee, export }

    init(items: [EvaluationWorklist.Item], isSupervisor: Bool, hasEmployee: Bool) {
        rows = items.map { i in
            Row(
                level: i.level.label, respondent: i.respondent.label, employee: i.employeeName, nip: i.employeeNIP,
                programme: i.programmeTitle,
                completedOn: IndonesianFormat.date(i.completedOn), due: IndonesianFormat.date(i.due),
                overdue: i.overdue,
                href: SiteURL.evaluate(i.enrolmentID, level: i.level.rawValue).path)
        }
        overdueCount = items.filter(\.overdue).count
        self.isSupervisor = isSupervisor
        self.hasEmployee = hasEmployee
        export = ["csv": SiteURL.evaluations.path + "?format=csv", "xlsx": SiteURL.evaluations.path + "?format=xlsx"]
        table = Table(
            header: ["Level", "Diisi sebagai", "NIP", "Pegawai", "Program", "Selesai", "Batas", "Terlambat"],
            rows: rows.map {
                [
                    $0.level, $0.respondent, $0.nip, $0.employee, $0.programme, $0.completedOn, $0.due,
                    $0.overdue ? "ya" : "tidak",
                ]
            })
    }
}

struct EvaluationFormModel: Encodable {
    let cancelHref = SiteURL.evaluations.path
    struct Option: Encodable {
        let value: String
        let label: String
        let checked: Bool
    }
    struct Question: Encodable {
        let name: String
        let label: String
        let options: [Option]
        let error: String?
    }
    let intro: String
    let facts: [ProgrammeDetailModel.Item]
    let questions: [Question]
    let comment: String
    let action: String
    let formError: String?
    let errors: [FieldError]

    init(
        context c: EvaluationService.Context, batchName: String, level: EvaluationLevel,
        respondent: EvaluationRespondent, action: String,
        posted: [String: String], comment: String, errors: [FieldError]
    ) {
        let errorBy = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
        func question(_ name: String, _ label: String, scale: [Int], labels: [Int: String]) -> Question {
            Question(
                name: "score-\(name)", label: label,
                options: scale.map {
                    Option(
                        value: String($0),
                        label: "\($0 > 0 && level == .behaviour ? "+" : "")\($0) \(labels[$0] ?? "")",
                        checked: posted["score-\(name)"] == String($0))
                },
                error: errorBy["score-\(name)"])
        }
        switch level {
        case .behaviour:
            intro =
                respondent == .participant
                ? "Bagaimana perilaku kerja Anda pada kompetensi yang dilatih berubah sejak pelatihan ini? Nilai setiap kompetensi."
                : "Bagaimana perilaku kerja \(c.employee.name) pada kompetensi yang dilatih berubah sejak pelatihan ini? Nilai setiap kompetensi dari pengamatan Anda."
            questions = c.raised.map {
                question(
                    $0.code, "\($0.code) \($0.name)", scale: Array(BehaviourChange.scale),
                    labels: BehaviourChange.labels)
            }
        default:
            intro =
                "Bagaimana pendapat Anda tentang kegiatan ini? Jawaban Anda membantu BKPPD memilih program dan lembaga yang baik."
            questions = ReactionItem.allCases.map {
                question($0.rawValue, $0.label, scale: Array(ReactionItem.scale), labels: ReactionItem.scaleLabels)
            }
        }
        facts = [
            .init(label: "Program", value: "\(c.programme.code) \(c.programme.title)"),
            .init(label: "Angkatan", value: batchName),
            .init(label: "Peserta", value: "\(c.employee.name) (\(c.employee.nip))"),
            .init(
                label: "Selesai",
                value: c.enrolment.completedOn.flatMap(SimpleDate.init(iso:)).map(IndonesianFormat.date) ?? "—"),
            .init(label: "Diisi sebagai", value: respondent.label),
        ]
        self.comment = comment
        self.action = action
        self.errors = errors
        formError = errorBy["form"] ?? errorBy["comment"]
    }
}

/// The L2 section of a batch page: each completed participant's pre/post-test and gain.
struct BatchTestsModel: Encodable {
    struct Row: Encodable {
        let id: String
        let nip: String
        let name: String
        let pre: String
        let post: String
        let gain: String
    }
    let rows: [Row]
    let action: String
    let importAction: String
    let templateCSV: String
    let templateXLSX: String
    let max: String
    let errors: [FieldError]
    let meanGain: String
    let l1Mean: String

    init(
        batchID: UUID, completed: [(Enrolment, Employee)], records: [EvaluationRecord], errors: [FieldError],
        csrf: String
    ) {
        let l2 = Dictionary(
            records.filter { $0.level == EvaluationLevel.learning.rawValue }.map { ($0.enrolmentID, $0) },
            uniquingKeysWith: { a, _ in a })
        // Values go back into input fields: unrounded, without thousands separators.
        func number(_ x: Double?) -> String { x.map(IndonesianFormat.editable) ?? "" }
        rows = completed.map { e, p in
            let r = l2[e.id!]
            let s = r?.scoreValues
            return Row(
                id: e.id!.uuidString, nip: p.nip, name: p.name, pre: number(s?["pre"]), post: number(s?["post"]),
                gain: r?.summary.map { IndonesianFormat.decimal($0, digits: 2) } ?? "—")
        }
        action = SiteURL.batchTests(batchID).path
        importAction = SiteURL.batchTestsImport(batchID).path
        templateCSV = SiteURL.batchTestsTemplate(batchID).path + "?format=csv"
        templateXLSX = SiteURL.batchTestsTemplate(batchID).path + "?format=xlsx"
        max = number(l2.values.first?.scoreValues["max"] ?? EvaluationForm.defaultMaxScore)
        self.errors = errors
        var tally = EffectivenessTally()
        for r in records {
            if let s = r.summary, let level = EvaluationLevel(rawValue: r.level),
                let who = EvaluationRespondent(rawValue: r.respondent)
            {
                tally.add(level: level, respondent: who, summary: s)
            }
        }
        meanGain = tally.l2MeanGain.map { IndonesianFormat.decimal($0, digits: 2) } ?? "—"
        l1Mean = tally.l1Mean.map { IndonesianFormat.decimal($0, digits: 2) + " (n = \(tally.l1Count))" } ?? "—"
    }
}

/// A programme's effectiveness on its page (all evaluations so far).
struct ProgrammeEffectivenessModel: Encodable {
    struct Item: Encodable {
        let label: String
        let value: String
        let note: String
    }
    let items: [Item]
    let verdict: String
    let scopeNote: String?

    init(_ t: EffectivenessTally, scoped: Bool) {
        func d(_ x: Double?) -> String { x.map { IndonesianFormat.decimal($0, digits: 2) } ?? "—" }
        items = [
            Item(label: "Peserta lulus", value: IndonesianFormat.integer(t.completed), note: ""),
            Item(
                label: "Reaksi peserta (L1, 1–4)", value: d(t.l1Mean),
                note: "\(IndonesianFormat.integer(t.l1Count)) evaluasi"),
            Item(
                label: "Peningkatan belajar (L2)", value: d(t.l2MeanGain),
                note: "\(IndonesianFormat.integer(t.l2Count)) peserta"),
            Item(
                label: "Perubahan perilaku menurut atasan (L3, −2…2)", value: d(t.l3MeanChange),
                note: "\(IndonesianFormat.integer(t.l3Count)) evaluasi"),
            Item(
                label: "Perubahan perilaku menurut peserta (L3)", value: d(t.l3SelfMeanChange),
                note: "\(IndonesianFormat.integer(t.l3SelfCount)) evaluasi"),
            Item(
                label: "Level naik saat dinilai ulang",
                value: t.levelRaisedShare.map { IndonesianFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—",
                note: "\(IndonesianFormat.integer(t.reassessed)) peserta dinilai ulang"),
        ]
        verdict = t.verdict().label
        scopeNote = scoped ? "Hanya peserta dari OPD Anda." : nil
    }
}
