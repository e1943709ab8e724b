/// Where a development need comes from (PP 11/2017 Ps 206): the gap to the standard of the
/// position held, the gap to a target position (career, succession), an SKP predicate below
/// *Baik*, or a mandatory training not yet followed. The raw value is what the API and the
/// exports carry.
public enum NeedSource: String, CaseIterable, Codable, Sendable {
    case standarJabatan = "standar_jabatan"
    case jabatanTujuan = "jabatan_tujuan"
    case kinerja
    case pelatihanWajib = "pelatihan_wajib"

    public var label: String {
        switch self {
        case .standarJabatan: "Standar jabatan"
        case .jabatanTujuan: "Jabatan tujuan"
        case .kinerja: "Kinerja"
        case .pelatihanWajib: "Pelatihan wajib"
        }
    }
}

extension SKPPredicate {
    /// Below *Baik* (Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang): a development need.
    public var needsDevelopment: Bool {
        switch self {
        case .sangatBaik, .baik: false
        case .butuhPerbaikan, .kurang, .sangatKurang: true
        }
    }
}

/// A need that is not a competency gap: the performance of a year, or a mandatory training.
public struct SourcedNeed: Sendable, Equatable {
    public let employee: String
    public let source: NeedSource
    /// What is needed, as the TNA shows it: `SKP 2025: Butuh Perbaikan`, `PKP (tenggat 2026-11-28)`.
    public let subject: String

    public init(employee: String, source: NeedSource, subject: String) {
        self.employee = employee
        self.source = source
        self.subject = subject
    }

    /// A predicate below Baik in the appraisal year: a need of source `kinerja`; Baik and above none.
    public static func performance(employee: String, year: Int, predicate: SKPPredicate) -> SourcedNeed? {
        guard predicate.needsDevelopment else { return nil }
        return SourcedNeed(employee: employee, source: .kinerja, subject: "SKP \(year): \(predicate.label)")
    }

    /// A mandatory training not done (due or overdue): a need of source `pelatihan wajib`.
    public static func mandatory(employee: String, requirement r: MandatoryRequirement) -> SourcedNeed? {
        guard r.status != .done else { return nil }
        let state = r.status == .overdue ? "terlambat sejak" : "tenggat"
        return SourcedNeed(
            employee: employee, source: .pelatihanWajib, subject: "\(r.kind.shortLabel) (\(state) \(r.dueDate.iso))")
    }

    /// The gap to the jabatan tujuan: one need per assessed competency below the target's level.
    /// An unassessed one is an assessment need first, as for the held position.
    public static func target(employee: String, positionName: String, gaps: [GapItem]) -> [SourcedNeed] {
        gaps.filter { $0.status == .belumMemenuhi }.map {
            SourcedNeed(
                employee: employee, source: .jabatanTujuan,
                subject: "\($0.competencyCode) level \($0.actual ?? 0) → \($0.required) (\(positionName))")
        }
    }

    /// People per source: a competency-gap count (`standar jabatan`, from the grouped query) beside these.
    public static func totals(_ needs: [SourcedNeed]) -> [NeedSource: Int] {
        var t: [NeedSource: Int] = [:]
        for n in needs { t[n.source, default: 0] += 1 }
        return t
    }
}
