/// The IKM computation of PermenPANRB 14/2017 from per-element tallies.
///
///     NRR_i = Σ answers_i / answered_i
///     IKM   = Σ (NRR_i × weight) × 25, rounded to two decimals
///
/// The NRRs are not rounded before weighting: rounding them first (as some spreadsheets do) can
/// move the IKM by several hundredths and across a grade boundary.
public enum IKMCalculator {
    /// The IKM for one period, or nil when there is nothing to compute (no respondents, or no
    /// element answered by anyone).
    ///
    /// Each element's NRR is over the forms that answered it: a blank answer is neither a 1 nor
    /// a reason to drop the whole form. An element nobody answered has `nrr == nil`; the IKM is
    /// then "tidak lengkap" (`complete == false`): no grade, and `value` is nil. Its weight is
    /// *not* shared out over the other elements and no partial index is graded: a re-weighted or
    /// partial IKM would look comparable to other units when it is not, and an unanswered element
    /// (usually a question left off the form) is something the operator must see and fix.
    /// Tallies with a code outside U1…U9 are ignored; two tallies for the same code are added.
    public static func compute(
        tallies: [SKMElementTally], respondents: Int, weight: SKMWeight,
        population: Int? = nil
    ) -> IKMResult? {
        guard respondents > 0 else { return nil }
        var sums: [String: (sum: Int, answered: Int)] = [:]
        for t in tallies where SKMElement.codes.contains(t.code) {
            let previous = sums[t.code] ?? (0, 0)
            sums[t.code] = (previous.sum + t.sum, previous.answered + t.answered)
        }
        let elements = SKMElement.standard.map { element -> IKMElementResult in
            guard let tally = sums[element.code], tally.answered > 0 else {
                return IKMElementResult(code: element.code, name: element.name, nrr: nil, weightedNRR: nil)
            }
            let nrr = Double(tally.sum) / Double(tally.answered)
            return IKMElementResult(code: element.code, name: element.name, nrr: nrr, weightedNRR: weight.weighted(nrr))
        }
        let answered = elements.compactMap(\.nrr)
        guard !answered.isEmpty else { return nil }

        let ikm = SKMRounding.hundredths(weight.weighted(answered.reduce(0, +)) * 25)
        let complete = answered.count == SKMElement.standard.count
        let grade = complete ? SKMGrade.of(ikm: ikm) : nil
        let minimumSample = population.flatMap { KrejcieMorgan.minimumSample(population: $0) }
        let lowest =
            elements
            .compactMap { e in e.nrr.map { (code: e.code, nrr: $0) } }
            .sorted { ($0.nrr, $0.code) < ($1.nrr, $1.code) }
            .prefix(3)
            .map(\.code)
        return IKMResult(
            respondents: respondents, elements: elements, ikm: ikm, grade: grade,
            label: grade?.label ?? IKMResult.incompleteLabel,
            minimumSample: minimumSample,
            belowMinimumSample: minimumSample.map { respondents < $0 } ?? false,
            lowestElements: lowest, complete: complete)
    }
}
