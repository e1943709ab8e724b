import Fluent
import Foundation
import KompetenCore
import KompetenFormats
import Vapor

/// The service catalogue pages (`/services`): list, detail with records and IKM, the standard
/// form, record import, the responses review and paper-survey entry.
enum ServicesController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.services.pathComponents, use: index)
        web.get(SiteURL.serviceNew.pathComponents, use: newForm)
        web.post(SiteURL.services.pathComponents, use: create)
        web.get(SiteURL.service(.routeParameter).pathComponents, use: show)
        web.get(SiteURL.serviceEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.service(.routeParameter).pathComponents, use: update)
        web.get(SiteURL.serviceRecordsTemplate(.routeParameter).pathComponents, use: recordsTemplate)
        web.on(
            .POST, SiteURL.serviceRecords(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: importRecords)
        SurveyResponsesController.register(web, uploadLimit: uploadLimit)
    }

    struct IndexQuery: Content {
        var unit: String?
        /// `standar`, `sampel` or `catatan`: only the services on the attention list for that reason.
        var perhatian: String?
    }

    static func index(req: Request) async throws -> Response {
        let q = try req.query.decode(IndexQuery.self)
        let scope = try await ReportScope.resolve(req, unitParam: q.unit, policy: AccessPolicy.serviceScope)
        var attention: ServiceAttention?
        if let raw = q.perhatian, !raw.isEmpty {
            guard let reason = ServiceAttention(rawValue: raw) else {
                throw Abort(.badRequest, reason: "Filter perhatian: standar, sampel atau catatan.")
            }
            attention = reason
        }
        let today = WITA.today(req.now)
        let period = ServicePeriod(from: SimpleDate(year: today.year, month: 1, day: 1)!, to: today)
        var entries = try await ServiceOverviewQueries.load(
            instansiID: scope.instansiID, unitIDs: scope.unitIDs, today: today, on: req.db)
        if let attention { entries = entries.filter { $0.reasons.contains(attention) } }
        let names = Dictionary(uniqueKeysWithValues: scope.tree.flattened().map { ($0.node.id, $0.node.name) })
        let standards = try await ServiceStandards.current(
            entries.map { try $0.service.requireID() }, on: today, db: req.db)
        let rows = try entries.map { e -> ServiceListModel.Row in
            let s = e.service
            return try .init(
                href: SiteURL.service(s.requireID()).path, code: s.code, name: s.name, unit: names[s.unitID] ?? "",
                standard: standards[s.requireID()]?.text ?? s.standardText,
                fee: s.fee == 0 ? "Gratis" : IndonesianFormat.money(s.fee),
                volume: IndonesianFormat.integer(e.figures.count),
                onTime: ServiceFormat.share(e.figures.onTimeShare),
                respondents: IndonesianFormat.integer(e.tally.respondents),
                ikm: ServiceFormat.ikm(e.ikm), grade: e.ikm?.grade?.rawValue ?? "",
                active: s.isActive,
                missingMonths: e.missingMonths.map { IndonesianFormat.monthNames[$0 - 1] }.joined(separator: ", "))
        }
        let model = ServiceListModel(
            scopeName: scope.base?.name ?? "Seluruh instansi", period: period.label, rows: rows,
            attentionLabel: attention?.label,
            allHref: SiteURL.services.path + ((q.unit ?? "").isEmpty ? "" : "?unit=\(q.unit ?? "")"),
            showMissing: attention == .missingRecords,
            unitOptions: ServiceFormat.unitOptions(scope, selected: q.unit ?? ""),
            canCreate: AccessPolicy.mayCreate(try req.actor, .service).isAllowed, export: Export.links(req))
        if let format = try Export.requested(req) {
            return try Export.response(
                Table(
                    header: [
                        "Kode", "Layanan", "Unit", "Waktu standar", "Biaya", "Volume", "Tepat waktu", "Responden",
                        "IKM", "Mutu",
                    ],
                    rows: rows.map {
                        [
                            $0.code, $0.name, $0.unit, $0.standard, $0.fee, $0.volume, $0.onTime, $0.respondents,
                            $0.ikm, $0.grade,
                        ]
                    }),
                filename: "layanan-publik", format: format)
        }
        return try await req.renderPage(
            "services/index", title: "Katalog Layanan Publik", crumbs: [Crumb("Layanan publik")], model)
    }

    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let (s, unit) = try await ServiceCatalogue.find(try req.parameters.require("id"), for: actor, .read, on: req.db)
        return try await render(req, s, unit: unit, importErrors: [], importResult: nil, status: .ok)
    }

    static func render(
        _ req: Request, _ s: PublicService, unit: Unit, importErrors: [String], importResult: String?,
        status: HTTPStatus
    ) async throws -> Response {
        let actor = try req.actor
        let today = WITA.today(req.now)
        let weight = try await SettingsQueries.skmWeight(s.instansiID, on: req.db)
        let firstMonth = SimpleDate(year: today.year, month: today.month, day: 1)!.adding(months: -11)
        let months = try await ServiceRecordQueries.months(
            serviceIDs: [s.requireID()], from: firstMonth, to: today, on: req.db)
        let quarters = ReportPeriod.quarter.last(4, endingWith: today)
        let indicators = try await ServiceIndicators.load(
            instansiID: s.instansiID, services: [s], periods: quarters, on: req.db)
        let ikmRows = try quarters.enumerated().map { i, q in
            let cell = try indicators.cell(s.requireID(), i)
            return ServiceDetailModel.IKMRow(
                period: q.label, tally: cell.tally, weight: weight,
                population: cell.figures.count > 0 ? cell.figures.count : nil)
        }
        let positions = try await ServiceQueries.positions(of: s.requireID(), on: req.db)
        let history = try await ServiceStandards.history(s.requireID(), on: req.db)
        let current = try await ServiceStandards.current([s.requireID()], on: today, db: req.db)[s.requireID()]
        let standards = try await ServiceStandards.rows(s.requireID(), on: req.db).map {
            ServiceDetailModel.StandardRow($0, current: $0.effectiveFrom == current?.effectiveFrom)
        }
        let flagged = try await SurveyQueries.flaggedCount(serviceID: s.requireID(), on: req.db)
        var model = ServiceDetailModel(
            service: s, standard: current?.text ?? s.standardText, standards: standards, unit: unit.name,
            positions: positions.map { "\($0.code) \($0.name)" },
            surveyURL: SurveyLinks.publicURL(req, path: SiteURL.survey(s.shortCode).path),
            kioskURL: SiteURL.survey(s.shortCode).path + "?kios=1", qr: SiteURL.surveyQR(s.shortCode).path,
            months: months.reversed().map { ServiceDetailModel.MonthRow($0, history: history) }, ikm: ikmRows,
            canManage: AccessPolicy.manageService(actor, ServiceCatalogue.placement(s, unit: unit)).isAllowed,
            flagged: flagged, importErrors: importErrors, importResult: importResult, csrf: req.csrfToken)
        if let state = try await ServiceStandardDocumentQueries.state(s, today: today, on: req.db) {
            model.document = StandardDocumentModel(state) { h in
                AccessPolicy.employee(
                    actor, .read, Placement(instansiID: s.instansiID, opdID: h.opdID), employeeID: h.id,
                    supervisorID: h.supervisorID
                ).isAllowed
            }
        }
        if model.canManage { model.documentEditHref = try SiteURL.serviceStandardDocumentEdit(s.requireID()).path }
        model.publicStandardHref = SiteURL.publicStandard(s.shortCode).path
        model.standardPosterHref = SiteURL.publicStandardPoster(s.shortCode).path
        return try await req.renderPage(
            "services/show", title: s.name, crumbs: [Crumb("Layanan publik", .services), Crumb(s.code)], model,
            status: status)
    }

    // MARK: form

    struct Posted: Content {
        var code: String?
        var name: String?
        var unitId: String?
        var standard: String?
        var fee: String?
        var requirements: String?
        var legalBasis: String?
        var positions: String?
        var active: String?
    }

    static func newForm(req: Request) async throws -> Response {
        try AccessPolicy.mayCreate(try req.actor, .service).require()
        return try await form(req, posted: Posted(), service: nil, errors: [])
    }

    static func editForm(req: Request) async throws -> Response {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .write, on: req.db)
        let codes = try await ServiceQueries.positionCodes(of: s.requireID(), on: req.db)
        return try await form(
            req,
            posted: Posted(
                code: s.code, name: s.name, unitId: s.unitID.uuidString, standard: nil, fee: String(s.fee),
                requirements: s.requirements, legalBasis: s.legalBasis,
                positions: codes.sorted().joined(separator: ", "),
                active: s.isActive ? "1" : "0"), service: s, errors: [])
    }

    static func form(_ req: Request, posted: Posted, service: PublicService?, errors: [FieldError]) async throws
        -> Response
    {
        let scope = try await ReportScope.resolve(req, unitParam: nil, policy: AccessPolicy.serviceScope)
        let units = scope.tree.flattened().filter { scope.unitIDs == nil || scope.unitIDs!.contains($0.node.id) }
        var fields: [FormModel.Field] = [
            .init(
                name: "code", label: "Kode layanan", value: posted.code ?? "",
                hint: "Huruf besar, angka dan tanda hubung, mis. DUKCAPIL-KTP. Tautan survei: /s/kode-layanan."),
            .init(name: "name", label: "Nama layanan", value: posted.name ?? ""),
            .init(
                name: "unitId", label: "Unit penyelenggara", type: "select", value: posted.unitId ?? "",
                options: FormModel.options(
                    units, selected: posted.unitId, value: { $0.node.id.uuidString },
                    label: { String(repeating: "— ", count: $0.depth) + $0.node.name }, empty: "Pilih unit")),
            .init(
                name: "fee", label: "Biaya/tarif (Rp)", type: "number", value: posted.fee ?? "0",
                hint: "0 = gratis (layanan administrasi kependudukan tidak dipungut biaya)."),
            .init(
                name: "requirements", label: "Persyaratan", type: "textarea", value: posted.requirements ?? "",
                hint: "Satu persyaratan per baris.", required: false),
            .init(name: "legalBasis", label: "Dasar hukum", value: posted.legalBasis ?? "", required: false),
            .init(
                name: "positions", label: "Kode jabatan pelaksana", value: posted.positions ?? "",
                hint:
                    "Jabatan yang melayani (dipisah koma), mis. DUKCAPIL.B1.J2. Kompetensi pemangku jabatan ini dibandingkan dengan kinerja layanan.",
                required: false),
        ]
        if service == nil {
            // Once created, the standard changes through its dated history (ServiceStandardsController).
            fields.insert(
                .init(
                    name: "standard", label: "Waktu penyelesaian standar", value: posted.standard ?? "",
                    hint:
                        "Seperti tertulis di standar pelayanan: 60 menit, 2 jam, 1 hari (hari kalender) atau 28 hari kerja (tanpa Sabtu, Minggu, libur nasional dan cuti bersama)."
                ), at: 3)
        } else {
            fields.append(
                .init(
                    name: "active", label: "Status", type: "select", value: posted.active ?? "1",
                    options: [
                        .init(value: "1", label: "Aktif (survei terbuka)", selected: posted.active != "0"),
                        .init(value: "0", label: "Tidak aktif", selected: posted.active == "0"),
                    ]))
        }
        let action = try service.map { try SiteURL.service($0.requireID()).path } ?? SiteURL.services.path
        let model = try FormPage(
            form: FormModel(
                action: action, submitLabel: "Simpan layanan",
                cancelHref: service.map { try SiteURL.service($0.requireID()).path } ?? SiteURL.services.path,
                fields: fields, errors: errors),
            intro:
                "Standar pelayanan (PermenPANRB 15/2014): waktu penyelesaian, biaya/tarif, persyaratan dan dasar hukum."
        )
        return try await req.renderPage(
            "common/form", title: service == nil ? "Tambah layanan" : "Ubah layanan \(service!.code)",
            crumbs: [Crumb("Layanan publik", .services), Crumb(service == nil ? "Tambah" : "Ubah")], model,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The posted form as API input; field errors for what cannot be parsed.
    static func input(_ p: Posted, instansiID: UUID, creating: Bool, on db: any Database) async throws -> ServiceInput {
        var v = FieldValidator()
        let unitID = UUID(uuidString: p.unitId ?? "")
        v.require(unitID != nil, field: "unitId", "Pilih unit penyelenggara.")
        let standard = creating ? StandardTime(text: p.standard ?? "") : nil
        if creating {
            v.require(
                standard != nil, field: "standard",
                "Tulis waktu standar sebagai angka dan satuan: 60 menit, 2 jam, 1 hari, 28 hari kerja.")
        }
        let fee = Int((p.fee ?? "0").replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces))
        v.require(fee != nil, field: "fee", "Biaya/tarif berupa angka rupiah (0 = gratis).")
        let codes = (p.positions ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        var positionIDs: [UUID] = []
        if !codes.isEmpty {
            let found = try await ServiceQueries.positions(instansiID: instansiID, codes: codes, on: db)
            let missing = Set(codes).subtracting(found.map(\.code))
            v.require(
                missing.isEmpty, field: "positions",
                "Kode jabatan tidak dikenal: \(missing.sorted().joined(separator: ", ")).")
            positionIDs = try found.map { try $0.requireID() }
        }
        try v.check()
        return ServiceInput(
            code: p.code ?? "", name: p.name ?? "", unitId: unitID!, standardMinutes: nil,
            standardText: creating ? p.standard : nil,
            fee: fee,
            requirements: (p.requirements ?? "").split(whereSeparator: \.isNewline).map(String.init).filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            },
            legalBasis: p.legalBasis,
            positionIds: positionIDs, active: p.active.map { $0 != "0" },
            standardValue: standard?.value, standardUnit: standard?.unit.rawValue)
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .service).require() // access before the form is read
        let posted = try req.content.decode(Posted.self)
        do {
            guard let instansiID = actor.instansiID else { throw Abort(.forbidden) }
            let s = try await ServiceCatalogue.create(
                try await input(posted, instansiID: instansiID, creating: true, on: req.db), actor: actor, at: req.now,
                on: req.db)
            Flash.add(.success, "Layanan \(s.code) disimpan. Tautan survei: /s/\(s.shortCode).", to: req)
            return try req.redirect(to: SiteURL.service(s.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await form(req, posted: posted, service: nil, errors: failure.errors.map(formField))
        }
    }

    static func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let (s, _) = try await ServiceCatalogue.find(try req.parameters.require("id"), for: actor, .write, on: req.db)
        let posted = try req.content.decode(Posted.self)
        do {
            _ = try await ServiceCatalogue.update(
                s.requireID(), try await input(posted, instansiID: s.instansiID, creating: false, on: req.db),
                actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan layanan \(s.code) disimpan.", to: req)
            return try req.redirect(to: SiteURL.service(s.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await form(req, posted: posted, service: s, errors: failure.errors.map(formField))
        }
    }

    /// API field names → the form's (minutes are entered as "standard", positions as codes).
    private static func formField(_ e: FieldError) -> FieldError {
        switch e.field {
        case "standardMinutes", "standardText", "standardValue", "standardUnit":
            FieldError(field: "standard", message: e.message)
        case "positionIds": FieldError(field: "positions", message: e.message)
        default: e
        }
    }

    // MARK: records

    static func recordsTemplate(req: Request) async throws -> Response {
        let (s, _) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: try req.actor, .read, on: req.db)
        let kind = ServiceRecordsImport.Kind(rawValue: (try? req.query.get(String.self, at: "kind")) ?? "") ?? .months
        return try Export.response(
            ServiceRecordsImport.template(kind), filename: "catatan-\(kind.rawValue)-\(s.code)",
            format: try Export.requested(req) ?? .xlsx,
            sheet: kind == .tickets ? "Tiket" : "Bulanan")
    }

    static func importRecords(req: Request) async throws -> Response {
        let actor = try req.actor
        let (s, unit) = try await ServiceCatalogue.find(
            try req.parameters.require("id"), for: actor, .write, on: req.db)
        struct Upload: Content { var file: File? }
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return try await render(
                req, s, unit: unit, importErrors: ["Pilih berkas CSV atau XLSX terlebih dahulu."], importResult: nil,
                status: .unprocessableEntity)
        }
        do {
            let o = try await ServiceRecordsImport.run(
                Data(buffer: file.data), service: s, actor: actor, at: req.now, on: req.db)
            let what = o.kind == ServiceRecordsImport.Kind.tickets.rawValue ? "tiket" : "laporan bulanan"
            Flash.add(
                .success, "Impor \(what): \(o.imported) baru, \(o.updated) diperbarui (\(o.months.count) bulan).",
                to: req)
            return try req.redirect(to: SiteURL.service(s.requireID()).path + "#records")
        } catch let problems as ImportProblems {
            let lines = problems.problems.prefix(50).map {
                "Baris \($0.row)\($0.column.isEmpty ? "" : ", kolom \($0.column)"): \($0.message)"
            }
            return try await render(
                req, s, unit: unit, importErrors: lines, importResult: nil, status: .unprocessableEntity)
        }
    }
}

/// Small display rules shared by the service pages.
enum ServiceFormat {
    /// The IKM as printed: "—" without responses, "tidak lengkap" when an element went unanswered.
    static func ikm(_ r: IKMResult?) -> String {
        guard let r else { return "—" }
        return r.value.map { IndonesianFormat.decimal($0) } ?? "tidak lengkap"
    }
    static func share(_ x: Double?) -> String { x.map { IndonesianFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—" }
    /// "12 hari kerja" (one decimal when a median falls between two).
    static func workingDays(_ x: Double?) -> String {
        guard let x else { return "—" }
        return IndonesianFormat.decimal(x, digits: x == x.rounded() ? 0 : 1) + " hari kerja"
    }
    static func minutes(_ x: Double?) -> String {
        guard let x else { return "—" }
        if x >= 1440 { return IndonesianFormat.decimal(x / 1440, digits: 1) + " hari" }
        if x >= 120 { return IndonesianFormat.decimal(x / 60, digits: 1) + " jam" }
        return IndonesianFormat.decimal(x, digits: 0) + " menit"
    }
    static func unitOptions(_ scope: ReportScope, selected: String) -> [FormModel.Option] {
        [FormModel.Option(value: "", label: scope.base == nil ? "Seluruh instansi" : "—", selected: selected.isEmpty)]
            + scope.tree.roots.compactMap { scope.tree.node($0) }.map {
                .init(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == selected)
            }
    }
}
