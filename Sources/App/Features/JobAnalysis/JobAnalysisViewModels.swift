import Foundation
import KompetenCore
import KompetenFormats

/// The informasi jabatan of one position, in the order of the anjab form (PermenPANRB 1/2020).
struct JobAnalysisPageModel: Encodable {
    struct Task: Encodable {
        let number: Int
        let description: String, output: String, unit: String
        let volume: String, norm: String, hours: String
    }
    struct Part: Encodable {
        let label: String
        let lines: [String]
    }
    struct Standard: Encodable {
        let code: String, name: String, level: Int
    }
    let name: String, code: String, kind: String, unit: String, summary: String
    let positionClass: String
    let education: String, training: String, experience: String
    let tasks: [Task]
    let totalHours: String
    let effectiveHours: String
    let needed: String
    let holders: Int
    let difference: String
    let status: String
    let statusClass: String
    let efficiency: String
    let parts: [Part]
    let standard: [Standard]
    let updated: String
    let canEdit: Bool
    let editHref: String
    let positionHref: String
    let workloadHref = SiteURL.workload.path

    init(_ d: JobAnalysisDTO, unit: String, standard: [StandardDTO], competencies: [Competency], canEdit: Bool) {
        name = d.positionName
        code = d.positionCode
        kind = d.kind.label + (d.functionalGrade.map { " — jenjang \($0.fullLabel)" } ?? "")
        self.unit = unit
        summary = d.summary.isEmpty ? "—" : d.summary
        positionClass = d.positionClass.map(String.init) ?? "—"
        education = d.qualification.education.isEmpty ? "—" : d.qualification.education
        training = d.qualification.training.isEmpty ? "—" : d.qualification.training
        experience = d.qualification.experience.isEmpty ? "—" : d.qualification.experience
        tasks = d.tasks.enumerated().map { i, t in
            Task(
                number: i + 1, description: t.description, output: t.output, unit: t.unit,
                volume: IndonesianFormat.integer(t.annualVolume), norm: IndonesianFormat.decimal(t.normHours),
                hours: IndonesianFormat.decimal(t.hours))
        }
        let w = d.workload
        totalHours = IndonesianFormat.decimal(w.hours)
        effectiveHours = IndonesianFormat.integer(w.effectiveHours)
        needed = IndonesianFormat.decimal(w.needed)
        holders = w.holders
        difference = IndonesianFormat.decimal(w.difference)
        let analysed = !d.tasks.isEmpty
        status = analysed ? w.status.label : "Belum dihitung (tugas pokok belum diisi)"
        statusClass = analysed ? "formation-\(w.status.rawValue)" : ""
        efficiency =
            analysed
            ? Workload.efficiency(needed: w.needed, holders: w.holders).map {
                "\(IndonesianFormat.decimal($0)) (\(EfficiencyGrade($0).rawValue), \(EfficiencyGrade($0).label))"
            } ?? "— (belum ada pemangku)" : "—"
        let texts = d.texts
        parts = JobAnalysis.Part.allCases.map { part in
            Part(
                label: part.label,
                lines: (texts[part] ?? "").split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty })
        }
        let names = Dictionary(uniqueKeysWithValues: competencies.map { ($0.code, $0.name) })
        self.standard = standard.map {
            Standard(
                code: $0.competencyCode, name: names[$0.competencyCode] ?? $0.competencyCode, level: $0.requiredLevel)
        }
        updated = d.updatedAt.map { "Diperbarui \(IndonesianFormat.date($0))" } ?? "Belum pernah diisi"
        self.canEdit = canEdit
        editHref = SiteURL.positionJobAnalysisEdit(d.positionId).path
        positionHref = SiteURL.position(d.positionId).path
    }
}

/// The job analysis form: the stored analysis, or what was posted when it had errors.
struct JobAnalysisFormModel: Encodable {
    struct Text: Encodable {
        let name: String, label: String, value: String
        var error: String?
    }
    struct Row: Encodable {
        let index: Int
        let number: Int
        let description: String, output: String, unit: String, volume: String, norm: String
        var errors: [String] = []
    }
    var action = ""
    var cancelHref = ""
    let version: Int
    let positionClass: String
    var positionClassError: String?
    /// The jenjang choice, offered for a fungsional position only.
    struct Grade: Encodable {
        let value: String, label: String, selected: Bool
    }
    let grades: [Grade]
    var gradeError: String?
    var qualification: [Text]
    var texts: [Text]
    var rows: [Row]
    var errors: [String] = []
    /// Blank rows offered after the filled ones (more can be added by saving and editing again).
    static let spareRows = 5

    init(_ d: JobAnalysisDTO) {
        version = d.version
        positionClass = d.positionClass.map(String.init) ?? ""
        grades = Self.grades(kind: d.kind, selected: d.functionalGrade?.rawValue ?? "")
        qualification = [
            Text(name: "education", label: "Pendidikan formal", value: d.qualification.education),
            Text(
                name: "training", label: "Pelatihan (penjenjangan, teknis, fungsional)", value: d.qualification.training
            ),
            Text(name: "experience", label: "Pengalaman kerja", value: d.qualification.experience),
        ]
        let values = d.texts
        texts = JobAnalysis.Part.allCases.map { Text(name: $0.rawValue, label: $0.label, value: values[$0] ?? "") }
        rows = Self.rows(
            d.tasks.map {
                JobAnalysisForm.Row(
                    description: $0.description, output: $0.output, unit: $0.unit, volume: String($0.annualVolume),
                    norm: IndonesianFormat.editable($0.normHours))
            })
    }

