/// Succession planning for a key position (PP 11/2017 Ps 206, manajemen talenta): who could
/// hold it, ranked by their match to its standard and their 9-box.
public enum Succession {
    /// The positions whose holders are a position's candidates: the same kind elsewhere and the
    /// kinds that usually feed it (`TalentBox.feederKinds`: a JPT from administrators, …).
    public static func feederKinds(for target: PositionKind) -> Set<PositionKind> {
        Set([target] + TalentBox.feederKinds(for: target))
    }

    /// A key position (jabatan kunci): always one of `TalentBox.keyPositionKinds` (JPT,
    /// administrator), or any other position BKPPD marks as key (a pengawas of a front office, a
    /// scarce fungsional).
    public static func isKey(_ kind: PositionKind, marked: Bool = false) -> Bool {
        marked || TalentBox.keyPositionKinds.contains(kind)
    }

    /// Whether BKPPD's mark can change anything: a JPT or administrator is key by its kind.
    public static func canMark(_ kind: PositionKind) -> Bool { !TalentBox.keyPositionKinds.contains(kind) }

    /// Readiness from the JPM against the target (pengisian jabatan thresholds: memenuhi syarat
    /// ≥ 80, masih memenuhi syarat ≥ 68) and the 9-box (nil = not placed: no SKP or potential):
    /// - siap sekarang: memenuhi syarat and in the succession pool (boxes 7–9);
    /// - 1–2 tahun: memenuhi syarat outside the pool, or masih memenuhi syarat; performance
    ///   below expectation (boxes 1, 3, 6) is never ready;
    /// - belum: everything else.
    public static func readiness(jpm: Double, box: Int?) -> Readiness {
        let t = JPMThresholds.pengisianJabatan
        let below = box.map { [1, 3, 6].contains($0) } ?? false
        if below { return .belum }
        if jpm >= t.upper, let box, TalentBox.successionPool.contains(box) { return .siapSekarang }
        if jpm >= t.lower { return .satuDuaTahun }
        return .belum
    }

    public enum Readiness: String, Codable, Sendable, CaseIterable, Comparable {
        case siapSekarang = "siap_sekarang"
        case satuDuaTahun = "1_2_tahun"
        case belum

        public var label: String {
            switch self {
            case .siapSekarang: "Siap sekarang"
            case .satuDuaTahun: "1–2 tahun"
            case .belum: "Belum"
            }
        }

        var rank: Int {
            switch self {
            case .siapSekarang: 0
            case .satuDuaTahun: 1
            case .belum: 2
            }
        }

        public static func < (a: Readiness, b: Readiness) -> Bool { a.rank < b.rank }
    }

    public struct Candidate: Sendable, Equatable {
        public let employee: String
        public let name: String
        public let jpm: Double
        public let box: Int?
        public let readiness: Readiness
        public init(employee: String, name: String, jpm: Double, box: Int?) {
            self.employee = employee
            self.name = name
            self.jpm = jpm
            self.box = box
            readiness = Succession.readiness(jpm: jpm, box: box)
        }
    }

    /// Best first: readiness, then JPM, then the higher box, then name (a stable order).
    public static func ranked(_ candidates: [Candidate]) -> [Candidate] {
        candidates.sorted {
            ($0.readiness, -$0.jpm, -($0.box ?? 0), $0.name, $0.employee)
                < ($1.readiness, -$1.jpm, -($1.box ?? 0), $1.name, $1.employee)
        }
    }
}
