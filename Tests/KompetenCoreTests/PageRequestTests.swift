import Testing

@testable import KompetenCore

@Suite struct PageRequestTests {
    @Test func defaultsWhenMissing() {
        let r = PageRequest(page: nil, per: nil)
        #expect(r.page == 1)
        #expect(r.per == 25)
        #expect(r.offset == 0)
    }

    @Test func offsets() {
        #expect(PageRequest(page: 3, per: 50).offset == 100)
        #expect(PageRequest(page: 2, per: nil).offset == 25)
        #expect(PageRequest(page: 4, per: 10, defaultPer: 10).offset == 30)
    }

    @Test func clamping() {
        #expect(PageRequest(page: 0, per: 10).page == 1)
        #expect(PageRequest(page: -7, per: 10).page == 1)
        #expect(PageRequest(page: 1, per: 0).per == 1)
        #expect(PageRequest(page: 1, per: -5).per == 1)
        #expect(PageRequest(page: 1, per: 1000).per == 100)
        #expect(PageRequest(page: 1, per: 60, maxPer: 50).per == 50)
        #expect(PageRequest(page: 1, per: nil, defaultPer: 500).per == 100) // default also capped
    }

    @Test func hugePageDoesNotOverflow() {
        let r = PageRequest(page: Int.max, per: 25)
        #expect(r.page == Int.max / 25)
        #expect(r.offset == (Int.max / 25 - 1) * 25)
    }

    @Test func pageCount() {
        #expect(PageInfo(page: 1, per: 25, total: 0).pageCount == 1)
        #expect(PageInfo(page: 1, per: 25, total: 25).pageCount == 1)
        #expect(PageInfo(page: 1, per: 25, total: 26).pageCount == 2)
        #expect(PageInfo(page: 1, per: 25, total: 120).pageCount == 5)
        #expect(PageInfo(page: 1, per: 1, total: Int.max).pageCount == Int.max)
        #expect(PageInfo(PageRequest(page: 2, per: 10), total: 95) == PageInfo(page: 2, per: 10, total: 95))
    }

    @Test func previousAndNext() {
        let first = PageInfo(page: 1, per: 25, total: 120)
        #expect(!first.hasPrevious && first.hasNext)
        let middle = PageInfo(page: 3, per: 25, total: 120)
        #expect(middle.hasPrevious && middle.hasNext)
        let last = PageInfo(page: 5, per: 25, total: 120)
        #expect(last.hasPrevious && !last.hasNext)
        let only = PageInfo(page: 1, per: 25, total: 0)
        #expect(!only.hasPrevious && !only.hasNext)
        let beyond = PageInfo(page: 9, per: 25, total: 120)
        #expect(beyond.hasPrevious && !beyond.hasNext)
    }

    @Test func window() {
        // 9 pages (total 90, 10 per page).
        func w(_ page: Int, _ radius: Int = 2) -> [Int] {
            PageInfo(page: page, per: 10, total: 90).window(radius: radius)
        }
        #expect(w(5) == [3, 4, 5, 6, 7])
        #expect(w(1) == [1, 2, 3])
        #expect(w(2) == [1, 2, 3, 4])
        #expect(w(9) == [7, 8, 9])
        #expect(w(8) == [6, 7, 8, 9])
        #expect(w(5, 0) == [5])
        #expect(w(5, 10) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(w(20) == [7, 8, 9]) // past the end: shown as if on the last page
        #expect(PageInfo(page: 1, per: 10, total: 0).window() == [1])
    }
}
