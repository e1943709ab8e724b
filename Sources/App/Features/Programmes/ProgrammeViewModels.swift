import Foundation
import KompetenCore
import Vapor

struct CatalogueModel: Encodable {
    let filterAction = SiteURL.programmes.path
    struct Row: Encodable {
        let code: String
        let title: String
        let href: String
        let form: String
        let provider: String
        let providerName: String
        let raises: String
        let jp: Int
        let cost: String
        let capacity: Int
        let active: Bool
    }
    let rows: [Row]
    let q: String
    let competencyOptions: [FormModel.Option]
    let formOptions: [FormModel.Option]
    let providerOptions: [FormModel.Option]
    let paging: PagingModel
    let export: [String: String]
    let canCreate: Bool
    let newHref = SiteURL.programmeNew.path

    init(
        dtos: [ProgrammeDTO], providerNames: [UUID: String], providerCodes: [UUID: String], providers: [Provider],
        competencies: [Competency],
        params: ProgrammesController.ListParams, paging: PagingModel, export: [String: String], canCreate: Bool
    ) {
        rows = dtos.map { d in
            Row(
                code: d.code, title: d.title, href: SiteURL.programme(d.id).path,
                form: d.path.flatMap(DevelopmentPath.named).map { "\($0.code) \($0.name)" }
                    ?? (DevelopmentForm(rawValue: d.form)?.label ?? d.form),
                provider: providerCodes[d.providerId] ?? "", providerName: providerNames[d.providerId] ?? "",
                raises: d.competencies.map { "\($0.competencyCode) +\($0.levelGain)" }.joined(separator: ", "),
                jp: d.jp, cost: IndonesianFormat.money(d.costPerParticipant), capacity: d.capacity, active: d.active)
        }
        q = params.q ?? ""
        competencyOptions = FormModel.options(
            competencies, selected: params.competency, value: \.code, label: { "\($0.code) \($0.name)" },
            empty: "Semua kompetensi")
        formOptions = FormModel.options(
            DevelopmentForm.allCases, selected: params.form, value: \.rawValue, label: \.label, empty: "Semua bentuk")
        providerOptions = FormModel.options(
            providers, selected: params.provider, value: { $0.id!.uuidString }, label: \.name, empty: "Semua lembaga")
        self.paging = paging
        self.export = export
        self.canCreate = canCreate
    }
}

struct ProgrammeDetailModel: Encodable {
    struct Item: Encodable {
        let label: String
        let value: String
    }
    struct BatchRow: Encodable {
        let name: String
        /// Nil when the reader may not open the batch page (its participant list).
        let href: String?
        let dates: String
        let place: String
        let seats: String
        let waiting: Int
        let full: Bool
        /// No agreement of the provider covers the batch's dates (nil: the reader is not told).
        let outsideAgreement: Bool
    }
    let code: String
    let title: String
    let description: String
    let facts: [Item]
    let raises: [Item]
    let batches: [BatchRow]
    let can: ProgrammeCapabilities
    let editHref: String
    /// The batch form (the page's only form, so the shared form partial renders it).
    let form: FormModel?
    var effectiveness: ProgrammeEffectivenessModel? = nil

