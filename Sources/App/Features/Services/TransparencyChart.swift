import KompetenCore
import KompetenFormats

/// The chart of the public transparency page (issue 19): the IKM of all services together and
/// the middle half of the units (25th–75th percentile per quarter), with every unit's figures
/// in the table under it. One coloured line per unit with a twenty-entry legend could not be
/// read, least of all on a phone.
enum TransparencyChart {
    static let title = "IKM seluruh layanan dan separuh tengah unit, empat triwulan lengkap terakhir"

    /// `units`: each unit's IKM per quarter (nil where it has none); `city`: all services merged.
    static func html(quarters: [String], units: [BandChart.Line], city: [Double?]) -> String {
        let f = IndonesianFormat.self
        let low = quarters.indices.map { i in Stats.quantile(units.compactMap { $0.values[i] }, 0.25) }
        let high = quarters.indices.map { i in Stats.quantile(units.compactMap { $0.values[i] }, 0.75) }
        let svg = BandChart.svg(
            xLabels: quarters, reference: .init(label: "Seluruh layanan", values: city),
            chosen: nil,
            band: units.count > 1 ? .init(label: "Separuh tengah unit (persentil 25–75)", low: low, high: high) : nil,
            title: title, yRange: 50...100)
        func cell(_ v: Double?) -> String { v.map { f.decimal($0) } ?? "—" }
        let rows: [[String]] =
            [["Seluruh layanan"] + city.map(cell)] + units.map { [$0.label] + $0.values.map(cell) }
            + (units.count > 1
                ? [["Persentil 25 unit"] + low.map(cell), ["Persentil 75 unit"] + high.map(cell)] : [])
        return ChartFigure.html(
            id: "transparency-chart", caption: title, chart: svg, data: Table(header: ["Unit"] + quarters, rows: rows))
    }
}
