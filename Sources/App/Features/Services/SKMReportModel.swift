import Foundation
import KompetenCore
import KompetenFormats

/// The SKM report page (`/skm`) and its public read-only view (`/transparansi/skm/{id}`), both
/// from one `SKMReport`: sections I–VI of the PermenPANRB 14/2017 appendix. The public view has
/// no forms and no suggestion text (`saran` stays empty; only the count is shown).
struct SKMReportModel: Encodable {
    struct Preset: Encodable {
        let label: String
        let href: String
    }
    struct Element: Encodable {
        let code: String
        let name: String
        let answered: String
        let nrr: String
        let weighted: String
        let lowest: Bool
        let previous: String
        let change: String
    }
    struct ServiceRow: Encodable {
        let name: String
        let respondents: String
        let ikm: String
        let grade: String
        let sample: String
        let warning: Bool
    }
    struct Count: Encodable {
        let label: String
        let n: String
        let share: String
    }
    struct Profile: Encodable {
        let title: String
        let counts: [Count]
    }
    typealias Channels = TransparencyController.Model.Channels
    /// The respondents' suggestions (saran), newest first: for the unit only, never published.
    struct Saran: Encodable {
        let date: String
        let service: String
        let text: String
    }
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Action: Encodable {
        let index: Int
        let id: String
        let element: String
        let elementName: String
        let action: String
        let due: String
        let dueText: String
        let responsible: String
        let status: String
        let statusLabel: String
        let elements: [Option]
        let statuses: [Option]
    }
    struct Previous: Encodable {
        let period: String
        let respondents: String
        let ikm: String
        let grade: String
        let difference: String
    }

    let filterAction = SiteURL.skmReport.path
    let followUpAction = SiteURL.skmFollowUp.path
    let publishAction = SiteURL.skmPublish.path
    let withdrawAction = SiteURL.skmWithdraw.path
    let isPublic: Bool
    let instansi: String
    let scopeName: String
    let period: String
    let from: String
    let to: String
    let introduction: String
    let respondents: String
    let population: String
    let minimumSample: String
    let sampleVerdict: String
    let belowMinimum: Bool
    let channels: Channels
    let collection: String
    let weight: String
    let profiles: [Profile]
    let elements: [Element]
    let ikm: String
    let grade: String
    let label: String
    let services: [ServiceRow]
    let lowest: [String]
    let previous: Previous?
    let suggestionCount: String
    var saran: [Saran] = []
    let followUp: [Action]
    /// Empty rows under the table for new actions (web form only).
    let blankRows: [Action]
    let previousFollowUp: [Action]
    let note: String
    let hint: String
    let published: Bool
    let publishedAt: String
    var publicHref: String = ""
    var canWrite = false
    var unitID = ""
    var unitOptions: [FormModel.Option] = []
    var csrf = ""
    /// The preset's calendar period kind, carried by the forms.
    var kind = ""
    var export: [String: String] = [:]
    var presets: [Preset] = []

