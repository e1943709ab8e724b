import Fluent
import KompetenCore
import Vapor

/// `/providers/{id}`: one provider with its agreements, programmes (LAN accreditation and
/// effectiveness) and the batches delivered outside any agreement.
enum ProviderPageController {
    static func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let p = try await ProviderService.find(try req.parameters.require("id"), actor, on: req.db)
        let id = try p.requireID()
        let today = WITA.today(req.now)
        // Each section follows its own rule: the page itself is readable by every role that
        // reads the catalogue; contracts and evaluation figures are not.
        let readsAgreements = AccessPolicy.agreements(actor, .read, providerID: id).isAllowed
        let agreements: ProviderPageModel.Agreements? =
            if readsAgreements {
                ProviderPageModel.Agreements(
                    rows: try await AgreementQueries.of(providerID: id, on: req.db).map(\.record),
                    canManage: AccessPolicy.agreements(actor, .write, providerID: id).isAllowed)
            } else { nil }
        let programmes = try await ProgrammeService.dtos(
            try await ProviderQueries.programmes(
                of: id, actor, includeInactive: AccessPolicy.seesInactiveProgrammes(actor), on: req.db),
            on: req.db)
        var effectiveness: [UUID: EffectivenessTally]? = nil
        var scoped = false
        if let units = try await EffectivenessQueries.visibleScope(actor, providerID: id, on: req.db) {
            effectiveness = try await EffectivenessQueries.byProgramme(
                .init(instansiID: p.instansiID, unitIDs: units), on: req.db)
            scoped = units != nil
        }
        let uncovered: [AgreementQueries.UncoveredBatch]? =
            if readsAgreements { try await AgreementQueries.uncoveredBatches(actor, providerID: id, on: req.db) } else {
                nil
            }
        let model = ProviderPageModel(
            provider: ProviderDTO(p), today: today, canEdit: AccessPolicy.providers(actor, .write).isAllowed,
            agreements: agreements, programmes: programmes, effectiveness: effectiveness, scoped: scoped,
            uncovered: uncovered, openBatches: AccessPolicy.participantScope(actor, providerID: id).isSuccess)
        return try await req.renderPage(
            "providers/show", title: p.name, crumbs: [Crumb("Lembaga pelatihan", .providers), Crumb(p.code)], model)
    }
}
