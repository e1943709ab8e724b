import Foundation
import KompetenCore
import Vapor

/// The posted user form; employees are chosen by NIP, which people know, rather than by id.
struct UserFormValues: Content {
    var username: String?
    var password: String?
    var role: String?
    var unitId: String?
    var employeeNip: String?
    var providerId: String?
    var active: String?
    /// "1" when the admin ticked "temporary password" (create form).
    var temporary: String?
    var email: String?
    /// "1" when "Kirim ringkasan harian lewat e-mail" is ticked.
    var digest: String?

    init() {
        digest = "1"
        role = Role.employee.rawValue
        active = "1"
    }
    init(_ u: User, employeeNip: String?) {
        username = u.username
        role = u.role
        unitId = u.unitID?.uuidString
        providerId = u.providerID?.uuidString
        self.employeeNip = employeeNip
        active = u.isActive ? "1" : "0"
        email = u.email
        digest = u.digestEnabled ? "1" : ""
    }

    func withoutPassword() -> UserFormValues {
        var v = self
        v.password = nil
        return v
    }

    var unitUUID: UUID? { unitId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) } }
    var providerUUID: UUID? { providerId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) } }
    func newUserInput(employeeID: UUID?) -> NewUserInput {
        NewUserInput(
            username: (username ?? "").trimmingCharacters(in: .whitespaces).lowercased(), password: password ?? "",
            role: role ?? "", unitId: unitUUID, employeeId: employeeID, providerId: providerUUID,
            temporary: temporary == "1", email: email ?? "", digestEnabled: digest == "1")
    }
    func updateInput(employeeID: UUID?) -> UserUpdateInput {
        UserUpdateInput(
            role: role, unitId: unitUUID, employeeId: employeeID, providerId: providerUUID, active: active == "1",
            email: email ?? "", digestEnabled: digest == "1")
    }
}

struct UserFormModel: Encodable {
    let form: FormModel
    let passwordAction: String?
    let tokensHref: String?

    init(
        values: UserFormValues, userID: UUID?, actor: Principal, opds: [Unit], providers: [Provider],
        errors: [FieldError]
    ) {
        let roles = FormModel.options(
            AccessPolicy.assignableRoles(by: actor), selected: values.role, value: \.rawValue, label: \.label)
        let units = FormModel.options(
            opds, selected: values.unitId, value: { $0.id!.uuidString }, label: { "\($0.code) — \($0.name)" },
            empty: "— Pilih OPD (untuk operator) —")
        var fields: [FormModel.Field] = []
        if userID == nil {
            fields.append(
                .init(
                    name: "username", label: "Nama pengguna", value: values.username ?? "",
                    hint: "3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung.", autocomplete: "off"))
            fields.append(
                .init(
                    name: "password", label: "Kata sandi awal", type: "password", hint: "Minimal 10 karakter.",
                    autocomplete: "new-password"))
            fields.append(
                .init(
                    name: "temporary", label: "Kata sandi sementara", type: "checkbox", value: values.temporary ?? "",
                    hint: "Pengguna wajib menggantinya dengan kata sandi pilihannya sendiri saat pertama masuk.",
                    required: false))
        }
        fields.append(.init(name: "role", label: "Peran", type: "select", value: values.role ?? "", options: roles))
        fields.append(
            .init(
                name: "unitId", label: "OPD (khusus operator)", type: "select", value: values.unitId ?? "",
                required: false, options: units))
        fields.append(
            .init(
                name: "employeeNip", label: "NIP pegawai (khusus peran pegawai dan atasan)",
                value: values.employeeNip ?? "",
                hint: "Akun dihubungkan ke data pegawai dengan NIP ini.", required: false))
        fields.append(
            .init(
                name: "providerId", label: "Lembaga pelatihan (khusus peran lembaga pelatihan)", type: "select",
                value: values.providerId ?? "", required: false,
                options: FormModel.options(
                    providers, selected: values.providerId, value: { $0.id!.uuidString }, label: \.name,
                    empty: "— Pilih lembaga —")))
        fields += EmailFields.fields(email: values.email, digest: values.digest)
        if userID != nil {
            fields.append(
                .init(
                    name: "active", label: "Status akun", type: "select", value: values.active ?? "1",
                    options: [
                        .init(value: "1", label: "Aktif", selected: values.active != "0"),
                        .init(value: "0", label: "Nonaktif", selected: values.active == "0"),
                    ]))
        }
        // The service names the employee by id; the form by NIP.
        form = FormModel(
            action: userID.map { SiteURL.userEdit($0).path } ?? SiteURL.users.path,
            submitLabel: userID == nil ? "Buat pengguna" : "Simpan perubahan",
            cancelHref: SiteURL.users.path, fields: fields,
            errors: EmployeeLookup.renamed(errors, from: "employeeId", to: "employeeNip"))
        // Not for one's own account: that is changed on /akun/password, with the current password.
        passwordAction = userID.flatMap { $0 == actor.userID ? nil : SiteURL.userPassword($0).path }
        tokensHref = userID.map { SiteURL.userTokens($0).path }
    }
}

struct UserListModel: Encodable {
    struct Row: Encodable {
        let username: String
        let role: String
        let binding: String
        let active: Bool
        let lastLogin: String
        let editHref: String
    }
    let rows: [Row]
    let newHref: String

    init(users: [User], units: [Unit], employees: [Employee]) {
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        let employeeNames = Dictionary(uniqueKeysWithValues: employees.map { ($0.id!, "\($0.name) (\($0.nip))") })
        rows = users.map { u in
            let binding = u.unitID.flatMap { unitNames[$0] } ?? u.employeeID.flatMap { employeeNames[$0] } ?? "—"
            return Row(
                username: u.username, role: u.userRole.label, binding: binding, active: u.isActive,
                lastLogin: u.lastLoginAt.map(IndonesianFormat.dateTime) ?? "belum pernah",
                editHref: SiteURL.userEdit(u.id!).path)
        }
        newHref = SiteURL.userNew.path
    }
}
