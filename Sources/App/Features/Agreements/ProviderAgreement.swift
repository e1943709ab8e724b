import Fluent
import Foundation
import KompetenCore

/// An agreement (MoU or PKS) between the instansi and one training provider: its number, term,
/// scope, signatories and, once uploaded, the signed PDF (an `evidence_files` row).
final class ProviderAgreement: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "provider_agreements"
    static var instansiKey: KeyPath<ProviderAgreement, FieldProperty<ProviderAgreement, UUID>> {
        \ProviderAgreement.$instansiID
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "provider_id") var providerID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "number") var number: String
    @Field(key: "title") var title: String
    @Field(key: "scope") var scope: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "signatories") var signatories: String
    @OptionalField(key: "file_id") var fileID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var agreementKind: AgreementKind { AgreementKind(rawValue: kind) ?? .pks }
    /// Dates are validated on the way in; a row that still fails to parse covers nothing.
    var term: AgreementTerm? { AgreementTerm(startISO: startDate, endISO: endDate) }

    var record: ProviderAgreementRecord {
        ProviderAgreementRecord(
            id: id!, kind: kind, number: number, title: title, scope: scope, startDate: startDate, endDate: endDate,
            signatories: signatories, hasFile: fileID != nil)
    }
}