    init(
        _ d: ProgrammeDTO, provider: Provider?, names: [String: String], batches: [Batch], waiting: [UUID: Int],
        uncovered: Set<UUID>, today: SimpleDate, can: ProgrammeCapabilities, batchForm: FormModel?
    ) {
        code = d.code
        title = d.title
        description = d.description
        let path = d.path.flatMap(DevelopmentPath.named)
        facts = [
            Item(label: "Kode", value: d.code),
            Item(label: "Bentuk", value: DevelopmentForm(rawValue: d.form)?.label ?? d.form),
            Item(label: "Jalur", value: path.map { "\($0.code) — \($0.name)" } ?? "—"),
            Item(label: "Penyelenggara", value: provider.map { "\($0.name) (\($0.accreditationLevel.label))" } ?? "—"),
            Item(
                label: "Akreditasi program (LAN)",
                value: ProgrammeAccreditation.label(
                    Accreditation(rawValue: d.lanAccreditation) ?? .belum,
                    until: d.lanAccreditationUntil.flatMap(SimpleDate.init(iso:)), on: today)
                    + (d.lanAccreditationNumber.isEmpty ? "" : " — \(d.lanAccreditationNumber)")),
            Item(
                label: "Jam pelajaran",
                value: "\(d.jp) JP (\(IndonesianFormat.integer(d.jp * JPRule.minutesPerJP)) menit)"),
            Item(label: "Biaya per peserta", value: IndonesianFormat.money(d.costPerParticipant)),
            Item(label: "Kapasitas per angkatan", value: "\(d.capacity) peserta"),
            Item(
                label: "Kehadiran minimum untuk lulus",
                value: "\(d.minimumAttendance) % (di bawahnya hanya dengan alasan)"),
            Item(
                label: "Pelatihan wajib",
                value: d.mandatoryKind.flatMap(MandatoryKind.init(rawValue:)).map { "Memenuhi \($0.label)" } ?? "—"),
            Item(label: "Status", value: d.active ? "Aktif" : "Nonaktif"),
        ]
        raises = d.competencies.map {
            Item(label: "\($0.competencyCode) \(names[$0.competencyCode] ?? "")", value: "+\($0.levelGain) level")
        }
        self.batches = batches.map { b in
            let dates = [SimpleDate(iso: b.startDate), SimpleDate(iso: b.endDate)].map {
                $0.map(IndonesianFormat.date) ?? "?"
            }
            return BatchRow(
                name: b.name, href: can.openBatches ? SiteURL.batch(b.id!).path : nil,
                dates: "\(dates[0]) – \(dates[1])",
                place: BatchPageModel.place(b), seats: "\(b.seatsTaken) / \(b.capacity)",
                waiting: waiting[b.id!] ?? 0, full: b.seatsTaken >= b.capacity,
                outsideAgreement: uncovered.contains(b.id!))
        }
        self.can = can
        editHref = SiteURL.programmeEdit(d.id).path
        self.form = batchForm
    }
}

/// The programme form. Competencies are typed as `M.5=1; T.01=2` (code = levels gained): one
/// field, readable in the audit log, no script needed.
struct ProgrammeFormValues: Content {
    var code: String?, title: String?, form: String?, path: String?, providerId: String?, competencies: String?
    var jp: String?, costPerParticipant: String?, capacity: String?, description: String?, active: String?
    var minimumAttendance: String?
    var mandatoryKind: String?
    var lanAccreditation: String?, lanAccreditationNumber: String?, lanAccreditationUntil: String?

    init() {}
    init(_ d: ProgrammeDTO) {
        code = d.code
        title = d.title
        form = d.form
        path = d.path
        providerId = d.providerId.uuidString
        competencies = d.competencies.map { "\($0.competencyCode)=\($0.levelGain)" }.joined(separator: "; ")
        jp = String(d.jp)
        costPerParticipant = String(d.costPerParticipant)
        capacity = String(d.capacity)
        description = d.description
        active = d.active ? "1" : "0"
        minimumAttendance = String(d.minimumAttendance)
        mandatoryKind = d.mandatoryKind
        lanAccreditation = d.lanAccreditation
        lanAccreditationNumber = d.lanAccreditationNumber
        lanAccreditationUntil = d.lanAccreditationUntil
    }

