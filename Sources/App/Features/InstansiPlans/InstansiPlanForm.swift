import Foundation
import KompetenCore
import Vapor

/// The add-item form as posted: every field a string, so what was typed comes back after an error.
struct InstansiPlanItemForm: Content {
    var opdId: String?
    var title: String?
    var form: String?
    var path: String?
    var quarter: String?
    var month: String?
    var participants: String?
    var targetGroup: String?
    var jp: String?
    var cost: String?
    var programId: String?

    init() {}

    /// The stored item as the edit form shows it.
    init(_ i: InstansiPlanItem) {
        opdId = i.opdID.uuidString
        title = i.title
        form = i.form
        path = i.path
        quarter = String(i.quarter)
        month = i.month.map(String.init)
        participants = String(i.participants)
        targetGroup = i.targetGroup
        jp = String(i.jp)
        cost = String(i.cost)
        programId = i.programmeID?.uuidString
    }

    static func number(_ s: String?) -> Int? {
        Int((s ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: ""))
    }

    /// The API input, or the problems (a number that is not one is named by its field).
    func parse() throws -> InstansiPlanItemInput {
        var v = FieldValidator()
        let opd = UUID(uuidString: opdId ?? "")
        v.require(opd != nil, field: "opdId", "Pilih OPD.")
        let q = Self.number(quarter)
        v.require(q != nil, field: "quarter", "Pilih triwulan.")
        let n = Self.number(participants)
        v.require(n != nil, field: "participants", "Jumlah peserta harus angka.")
        let j = Self.number(jp)
        v.require(j != nil, field: "jp", "JP per peserta harus angka.")
        let c = Self.number(cost)
        v.require(c != nil, field: "cost", "Biaya harus angka Rupiah tanpa desimal.")
        let m = (month ?? "").isEmpty ? nil : Self.number(month)
        v.require((month ?? "").isEmpty || m != nil, field: "month", "Bulan harus angka 1–12.")
        let programme = (programId ?? "").isEmpty ? nil : UUID(uuidString: programId ?? "")
        v.require((programId ?? "").isEmpty || programme != nil, field: "programId", "Program tidak dikenal.")
        try v.check()
        let input = InstansiPlanItemInput(
            opdId: opd!, title: title ?? "", form: form ?? "", path: (path ?? "").isEmpty ? nil : path,
            quarter: q!, month: m, participants: n!, targetGroup: targetGroup, jp: j!, cost: c!, competencyId: nil,
            programId: programme, providerId: nil)
        try input.validate()
        return input
    }

    func model(
        action: String, cancel: String, opds: [(UUID, String)], programmes: [(UUID, String)], errors: [FieldError],
        submitLabel: String = "Tambah butir"
    ) -> FormModel {
        func options(_ pairs: [(String, String)], _ selected: String?) -> [FormModel.Option] {
            pairs.map { FormModel.Option(value: $0.0, label: $0.1, selected: $0.0 == (selected ?? "")) }
        }
        return FormModel(
            action: action, submitLabel: submitLabel, cancelHref: cancel,
            fields: [
                .init(
                    name: "opdId", label: "OPD", type: "select",
                    options: options([("", "— pilih OPD —")] + opds.map { ($0.0.uuidString, $0.1) }, opdId)),
                .init(name: "title", label: "Kegiatan pengembangan", value: title ?? ""),
                .init(
                    name: "programId", label: "Program katalog", type: "select",
                    hint: "Realisasi dicocokkan dengan peserta program ini yang lulus dari OPD yang sama.",
                    required: false,
                    options: options(
                        [("", "— tanpa program katalog —")] + programmes.map { ($0.0.uuidString, $0.1) }, programId)),
                .init(
                    name: "form", label: "Jalur", type: "select",
                    options: options(DevelopmentForm.allCases.map { ($0.rawValue, $0.label) }, form ?? "klasikal")),
                .init(
                    name: "path", label: "Bentuk (kode jalur)", type: "select", required: false,
                    options: options(
                        [("", "— tidak ada (pendidikan) —")]
                            + DevelopmentPath.all.map { ($0.code, "\($0.code) \($0.name)") }, path)),
                .init(
                    name: "targetGroup", label: "Sasaran pegawai", value: targetGroup ?? "",
                    hint: "Mis. JF Perawat Ahli Pertama, pejabat pengawas baru.", required: false),
                .init(
                    name: "quarter", label: "Triwulan", type: "select",
                    options: options((1...4).map { (String($0), "Triwulan \($0)") }, quarter ?? "1")),
                .init(
                    name: "month", label: "Bulan", type: "select", required: false,
                    options: options(
                        [("", "— tidak ditentukan —")]
                            + (1...12).map { (String($0), InstansiPlanDetailModel.months[$0 - 1]) }, month)),
                .init(name: "participants", label: "Jumlah peserta", type: "number", value: participants ?? ""),
                .init(name: "jp", label: "JP per peserta", type: "number", value: jp ?? ""),
                .init(name: "cost", label: "Biaya seluruhnya (Rp)", type: "number", value: cost ?? ""),
            ], errors: errors)
    }
}

/// The new-plan form on the list page.
struct InstansiPlanCreateForm: Content {
    var year: String?
    var budget: String?
    var source: String?
}
