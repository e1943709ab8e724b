import Foundation
import Testing

@testable import KompetenCore

// Epoch seconds were computed independently (Python datetime, UTC) and the WITA wall time by
// adding 8 hours by hand.
@Suite struct IndonesianFormatTests {
    @Test func dateTimeInWITA() {
        // 2026-11-29 03:45 UTC = 11:45 WITA.
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: 1_795_923_900)) == "29 November 2026 11.45 WITA")
        #expect(IndonesianFormat.date(Date(timeIntervalSince1970: 1_795_923_900)) == "29 November 2026")
        // 2000-01-01 00:00 UTC = 08:00 WITA, zero-padded hour.
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: 946_684_800)) == "1 Januari 2000 08.00 WITA")
    }

    @Test func dayBoundaryFollowsWITANotUTC() {
        // 2026-12-31 16:00 UTC is already New Year in Kupang; one second earlier is not.
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: 1_798_732_800)) == "1 Januari 2027 00.00 WITA")
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: 1_798_732_799)) == "31 Desember 2026 23.59 WITA")
        #expect(
            IndonesianFormat.dateTime(Date(timeIntervalSince1970: 1_798_732_799.5)) == "31 Desember 2026 23.59 WITA")
        // 2024-02-28 16:30 UTC = leap day 00:30 WITA.
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: 1_709_137_800)) == "29 Februari 2024 00.30 WITA")
    }

    @Test func instantsBefore1970() {
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: -28_800)) == "1 Januari 1970 00.00 WITA")
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: -28_860)) == "31 Desember 1969 23.59 WITA")
        // 15:58:59.5 UTC → 23:58:59.5 WITA: must floor, not truncate towards zero.
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: -28_860.5)) == "31 Desember 1969 23.58 WITA")
        // 1950-06-15 20:05 UTC = 16 June 04:05 WITA.
        #expect(IndonesianFormat.dateTime(Date(timeIntervalSince1970: -616_823_700)) == "16 Juni 1950 04.05 WITA")
    }

    @Test func simpleDateAllMonths() {
        let expected = [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni",
            "Juli", "Agustus", "September", "Oktober", "November", "Desember",
        ]
        for (i, name) in expected.enumerated() {
            #expect(IndonesianFormat.date(SimpleDate(year: 2026, month: i + 1, day: 5)!) == "5 \(name) 2026")
        }
        #expect(IndonesianFormat.date(SimpleDate(year: 1985, month: 3, day: 12)!) == "12 Maret 1985")
    }

    @Test func integers() {
        #expect(IndonesianFormat.integer(0) == "0")
        #expect(IndonesianFormat.integer(999) == "999")
        #expect(IndonesianFormat.integer(1000) == "1.000")
        #expect(IndonesianFormat.integer(7012) == "7.012")
        #expect(IndonesianFormat.integer(-1_234_567) == "-1.234.567")
        #expect(IndonesianFormat.integer(100_000) == "100.000")
        #expect(IndonesianFormat.integer(Int.min) == "-9.223.372.036.854.775.808")
    }

    @Test func decimals() {
        #expect(IndonesianFormat.decimal(1234.56) == "1.234,56")
        #expect(IndonesianFormat.decimal(0) == "0,00")
        #expect(IndonesianFormat.decimal(-0.5) == "-0,50")
        #expect(IndonesianFormat.decimal(3) == "3,00")
        #expect(IndonesianFormat.decimal(1_234_567.891, digits: 1) == "1.234.567,9")
        #expect(IndonesianFormat.decimal(0.125, digits: 3) == "0,125")
        #expect(IndonesianFormat.decimal(12.7, digits: 0) == "13")
    }

    @Test func decimalRoundsHalfAwayFromZero() {
        #expect(IndonesianFormat.decimal(0.005) == "0,01")
        #expect(IndonesianFormat.decimal(-0.005) == "-0,01")
        #expect(IndonesianFormat.decimal(2.5, digits: 0) == "3")
        #expect(IndonesianFormat.decimal(-2.5, digits: 0) == "-3")
        #expect(IndonesianFormat.decimal(0.004) == "0,00")
        // Binary 1.00499… and 2.67499…: the decimal the user wrote is what gets rounded.
        #expect(IndonesianFormat.decimal(1.005) == "1,01")
        #expect(IndonesianFormat.decimal(2.675) == "2,68")
        // Carries ripple into the integer part and into a new thousands group.
        #expect(IndonesianFormat.decimal(9.995) == "10,00")
        #expect(IndonesianFormat.decimal(999.995) == "1.000,00")
    }

    @Test func decimalNeverNegativeZero() {
        #expect(IndonesianFormat.decimal(-0.001) == "0,00")
        #expect(IndonesianFormat.decimal(-0.0) == "0,00")
        #expect(IndonesianFormat.decimal(-0.4, digits: 0) == "0")
    }

    @Test func decimalExtremeMagnitudes() {
        // Swift prints these in exponent form; the formatter must not.
        #expect(IndonesianFormat.decimal(1e-7) == "0,00")
        #expect(IndonesianFormat.decimal(0.000015, digits: 5) == "0,00002")
        #expect(IndonesianFormat.decimal(1.5e20, digits: 0) == "150.000.000.000.000.000.000")
        #expect(IndonesianFormat.decimal(.nan) == "-")
    }

    @Test func money() {
        #expect(IndonesianFormat.money(1_500_000) == "Rp 1.500.000")
        #expect(IndonesianFormat.money(0) == "Rp 0")
        #expect(IndonesianFormat.money(750) == "Rp 750")
        #expect(IndonesianFormat.money(-1_500_000) == "-Rp 1.500.000")
    }
}
