import Foundation
import KompetenCore
import Vapor

/// `POST /api/v1/development-plans`: a new plan of a year, empty or from the optimiser.
struct InstansiPlanCreateInput: Content {
    var year: Int
    var budget: Int
    /// `optimiser` fills the items from the budget optimiser's result; `empty` (default) starts
    /// with none, for BKPPD to add by hand.
    var source: String?
    var ceilings: [CeilingInput]?
}

struct CeilingInput: Content, Equatable {
    var opdId: UUID
    var amount: Int
}

/// `PUT /api/v1/development-plans/{id}/budget`: the total budget and the ceiling per OPD
/// (the list given replaces the stored one).
struct InstansiPlanBudgetInput: Content {
    var budget: Int
    var ceilings: [CeilingInput]
}

/// An item as the API and the form send it.
struct InstansiPlanItemInput: Content {
    var opdId: UUID
    var title: String
    /// pendidikan, klasikal or nonklasikal.
    var form: String
    /// The path code (KL01…KL12, NKL01…NKL13); none for pendidikan.
    var path: String?
    var quarter: Int
    var month: Int?
    var participants: Int
    var targetGroup: String?
    var jp: Int
    var cost: Int
    var competencyId: UUID?
    var programId: UUID?
    var providerId: UUID?

    static let maxCost = 1_000_000_000_000

    /// Field problems, each named as the API names the field.
    func validate() throws {
        var v = FieldValidator()
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(TextRules.fits(t, 1...200), field: "title", "Nama kegiatan 1–200 karakter.")
        if let f = DevelopmentForm(rawValue: form) {
            v.require(
                DevelopmentPath.isValid(form: f, path: path), field: "path",
                f == .pendidikan
                    ? "Pendidikan tidak memakai kode jalur; kosongkan."
                    : "Kode jalur harus salah satu jalur \(f == .klasikal ? "klasikal (KL01–KL12)" : "nonklasikal (NKL01–NKL13)")."
            )
        } else {
            v.add(field: "form", "Bentuk: pendidikan, klasikal atau nonklasikal.")
        }
        v.require((1...4).contains(quarter), field: "quarter", "Triwulan 1–4.")
        if let month {
            v.require(
                (1...12).contains(month) && (month - 1) / 3 + 1 == quarter, field: "month",
                "Bulan 1–12 dan termasuk triwulan yang dipilih.")
        }
        v.require((1...100_000).contains(participants), field: "participants", "Jumlah peserta 1–100.000.")
        v.require((0...1_000).contains(jp), field: "jp", "JP per peserta 0–1.000.")
        v.require((0...Self.maxCost).contains(cost), field: "cost", "Biaya Rp 0 – Rp 1 triliun.")
        v.require(
            TextRules.fits(targetGroup ?? "", 0...500), field: "targetGroup", "Sasaran paling banyak 500 karakter.")
        try v.check()
    }
}

struct InstansiPlanTransitionInput: Content {
    var to: String
    var decreeNumber: String?
    /// The decree's date (yyyy-MM-dd); today (WITA) when not given.
    var decreeDate: String?
}

struct InstansiPlanRevisionInput: Content {
    var reason: String
}

struct PlanFiguresDTO: Content, Equatable {
    let participants: Int
    let jp: Int
    let budget: Int
    init(_ f: PlanFigures) {
        participants = f.participants
        jp = f.jp
        budget = f.budget
    }
}

struct InstansiPlanItemDTO: Content, Equatable {
    let id: UUID
    let opdId: UUID
    let opdName: String
    let title: String
    let form: String
    let path: String?
    let quarter: Int
    let month: Int?
    let participants: Int
    let targetGroup: String
    let jp: Int
    let cost: Int
    let competencyId: UUID?
    let programId: UUID?
    let providerId: UUID?
}

struct InstansiPlanSummaryDTO: Content, Equatable {
    let id: UUID
    let year: Int
    let status: String
    let revision: Int
    let budget: Int
    let decreeNumber: String?
    let decreeDate: String?
}

struct InstansiPlanListDTO: Content {
    let items: [InstansiPlanSummaryDTO]
}

struct InstansiPlanDTO: Content {
    struct Ceiling: Content, Equatable {
        let opdId: UUID
        let opdName: String
        let amount: Int?
        let planned: Int
        let overCeiling: Bool
    }
    struct OPDTotal: Content, Equatable {
        let opdId: UUID
        let opdName: String
        let totals: PlanFiguresDTO
    }
    struct FormTotal: Content, Equatable {
        /// pendidikan, klasikal or nonklasikal.
        let form: String
        let totals: PlanFiguresDTO
    }
    struct Revision: Content, Equatable {
        let number: Int
        let reason: String
        let createdAt: Date
    }

    let id: UUID
    let year: Int
    let status: String
    let revision: Int
    let budget: Int
    let decreeNumber: String?
    let decreeDate: String?
    let items: [InstansiPlanItemDTO]
    let ceilings: [Ceiling]
    let totals: PlanFiguresDTO
    let byOpd: [OPDTotal]
    let byForm: [FormTotal]
    let revisions: [Revision]
    /// The statuses the caller may move the plan to now.
    let transitions: [String]
}

struct RealisationDTO: Content {
    struct OPD: Content, Equatable {
        let opdId: UUID
        let opdName: String
        let planned: PlanFiguresDTO
        let realised: PlanFiguresDTO
    }
    struct Quarter: Content, Equatable {
        let quarter: Int
        let planned: PlanFiguresDTO
        let realised: PlanFiguresDTO
    }
    struct Unplanned: Content, Equatable {
        let programId: UUID
        let programTitle: String
        let opdId: UUID
        let opdName: String
        let quarter: Int
        let participants: Int
        let jp: Int
        let budget: Int
    }

    let year: Int
    let planned: PlanFiguresDTO
    let realised: PlanFiguresDTO
    let absorptionPercent: Int
    let byOpd: [OPD]
    let byQuarter: [Quarter]
    /// Items whose programme no participant of their OPD completed in the year.
    let notDone: [InstansiPlanItemDTO]
    let unplanned: [Unplanned]
}

struct EnrolmentCostInput: Content {
    /// Rupiah; null clears it.
    var actualCost: Int?
}
