import Foundation

/// One service's outcome in two windows, with the volume it rests on.
public struct ServiceOutcome: Sendable, Equatable, Hashable, Codable {
    public let before: Double
    public let after: Double
    /// The observations behind the figure over both windows together (completed requests for the
    /// on-time share, respondents for the IKM); one weight for both windows, so that demand moving
    /// from one service to another is not read as a change in performance.
    public let weight: Double

    public init(before: Double, after: Double, weight: Double) {
        self.before = before
        self.after = after
        self.weight = weight
    }
}

/// The difference in differences with the OPD as the unit, and how many services stand behind it.
public struct OPDImpactEstimate: Sendable, Equatable, Codable {
    /// Counts are OPDs: the unit the treatment was decided for.
    public let estimate: DiDEstimate
    public let treatedServices: Int
    public let controlServices: Int
}

extension BeforeAfter {
    /// One OPD's before and after: its services' figures averaged with their volumes as weights.
    /// Nil without a service of positive weight.
    public init?(volumeWeighted services: [ServiceOutcome]) {
        let used = services.filter { $0.weight > 0 && $0.weight.isFinite }
        let total = used.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        self.init(
            before: used.reduce(0) { $0 + $1.weight * $1.before } / total,
            after: used.reduce(0) { $0 + $1.weight * $1.after } / total)
    }
}

extension DifferenceInDifferences {
    /// Treatment is decided per OPD, and the services of one OPD share staff, systems and shocks,
    /// so they are not independent observations: counting each service as one would make the
    /// interval far too narrow. Each OPD is therefore reduced to one volume-weighted before/after
    /// value, and the OPDs' changes are compared (each OPD counts once, however many services it
    /// has, as the training decision was one per OPD). This is the aggregation a BKPPD analyst
    /// can redo by hand from the per-OPD table, and with few OPDs it is at least as cautious as
    /// cluster-robust errors on G − 1 df (Welch's df ≤ G − 2), without their small-G bias.
    ///
    /// `treated` and `control` hold one list of services per OPD. Nil when either group has no
    /// OPD with a weighted service.
    public static func byOPD(treated: [[ServiceOutcome]], control: [[ServiceOutcome]]) -> OPDImpactEstimate? {
        let t = treated.compactMap(BeforeAfter.init(volumeWeighted:))
        let c = control.compactMap(BeforeAfter.init(volumeWeighted:))
        guard let estimate = estimate(treated: t, control: c) else { return nil }
        func services(_ groups: [[ServiceOutcome]]) -> Int {
            groups.reduce(0) { $0 + $1.filter { $0.weight > 0 && $0.weight.isFinite }.count }
        }
        return OPDImpactEstimate(
            estimate: estimate, treatedServices: services(treated), controlServices: services(control))
    }
}
