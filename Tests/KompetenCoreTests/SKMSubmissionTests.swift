import Testing

@testable import KompetenCore

@Suite("SKM: validating a submitted answer sheet")
struct SKMSubmissionTests {
    let full: [String: Int] = ["U1": 4, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 3, "U7": 4, "U8": 1, "U9": 3]

    func errors(_ answers: [String: Int], _ respondent: [String: String] = [:]) -> [FieldError] {
        switch SurveySubmission.validate(answers: answers, respondent: respondent) {
        case .success: []
        case .failure(let failure): failure.errors
        }
    }

    @Test func validSheetInElementOrder() throws {
        let result = SurveySubmission.validate(
            answers: full,
            respondent: ["sex": "perempuan", "ageBand": "30-39", "education": "s1", "occupation": "tni_polri"])
        let submission = try result.get()
        #expect(submission.answers == [4, 3, 2, 4, 3, 3, 4, 1, 3])
        #expect(
            submission.respondent
                == SurveyRespondent(sex: .perempuan, ageBand: .from30to39, education: .s1, occupation: .tniPolri))
    }

    @Test func respondentIsOptionalAndEmptyMeansNotGiven() throws {
        let bare = try SurveySubmission.validate(answers: full, respondent: [:]).get()
        #expect(bare.respondent == SurveyRespondent())
        let blank = try SurveySubmission.validate(
            answers: full, respondent: ["sex": "", "ageBand": "  ", "education": "sma"]
        ).get()
        #expect(blank.respondent == SurveyRespondent(education: .sma))
    }

    @Test func missingAnswer() {
        var answers = full
        answers["U3"] = nil
        #expect(
            errors(answers) == [
                FieldError(field: "answers.U3", message: "Unsur U3 (Waktu Penyelesaian) wajib dijawab.")
            ])
    }

    @Test func answerOutOfRange() {
        var answers = full
        answers["U3"] = 5
        answers["U9"] = 0
        #expect(
            errors(answers) == [
                FieldError(field: "answers.U3", message: "Jawaban unsur U3 harus 1 sampai 4."),
                FieldError(field: "answers.U9", message: "Jawaban unsur U9 harus 1 sampai 4."),
            ])
    }

    @Test func unknownAnswerKey() {
        var answers = full
        answers["U10"] = 3
        #expect(errors(answers) == [FieldError(field: "answers.U10", message: "Unsur tidak dikenal.")])
    }

    @Test func unknownRespondentValueListsTheChoices() {
        let found = errors(full, ["sex": "pria"])
        #expect(
            found == [
                FieldError(
                    field: "respondent.sex", message: "Nilai tidak dikenal. Pilihan yang berlaku: laki, perempuan.")
            ])
        let age = errors(full, ["ageBand": "20–29"]) // en dash instead of the API's hyphen
        #expect(age.map(\.field) == ["respondent.ageBand"])
        #expect(age.first?.message.contains("under20, 20-29, 30-39, 40-49, 50-59, 60plus") == true)
    }

    @Test func unknownRespondentKey() {
        #expect(
            errors(full, ["gender": "laki"]) == [
                FieldError(field: "respondent.gender", message: "Data responden tidak dikenal.")
            ])
    }

    @Test func allErrorsAreCollected() {
        let found = errors(["U1": 9, "U2": 3, "X": 1], ["sex": "x", "education": "phd", "hobby": "a"])
        #expect(
            found.map(\.field) == [
                "answers.U1", "answers.U3", "answers.U4", "answers.U5", "answers.U6", "answers.U7", "answers.U8",
                "answers.U9",
                "answers.X", "respondent.hobby", "respondent.sex", "respondent.education",
            ])
    }

    @Test func convenienceInit() {
        #expect(SurveySubmission(answers: [1, 2, 3, 4, 1, 2, 3, 4, 1])?.answers.count == 9)
        #expect(SurveySubmission(answers: [1, 2, 3, 4, 1, 2, 3, 4]) == nil)
        #expect(SurveySubmission(answers: [1, 2, 3, 4, 1, 2, 3, 4, 1, 2]) == nil)
        #expect(SurveySubmission(answers: [1, 2, 3, 4, 1, 2, 3, 4, 5]) == nil)
        #expect(SurveySubmission(answers: [0, 2, 3, 4, 1, 2, 3, 4, 1]) == nil)
    }

    @Test func optionRawValuesAndLabels() {
        #expect(SurveyRespondent.Sex.allCases.map(\.rawValue) == ["laki", "perempuan"])
        #expect(
            SurveyRespondent.AgeBand.allCases.map(\.rawValue) == [
                "under20", "20-29", "30-39", "40-49", "50-59", "60plus",
            ])
        #expect(SurveyRespondent.AgeBand.under20.label == "< 20 tahun")
        #expect(SurveyRespondent.AgeBand.from20to29.label == "20–29 tahun")
        #expect(SurveyRespondent.AgeBand.over60.label == "≥ 60 tahun")
        #expect(
            SurveyRespondent.Education.allCases.map(\.rawValue) == ["sd", "smp", "sma", "diploma", "s1", "s2", "s3"])
        #expect(
            SurveyRespondent.Education.allCases.map(\.label) == [
                "SD ke bawah", "SMP", "SMA/SMK", "D1–D3", "D4/S1", "S2", "S3",
            ])
        #expect(
            SurveyRespondent.Occupation.allCases.map(\.rawValue) == [
                "pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya",
            ])
        #expect(
            SurveyRespondent.Occupation.allCases.map(\.label) == [
                "PNS/PPPK", "TNI/Polri", "Pegawai swasta", "Wirausaha", "Pelajar/Mahasiswa", "Lainnya",
            ])
    }

    @Test func duplicateWithinTenMinutes() {
        let answers = [3, 3, 3, 3, 3, 3, 3, 3, 3]
        #expect(SurveyDuplicateRule.window == 600)
        #expect(!SurveyDuplicateRule.isDuplicate(previous: nil, current: answers, at: 1000))
        #expect(SurveyDuplicateRule.isDuplicate(previous: (answers, 1000), current: answers, at: 1300))
        // exactly 10 min
        #expect(SurveyDuplicateRule.isDuplicate(previous: (answers, 1000), current: answers, at: 1600))
        #expect(!SurveyDuplicateRule.isDuplicate(previous: (answers, 1000), current: answers, at: 1601))
        #expect(
            !SurveyDuplicateRule.isDuplicate(previous: ([3, 3, 3, 3, 3, 3, 3, 3, 4], 1000), current: answers, at: 1010))
    }
}
