import Foundation
import KompetenCore
import Vapor

/// The JSON of `GET /api/v1/units/{id}/impact` (Resources/OpenAPI/openapi.json, schema `Impact`).
enum ImpactDTO {
    struct Side: Content {
        let from: String, to: String
        let respondents: Int
        let ikm: Double?
        let grade: String?
        let u6: Double?
        let onTimeShare: Double?
        let p90Minutes: Double?
        let volume: Int
        init(_ w: ImpactService.Window, _ s: ImpactService.ServiceSide) {
            from = w.from.iso
            to = w.to.iso
            respondents = s.respondents
            ikm = s.ikm
            grade = s.grade
            u6 = s.u6.map { ($0 * 1000).rounded() / 1000 }
            onTimeShare = s.onTimeShare.map { ($0 * 10000).rounded() / 10000 }
            p90Minutes = s.p90Minutes.map { ($0 * 10).rounded() / 10 }
            volume = s.volume
        }
    }

    struct Competency: Content {
        /// `meanJPM` over the `assessed` staff; `unassessed` have a standard and no result (not 0).
        let staff: Int
        let trained: Int
        let trainedShare: Double
        let meanJPM: Double?
        let assessed: Int
        let unassessed: Int
        let jpmBefore: Double?
        let jpmAfter: Double?
        let publicServiceGap: Double?
        let meanJP: Double?
    }

    struct Pair: Content {
        let treated: Int
        let control: Int
    }
    struct Span: Content {
        let from: String
        let to: String
    }

    /// One difference in differences. `n` counts OPDs (the unit of treatment), `services` the
    /// services behind them; without an interval, `intervalReason` says why in a code
    /// ("too_few_opds", "zero_variance", "no_data") and `intervalNote` in Bahasa Indonesia.
    struct Estimate: Content {
        let n: Pair
        let services: Pair
        let treatedChange: Double?
        let controlChange: Double?
        let estimate: Double?
        let lower95: Double?
        let upper95: Double?
        let intervalReason: String?
        let intervalNote: String?

        init(_ e: OPDImpactEstimate?) {
            func r(_ x: Double?) -> Double? { x.map { ($0 * 100).rounded() / 100 } }
            let d = e?.estimate
            n = Pair(treated: d?.treatedCount ?? 0, control: d?.controlCount ?? 0)
            services = Pair(treated: e?.treatedServices ?? 0, control: e?.controlServices ?? 0)
            treatedChange = r(d?.treatedChange)
            controlChange = r(d?.controlChange)
            estimate = r(d?.estimate)
            lower95 = r(d?.lower95)
            upper95 = r(d?.upper95)
            intervalReason = d.map { $0.intervalUnavailable?.rawValue } ?? "no_data"
            intervalNote = d.map(\.intervalNote) ?? DifferenceInDifferences.noComparisonNote
        }

        enum CodingKeys: String, CodingKey {
            case n, services, treatedChange, controlChange, estimate, lower95, upper95, intervalReason, intervalNote
        }
        /// Every key always present: a missing interval is an explicit null beside its reason.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(n, forKey: .n)
            try c.encode(services, forKey: .services)
            try c.encode(treatedChange, forKey: .treatedChange)
            try c.encode(controlChange, forKey: .controlChange)
            try c.encode(estimate, forKey: .estimate)
            try c.encode(lower95, forKey: .lower95)
            try c.encode(upper95, forKey: .upper95)
            try c.encode(intervalReason, forKey: .intervalReason)
            try c.encode(intervalNote, forKey: .intervalNote)
        }
    }

    /// The wave's estimate, flat beside `outcome` (as before), and the pre-trend check: the same
    /// comparison from the `earlier` window to the before window.
    struct Comparison: Content {
        struct PreTrend: Content {
            let earlier: Span
            let result: Estimate
            init(earlier: Span, result: Estimate) {
                self.earlier = earlier
                self.result = result
            }
            enum CodingKeys: String, CodingKey { case earlier }
            init(from decoder: any Decoder) throws {
                earlier = try decoder.container(keyedBy: CodingKeys.self).decode(Span.self, forKey: .earlier)
                result = try Estimate(from: decoder)
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(earlier, forKey: .earlier)
                try result.encode(to: encoder)
            }
        }
        let outcome: String
        let result: Estimate
        let preTrend: PreTrend

        init(_ c: ImpactService.Comparison, earlier: ImpactService.Window) {
            outcome = c.outcome
            result = Estimate(c.result)
            preTrend = PreTrend(earlier: Span(from: earlier.from.iso, to: earlier.to.iso), result: Estimate(c.preTrend))
        }
        enum CodingKeys: String, CodingKey { case outcome, preTrend }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            outcome = try c.decode(String.self, forKey: .outcome)
            preTrend = try c.decode(PreTrend.self, forKey: .preTrend)
            result = try Estimate(from: decoder)
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(preTrend, forKey: .preTrend)
            try result.encode(to: encoder)
        }
    }

    struct Impact: Content {
        let unitId: UUID
        let wave: ServicePeriod.Query
        let group: String
        let services: Int
        let competency: Competency
        let before: Side
        let after: Side
        let comparisons: [Comparison]
        let caveat: String
    }
}
