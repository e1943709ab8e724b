import KompetenCore
import KompetenFormats

/// "Kompetensi saya": the employee's profile against their standard, the gaps with the
/// programmes that close them, their JP and their plan.
struct MyHomeSection: Encodable {
    struct Offer: Encodable {
        let title: String
        let href: String
        let jp: Int
        let nextBatch: String?
        let batchHref: String?
    }
    struct Gap: Encodable {
        let code: String
        let name: String
        let levels: String
        let offers: [Offer]
    }
    let name: String
    let position: String
    let radar: String
    let jpm: String
    let category: String
    let profileHref: String
    let gaps: [Gap]
    let hasStandard: Bool
    let figures: [HomeFigure]

    init(_ f: MyHomeQueries.Figures) {
        name = f.name
        position = f.positionName ?? "Jabatan belum ditetapkan"
        hasStandard = f.gap != nil
        radar =
            f.gap.map { g in
                RadarChart.svg(
                    axes: g.items.map {
                        RadarChart.Axis(label: $0.competencyCode, required: $0.required, actual: $0.actual)
                    },
                    title: "Profil kompetensi \(f.name): standar jabatan dan hasil penilaian")
            } ?? ""
        jpm = f.gap?.jpm.map { IndonesianFormat.decimal($0) + " %" } ?? "—"
        category = f.gap?.category?.label ?? "belum dinilai"
        profileHref = SiteURL.employee(f.employeeID).path
        gaps = f.gaps.map { g in
            Gap(
                code: g.code, name: g.name, levels: "level \(g.actual.map(String.init) ?? "?") → \(g.required)",
                offers: g.programmes.map { p in
                    Offer(
                        title: p.title, href: SiteURL.programme(p.id).path, jp: p.jp,
                        nextBatch: p.nextBatch.map { b in
                            "\(b.name), mulai " + (SimpleDate(iso: b.start).map(IndonesianFormat.date) ?? b.start)
                        },
                        batchHref: p.nextBatch.map { SiteURL.batch($0.id).path })
                })
        }
        let jpLabel =
            f.jp.maximum.map { "JP saya \(f.year) (PPPK, paling banyak \($0))" } ?? "JP saya \(f.year) (hak 20 JP)"
        let jpValue = f.jp.maximum.map { "\(f.jp.jp) / \($0)" } ?? "\(f.jp.jp) / \(f.jp.minimum)"
        figures = [
            HomeFigure(id: "my-jp", label: jpLabel + " — " + f.jp.status, value: jpValue, href: profileHref),
            HomeFigure(
                id: "my-plan", label: "Rencana pengembangan \(f.year)",
                value: f.plan.status?.label ?? "Belum dibuat",
                href: f.plan.id.map { SiteURL.plan($0).path } ?? SiteURL.employeePlans(f.employeeID).path),
        ]
    }
}

/// "Tim saya": a supervisor's direct reports, their gaps as a small heat map (people ×
/// competencies, the number in each cell so colour never carries the meaning alone) and who
/// is below 20 JP.
struct TeamSection: Encodable {
    struct Cell: Encodable {
        let text: String
        let tone: String
        let title: String
    }
    struct Row: Encodable {
        let name: String
        let href: String
        let jpm: String
        let cells: [Cell]
    }
    struct Below: Encodable {
        let name: String
        let href: String
        let jp: Int
    }
    let codes: [String]
    let rows: [Row]
    let below: [Below]
    let size: Int

    init(_ members: [TeamHomeQueries.Member]) {
        size = members.count
        let codes = Set(members.flatMap { $0.gap?.items.map(\.competencyCode) ?? [] }).sorted()
        self.codes = codes
        rows = members.map { m in
            let items = Dictionary(
                (m.gap?.items ?? []).map { ($0.competencyCode, $0) }, uniquingKeysWith: { a, _ in a })
            return Row(
                name: m.name, href: SiteURL.employee(m.id).path,
                jpm: m.gap?.jpm.map { IndonesianFormat.decimal($0) + " %" } ?? "—",
                cells: codes.map { code in
                    guard let item = items[code] else {
                        return Cell(text: "", tone: "none", title: "tidak dipersyaratkan")
                    }
                    guard let gap = item.gap else {
                        return Cell(
                            text: "?", tone: "unknown", title: "\(code): belum dinilai, standar \(item.required)")
                    }
                    // gap = required − actual, written as the profile page writes it: +2 = two levels short.
                    return Cell(
                        text: gap > 0 ? "+\(gap)" : String(gap), tone: gap > 0 ? (gap >= 2 ? "gap2" : "gap1") : "met",
                        title: "\(code): level \(item.actual ?? 0), standar \(item.required)")
                })
        }
        below = members.filter { $0.jp.minimum > 0 && !$0.jp.met }.map {
            Below(name: $0.name, href: SiteURL.employee($0.id).path, jp: $0.jp.jp)
        }
    }
}
