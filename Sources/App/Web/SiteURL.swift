import Foundation

/// Every page URL, in one typed place: links, redirects and form actions are built from it.
enum SiteURL {
    case home
    case login(next: String?)
    case logout
    case units
    case unit(UUID)
    case unitNew(parent: UUID?)
    case unitEdit(UUID)
    case unitDelete(UUID)
    case employees
    case employee(UUID)
    case users
    case userNew
    case userEdit(UUID)
    case userPassword(UUID)
    case audit
    case instansiList
    case instansiNew

    var path: String {
        switch self {
        case .home: "/"
        case .login(let next):
            if let next, next.hasPrefix("/"), !next.hasPrefix("//"), next != "/login" {
                "/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/")"
            } else { "/login" }
        case .logout: "/logout"
        case .units: "/units"
        case .unit(let id): "/units/\(id.uuidString)"
        case .unitNew(let parent): parent.map { "/units/new?parent=\($0.uuidString)" } ?? "/units/new"
        case .unitEdit(let id): "/units/\(id.uuidString)/edit"
        case .unitDelete(let id): "/units/\(id.uuidString)/delete"
        case .employees: "/employees"
        case .employee(let id): "/employees/\(id.uuidString)"
        case .users: "/admin/users"
        case .userNew: "/admin/users/new"
        case .userEdit(let id): "/admin/users/\(id.uuidString)/edit"
        case .userPassword(let id): "/admin/users/\(id.uuidString)/password"
        case .audit: "/admin/audit"
        case .instansiList: "/superadmin/instansi"
        case .instansiNew: "/superadmin/instansi/new"
        }
    }
}
