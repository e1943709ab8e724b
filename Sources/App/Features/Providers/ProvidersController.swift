import Fluent
import KompetenCore
import Vapor

/// The provider pages: list, register, edit (BKPPD).
enum ProvidersController {
    static func register(_ web: any RoutesBuilder) {
        web.get(SiteURL.providers.pathComponents, use: index)
        web.get(SiteURL.providerNew.pathComponents, use: newForm)
        web.post(SiteURL.providers.pathComponents, use: create)
        web.get(SiteURL.providerEdit(.routeParameter).pathComponents, use: editForm)
        web.post(SiteURL.providerEdit(.routeParameter).pathComponents, use: update)
        web.get(SiteURL.provider(.routeParameter).pathComponents, use: ProviderPageController.show)
    }

    struct Row: Encodable {
        let code: String, name: String, kind: String, accreditation: String, contact: String, programmes: Int,
            active: Bool
        /// Where the provider stands with its agreements today (nil: the reader is not told).
        let agreement: String?
        let href: String, programmesHref: String, editHref: String
    }
    struct ListModel: Encodable {
        let rows: [Row]
        let canEdit: Bool
        let newHref: String
        /// The "Perjanjian" column, for those who read agreements.
        let showsAgreements: Bool
        /// BKPPD's list of batches outside any agreement (nil for everyone else).
        let uncoveredHref: String?
    }

    static func index(req: Request) async throws -> Response {
        let actor = try req.actor
        let providers = try await ProviderService.list(actor, on: req.db)
        let counts = try await ProgrammeQueries.countsByProvider(actor, on: req.db)
        let terms = try await AgreementQueries.termsByProvider(actor, on: req.db)
        let today = WITA.today(req.now)
        let rows = try providers.map { p in
            Row(
                code: p.code, name: p.name, kind: p.providerKind.label, accreditation: p.accreditationLevel.label,
                contact: [p.contactName, p.phone, p.email].filter { !$0.isEmpty }.joined(separator: " · "),
                programmes: counts[try p.requireID()] ?? 0,
                active: p.isActive,
                agreement: Self.standing(p, terms[try p.requireID()] ?? [], actor, today),
                href: SiteURL.provider(try p.requireID()).path,
                programmesHref: SiteURL.programmes.path + "?provider=\(try p.requireID().uuidString)",
                editHref: SiteURL.providerEdit(try p.requireID()).path)
        }
        let model = ListModel(
            rows: rows, canEdit: AccessPolicy.providers(actor, .write).isAllowed, newHref: SiteURL.providerNew.path,
            showsAgreements: rows.contains { $0.agreement != nil },
            uncoveredHref: AccessPolicy.uncoveredBatches(actor).isAllowed ? SiteURL.uncoveredBatches.path : nil)
        return try await req.renderPage(
            "providers/index", title: "Lembaga Pelatihan", crumbs: [Crumb("Lembaga pelatihan")], model)
    }

    private static func standing(_ p: Provider, _ terms: [AgreementTerm], _ actor: Principal, _ today: SimpleDate)
        -> String?
    {
        guard AccessPolicy.agreements(actor, .read, providerID: p.id!).isAllowed else { return nil }
        guard p.providerKind.needsAgreement else { return "Tidak diperlukan" }
        return AgreementTerm.standing(of: terms, on: today)?.label ?? "Belum ada"
    }

    struct FormValues: Content {
        var code: String?, name: String?, kind: String?, accreditation: String?, contactName: String?, phone: String?,
            email: String?, address: String?, active: String?

        init() {}
        init(_ p: Provider) {
            code = p.code
            name = p.name
            kind = p.kind
            accreditation = p.accreditation
            contactName = p.contactName
            phone = p.phone
            email = p.email
            address = p.address
            active = p.isActive ? "1" : "0"
        }
        var input: ProviderInput {
            ProviderInput(
                code: code ?? "", name: name ?? "", kind: kind ?? "", accreditation: accreditation,
                contactName: contactName,
                phone: phone, email: email, address: address, active: (active ?? "1") == "1")
        }
    }

    static func newForm(req: Request) async throws -> Response {
        try req.authorize(AccessPolicy.providers(try req.actor, .write))
        return try await render(req, FormValues(), id: nil, errors: [])
    }

    static func create(req: Request) async throws -> Response {
        try AccessPolicy.mayCreate(try req.actor, .provider).require() // access before the form is read
        let values = try req.content.decode(FormValues.self)
        do {
            let p = try await ProviderService.create(values.input, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Lembaga \(p.name) didaftarkan.", to: req)
            return req.redirect(to: SiteURL.providers.path)
        } catch let failure as ValidationFailure {
            return try await render(req, values, id: nil, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await render(req, values, id: nil, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    static func editForm(req: Request) async throws -> Response {
        let actor = try req.actor
        try req.authorize(AccessPolicy.providers(actor, .write))
        let p = try await ProviderService.find(try req.parameters.require("id"), actor, on: req.db)
        return try await render(req, FormValues(p), id: p.id, errors: [])
    }

    static func update(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        try AccessPolicy.providers(try req.actor, .write).require() // access before the form is read
        _ = try await ProviderService.find(id, try req.actor, on: req.db)
        let values = try req.content.decode(FormValues.self)
        do {
            let p = try await ProviderService.update(id, values.input, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(.success, "Perubahan lembaga \(p.name) disimpan.", to: req)
            return req.redirect(to: SiteURL.provider(id).path)
        } catch let failure as ValidationFailure {
            return try await render(req, values, id: id, errors: failure.errors)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await render(req, values, id: id, errors: [.init(field: "code", message: abort.reason)])
        }
    }

    private static func render(_ req: Request, _ v: FormValues, id: UUID?, errors: [FieldError]) async throws
        -> Response
    {
        let title = id == nil ? "Daftarkan Lembaga Pelatihan" : "Ubah Lembaga Pelatihan"
        let form = FormModel(
            action: id.map { SiteURL.providerEdit($0).path } ?? SiteURL.providers.path, submitLabel: "Simpan",
            cancelHref: SiteURL.providers.path,
            fields: [
                .init(name: "code", label: "Kode", value: v.code ?? "", hint: "Singkat dan unik, mis. BPSDMD-NTT."),
                .init(name: "name", label: "Nama lembaga", value: v.name ?? ""),
                .init(
                    name: "kind", label: "Jenis", type: "select", value: v.kind ?? "",
                    options: FormModel.options(
                        ProviderKind.allCases, selected: v.kind, value: \.rawValue, label: \.label, empty: "— pilih —")),
                .init(
                    name: "accreditation", label: "Akreditasi", type: "select", value: v.accreditation ?? "",
                    options: FormModel.options(
                        Accreditation.allCases, selected: v.accreditation ?? "belum", value: \.rawValue, label: \.label)
                ),
                .init(name: "contactName", label: "Narahubung", value: v.contactName ?? "", required: false),
                .init(name: "phone", label: "Telepon", type: "tel", value: v.phone ?? "", required: false),
                .init(name: "email", label: "Email", type: "email", value: v.email ?? "", required: false),
                .init(name: "address", label: "Alamat", type: "textarea", value: v.address ?? "", required: false),
                .init(
                    name: "active", label: "Status", type: "select", value: v.active ?? "1",
                    options: [
                        .init(value: "1", label: "Aktif", selected: (v.active ?? "1") == "1"),
                        .init(value: "0", label: "Nonaktif", selected: v.active == "0"),
                    ]),
            ], errors: errors)
        return try await req.renderPage(
            "common/form", title: title, crumbs: [Crumb("Lembaga pelatihan", .providers), Crumb(title)],
            FormPage(form: form), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
