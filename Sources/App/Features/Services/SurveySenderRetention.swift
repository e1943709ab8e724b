import Fluent
import Foundation
import KompetenCore

/// The sender hash of an SKM response exists only for the duplicate/sender check, which looks
/// ten minutes back. Past that window plus a day it only links responses to one device, so the
/// hourly housekeeping erases it (UU 27/2022: keep personal data no longer than needed).
enum SurveySenderRetention {
    /// Erases sender hashes older than `SurveyDuplicateRule.senderHashKeptFor`; returns how many.
    @discardableResult
    static func apply(on db: any Database, now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-SurveyDuplicateRule.senderHashKeptFor)
        func stale() -> QueryBuilder<SurveyResponse> {
            SurveyResponse.query(on: db).filter(\.$submittedAt < cutoff).filter(\.$clientHash != nil)
        }
        let n = try await stale().count()
        if n > 0 { try await stale().set(\.$clientHash, to: nil).update() }
        return n
    }
}
