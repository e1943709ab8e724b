import Foundation
import KompetenCore

/// BKPPD's list of batches whose dates no agreement of their provider covers.
struct UncoveredBatchesModel: Encodable {
    struct Row: Encodable {
        let provider: String, providerHref: String, programme: String, programmeHref: String, batch: String
        let batchHref: String, dates: String
    }
    let rows: [Row]
    let export: [String: String]

    init(_ list: [AgreementQueries.UncoveredBatch], export: [String: String]) {
        self.export = export
        rows = list.map { u in
            Row(
                provider: u.providerName, providerHref: SiteURL.provider(u.providerID).path,
                programme: "\(u.programmeCode) \(u.programmeTitle)",
                programmeHref: SiteURL.programme(u.programmeID).path,
                batch: u.batchName, batchHref: SiteURL.batch(u.batchID).path,
                dates: ProviderPageModel.period(u.startDate, u.endDate))
        }
    }
}
