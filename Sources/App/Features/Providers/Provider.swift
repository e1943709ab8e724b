import Fluent
import Foundation
import KompetenCore

/// A training institution (lembaga pelatihan) the city works with: BPSDMD Provinsi NTT, LAN,
/// universities, private institutions.
final class Provider: Model, InstansiOwned, @unchecked Sendable {
    static let schema = "providers"
    static var instansiKey: KeyPath<Provider, FieldProperty<Provider, UUID>> { \Provider.$instansiID }

    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "accreditation") var accreditation: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var providerKind: ProviderKind { ProviderKind(rawValue: kind) ?? .swasta }
    var accreditationLevel: Accreditation { Accreditation(rawValue: accreditation) ?? .belum }
}
