import Foundation
import Testing

@testable import KompetenCore

@Suite struct SimpleDateTests {
    @Test func leapYears() {
        #expect(SimpleDate.isLeap(2000)) // divisible by 400
        #expect(!SimpleDate.isLeap(1900)) // divisible by 100 but not 400
        #expect(SimpleDate.isLeap(2024))
        #expect(!SimpleDate.isLeap(2026))
        #expect(SimpleDate(year: 2000, month: 2, day: 29) != nil)
        #expect(SimpleDate(year: 1900, month: 2, day: 29) == nil)
        #expect(SimpleDate(year: 2024, month: 2, day: 29) != nil)
        #expect(SimpleDate(year: 2026, month: 2, day: 29) == nil)
    }

    @Test func daysInMonth() {
        #expect(SimpleDate.daysIn(month: 4, year: 2026) == 30)
        #expect(SimpleDate.daysIn(month: 12, year: 2026) == 31)
        #expect(SimpleDate(year: 2026, month: 4, day: 31) == nil)
        #expect(SimpleDate(year: 2026, month: 0, day: 1) == nil)
        #expect(SimpleDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func isoParse() {
        #expect(SimpleDate(iso: "2026-11-29") == SimpleDate(year: 2026, month: 11, day: 29))
        #expect(SimpleDate(iso: "2026-2-1") == nil)
        #expect(SimpleDate(iso: "2026-02-30") == nil)
        #expect(SimpleDate(iso: "26-02-01") == nil)
        #expect(SimpleDate(iso: "2026/02/01") == nil)
        #expect(SimpleDate(iso: "2026-+2-01") == nil)
        #expect(SimpleDate(iso: "+026-02-01") == nil)
        #expect(SimpleDate(iso: "2026-02-01T00:00") == nil)
    }

    @Test func isoOutputIsPadded() {
        #expect(SimpleDate(year: 987, month: 1, day: 5)!.iso == "0987-01-05")
        #expect(SimpleDate(year: 2026, month: 11, day: 29)!.description == "2026-11-29")
    }

    @Test func ordering() {
        let a = SimpleDate(year: 2025, month: 12, day: 31)!
        let b = SimpleDate(year: 2026, month: 1, day: 1)!
        let c = SimpleDate(year: 2026, month: 1, day: 2)!
        #expect(a < b && b < c)
        #expect([c, a, b].sorted() == [a, b, c])
    }

    @Test func codableAsISOString() throws {
        let json = try JSONEncoder().encode([SimpleDate(year: 2026, month: 3, day: 9)!])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-03-09"]"#)
        #expect(
            try JSONDecoder().decode([SimpleDate].self, from: Data(#"["2024-02-29"]"#.utf8))
                == [SimpleDate(year: 2024, month: 2, day: 29)!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SimpleDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }
}
