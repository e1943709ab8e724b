import Foundation
import KompetenCore
import KompetenFormats

/// The JPM trend of the monitoring page (issue 19): the scope's mean, one chosen OPD and the
/// middle half of all OPDs (25th–75th percentile per date) on one chart, then one small chart
/// per OPD ordered by change, largest fall first. Fifty-one coloured lines with a legend could
/// not be read; these can, and each comes with its numbers as a table.
struct MonitoringTrend: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The OPD picker (a GET form, so it works without script) is offered only city-wide.
    let picker: Bool
    let options: [Option]
    let chart: String
    /// One small chart per OPD, with its table; nil when the scope is one OPD.
    let multiples: String?

    static let cityLabel = "Rata-rata seluruh instansi"
    static let bandLabel = "Separuh tengah OPD (persentil 25–75)"

    /// `chosen`: the OPD picked in the select; nil = the one with the largest fall (the first
    /// small chart), so the page opens on the OPD that most needs a look.
    init(report r: MonitoringReport, chosen: UUID?) {
        let f = IndonesianFormat.self
        let (fromISO, toISO) = (r.period.from.iso, r.period.to.iso)
        let labels = r.trend.dates.map { d in
            SimpleDate(iso: d).map {
                $0.day == SimpleDate.daysIn(month: $0.month, year: $0.year) && $0.month % 3 == 0
                    ? JPMHistory.quarterLabel($0) : f.date($0)
            } ?? d
        }
        let panels = r.opds.map { o in
            SmallMultiples.Panel(
                label: o.name, values: r.trend.dates.map { r.meanJPM(on: $0, opds: [o.id]) },
                href: "/monitoring?unit=\(o.id.uuidString)&from=\(fromISO)&to=\(toISO)")
        }
        let order = SmallMultiples.order(panels)
        let city = r.opds.count > 1
        let pickedIndex = city ? chosen.flatMap { id in r.opds.firstIndex { $0.id == id } } ?? order.first : nil
        let picked = pickedIndex.map { panels[$0] }

        let reference =
            city
            ? BandChart.Line(
                label: Self.cityLabel, values: r.trend.dates.map { r.meanJPM(on: $0, opds: r.opds.map(\.id)) })
            : BandChart.Line(label: r.opds.first?.name ?? "", values: panels.first?.values ?? [])
        // The band is of the OPDs' means, each OPD counting once whatever its size: it shows where
        // a typical OPD stands, which the city mean (weighted by people) does not.
        let perDate = r.trend.dates.indices.map { i in panels.compactMap { $0.values[i] } }
        let low = perDate.map { Stats.quantile($0, 0.25) }
        let high = perDate.map { Stats.quantile($0, 0.75) }
        let band = city ? BandChart.Band(label: Self.bandLabel, low: low, high: high) : nil
        let chosenLine = picked.map { BandChart.Line(label: $0.label, values: $0.values, href: $0.href) }

        // JPM never exceeds 100: the axis stops there and starts at the nearest ten below the data.
        let lowest = (reference.values + (chosenLine?.values ?? []) + low).compactMap { $0 }.min() ?? 0
        let floor = max(0, ((lowest - 5) / 10).rounded(.down) * 10)
        let title =
            city
            ? "Rata-rata JPM seluruh instansi, \(picked?.label ?? "") dan separuh tengah OPD per triwulan"
            : "Rata-rata JPM \(reference.label) per triwulan"
        let svg = BandChart.svg(
            xLabels: labels, reference: reference, chosen: chosenLine, band: band, title: title, yRange: floor...100)
        func cell(_ v: Double?) -> String { v.map { f.decimal($0) } ?? "—" }
        var header = ["Tanggal", reference.label]
        if let chosenLine { header.append(chosenLine.label) }
        if city { header += ["Persentil 25", "Persentil 75"] }
        let rows: [[String]] = labels.indices.map { i in
            [labels[i], cell(reference.values[i])] + (chosenLine.map { [cell($0.values[i])] } ?? [])
                + (city ? [cell(low[i]), cell(high[i])] : [])
        }
        chart = ChartFigure.html(id: "jpm-trend", caption: title, chart: svg, data: Table(header: header, rows: rows))
        picker = city
        options = r.opds.map {
            Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == pickedIndex.map { r.opds[$0].id })
        }
        guard city else {
            multiples = nil
            return
        }
        let smallCaption =
            "JPM per OPD, satu grafik tiap OPD pada sumbu yang sama (\(f.integer(Int(floor)))–100), diurutkan dari penurunan terbesar; garis putus-putus abu-abu: rata-rata seluruh instansi"
        multiples = ChartFigure.html(
            id: "jpm-multiples", caption: smallCaption,
            chart: SmallMultiples.html(
                xLabels: labels, panels: panels,
                reference: .init(label: Self.cityLabel, values: reference.values), yRange: floor...100),
            data: Table(
                header: ["OPD"] + labels + ["Perubahan"],
                rows: order.map { panels[$0] }.map { p in
                    [p.label] + p.values.map(cell) + [SmallMultiples.changeText(SmallMultiples.change(p.values))]
                }))
    }
}