    init(_ f: JobAnalysisForm, kind: PositionKind, version: Int) {
        self.version = version
        positionClass = f.positionClass ?? ""
        grades = Self.grades(kind: kind, selected: f.functionalGrade ?? "")
        qualification = [
            Text(name: "education", label: "Pendidikan formal", value: f.education ?? ""),
            Text(name: "training", label: "Pelatihan (penjenjangan, teknis, fungsional)", value: f.training ?? ""),
            Text(name: "experience", label: "Pengalaman kerja", value: f.experience ?? ""),
        ]
        texts = JobAnalysis.Part.allCases.map { Text(name: $0.rawValue, label: $0.label, value: f.text($0) ?? "") }
        // Blank rows between filled ones stay, so "Baris 3" is still the third row on screen.
        let posted = f.rows
        rows = Self.rows(Array(posted.prefix((posted.lastIndex { !$0.isBlank } ?? -1) + 1)))
    }

    /// "Belum ditentukan" first, then the keterampilan and keahlian ladders; none for other kinds.
    private static func grades(kind: PositionKind, selected: String) -> [Grade] {
        guard kind == .fungsional else { return [] }
        return [Grade(value: "", label: "Belum ditentukan", selected: selected.isEmpty)]
            + FunctionalGrade.allCases.map {
                Grade(value: $0.rawValue, label: $0.fullLabel, selected: $0.rawValue == selected)
            }
    }

    private static func rows(_ filled: [JobAnalysisForm.Row]) -> [Row] {
        let all = filled + Array(repeating: JobAnalysisForm.Row(), count: spareRows)
        return all.enumerated().map { i, r in
            Row(
                index: i, number: i + 1, description: r.description, output: r.output, unit: r.unit, volume: r.volume,
                norm: r.norm)
        }
    }

    /// Puts each error beside its field; all of them also go to the summary at the top.
    mutating func setErrors(_ list: [FieldError]) {
        errors = list.map(\.message)
        for e in list {
            if e.field == "positionClass" { positionClassError = e.message }
            if e.field == "functionalGrade" { gradeError = e.message }
            if let i = qualification.firstIndex(where: { "qualification." + $0.name == e.field }) {
                qualification[i].error = e.message
            }
            if let i = texts.firstIndex(where: { $0.name == e.field }) { texts[i].error = e.message }
            // `parse` names a task error by its row on the form, which is the row here.
            if let (k, _) = JobAnalysisForm.taskRow(e.field), rows.indices.contains(k) {
                rows[k].errors.append(e.message)
            }
        }
    }
}

/// The ABK report: one line per position, totals, and the table for CSV/XLSX.
struct WorkloadPageModel: Encodable {
    struct Line: Encodable {
        let unit: String
        let code: String
        let name: String
        let href: String
        let tasks: Int
        let hours: String
        let needed: String
        let holders: Int
        let difference: String
        let status: String
        let statusClass: String
        let efficiency: String
    }
    let filterAction = SiteURL.workload.path
    let scopeName: String
    let effectiveHours: String
    let unitOptions: [FormModel.Option]
    let lines: [Line]
    let positions: Int
    let analysed: Int
    let needed: String
    let holders: Int
    let difference: String
    let kurang: Int, sesuai: Int, lebih: Int
    let export: [String: String]
    /// For the download only: the page renders `lines`.
    let table: Table

    enum CodingKeys: String, CodingKey {
        case filterAction, scopeName, effectiveHours, unitOptions, lines, positions, analysed, needed, holders
        case difference, kurang, sesuai, lebih, export
    }

    init(_ r: WorkloadReport, scopeName: String, unitOptions: [FormModel.Option], export: [String: String]) {
        self.scopeName = scopeName
        effectiveHours = IndonesianFormat.integer(r.effectiveHours)
        self.unitOptions = unitOptions
        lines = r.lines.map { l in
            Line(
                unit: l.unitName, code: l.position.code, name: l.position.name,
                href: l.position.id.map { SiteURL.positionJobAnalysis($0).path } ?? "#", tasks: l.tasks,
                hours: IndonesianFormat.decimal(l.hours), needed: l.analysed ? IndonesianFormat.decimal(l.needed) : "—",
                holders: l.holders, difference: l.analysed ? IndonesianFormat.decimal(l.difference) : "—",
                status: l.analysed ? l.status.label : "Belum dianalisis",
                statusClass: l.analysed ? "formation-\(l.status.rawValue)" : "muted",
                efficiency: l.analysed ? l.efficiency.map { IndonesianFormat.decimal($0) } ?? "—" : "—")
        }
        positions = r.lines.count
        analysed = r.analysed.count
        needed = IndonesianFormat.decimal(r.neededTotal)
        holders = r.holdersTotal
        difference = IndonesianFormat.decimal(r.differenceTotal)
        kurang = r.count(.kurang)
        sesuai = r.count(.sesuai)
        lebih = r.count(.lebih)
        self.export = export
        // The file keeps plain numbers (a point decimal) so a spreadsheet can add them up.
        table = Table(
            header: [
                "Unit", "Kode jabatan", "Nama jabatan", "Tugas pokok", "Jam per tahun", "Jam kerja efektif",
                "Pegawai dibutuhkan", "Pemangku", "Selisih", "Status formasi",
            ],
            rows: r.lines.map { l in
                [
                    l.unitName, l.position.code, l.position.name, String(l.tasks), Self.plain(l.hours),
                    String(r.effectiveHours), l.analysed ? Self.plain(l.needed) : "", String(l.holders),
                    l.analysed ? Self.plain(l.difference) : "", l.analysed ? l.status.label : "Belum dianalisis",
                ]
            })
    }

    static func plain(_ x: Double) -> String { String(format: "%.2f", x) }
}