    init(_ r: SKMReport, instansi: String, isPublic: Bool) {
        self.isPublic = isPublic
        self.instansi = instansi
        scopeName = r.unit?.name ?? "Seluruh instansi"
        let from = SimpleDate(iso: r.period.from)
        let to = SimpleDate(iso: r.period.to)
        period = from.flatMap { f in to.map { "\(IndonesianFormat.date(f)) – \(IndonesianFormat.date($0))" } } ?? ""
        self.from = r.period.from
        self.to = r.period.to
        introduction =
            "Survei Kepuasan Masyarakat (SKM) pada \(scopeName) periode \(period) dilaksanakan berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik. Survei ini mengukur tingkat kepuasan masyarakat atas pelayanan yang diterima sebagai bahan penilaian dan perbaikan kualitas pelayanan publik, serta mendorong partisipasi masyarakat dalam menilai kinerja penyelenggara pelayanan."
        respondents = IndonesianFormat.integer(r.respondents)
        population = r.population.map(IndonesianFormat.integer) ?? "—"
        minimumSample = r.minimumSample.map(IndonesianFormat.integer) ?? "—"
        switch r.sampleReached {
        case true: sampleVerdict = "tercapai"
        case false: sampleVerdict = "belum tercapai"
        default: sampleVerdict = "tidak dapat dinilai (jumlah transaksi tidak tercatat)"
        }
        belowMinimum = r.sampleReached == false
        let c = r.channels
        channels = Channels(
            SurveyQueries.Channels(
                online: c.online, kiosk: c.kiosk, paper: c.paper, flagged: c.flagged, rejected: c.rejected))
        let first = r.collection.first.flatMap(SimpleDate.init(iso:))
        let last = r.collection.last.flatMap(SimpleDate.init(iso:))
        collection =
            first.flatMap { f in last.map { "\(IndonesianFormat.date(f)) – \(IndonesianFormat.date($0))" } }
            ?? "belum ada jawaban"
        weight = SKMWeight(setting: r.weight)?.label ?? r.weight
        let total = max(1, r.respondents)
        profiles = r.profile.map { block in
            Profile(
                title: block.title,
                counts: block.counts.map {
                    Count(
                        label: $0.label, n: IndonesianFormat.integer($0.n),
                        share: IndonesianFormat.decimal(Double($0.n) * 100 / Double(total), digits: 1) + " %")
                })
        }
        let lowestCodes = Set(r.lowest)
        elements = r.elements.enumerated().map { i, e in
            let p = r.previous?.elements[i]
            return Element(
                code: e.code, name: e.name, answered: IndonesianFormat.integer(e.answered), nrr: Self.nrr(e.nrr),
                weighted: Self.nrr(e.weighted), lowest: lowestCodes.contains(e.code), previous: Self.nrr(p?.nrr),
                change: Self.signed(p?.change, digits: 3))
        }
        ikm = r.ikm.map { IndonesianFormat.decimal($0) } ?? (r.respondents > 0 ? "tidak lengkap" : "—")
        grade = r.grade ?? ""
        label = r.label ?? "belum ada responden"
        services = r.services.map { s in
            ServiceRow(
                name: s.name, respondents: IndonesianFormat.integer(s.respondents),
                ikm: s.ikm.map { IndonesianFormat.decimal($0) } ?? (s.respondents > 0 ? "tidak lengkap" : "—"),
                grade: s.grade ?? "", sample: s.minimumSample.map(IndonesianFormat.integer) ?? "—",
                warning: s.sampleReached == false)
        }
        lowest = r.lowest.compactMap { code in SKMElement.named(code).map { "\(code) \($0.name)" } }
        previous = r.previous.map { p in
            let f = SimpleDate(iso: p.from)
            let t = SimpleDate(iso: p.to)
            return Previous(
                period: f.flatMap { f in t.map { "\(IndonesianFormat.date(f)) – \(IndonesianFormat.date($0))" } } ?? "",
                respondents: IndonesianFormat.integer(p.respondents),
                ikm: p.ikm.map { IndonesianFormat.decimal($0) } ?? "—", grade: p.grade ?? "",
                difference: Self.signed(p.difference, digits: 2))
        }
        suggestionCount = IndonesianFormat.integer(r.suggestionCount)
        followUp = r.followUp.enumerated().map { Self.action($1, index: $0) }
        blankRows = isPublic ? [] : (r.followUp.count..<(r.followUp.count + 3)).map { Self.blank($0) }
        previousFollowUp = r.previousFollowUp.enumerated().map { Self.action($1, index: $0) }
        note = r.note ?? ""
        hint =
            lowest.isEmpty
            ? ""
            : "Unsur dengan nilai terendah: \(lowest.joined(separator: "; ")). Tuliskan kegiatan perbaikan, waktu dan penanggung jawabnya untuk unsur-unsur ini."
        published = r.published
        publishedAt =
            r.publishedAt.flatMap { ISO8601DateFormatter().date(from: $0) }.map(IndonesianFormat.dateTime) ?? ""
    }

    static func nrr(_ x: Double?) -> String { x.map { IndonesianFormat.decimal($0, digits: 3) } ?? "—" }

    /// "+1,25" / "−0,50" / "0,00"; "—" when there is nothing to compare.
    static func signed(_ x: Double?, digits: Int) -> String {
        guard let x else { return "—" }
        let text = IndonesianFormat.decimal(abs(x), digits: digits)
        return x > 0 ? "+" + text : x < 0 ? "−" + text : text
    }