    func input() throws -> ProgrammeInput {
        var v = FieldValidator()
        func number(_ text: String?, _ field: String, _ message: String) -> Int {
            let digits = (text ?? "").replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
            guard let n = Int(digits) else {
                v.add(field: field, message)
                return 0
            }
            return n
        }
        let jp = number(jp, "jp", "Isi JP dengan bilangan bulat.")
        let cost = number(
            costPerParticipant, "costPerParticipant", "Isi biaya dengan angka rupiah (mis. 2500000 atau 2.500.000).")
        let capacity = number(capacity, "capacity", "Isi kapasitas dengan bilangan bulat.")
        let typedMinimum = (minimumAttendance ?? "").trimmingCharacters(in: .whitespaces)
        let minimum =
            typedMinimum.isEmpty
            ? CompletionRule.defaultMinimumAttendance
            : number(
                typedMinimum.replacingOccurrences(of: "%", with: ""), "minimumAttendance",
                "Isi kehadiran minimum dengan bilangan bulat 1–100.")
        let pairs = CodeValueList.parse(competencies ?? "")
        let raises =
            pairs?.compactMap { code, value in Int(value).map { RaiseDTO(competencyCode: code, levelGain: $0) } } ?? []
        if pairs == nil || raises.count != pairs?.count {
            v.add(field: "competencies", "Tulis KODE=kenaikan level dipisah titik koma, mis. M.5=1; T.01=2.")
        }
        guard let provider = UUID(uuidString: providerId ?? "") else {
            v.add(field: "providerId", "Pilih lembaga penyelenggara.")
            throw ValidationFailure(errors: v.errors)
        }
        try v.check()
        return ProgrammeInput(
            code: code ?? "", title: title ?? "", form: form ?? "", path: path, providerId: provider,
            competencies: raises,
            jp: jp, costPerParticipant: cost, capacity: capacity, description: description,
            active: (active ?? "1") == "1",
            minimumAttendance: minimum, mandatoryKind: mandatoryKind, lanAccreditation: lanAccreditation,
            lanAccreditationNumber: lanAccreditationNumber, lanAccreditationUntil: lanAccreditationUntil)
    }

    func form(action: String, cancel: String, providers: [Provider], errors: [FieldError]) -> FormModel {
        FormModel(
            action: action, submitLabel: "Simpan", cancelHref: cancel,
            fields: [
                .init(
                    name: "code", label: "Kode program", value: code ?? "",
                    hint: "Unik di katalog, mis. BIMTEK-ADMINDUK-01."),
                .init(name: "title", label: "Judul", value: title ?? ""),
                .init(
                    name: "providerId", label: "Penyelenggara", type: "select", value: providerId ?? "",
                    options: FormModel.options(
                        providers, selected: providerId, value: { $0.id!.uuidString }, label: \.name, empty: "— pilih —"
                    )),
                .init(
                    name: "form", label: "Bentuk", type: "select", value: form ?? "",
                    options: FormModel.options(
                        DevelopmentForm.allCases, selected: form, value: \.rawValue, label: \.label, empty: "— pilih —")
                ),
                .init(
                    name: "path", label: "Jalur", type: "select", value: path ?? "",
                    hint: "Kosongkan untuk pendidikan.",
                    required: false,
                    options: FormModel.options(
                        DevelopmentPath.all, selected: path, value: \.code, label: { "\($0.code) \($0.name)" },
                        empty: "— tanpa jalur (pendidikan) —")),
                .init(
                    name: "competencies", label: "Kompetensi yang ditingkatkan", value: competencies ?? "",
                    hint: "KODE=kenaikan level dipisah titik koma, mis. M.5=1; T.01=2."),
                .init(name: "jp", label: "Jam pelajaran (JP)", type: "number", value: jp ?? ""),
                .init(
                    name: "costPerParticipant", label: "Biaya per peserta (Rp)", value: costPerParticipant ?? "",
                    hint: "Tanpa desimal, mis. 2.500.000."),
                .init(name: "capacity", label: "Kapasitas per angkatan", type: "number", value: capacity ?? ""),
                .init(
                    name: "minimumAttendance", label: "Kehadiran minimum untuk lulus (%)", type: "number",
                    value: minimumAttendance ?? String(CompletionRule.defaultMinimumAttendance),
                    hint:
                        "Di bawah angka ini kelulusan hanya dicatat dengan alasan (tercatat di log audit). Standar 90."),
                .init(
                    name: "mandatoryKind", label: "Memenuhi pelatihan wajib", type: "select",
                    value: mandatoryKind ?? "",
                    hint:
                        "Lulus dari program ini memenuhi kewajiban pelatihan tersebut (Latsar CPNS, PKP, PKA, PKN II).",
                    required: false,
                    options: FormModel.options(
                        MandatoryKind.allCases, selected: mandatoryKind, value: \.rawValue, label: \.label,
                        empty: "— bukan pelatihan wajib —")),
                .init(
                    name: "lanAccreditation", label: "Akreditasi program (LAN)", type: "select",
                    value: lanAccreditation ?? "belum",
                    hint: "Akreditasi program pelatihan oleh LAN, di samping akreditasi lembaganya.",
                    options: FormModel.options(
                        Accreditation.allCases, selected: lanAccreditation ?? "belum", value: \.rawValue,
                        label: \.label)),
                .init(
                    name: "lanAccreditationNumber", label: "Nomor sertifikat akreditasi program",
                    value: lanAccreditationNumber ?? "", hint: "Wajib bila terakreditasi.", required: false),
                .init(
                    name: "lanAccreditationUntil", label: "Akreditasi berlaku sampai", type: "date",
                    value: lanAccreditationUntil ?? "", required: false),
                .init(
                    name: "description", label: "Uraian", type: "textarea", value: description ?? "", required: false),
                .init(
                    name: "active", label: "Status", type: "select", value: active ?? "1",
                    options: [
                        .init(value: "1", label: "Aktif", selected: (active ?? "1") == "1"),
                        .init(value: "0", label: "Nonaktif", selected: active == "0"),
                    ]),
            ], errors: errors)
    }
}

