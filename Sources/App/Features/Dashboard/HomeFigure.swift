import KompetenCore

/// One number on a home page and the list behind it. A count carries `count`, rendered as
/// `data-figure`, and its list shows the same number in `data-list-total`: the browser test of
/// the home pages follows every such link and compares the two.
struct HomeFigure: Encodable {
    let id: String
    let label: String
    let value: String
    let count: Int?
    /// `count` as text for the template (`data-figure`); absent for values that are not counts.
    let figure: String?
    let href: String
    /// "warn" when a count asks for action; "" otherwise.
    let tone: String

    /// A count that links to the list it counts.
    init(id: String, label: String, count: Int, href: String, alarming: Bool = true) {
        self.id = id
        self.label = label
        self.count = count
        figure = String(count)
        value = IndonesianFormat.integer(count)
        self.href = href
        tone = alarming && count > 0 ? "warn" : ""
    }

    /// A value that is not a count (a share, a JPM): it links to where it comes from.
    init(id: String, label: String, value: String, href: String) {
        self.id = id
        self.label = label
        self.value = value
        count = nil
        figure = nil
        self.href = href
        tone = ""
    }
}

/// A titled row of figures ("Identifikasi", "Pengembangan", …).
struct HomeFigureGroup: Encodable {
    let title: String
    let figures: [HomeFigure]
}
