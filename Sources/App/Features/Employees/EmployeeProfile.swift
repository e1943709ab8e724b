import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// Everything the employee profile page shows, read in a handful of queries.
enum EmployeeProfileQuery {
    /// `revealNIK`: the admin asked to see the full NIK (the caller has logged it).
    static func load(_ e: Employee, actor: Principal, revealNIK: Bool = false, on db: any Database) async throws
        -> EmployeeProfileModel
    {
        let unit = try await Unit.find(e.unitID, on: db)
        let supervisor = try await e.supervisorID.asyncMap { try await Employee.find($0, on: db) } ?? nil
        let position = try await e.positionID.asyncMap { try await Position.find($0, on: db) } ?? nil
        let gap = try await GapEngine.employee(e, on: db)
        let (_, thresholds) = try await SettingsQueries.load(e.instansiID, on: db)
        let competencies = try await CompetencyQueries.all(instansiID: e.instansiID, on: db)
        let assessments = try await AssessmentQueries.history(employeeID: e.requireID(), on: db)
        let results = try await AssessmentResult.query(on: db).filter(
            \.$assessmentID ~~ assessments.map { try $0.requireID() }
        ).all()
        let assignments = try await EmployeeAssignment.query(on: db).filter(\.$employeeID == e.requireID()).sort(
            \.$startedAt, .descending
        ).all()
        let units = try await Unit.query(on: db).filter(\.$id ~~ Set(assignments.map(\.unitID))).all()
        let positions = try await Position.query(on: db).filter(\.$id ~~ Set(assignments.compactMap(\.positionID)))
            .all()
        let placement = Placement(instansiID: e.instansiID, opdID: unit?.opdID)
        return EmployeeProfileModel(
            e, unit: unit, supervisor: supervisor, position: position, gap: gap, thresholds: thresholds,
            competencies: competencies, assessments: assessments, results: results, assignments: assignments,
            units: units, positions: positions, showFullNIK: revealNIK && AccessPolicy.revealNIK(actor).isAllowed,
            nikRevealAction: AccessPolicy.revealNIK(actor).isAllowed && !revealNIK && e.nik != nil
                ? "/employees/\(try e.requireID().uuidString)/nik" : nil,
            canEdit: AccessPolicy.employee(
                actor, .write, placement, employeeID: try e.requireID(), supervisorID: e.supervisorID
            ).isAllowed,
            canAssess: AccessPolicy.recordAssessment(actor, placement).isAllowed)
    }
}

/// The profile page, from its own route and, with the full NIK, from the privacy reveal.
enum EmployeeProfilePage {
    /// The profile page; `revealNIK` only after the caller has checked and logged the reveal.
    static func render(_ req: Request, _ employee: Employee, actor: Principal, revealNIK: Bool = false)
        async throws -> Response
    {
        var profile = try await EmployeeProfileQuery.load(employee, actor: actor, revealNIK: revealNIK, on: req.db)
        let today = WITA.today(req.now)
        let development = try await EnrolmentQueries.employeeDevelopment(employee, year: today.year, on: req.db)
        profile.development = try EmployeeDevelopmentModel(employee, development, actor: actor, today: today)
        let performance = try await TalentQueries.employeePerformance(employee, actor: actor, on: req.db)
        profile.performance = try EmployeePerformanceModel(employee, performance)
        return try await req.renderPage(
            "employees/show", title: employee.name,
            crumbs: [Crumb("Pegawai", .employees), Crumb(employee.name)], profile)
    }
}

struct EmployeeProfileModel: Encodable {
    struct Item: Encodable {
        let label: String
        let value: String
        let href: String?
    }
    struct GapRow: Encodable {
        let code: String
        let name: String
        let required: Int
        let actual: String
        let gap: String
        let status: String
        let statusClass: String
    }
    struct AssessmentRow: Encodable {
        let date: String
        let method: String
        let assessor: String
        let counts: Bool
        let results: String
        let evidenceHref: String?
    }
    struct AssignmentRow: Encodable {
        let period: String
        let unit: String
        let position: String
    }
    let name: String
    let items: [Item]
    let hasPosition: Bool
    let jpm: String
    let category: String
    let formulaNote: String
    let gapRows: [GapRow]
    let radar: String
    let assessments: [AssessmentRow]
    let assignments: [AssignmentRow]
    let canEdit: Bool, canAssess: Bool
    /// Admins see the NIK masked until they ask (a POST, written to the audit log).
    let nikRevealAction: String?
    let editHref: String, assessHref: String
    var development: EmployeeDevelopmentModel? = nil
    var performance: EmployeePerformanceModel? = nil