/// What a programme's page offers its reader, each from the decision its route enforces.
struct ProgrammeCapabilities: Encodable {
    /// "Ubah program" and the batch form (`programme(.write)`).
    let edit: Bool
    /// The links to the batches' pages, which list their participants (`participantScope`).
    let openBatches: Bool

    init(_ actor: Principal, providerID: UUID) {
        edit = AccessPolicy.programme(actor, .write, providerID: providerID).isAllowed
        openBatches = AccessPolicy.participantScope(actor, providerID: providerID).isSuccess
    }
}

struct BatchFormValues: Content {
    var name: String?, startDate: String?, endDate: String?, capacity: String?, place: String?, online: String?

    init(capacity: String) { self.capacity = capacity }

    var input: BatchInput {
        BatchInput(
            name: name ?? "", startDate: startDate ?? "", endDate: endDate ?? "", capacity: Int(capacity ?? ""),
            place: place, online: online == "1")
    }

    func form(programmeID: UUID, errors: [FieldError]) -> FormModel {
        FormModel(
            action: "/programs/\(programmeID.uuidString)/batches", submitLabel: "Jadwalkan angkatan",
            cancelHref: SiteURL.programme(programmeID).path,
            fields: [
                .init(name: "name", label: "Nama angkatan", value: name ?? "", hint: "Mis. Angkatan I 2026."),
                .init(name: "startDate", label: "Tanggal mulai", type: "date", value: startDate ?? ""),
                .init(name: "endDate", label: "Tanggal selesai", type: "date", value: endDate ?? ""),
                .init(name: "capacity", label: "Kapasitas", type: "number", value: capacity ?? ""),
                .init(name: "place", label: "Tempat", value: place ?? "", required: false),
                .init(
                    name: "online", label: "Pelaksanaan", type: "select", value: online ?? "0",
                    options: [
                        .init(value: "0", label: "Tatap muka", selected: online != "1"),
                        .init(value: "1", label: "Daring", selected: online == "1"),
                    ]),
            ], errors: errors)
    }
}
