import Foundation
import KompetenCore

/// The standar pelayanan as a page shows it: the two groups with the 14 components, the version
/// and date, and the delivering staff against it. The public page gets the same model without
/// any person (`people` empty): only the counts.
struct StandardDocumentModel: Encodable {
    struct Item: Encodable {
        let key: String, number: Int, label: String, lines: [String], empty: Bool
    }
    struct Group: Encodable {
        let title: String, short: String, items: [Item]
    }
    struct Miss: Encodable {
        let name: String, nip: String, href: String, misses: String
    }
    struct VersionRow: Encodable {
        let version: Int, from: String, status: String, current: Bool
    }

    /// "Versi 2, berlaku sejak 1 Januari 2027".
    let heading: String
    let announced: Bool
    let groups: [Group]
    /// The six components the public needs at the counter (the poster shows these).
    let delivery: [Item]
    /// "3 dari 5 pelaksana memenuhi kompetensi pelaksana".
    let compliance: String
    let staffing: String
    let staffingShort: Bool
    let people: [Miss]
    let timeStandard: String
    let versions: [VersionRow]

    static func since(_ iso: String) -> String {
        iso == StandardHistory.beginning.iso
            ? "sejak layanan terdaftar"
            : "sejak " + (SimpleDate(iso: iso).map { IndonesianFormat.date($0) } ?? iso)
    }

    /// `mayOpen`: whether the viewer may open this employee's profile; nil hides every person.
    init(_ s: ServiceStandardState, people mayOpen: ((ServiceStandardDocumentQueries.Holder) -> Bool)?) {
        let doc = s.shown
        heading = "Versi \(doc.version), berlaku \(Self.since(doc.effectiveFrom))"
        announced = !s.inForce
        let names = s.dictionary.names
        func competencyLine(_ c: PelaksanaCompetency) -> String {
            "\(c.competencyCode) \(names[c.competencyCode] ?? "") — level \(c.requiredLevel)"
        }
        groups = ServiceStandardGroup.allCases.map { g in
            Group(
                title: g.label, short: g.shortLabel,
                items: g.components.map { c in
                    let lines: [String]
                    switch c {
                    case .kompetensiPelaksana: lines = s.content.competencies.map(competencyLine)
                    case .jumlahPelaksana:
                        lines =
                            (s.content.staffCount > 0 ? ["\(s.content.staffCount) orang"] : [])
                            + (s.content.staffNote.isEmpty ? [] : [s.content.staffNote])
                    default:
                        lines = s.content.text(c).split(separator: "\n").map {
                            $0.trimmingCharacters(in: .whitespaces)
                        }.filter { !$0.isEmpty }
                    }
                    return Item(key: c.rawValue, number: c.number, label: c.label, lines: lines, empty: lines.isEmpty)
                })
        }
        delivery = groups.first?.items ?? []
        compliance =
            s.content.competencies.isEmpty
            ? "Kompetensi pelaksana belum ditetapkan (\(s.tally.staff) pelaksana)."
            : "\(s.tally.meeting) dari \(s.tally.staff) pelaksana memenuhi kompetensi pelaksana."
        staffing = "Jumlah pelaksana: " + s.staffing.label + "."
        staffingShort = s.staffing.shortfall > 0
        if let mayOpen {
            // Only the people the viewer may see at all (the same rule as their profile).
            people = s.holders.compactMap { h in
                guard let misses = s.tally.missing[h.id], mayOpen(h) else { return nil }
                return Miss(
                    name: h.name, nip: h.nip, href: SiteURL.employee(h.id).path,
                    misses: misses.map { m in
                        "\(m.competencyCode) \(names[m.competencyCode] ?? ""): "
                            + (m.actual.map { "level \($0) dari \(m.required)" }
                                ?? "belum dinilai (perlu \(m.required))")
                    }.joined(separator: "; "))
            }
        } else {
            people = []
        }
        timeStandard =
            s.time.map {
                "\($0.text) (\(Self.since($0.effectiveFrom)); dipakai menilai ketepatan waktu setiap permohonan)"
            }
            ?? "—"
        let current = ServiceStandardVersioning.inForce(s.versions.map(\.versionInfo), on: s.today)?.number
        versions = s.versions.map { d in
            VersionRow(
                version: d.version, from: Self.since(d.effectiveFrom),
                status: d.version == current ? "berlaku" : d.effectiveDate > s.today ? "akan berlaku" : "riwayat",
                current: d.version == current)
        }
    }
}
