import Foundation
import KompetenCore
import Vapor

/// The body of `POST /api/v1/providers/{id}/agreements`, `PUT /api/v1/agreements/{id}` and of the form.
struct AgreementInput: Content {
    var kind: String? = nil
    var number: String
    var title: String? = nil
    var scope: String
    var startDate: String
    var endDate: String
    /// The signatories, one per line (e.g. "Wali Kota Kupang\nKepala BPSDMD Provinsi NTT").
    var signatories: String? = nil
}

struct AgreementDTO: Content, Equatable {
    let id: UUID
    let providerId: UUID
    let kind: String
    let number: String
    let title: String
    let scope: String
    let startDate: String
    let endDate: String
    let signatories: String
    /// On the request's day (WITA): belum_berlaku, berlaku, akan_berakhir, berakhir.
    let status: String
    let hasFile: Bool
    /// Where the signed PDF downloads from (API), nil before one is uploaded.
    let fileUrl: String?

    init(_ a: ProviderAgreement, today: SimpleDate) {
        id = a.id!
        providerId = a.providerID
        kind = a.kind
        number = a.number
        title = a.title
        scope = a.scope
        startDate = a.startDate
        endDate = a.endDate
        signatories = a.signatories
        status = (a.term?.status(on: today) ?? .berakhir).rawValue
        hasFile = a.fileID != nil
        fileUrl = a.fileID == nil ? nil : "/api/v1/agreements/\(a.id!)/file"
    }
}

/// What the audit log keeps of an agreement: its fields as sent, and the stored file (no
/// day-dependent status).
struct AgreementAudit: Encodable {
    let agreement: AgreementInput
    let fileId: UUID?

    init(_ a: ProviderAgreement) {
        agreement = AgreementInput(a)
        fileId = a.fileID
    }
}

extension AgreementInput {
    /// The stored agreement as an input (the form's values, the audit's record).
    init(_ a: ProviderAgreement) {
        self.init(
            kind: a.kind, number: a.number, title: a.title, scope: a.scope, startDate: a.startDate,
            endDate: a.endDate, signatories: a.signatories)
    }
}
