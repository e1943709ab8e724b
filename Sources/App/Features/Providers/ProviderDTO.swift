import Foundation
import KompetenCore
import Vapor

struct ProviderInput: Content {
    var code: String
    var name: String
    var kind: String
    var accreditation: String?
    var contactName: String?
    var phone: String?
    var email: String?
    var address: String?
    var active: Bool?
}

struct ProviderDTO: Content, Equatable {
    let id: UUID
    let code: String
    let name: String
    let kind: String
    let accreditation: String
    let contactName: String
    let phone: String
    let email: String
    let address: String
    let active: Bool

    init(_ p: Provider) {
        id = p.id!
        code = p.code
        name = p.name
        kind = p.kind
        accreditation = p.accreditation
        contactName = p.contactName
        phone = p.phone
        email = p.email
        address = p.address
        active = p.isActive
    }
}
