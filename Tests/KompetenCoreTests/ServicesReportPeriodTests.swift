import Testing

@testable import KompetenCore

@Suite("Services: report periods")
struct ServicesReportPeriodTests {
    func date(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    @Test func rawValues() {
        #expect(ReportPeriod.allCases.map(\.rawValue) == ["bulan", "triwulan", "semester", "tahun"])
    }

    @Test func monthRangesIncludingLeapFebruary() {
        #expect(ReportPeriod.month.range(containing: date("2028-02-10")) == (date("2028-02-01"), date("2028-02-29")))
        #expect(ReportPeriod.month.range(containing: date("2026-02-28")) == (date("2026-02-01"), date("2026-02-28")))
        #expect(ReportPeriod.month.range(containing: date("2026-11-30")) == (date("2026-11-01"), date("2026-11-30")))
        #expect(ReportPeriod.month.label(from: date("2026-11-15")) == "November 2026")
        #expect(ReportPeriod.month.label(from: date("2026-01-01")) == "Januari 2026")
    }

    @Test func quarterBoundaries() {
        #expect(ReportPeriod.quarter.range(containing: date("2026-03-31")) == (date("2026-01-01"), date("2026-03-31")))
        #expect(ReportPeriod.quarter.range(containing: date("2026-04-01")) == (date("2026-04-01"), date("2026-06-30")))
        #expect(ReportPeriod.quarter.range(containing: date("2026-09-30")) == (date("2026-07-01"), date("2026-09-30")))
        #expect(ReportPeriod.quarter.range(containing: date("2026-10-01")) == (date("2026-10-01"), date("2026-12-31")))
        #expect(ReportPeriod.quarter.label(from: date("2026-08-17")) == "Triwulan III 2026")
        #expect(ReportPeriod.quarter.label(from: date("2026-12-31")) == "Triwulan IV 2026")
        #expect(ReportPeriod.quarter.label(from: date("2026-01-01")) == "Triwulan I 2026")
    }

    @Test func semesterAndYear() {
        #expect(ReportPeriod.semester.range(containing: date("2026-06-30")) == (date("2026-01-01"), date("2026-06-30")))
        #expect(ReportPeriod.semester.range(containing: date("2026-07-01")) == (date("2026-07-01"), date("2026-12-31")))
        #expect(ReportPeriod.semester.label(from: date("2026-03-01")) == "Semester I 2026")
        #expect(ReportPeriod.semester.label(from: date("2026-07-01")) == "Semester II 2026")
        #expect(ReportPeriod.year.range(containing: date("2028-02-29")) == (date("2028-01-01"), date("2028-12-31")))
        #expect(ReportPeriod.year.label(from: date("2026-05-05")) == "2026")
    }

    @Test func previousPeriodStart() {
        #expect(ReportPeriod.month.previous(date("2026-03-31")) == date("2026-02-01"))
        #expect(ReportPeriod.month.previous(date("2026-01-15")) == date("2025-12-01"))
        #expect(ReportPeriod.quarter.previous(date("2026-02-10")) == date("2025-10-01"))
        #expect(ReportPeriod.quarter.previous(date("2026-05-10")) == date("2026-01-01"))
        #expect(ReportPeriod.semester.previous(date("2026-03-01")) == date("2025-07-01"))
        #expect(ReportPeriod.year.previous(date("2026-06-01")) == date("2025-01-01"))
    }

    @Test func lastPeriodsOldestFirst() {
        let months = ReportPeriod.month.last(3, endingWith: date("2028-03-15"))
        #expect(months.map(\.label) == ["Januari 2028", "Februari 2028", "Maret 2028"])
        #expect(months[1].from == date("2028-02-01") && months[1].to == date("2028-02-29"))
        #expect(months[2].to == date("2028-03-31"))

        let quarters = ReportPeriod.quarter.last(4, endingWith: date("2026-05-20"))
        #expect(
            quarters.map(\.label) == ["Triwulan III 2025", "Triwulan IV 2025", "Triwulan I 2026", "Triwulan II 2026"])
        #expect(quarters.first!.from == date("2025-07-01") && quarters.last!.to == date("2026-06-30"))

        #expect(ReportPeriod.year.last(2, endingWith: date("2026-01-01")).map(\.label) == ["2025", "2026"])
        #expect(ReportPeriod.semester.last(1, endingWith: date("2026-12-31")).map(\.label) == ["Semester II 2026"])
        #expect(ReportPeriod.month.last(0, endingWith: date("2026-01-01")).isEmpty)
    }
}
