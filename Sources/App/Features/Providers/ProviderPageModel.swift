import Foundation
import KompetenCore

/// The page of one provider: its details, its agreements with their status today, its
/// programmes with LAN's accreditation and their effectiveness, and the batches delivered
/// outside any agreement.
struct ProviderPageModel: Encodable {
    struct Item: Encodable {
        let label: String
        let value: String
    }
    struct AgreementRow: Encodable {
        let kind: String, number: String, title: String, scope: String, period: String, signatories: String
        let status: String
        /// `ok`, `warning` or `muted`: how loudly the status is shown.
        let tone: String
        let fileHref: String?
        let editHref: String?
        let deleteAction: String?
    }
    struct ProgrammeRow: Encodable {
        let code: String, title: String, href: String, accreditation: String, active: Bool
        /// Effectiveness (nil when the reader may not see evaluations).
        let completed: String?, l1: String?, l2: String?, l3: String?, verdict: String?
        let uncovered: Int
    }
    struct UncoveredRow: Encodable {
        let programme: String, programmeHref: String, batch: String, batchHref: String?, dates: String
    }
    /// The plain inputs the controller reads.
    struct Agreements {
        let rows: [ProviderAgreementRecord]
        let canManage: Bool
    }

    let name: String
    let facts: [Item]
    let editHref: String?
    /// Nil when the reader may not see agreements (the section is left out).
    let agreements: [AgreementRow]?
    let newAgreementHref: String?
    let programmes: [ProgrammeRow]
    let showEffectiveness: Bool
    let effectivenessNote: String?
    let uncovered: [UncoveredRow]?
    /// Said instead of the agreement sections' silence for BKPPD's own training.
    let inHouseNote: String?

    init(
        provider: ProviderDTO, today: SimpleDate, canEdit: Bool, agreements: Agreements?,
        programmes: [ProgrammeDTO], effectiveness: [UUID: EffectivenessTally]?, scoped: Bool,
        uncovered: [AgreementQueries.UncoveredBatch]?, openBatches: Bool
    ) {
        name = provider.name
        inHouseNote =
            ProviderKind(rawValue: provider.kind)?.needsAgreement == false
            ? "Pelatihan internal BKPPD tidak memerlukan perjanjian kerja sama." : nil
        let kind = ProviderKind(rawValue: provider.kind)?.label ?? provider.kind
        facts = [
            Item(label: "Kode", value: provider.code),
            Item(label: "Jenis", value: kind),
            Item(
                label: "Akreditasi lembaga",
                value: (Accreditation(rawValue: provider.accreditation) ?? .belum).label),
            Item(
                label: "Narahubung",
                value: [provider.contactName, provider.phone, provider.email].filter { !$0.isEmpty }
                    .joined(separator: " · ").ifEmpty("—")),
            Item(label: "Alamat", value: provider.address.ifEmpty("—")),
            Item(label: "Status", value: provider.active ? "Aktif" : "Nonaktif"),
        ]
        editHref = canEdit ? SiteURL.providerEdit(provider.id).path : nil
        self.agreements = agreements.map { a in
            a.rows.map { r in Self.row(r, provider: provider.id, today: today, canManage: a.canManage) }
        }
        newAgreementHref = agreements?.canManage == true ? SiteURL.providerAgreementNew(provider.id).path : nil
        let uncoveredCount = Dictionary(grouping: uncovered ?? [], by: \.programmeID).mapValues(\.count)
        func d(_ x: Double?) -> String { x.map { IndonesianFormat.decimal($0, digits: 2) } ?? "—" }
        self.programmes = programmes.map { p in
            let t = effectiveness.map { $0[p.id] ?? EffectivenessTally() }
            return ProgrammeRow(
                code: p.code, title: p.title, href: SiteURL.programme(p.id).path,
                accreditation: ProgrammeAccreditation.label(
                    Accreditation(rawValue: p.lanAccreditation) ?? .belum,
                    until: p.lanAccreditationUntil.flatMap(SimpleDate.init(iso:)), on: today)
                    + (p.lanAccreditationNumber.isEmpty ? "" : " — \(p.lanAccreditationNumber)"),
                active: p.active,
                completed: t.map { IndonesianFormat.integer($0.completed) }, l1: t.map { d($0.l1Mean) },
                l2: t.map { d($0.l2MeanGain) }, l3: t.map { d($0.l3MeanChange) }, verdict: t?.verdict().label,
                uncovered: uncoveredCount[p.id] ?? 0)
        }
        showEffectiveness = effectiveness != nil
        effectivenessNote = scoped ? "Efektivitas hanya dari peserta OPD Anda." : nil
        self.uncovered = uncovered.map { list in
            list.map { u in
                UncoveredRow(
                    programme: "\(u.programmeCode) \(u.programmeTitle)",
                    programmeHref: SiteURL.programme(u.programmeID).path,
                    batch: u.batchName, batchHref: openBatches ? SiteURL.batch(u.batchID).path : nil,
                    dates: Self.period(u.startDate, u.endDate))
            }
        }
    }

    static func period(_ start: String, _ end: String) -> String {
        [start, end].map { SimpleDate(iso: $0).map(IndonesianFormat.date) ?? $0 }.joined(separator: " – ")
    }

    private static func row(_ r: ProviderAgreementRecord, provider: UUID, today: SimpleDate, canManage: Bool)
        -> AgreementRow
    {
        let status = r.term?.status(on: today) ?? .berakhir
        let tone: String =
            switch status {
            case .berlaku: "ok"
            case .akanBerakhir: "warning"
            case .berakhir, .belumBerlaku: "muted"
            }
        var label = status.label
        if status == .akanBerakhir, let t = r.term {
            label += " (\(t.daysLeft(on: today)) hari lagi)"
        }
        return AgreementRow(
            kind: (AgreementKind(rawValue: r.kind) ?? .pks).label, number: r.number, title: r.title, scope: r.scope,
            period: period(r.startDate, r.endDate), signatories: r.signatories, status: label, tone: tone,
            fileHref: r.hasFile ? SiteURL.providerAgreementFile(provider, agreement: r.id).path : nil,
            editHref: canManage ? SiteURL.providerAgreementEdit(provider, agreement: r.id).path : nil,
            deleteAction: canManage ? SiteURL.providerAgreementDelete(provider, agreement: r.id).path : nil)
    }
}

/// One agreement as the page reads it (a plain value: the model never sees the Fluent row).
struct ProviderAgreementRecord: Sendable {
    let id: UUID, kind: String, number: String, title: String, scope: String, startDate: String, endDate: String
    let signatories: String, hasFile: Bool

    var term: AgreementTerm? { AgreementTerm(startISO: startDate, endISO: endDate) }
}

extension String {
    fileprivate func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
