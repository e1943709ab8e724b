import Testing

@testable import KompetenCore

@Suite("SKM: elements, weights and grades of PermenPANRB 14/2017")
struct SKMElementTests {
    @Test func nineStandardElementsAsInTheReference() {
        #expect(SKMElement.codes == ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
        #expect(SKMElement.standard.allSatisfy { $0.answers.count == 4 })
        // Spot checks against reference/skm-unsur.json.
        #expect(SKMElement.named("U3")?.name == "Waktu Penyelesaian")
        #expect(SKMElement.named("U4")?.answers == ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"])
        #expect(SKMElement.named("U8")?.name == "Penanganan Pengaduan, Saran dan Masukan")
        #expect(SKMElement.named("U8")?.answerLabel(2) == "Ada tetapi tidak berfungsi")
        #expect(SKMElement.named("U9")?.answers.last == "Sangat baik")
        #expect(SKMElement.named("U1")?.answerLabel(0) == nil)
        #expect(SKMElement.named("U1")?.answerLabel(5) == nil)
        #expect(SKMElement.named("U10") == nil)
    }

    @Test func weightSettings() {
        #expect(SKMWeight(setting: "1/9") == .ninth)
        #expect(SKMWeight(setting: "0.111") == .w0111)
        #expect(SKMWeight(setting: "0.11") == .w011)
        #expect(SKMWeight(setting: "0,11") == nil)
        #expect(SKMWeight(setting: "") == nil)
        #expect(SKMWeight.allCases.map(\.setting) == ["1/9", "0.111", "0.11"])
        #expect(SKMWeight.ninth.value == 1.0 / 9.0)
        #expect(SKMWeight.w0111.value == 0.111)
        #expect(SKMWeight.w011.value == 0.11)
        #expect(SKMWeight.ninth.label == "1/9 (0,1111…)")
        #expect(SKMWeight.w011.label == "0,11")
    }

    @Test func gradeLabelsAndMinimums() {
        #expect(SKMGrade.allCases.map(\.label) == ["Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"])
        #expect(SKMGrade.allCases.map(\.minimum) == [88.31, 76.61, 65.00, 25.00])
    }

    @Test func gradeBoundariesOnTheRoundedValue() {
        #expect(SKMGrade.of(ikm: 100) == .A)
        #expect(SKMGrade.of(ikm: 88.31) == .A)
        #expect(SKMGrade.of(ikm: 88.30) == .B)
        #expect(SKMGrade.of(ikm: 88.305) == .A) // prints as 88,31
        #expect(SKMGrade.of(ikm: 88.3049) == .B) // prints as 88,30
        #expect(SKMGrade.of(ikm: 76.61) == .B)
        #expect(SKMGrade.of(ikm: 76.60) == .C)
        #expect(SKMGrade.of(ikm: 76.605) == .B)
        #expect(SKMGrade.of(ikm: 65.00) == .C)
        #expect(SKMGrade.of(ikm: 64.995) == .C)
        #expect(SKMGrade.of(ikm: 64.99) == .D)
        #expect(SKMGrade.of(ikm: 25) == .D)
        #expect(SKMGrade.of(ikm: 0) == .D)
    }

    @Test func roundingIsHalfUpOnTheDecimalValue() {
        // 74.925 is stored as 74.92499999999999…; a calculator shows 74,93.
        #expect(SKMRounding.hundredths(74.925) == 74.93)
        #expect(SKMRounding.hundredths(74.92499) == 74.92)
        #expect(SKMRounding.hundredths(1.005) == 1.01)
        #expect(SKMRounding.hundredths(75) == 75)
        #expect(SKMRounding.hundredths(77.77777) == 77.78)
    }
}
