import Foundation
import KompetenCore

/// The pager under every data table: a summary line, previous/next and nearby page numbers,
/// each link keeping the list's filters. Rendered by `partials/pagination`.
struct PagingModel: Encodable {
    struct PageLink: Encodable {
        let number: Int
        let href: String
        let current: Bool
    }
    let summary: String
    /// How many rows match, for `data-list-total` (the home page's figures are checked against it).
    let total: Int
    let previous: String?
    let next: String?
    let pages: [PageLink]

    /// `filters` are the query items to keep (empty values are dropped).
    init(_ info: PageInfo, path: String, filters: [(String, String?)], noun: String) {
        func link(_ page: Int) -> String {
            var c = URLComponents()
            c.path = path
            c.queryItems =
                filters.compactMap { key, value in
                    value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) }
                } + [URLQueryItem(name: "page", value: String(page))]
            return c.string ?? path
        }
        total = info.total
        let first = info.total == 0 ? 0 : (info.page - 1) * info.per + 1
        let last = min(info.page * info.per, info.total)
        summary =
            "Menampilkan \(IndonesianFormat.integer(first))–\(IndonesianFormat.integer(last)) dari \(IndonesianFormat.integer(info.total)) \(noun)"
        previous = info.hasPrevious ? link(info.page - 1) : nil
        next = info.hasNext ? link(info.page + 1) : nil
        pages =
            info.pageCount > 1
            ? info.window().map { PageLink(number: $0, href: link($0), current: $0 == info.page) } : []
    }
}