    init(
        _ e: Employee, unit: Unit?, supervisor: Employee?, position: Position?, gap: GapResult?,
        thresholds: JPMThresholds,
        competencies: [Competency], assessments: [Assessment], results: [AssessmentResult],
        assignments: [EmployeeAssignment],
        units: [Unit], positions: [Position], showFullNIK: Bool, nikRevealAction: String?, canEdit: Bool,
        canAssess: Bool
    ) {
        name = e.name
        self.nikRevealAction = nikRevealAction
        let birth = SimpleDate(iso: e.birthDate).map { IndonesianFormat.date($0) } ?? e.birthDate
        items = [
            Item(label: "NIP", value: e.nip, href: nil),
            Item(label: "NIK", value: showFullNIK ? (e.nik ?? "—") : NIKMask.mask(e.nik), href: nil),
            Item(
                label: "Jenis kepegawaian",
                value: e.cpnsTMT.flatMap(SimpleDate.init(iso:)).map { "CPNS sejak \(IndonesianFormat.date($0))" }
                    ?? e.employmentType, href: nil),
            Item(label: "Golongan", value: e.rank, href: nil),
            Item(label: "Jenis kelamin", value: e.sex == 1 ? "Laki-laki" : "Perempuan", href: nil),
            Item(label: "Tanggal lahir", value: birth, href: nil),
            Item(label: "Unit kerja", value: unit?.name ?? "—", href: unit.map { SiteURL.unit($0.id!).path }),
            Item(
                label: "Jabatan",
                value: position.map { "\($0.name) (\($0.positionKind.label))" } ?? "— belum ditetapkan",
                href: position.map { SiteURL.position($0.id!).path }),
            Item(
                label: "TMT jabatan",
                value: e.positionTMT.flatMap(SimpleDate.init(iso:)).map(IndonesianFormat.date) ?? "—", href: nil),
            Item(
                label: "Atasan langsung", value: supervisor?.name ?? "—",
                href: supervisor.map { SiteURL.employee($0.id!).path }),
            Item(label: "Status", value: e.isActive ? "Aktif" : "Tidak aktif", href: nil),
        ]
        let names = Dictionary(uniqueKeysWithValues: competencies.map { ($0.code, $0.name) })
        let codes = Dictionary(uniqueKeysWithValues: competencies.map { ($0.id!, $0.code) })
        hasPosition = gap != nil
        jpm = gap?.jpm.map { IndonesianFormat.decimal($0) + "%" } ?? "—"
        category = gap?.category?.label ?? "—"
        formulaNote = "Kategori menurut ambang \(thresholds.purposeLabel)."
        gapRows = (gap?.items ?? []).map { item in
            GapRow(
                code: item.competencyCode, name: names[item.competencyCode] ?? "", required: item.required,
                actual: item.actual.map(String.init) ?? "—",
                gap: item.gap.map { $0 > 0 ? "+\($0)" : String($0) } ?? "—",
                status: item.status.label, statusClass: "status-" + item.status.rawValue)
        }
        radar =
            gap.map { g in
                ChartFigure.html(
                    id: "radar-chart", caption: "Profil kompetensi \(e.name): standar jabatan dan hasil penilaian",
                    chart: RadarChart.svg(
                        axes: g.items.map {
                            RadarChart.Axis(label: $0.competencyCode, required: $0.required, actual: $0.actual)
                        },
                        title: "Profil kompetensi \(e.name): standar jabatan dan hasil penilaian"),
                    data: Table(
                        header: ["Kompetensi", "Standar jabatan", "Hasil penilaian"],
                        rows: g.items.map {
                            [
                                "\($0.competencyCode) \(names[$0.competencyCode] ?? "")", String($0.required),
                                $0.actual.map(String.init) ?? "belum dinilai",
                            ]
                        }))
            } ?? ""
        let byAssessment = Dictionary(grouping: results, by: \.assessmentID)
        self.assessments = assessments.map { a in
            let list = (byAssessment[a.id!] ?? []).map { "\(codes[$0.competencyID] ?? "?") \($0.level)" }.sorted()
                .joined(separator: ", ")
            return AssessmentRow(
                date: SimpleDate(iso: a.assessedOn).map { IndonesianFormat.date($0) } ?? a.assessedOn,
                method: a.assessmentMethod.label, assessor: a.assessorName,
                counts: a.assessmentMethod.countsTowardProfile,
                results: list, evidenceHref: a.evidenceID.map { SiteURL.evidence($0).path })
        }
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        let positionNames = Dictionary(uniqueKeysWithValues: positions.map { ($0.id!, $0.name) })
        self.assignments = assignments.map { a in
            AssignmentRow(
                period: IndonesianFormat.date(a.startedAt) + " – "
                    + (a.endedAt.map(IndonesianFormat.date) ?? "sekarang"),
                unit: unitNames[a.unitID] ?? "—", position: a.positionID.flatMap { positionNames[$0] } ?? "—")
        }
        self.canEdit = canEdit
        self.canAssess = canAssess
        editHref = SiteURL.employeeEdit(e.id!).path
        assessHref = SiteURL.employeeAssessmentNew(e.id!).path
    }
}
