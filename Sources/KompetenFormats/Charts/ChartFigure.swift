/// A chart as a `<figure>`: a visible caption saying what it shows, the chart, and the same
/// numbers as a table in a `<details>` ("Tabel data") under it, for screen readers, for anyone
/// who wants the exact values, and on paper (the print stylesheet and script open it).
public enum ChartFigure {
    /// `chart` is trusted markup from one of the chart types; caption and cells are escaped.
    /// The first cell of each row is its row header.
    public static func html(id: String, caption: String, chart: String, data: Table) -> String {
        var s = "<figure class=\"chart\" id=\"\(SVGText.escape(id))\">"
        s += "<figcaption class=\"chart-caption\">\(SVGText.escape(caption))</figcaption>" + chart
        s += "<details class=\"chart-data\"><summary>Tabel data</summary><div class=\"scroll\"><table class=\"table\">"
        s += "<caption class=\"muted\">\(SVGText.escape(caption))</caption><thead><tr>"
        for h in data.header { s += "<th scope=\"col\">\(SVGText.escape(h))</th>" }
        s += "</tr></thead><tbody>"
        for row in data.rows {
            s += "<tr>"
            for (i, cell) in row.enumerated() {
                s += i == 0 ? "<th scope=\"row\">\(SVGText.escape(cell))</th>" : "<td>\(SVGText.escape(cell))</td>"
            }
            s += "</tr>"
        }
        return s + "</tbody></table></div></details></figure>"
    }
}