    static func options(element: String, status: String) -> ([Option], [Option]) {
        (
            SKMElement.standard.map {
                Option(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == element)
            },
            SKMFollowUpStatus.allCases.map {
                Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == status)
            }
        )
    }

    static func action(_ a: SKMReport.Action, index: Int) -> Action {
        let (elements, statuses) = options(element: a.element, status: a.status)
        return Action(
            index: index, id: a.id?.uuidString ?? "", element: a.element,
            elementName: SKMElement.named(a.element)?.name ?? "", action: a.action, due: a.due,
            dueText: SimpleDate(iso: a.due).map(IndonesianFormat.date) ?? a.due, responsible: a.responsible,
            status: a.status, statusLabel: SKMFollowUpStatus(rawValue: a.status)?.label ?? a.status,
            elements: elements, statuses: statuses)
    }

    static func blank(_ index: Int) -> Action {
        let (elements, statuses) = options(element: "", status: SKMFollowUpStatus.planned.rawValue)
        return Action(
            index: index, id: "", element: "", elementName: "", action: "", due: "", dueText: "", responsible: "",
            status: SKMFollowUpStatus.planned.rawValue, statusLabel: "", elements: elements, statuses: statuses)
    }

    /// The report's tables, one sheet each in the XLSX download.
    var sheets: [(name: String, table: Table)] {
        var out: [(name: String, table: Table)] = []
        out.append(
            (
                "Ringkasan",
                Table(
                    header: ["Keterangan", "Nilai"],
                    rows: [
                        ["Unit", scopeName], ["Periode", period], ["Populasi (transaksi)", population],
                        ["Sampel minimum (Krejcie–Morgan)", minimumSample], ["Jumlah responden", respondents],
                        ["Sampel minimum", sampleVerdict], ["Pengumpulan data", collection],
                        ["Kanal daring", channels.online], ["Kanal kios", channels.kiosk],
                        ["Kanal kertas", channels.paper], ["Ditandai (tetap dihitung)", channels.flagged],
                        ["Ditolak", channels.rejected], ["Bobot unsur", weight], ["IKM", ikm], ["Mutu", grade],
                        ["Kinerja", label], ["IKM periode sebelumnya", previous?.ikm ?? "—"],
                        ["Perubahan IKM", previous?.difference ?? "—"], ["Jumlah saran", suggestionCount],
                    ])
            ))
        out.append(
            (
                "Profil",
                Table(
                    header: ["Profil", "Kategori", "Jumlah", "Persentase"],
                    rows: profiles.flatMap { p in
                        p.counts.map { [p.title, $0.label, $0.n, $0.share] }
                    })
            ))
        out.append(("Hasil per unsur", table))
        out.append(
            (
                "Per layanan",
                Table(
                    header: ["Layanan", "Responden", "Sampel minimum", "IKM", "Mutu"],
                    rows: services.map { [$0.name, $0.respondents, $0.sample, $0.ikm, $0.grade] })
            ))
        let header = ["Unsur", "Kegiatan", "Waktu", "Penanggung jawab", "Status"]
        func rows(_ list: [Action]) -> [[String]] {
            list.map { ["\($0.element) \($0.elementName)", $0.action, $0.dueText, $0.responsible, $0.statusLabel] }
        }
        out.append(("Rencana tindak lanjut", Table(header: header, rows: rows(followUp))))
        out.append(("Tindak lanjut sebelumnya", Table(header: header, rows: rows(previousFollowUp))))
        return out
    }

    /// The elements with their NRR and the change since the previous period (the CSV download).
    var table: Table {
        Table(
            header: ["Unsur", "Nama", "Menjawab", "NRR", "NRR tertimbang", "NRR periode sebelumnya", "Perubahan"],
            rows: elements.map { [$0.code, $0.name, $0.answered, $0.nrr, $0.weighted, $0.previous, $0.change] }
                + [
                    [
                        "IKM", "\(ikm) \(grade) \(label)", respondents, "", "", previous?.ikm ?? "",
                        previous?.difference ?? "",
                    ]
                ])
    }
}
