import Foundation

/// One validated SKM answer sheet: nine answers in U1…U9 order plus the optional profile.
public struct SurveySubmission: Sendable, Equatable, Hashable, Codable {
    /// The answers 1…4 for U1…U9, in that order.
    public let answers: [Int]
    public let respondent: SurveyRespondent
    /// The optional free-text suggestion (saran), trimmed; nil when none was given. The unit reads
    /// it; it is never published verbatim (it may name people) and is erased with the profile.
    public var suggestion: String?

    /// Longest suggestion kept: a paragraph, not a letter.
    public static let suggestionLimit = 500

    /// Nil unless `answers` holds exactly nine values, each 1…4. For callers that already have
    /// the answers in order (tests, the demo generator); forms go through `validate`.
    public init?(answers: [Int], respondent: SurveyRespondent = SurveyRespondent()) {
        guard answers.count == SKMElement.standard.count, answers.allSatisfy(SKMElement.scale.contains) else {
            return nil
        }
        self.answers = answers
        self.respondent = respondent
    }

    /// The respondent fields a submission may carry.
    public static let respondentKeys = ["sex", "ageBand", "education", "occupation"]

    /// Validates a submitted form (`answers` keyed by element code, `respondent` by field name)
    /// and reports every problem at once, each with the form field it belongs to.
    ///
    /// All nine elements are required: the kiosk form cannot be sent half filled, so a missing
    /// answer means a broken client, and a partial sheet would skew the element NRRs. Unknown keys
    /// are rejected rather than ignored so a misspelt field (`"U01"`, `"gender"`) is noticed.
    /// An empty (or blank) respondent value means "not given".
    public static func validate(answers: [String: Int], respondent: [String: String], suggestion: String? = nil)
        -> Result<SurveySubmission, ValidationFailure>
    {
        var v = FieldValidator()
        var ordered: [Int] = []
        for element in SKMElement.standard {
            let field = "answers.\(element.code)"
            guard let value = answers[element.code] else {
                v.add(field: field, "Unsur \(element.code) (\(element.name)) wajib dijawab.")
                continue
            }
            v.require(
                SKMElement.scale.contains(value), field: field,
                "Jawaban unsur \(element.code) harus \(SKMElement.scale.lowerBound) sampai \(SKMElement.scale.upperBound)."
            )
            ordered.append(value)
        }
        for key in answers.keys.sorted() where !SKMElement.codes.contains(key) {
            v.add(field: "answers.\(key)", "Unsur tidak dikenal.")
        }

        var profile = SurveyRespondent()
        for key in respondent.keys.sorted() where !respondentKeys.contains(key) {
            v.add(field: "respondent.\(key)", "Data responden tidak dikenal.")
        }
        profile.sex = option(respondent, "sex", SurveyRespondent.Sex.self, &v)
        profile.ageBand = option(respondent, "ageBand", SurveyRespondent.AgeBand.self, &v)
        profile.education = option(respondent, "education", SurveyRespondent.Education.self, &v)
        profile.occupation = option(respondent, "occupation", SurveyRespondent.Occupation.self, &v)

        let saran = suggestion?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let saran {
            v.require(
                saran.count <= suggestionLimit, field: "suggestion",
                "Saran paling panjang \(suggestionLimit) karakter.")
        }
        guard v.isValid, var submission = SurveySubmission(answers: ordered, respondent: profile) else {
            return .failure(ValidationFailure(errors: v.errors))
        }
        submission.suggestion = (saran?.isEmpty ?? true) ? nil : saran
        return .success(submission)
    }

    /// The option named by `form[key]`, nil when absent or blank; an unknown value records an
    /// error that lists the accepted values so the API caller can correct it.
    private static func option<T: RawRepresentable & CaseIterable>(
        _ form: [String: String], _ key: String, _: T.Type, _ v: inout FieldValidator
    ) -> T? where T.RawValue == String {
        guard let raw = form[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        if let value = T(rawValue: raw) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        v.add(field: "respondent.\(key)", "Nilai tidak dikenal. Pilihan yang berlaku: \(allowed).")
        return nil
    }
}
