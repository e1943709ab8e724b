/// How well a programme (or a provider) works, from its evaluation records and re-assessments:
/// the L1 mean reaction (1–4), the L2 mean normalised gain, the L3 mean behaviour change
/// (−2…2; the supervisors' view, the participants' own view beside it), and the share of
/// re-assessed participants whose level rose.
public struct EffectivenessTally: Sendable, Equatable {
    public var completed = 0
    public var l1Sum = 0.0, l1Count = 0
    public var l2Sum = 0.0, l2Count = 0
    public var l3Sum = 0.0, l3Count = 0
    public var l3SelfSum = 0.0, l3SelfCount = 0
    /// Participants with at least one closed re-assessment whose earlier level was known …
    public var reassessed = 0
    /// … and of those, the ones where at least one raised competency went up.
    public var raised = 0

    public init() {}

    /// Adds one evaluation's summary figure.
    public mutating func add(level: EvaluationLevel, respondent: EvaluationRespondent, summary: Double) {
        switch (level, respondent) {
        case (.reaction, _):
            l1Sum += summary
            l1Count += 1
        case (.learning, _):
            l2Sum += summary
            l2Count += 1
        case (.behaviour, .supervisor):
            l3Sum += summary
            l3Count += 1
        case (.behaviour, _):
            l3SelfSum += summary
            l3SelfCount += 1
        case (.results, _): break
        }
    }

    public mutating func add(_ other: EffectivenessTally) {
        completed += other.completed
        l1Sum += other.l1Sum
        l1Count += other.l1Count
        l2Sum += other.l2Sum
        l2Count += other.l2Count
        l3Sum += other.l3Sum
        l3Count += other.l3Count
        l3SelfSum += other.l3SelfSum
        l3SelfCount += other.l3SelfCount
        reassessed += other.reassessed
        raised += other.raised
    }

    private static func mean(_ sum: Double, _ n: Int) -> Double? { n == 0 ? nil : GapAnalysis.round2(sum / Double(n)) }

    public var l1Mean: Double? { Self.mean(l1Sum, l1Count) }
    public var l2MeanGain: Double? { Self.mean(l2Sum, l2Count) }
    public var l3MeanChange: Double? { Self.mean(l3Sum, l3Count) }
    public var l3SelfMeanChange: Double? { Self.mean(l3SelfSum, l3SelfCount) }
    /// 0…1, rounded to 2 decimals; nil before anyone was re-assessed.
    public var levelRaisedShare: Double? { Self.mean(Double(raised), reassessed) }

    /// A rough verdict for the monitoring page: which programmes to keep, which to review with
    /// the provider. Needs at least `minimumEvidence` participants with L1 or L2 records.
    public func verdict(minimumEvidence: Int = 10) -> EffectivenessVerdict {
        guard max(l1Count, l2Count) >= minimumEvidence else { return .tooFew }
        let weakReaction = (l1Mean ?? 4) < 2.75
        let weakLearning = (l2MeanGain ?? 1) < 0.3
        let weakTransfer = (l3MeanChange ?? 2) < 0.5
        let weak = [weakReaction, weakLearning, weakTransfer].filter { $0 }.count
        if weak >= 2 { return .review }
        if weak == 1 { return .watch }
        return .good
    }
}

public enum EffectivenessVerdict: String, Sendable {
    case good, watch, review
    case tooFew = "too_few"

    public var label: String {
        switch self {
        case .good: "Efektif"
        case .watch: "Perlu dicermati"
        case .review: "Tinjau bersama lembaga"
        case .tooFew: "Data belum cukup"
        }
    }
}
