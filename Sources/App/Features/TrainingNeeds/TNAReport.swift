import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// The needs analysis of a scope: who needs what, the programmes that raise it, and the city's
/// plan document in the layout of PP 11/2017 Ps 207 (competency, target employees, form and path,
/// provider, schedule, budget).
struct TNAReport {
    let year: Int
    /// Per competency, from a grouped query.
    let summary: [CompetencyNeed]
    let totalPeople: Int
    let totalNeeds: Int
    /// The per-person rows asked for: none, one page, or all of them (downloads).
    let needs: [TNAQueries.NeedRow]
    let catalogue: TNAQueries.Catalogue
    let competencyNames: [String: String]
    let providers: [UUID: Provider]
    let batches: [UUID: [Batch]]
    /// Needs of the other sources (kinerja, pelatihan wajib), every one: they are few.
    let sourced: [TNASourceQueries.Row]
    /// Which sources the per-person list and its download show (nil: all).
    var source: NeedSource? = nil

    enum Detail {
        case none
        case page(Range<Int>)
        case all
    }

    static func build(
        instansiID: UUID, unitIDs: [UUID]?, year: Int, today: SimpleDate, detail: Detail, on db: any Database
    ) async throws -> TNAReport {
        let summary = try await TNAQueries.tally(instansiID: instansiID, unitIDs: unitIDs, on: db)
        let counts = try await TNAQueries.count(instansiID: instansiID, unitIDs: unitIDs, on: db)
        let needs: [TNAQueries.NeedRow]
        switch detail {
        case .none: needs = []
        case .page(let range):
            needs = try await TNAQueries.needs(instansiID: instansiID, unitIDs: unitIDs, range: range, on: db)
        case .all: needs = try await TNAQueries.needs(instansiID: instansiID, unitIDs: unitIDs, on: db)
        }
        let catalogue = try await TNAQueries.catalogue(instansiID: instansiID, on: db)
        let names = Dictionary(
            try await Competency.query(on: db).filter(\.$instansiID == instansiID).all().map { ($0.code, $0.name) },
            uniquingKeysWith: { a, _ in a })
        let providers = try await Provider.query(on: db).filter(\.$instansiID == instansiID).all()
        let first = String(format: "%04d-01-01", year)
        let last = String(format: "%04d-12-31", year)
        let batches = try await Batch.query(on: db).filter(\.$instansiID == instansiID)
            .filter(\.$startDate >= first).filter(\.$startDate <= last).sort(\.$startDate).all()
        return TNAReport(
            year: year, summary: summary, totalPeople: counts.people, totalNeeds: counts.needs, needs: needs,
            catalogue: catalogue,
            competencyNames: names, providers: Dictionary(uniqueKeysWithValues: providers.map { ($0.id!, $0) }),
            batches: Dictionary(grouping: batches, by: \.programmeID),
            sourced: try await TNASourceQueries.needs(
                instansiID: instansiID, unitIDs: unitIDs, planYear: year, today: today, on: db))
    }

    /// Needs per source: competency gaps (person × competency) from the grouped count, the
    /// others counted from their rows; `jabatan tujuan` is not derived (nil).
    var sourceTotals: [(source: NeedSource, count: Int?)] {
        let others = SourcedNeed.totals(sourced.map(\.need))
        return NeedSource.allCases.map { s in
            switch s {
            case .standarJabatan: (s, totalNeeds)
            case .jabatanTujuan: (s, nil)
            case .kinerja, .pelatihanWajib: (s, others[s] ?? 0)
            }
        }
    }

    /// The other sources' rows the filter lets through.
    var sourcedShown: [TNASourceQueries.Row] {
        guard let source else { return sourced }
        return sourced.filter { $0.need.source == source }
    }

    /// Whether the competency-gap rows are shown under the filter.
    var showsCompetencyGaps: Bool { source == nil || source == .standarJabatan }

    func programmeIDs(for need: TNAQueries.NeedRow) -> [UUID] {
        catalogue.analysis.matches(competencyCode: need.competencyCode, gap: need.gap).compactMap(
            UUID.init(uuidString:))
    }

    /// One line of the plan document per competency: the recommended programme is the first
    /// match for the most common gap size; the budget is that programme's cost for every target employee.
    struct PlanLine {
        let competencyCode: String
        let competencyName: String
        let people: Int
        let totalGap: Int
        let programme: Programme?
        let provider: Provider?
        let schedule: String
        let budget: Int
    }

    var planLines: [PlanLine] {
        summary.map { s in
            let typicalGap = s.byGap.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 1
            let programme = catalogue.analysis.matches(competencyCode: s.competencyCode, gap: typicalGap).first
                .flatMap(UUID.init(uuidString:)).flatMap { catalogue.programmes[$0] }
            let schedule =
                programme.map { p in
                    let list = batches[p.id!] ?? []
                    // Short: the number of batches and when each starts (the batch pages have the rest).
                    let starts = list.compactMap { SimpleDate(iso: $0.startDate).map(IndonesianFormat.date) }
                    return list.isEmpty
                        ? "Belum dijadwalkan \(year)"
                        : "\(list.count) angkatan, mulai " + starts.joined(separator: "; ")
                } ?? "Belum ada program di katalog"
            return PlanLine(
                competencyCode: s.competencyCode, competencyName: competencyNames[s.competencyCode] ?? s.competencyCode,
                people: s.people, totalGap: s.totalGap, programme: programme,
                provider: programme.flatMap { providers[$0.providerID] }, schedule: schedule,
                budget: (programme?.costPerParticipant ?? 0) * s.people)
        }
    }

    /// The plan document as a table (CSV/XLSX download).
    var planTable: Table {
        var rows: [[String]] = []
        for l in planLines {
            let form =
                l.programme.map { p in
                    p.developmentForm.label
                        + (p.path.flatMap(DevelopmentPath.named).map { " — \($0.code) \($0.name)" } ?? "")
                } ?? ""
            rows.append([
                l.competencyCode, l.competencyName, String(l.people), String(l.totalGap),
                l.programme.map { "\($0.code) \($0.title)" } ?? "", form, l.provider?.name ?? "", l.schedule,
                String(l.budget),
            ])
        }
        return Table(
            header: [
                "Kode kompetensi", "Kompetensi", "Sasaran pegawai (orang)", "Jumlah kesenjangan (level)", "Program",
                "Bentuk dan jalur", "Penyelenggara", "Jadwal \(year)", "Anggaran (Rp)",
            ], rows: rows)
    }

    /// Per employee and need (the detailed list): competency gaps, then the other sources, each
    /// row naming its source.
    var itemTable: Table {
        let gaps: [[String]] =
            showsCompetencyGaps
            ? needs.map { n in
                [
                    n.nip, n.name, NeedSource.standarJabatan.label, n.competencyCode, String(n.required),
                    String(n.actual), String(n.gap),
                    programmeIDs(for: n).prefix(3).compactMap { catalogue.programmes[$0]?.code }.joined(
                        separator: ", "),
                    "",
                ]
            } : []
        let others: [[String]] = sourcedShown.map { r in
            [r.nip, r.name, r.need.source.label, "", "", "", "", "", r.need.subject]
        }
        return Table(
            header: [
                "NIP", "Nama", "Sumber", "Kode kompetensi", "Standar", "Level saat ini", "Kesenjangan",
                "Program yang meningkatkan", "Kebutuhan",
            ],
            rows: gaps + others)
    }
}
