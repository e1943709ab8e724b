/// A short table on a home page: OPDs ranked by a figure (lowest JPM, most people below 20 JP).
struct HomeRankTable: Encodable {
    struct Row: Encodable {
        let name: String
        let href: String
        let value: String
        let detail: String
        /// Set when `detail` counts the rows of the linked list (as text, for `data-figure`).
        let figure: String?
    }
    let id: String
    let title: String
    let valueHeader: String
    let detailHeader: String
    let rows: [Row]
}

/// A list shown on the home page itself (plans waiting, batches to record), with the figure
/// that counts it: the figure links to `#id` and the list carries `data-list-total`.
struct HomeRowList: Encodable {
    struct Row: Encodable {
        let text: String
        let href: String
        let detail: String
        /// Set when the row's link leads to a list of this many rows (`data-figure`).
        var figure: String? = nil
    }
    let id: String
    let title: String
    let rows: [Row]
    let total: Int
    let empty: String

    init(id: String, title: String, rows: [Row], empty: String) {
        self.id = id
        self.title = title
        self.rows = rows
        total = rows.count
        self.empty = empty
    }
}
