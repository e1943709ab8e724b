import Foundation
import KompetenCore
import Vapor

struct EmployeeListModel: Encodable {
    let filterAction = SiteURL.employees.path
    let exportXlsx = SiteURL.export(ImportsController.Kind.employees.rawValue).path + "?format=xlsx"
    let exportCsv = SiteURL.export(ImportsController.Kind.employees.rawValue).path + "?format=csv"
    struct Row: Encodable {
        let href: String
        let nip: String
        let name: String
        let type: String
        let rank: String
        let unit: String
        let nik: String
        let active: Bool
    }
    let rows: [Row]
    let paging: PagingModel
    let q: String
    let type: String
    let unitName: String?
    let unitID: String
    let canCreate: Bool
    let newHref: String

    init(employees: [Employee], units: [Unit], info: PageInfo, q: String, unit: Unit?, type: String, canCreate: Bool) {
        self.canCreate = canCreate
        newHref = SiteURL.employeeNew.path
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        rows = employees.map { e in
            Row(
                href: SiteURL.employee(e.id!).path, nip: e.nip, name: e.name,
                type: EmploymentStatus.of(employmentType: e.employmentType, cpnsStart: e.cpnsTMT)?.rawValue
                    ?? e.employmentType, rank: e.rank,
                unit: unitNames[e.unitID] ?? "—", nik: NIKMask.mask(e.nik), active: e.isActive)
        }
        self.q = q
        self.type = type
        unitName = unit?.name
        unitID = unit?.id?.uuidString ?? ""
        paging = PagingModel(
            info, path: SiteURL.employees.path,
            filters: [("q", q), ("unit", unit?.id?.uuidString), ("type", type)], noun: "pegawai")
    }
}

/// The posted employee form. Supervisor is chosen by NIP, which people know.
struct EmployeeFormValues: Content {
    var nip: String?, name: String?, employmentType: String?, rank: String?, unitId: String?, positionId: String?
    var supervisorNip: String?, nik: String?, active: String?
    var storedNIK: String?
    /// TMT jabatan (`yyyy-mm-dd`).
    var positionTmt: String?
    /// The record's version when the form was opened (hidden field).
    var version: String?

    init() {
        employmentType = "PNS"
        active = "1"
    }
    init(_ e: Employee, supervisorNip: String?) {
        nip = e.nip
        name = e.name
        employmentType =
            EmploymentStatus.of(employmentType: e.employmentType, cpnsStart: e.cpnsTMT)?.rawValue
            ?? e.employmentType
        positionTmt = e.positionTMT
        rank = e.rank
        unitId = e.unitID.uuidString
        positionId = e.positionID?.uuidString
        self.supervisorNip = supervisorNip
        active = e.isActive ? "1" : "0"
        // The NIK is never put back into the form (it would be revealed without a trace):
        // an empty field keeps the stored one.
        storedNIK = e.nik.map { NIKMask.mask($0) }
        version = String(e.version ?? 0)
    }

    func input(supervisorID: UUID?) throws -> EmployeeInput {
        guard let unit = unitId.flatMap(UUID.init(uuidString:)) else {
            throw ValidationFailure(errors: [.init(field: "unitId", message: "Pilih unit kerja.")])
        }
        return EmployeeInput(
            nip: nip ?? "", name: name ?? "", employmentType: employmentType ?? "", rank: rank ?? "", unitId: unit,
            positionId: positionId.flatMap { UUID(uuidString: $0) }, supervisorId: supervisorID,
            nik: (nik ?? "").isEmpty ? nil : nik, active: active.map { $0 == "1" },
            version: version.flatMap { Int($0) },
            positionTmt: positionTmt)
    }
}

struct EmployeeFormModel: Encodable {
    let form: FormModel

    init(_ v: EmployeeFormValues, id: UUID?, units: [Unit], positions: [Position], errors: [FieldError]) {
        let unitOptions = FormModel.options(
            units, selected: v.unitId, value: { $0.id!.uuidString }, label: { "\($0.code) — \($0.name)" },
            empty: "— Pilih unit —")
        let positionOptions = FormModel.options(
            positions, selected: v.positionId, value: { $0.id!.uuidString }, label: { "\($0.code) — \($0.name)" },
            empty: "— Belum ada jabatan —")
        form = FormModel(
            action: id.map { SiteURL.employeeEdit($0).path } ?? SiteURL.employees.path, submitLabel: "Simpan",
            cancelHref: id.map { SiteURL.employee($0).path } ?? SiteURL.employees.path,
            fields: [
                .init(
                    name: "nip", label: "NIP / NI PPPK", value: v.nip ?? "",
                    hint: "18 digit: tanggal lahir, TMT (atau tahun + 21 untuk PPPK), jenis kelamin, nomor urut."),
                .init(name: "name", label: "Nama lengkap (dengan gelar)", value: v.name ?? ""),
                .init(
                    name: "employmentType", label: "Jenis kepegawaian", type: "select", value: v.employmentType ?? "",
                    hint:
                        "CPNS: calon PNS dalam masa percobaan; TMT CPNS dibaca dari NIP, Latsar jatuh tempo satu tahun sesudahnya.",
                    options: EmploymentStatus.allCases.map(\.rawValue).map {
                        .init(value: $0, label: $0, selected: $0 == v.employmentType)
                    }),
                .init(name: "rank", label: "Golongan", value: v.rank ?? "", hint: "PNS: I/a–IV/e; PPPK: I–XVII."),
                .init(name: "unitId", label: "Unit kerja", type: "select", value: v.unitId ?? "", options: unitOptions),
                .init(
                    name: "positionId", label: "Jabatan", type: "select", value: v.positionId ?? "",
                    hint: "Jabatan harus berada di unit kerja yang dipilih.", required: false, options: positionOptions),
                .init(
                    name: "positionTmt", label: "TMT jabatan", type: "date", value: v.positionTmt ?? "",
                    hint: "Tanggal pelantikan pada jabatan ini; PKP/PKA/PKN II jatuh tempo sejak tanggal ini.",
                    required: false),
                .init(
                    name: "supervisorNip", label: "NIP atasan langsung", value: v.supervisorNip ?? "", required: false),
                .init(
                    name: "nik", label: "NIK", value: v.nik ?? "",
                    hint: v.storedNIK.map { "Tersimpan: \($0). Kosongkan agar tidak berubah." }
                        ?? "Data pribadi (16 digit).", required: false),
                .init(
                    name: "active", label: "Status", type: "select", value: v.active ?? "1",
                    options: [
                        .init(value: "1", label: "Aktif", selected: v.active != "0"),
                        .init(value: "0", label: "Tidak aktif", selected: v.active == "0"),
                    ]),
            ] + (id != nil ? [.init(name: "version", label: "Versi", type: "hidden", value: v.version ?? "")] : []),
            errors: EmployeeLookup.renamed(errors, from: "supervisorId", to: "supervisorNip"))
    }
}
