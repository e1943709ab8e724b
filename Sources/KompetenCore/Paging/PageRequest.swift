/// The page a list asks for, from untrusted query parameters (`?page=3&per=50`).
///
/// Never fails: nonsense values are clamped, because a bad link should show a page, not an error,
/// and `per` is capped so a URL cannot ask the database for everything at once.
public struct PageRequest: Sendable, Equatable {
    public let page: Int
    public let per: Int

    public init(page: Int?, per: Int?, defaultPer: Int = 25, maxPer: Int = 100) {
        let maxPer = max(1, maxPer)
        let per = min(max(per ?? defaultPer, 1), maxPer)
        self.per = per
        // Capped so `offset` cannot overflow for `?page=9223372036854775807`.
        self.page = min(max(page ?? 1, 1), Int.max / per)
    }

    /// Rows to skip in the query.
    public var offset: Int { (page - 1) * per }
}

/// What a list view needs to draw its pager.
public struct PageInfo: Sendable, Equatable {
    public let page: Int
    public let per: Int
    public let total: Int

    /// `page` is kept even when past the last page (the list is then empty, and the pager still
    /// offers the way back); `per` is at least 1 and `total` at least 0.
    public init(page: Int, per: Int, total: Int) {
        self.page = max(1, page)
        self.per = max(1, per)
        self.total = max(0, total)
    }

    public init(_ request: PageRequest, total: Int) {
        self.init(page: request.page, per: request.per, total: total)
    }

    /// At least 1, so an empty list still shows "halaman 1 dari 1".
    public var pageCount: Int {
        // Division with remainder instead of (total + per - 1) / per, which could overflow.
        max(1, total / per + (total % per > 0 ? 1 : 0))
    }

    public var hasPrevious: Bool { page > 1 }
    public var hasNext: Bool { page < pageCount }

    /// Page numbers to link around the current one, within 1...pageCount:
    /// page 5 of 9 → [3, 4, 5, 6, 7]; page 1 of 9 → [1, 2, 3]. A page past the end is treated as
    /// the last page, so the result is never empty.
    public func window(radius: Int = 2) -> [Int] {
        let radius = max(0, radius)
        let current = min(page, pageCount)
        let low = current - min(radius, current - 1)
        let high = current + min(radius, pageCount - current)
        return Array(low...high)
    }
}
