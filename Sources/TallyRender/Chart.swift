// Terminal charts of a result: picks a line chart for time series and bars for categories or lone measures.

import TallyData

/// Size and styling of a terminal chart.
public struct ChartOptions: Sendable {
    /// The most characters any line of the chart may have. A width below 1 yields empty lines.
    public var width: Int = 80
    /// Rows of the plotting area of a line chart (the axis, period labels and legend come on
    /// top of these); at least 1. Bar charts take one line per bar and ignore it.
    public var height: Int = 16
    /// Colour each series with ANSI escapes (and its legend entry). Off for pipes and files.
    public var color: Bool = false

    /// Options with the given settings; the defaults fit an 80×24 terminal with no colour.
    public init(width: Int = 80, height: Int = 16, color: Bool = false) {
        self.width = width
        self.height = height
        self.color = color
    }
}

/// Why a result cannot be drawn as a chart.
public struct ChartError: Error, Sendable, Equatable {
    /// What is wrong, in words for the person who asked for the chart.
    public var message: String

    /// An error with `message`.
    public init(message: String) {
        self.message = message
    }
}

/// Draws a result as a chart for a terminal.
public enum Chart {
    /// `table` as a chart of at most `options.width` characters per line, each line ending in LF.
    ///
    /// - The first dimension is a time grain: a braille line chart with a labelled y axis (4–6
    ///   ticks in the measures' unit, plain numbers if their units differ; fewer when `height`
    ///   has fewer rows), period labels under the x axis, and a legend when there
    ///   are several series. A series is each measure, or with one measure each value (or
    ///   combination of values) of the other dimensions. Periods are ordered by time; a null
    ///   value leaves a gap. With several series each data point also gets the series' marker
    ///   (`●`, `◆`, …) so lines can be told apart without colour.
    /// - The first dimension is not time: one horizontal bar per row, labelled with the
    ///   dimension values; several measures make grouped bars with a marker and a legend.
    ///   Negative values grow left of a zero axis; null is "—" with no bar.
    /// - No dimension: one bar per measure, labelled with the measure's name.
    ///
    /// Bars of different units never share a scale. Numbers use `NumberText.human`, so the
    /// chart agrees with the table; labels are `ValueText.plain` with control characters
    /// spelled out, truncated to 20 characters with "…".
    ///
    /// Throws when there is nothing sensible to draw: no measure column, several non-time
    /// dimensions together with several measures, or no rows.
    public static func render(_ table: ResultTable, options: ChartOptions = .init()) throws(ChartError) -> String {
        let shape = try ChartShape(table)
        let width = max(0, options.width)
        let lines: [ChartLine]
        switch shape.kind {
        case .timeSeries:
            let data = shape.timeSeries()
            lines = LineChart.lines(
                xLabels: data.xLabels, series: data.series, unit: shape.sharedUnit,
                width: width, height: max(1, options.height))
        case .categories, .measuresOnly:
            let data = shape.barGroups()
            lines = BarChart.lines(groups: data.groups, legend: data.legend, width: width)
        }
        return lines.map { $0.rendered(color: options.color, width: width) + "\n" }.joined()
    }
}

/// What a result looks like to a chart: which columns are measures and dimensions, and how
/// its rows become series or bars.
struct ChartShape {
    enum Kind { case timeSeries, categories, measuresOnly }

    let table: ResultTable
    let measures: [Int]
    let dimensions: [Int]
    let kind: Kind

    init(_ table: ResultTable) throws(ChartError) {
        self.table = table
        let measures = table.columns.indices.filter {
            if case .measure = table.columns[$0].role { return true }
            return false
        }
        let dimensions = table.columns.indices.filter { !measures.contains($0) }
        self.measures = measures
        self.dimensions = dimensions
        guard !measures.isEmpty else {
            throw ChartError(message: "nothing to chart: the result has no measure, only dimensions")
        }
        let plain = dimensions.filter { !ChartShape.isTime(table.columns[$0]) }
        // One measure per line or bar is the only way to keep series countable and labelled.
        guard plain.count <= 1 || measures.count <= 1 else {
            let dims = plain.map { DisplayCell.visible(table.columns[$0].name) }.joined(separator: ", ")
            throw ChartError(message: "cannot chart several measures by several dimensions (\(dims)): "
                + "chart one measure, or group by one dimension")
        }
        guard !table.rows.isEmpty else {
            throw ChartError(message: "nothing to chart: the result has no rows")
        }
        if let first = dimensions.first {
            kind = ChartShape.isTime(table.columns[first]) ? .timeSeries : .categories
        } else {
            kind = .measuresOnly
        }
    }

    static func isTime(_ column: ResultColumn) -> Bool {
        column.role == .dimension(time: true)
    }

    func unit(_ index: Int) -> MetricUnit? {
        if case .measure(let unit) = table.columns[index].role { return unit }
        return nil
    }

    /// The measures' unit when they agree; plain numbers on an axis shared by mixed units.
    var sharedUnit: MetricUnit? {
        let units = measures.map(unit)
        return units.allSatisfy { $0 == units.first } ? units.first ?? nil : nil
    }

    func name(_ index: Int) -> String {
        ChartText.truncated(DisplayCell.visible(table.columns[index].name), to: ChartText.labelLimit)
    }

    func value(_ row: [Value], _ index: Int) -> Value {
        DisplayCell.value(row, index)
    }

    // MARK: - Time series

    /// Periods in time order and one series per measure and combination of other dimensions.
    func timeSeries() -> (xLabels: [String], series: [LineSeries]) {
        guard let timeIndex = dimensions.first else { return ([], []) }
        let keyIndices = Array(dimensions.dropFirst())

        var periods: [Value] = []
        var periodSlot: [Value: Int] = [:]
        var keys: [[Value]] = []
        var keySlot: [[Value]: Int] = [:]
        for row in table.rows {
            let period = value(row, timeIndex)
            if periodSlot[period] == nil {
                periodSlot[period] = periods.count
                periods.append(period)
            }
            let key = keyIndices.map { value(row, $0) }
            if keySlot[key] == nil {
                keySlot[key] = keys.count
                keys.append(key)
            }
        }
        // Rows may come ordered by a measure; a line must run through time.
        let ordered = ChartShape.chronological(periods)
        for (slot, period) in ordered.enumerated() { periodSlot[period] = slot }

        var series: [LineSeries] = []
        var seriesSlot: [[Value]: [Int]] = [:]
        for key in keys {
            let parts = key.map(ChartText.label)
            seriesSlot[key] = measures.map { measure in
                var nameParts = parts
                if measures.count > 1 || parts.isEmpty { nameParts.append(name(measure)) }
                series.append(LineSeries(
                    name: ChartText.truncated(nameParts.joined(separator: " · "), to: ChartText.labelLimit),
                    values: Array(repeating: nil, count: ordered.count)))
                return series.count - 1
            }
        }
        for row in table.rows {
            let key = keyIndices.map { value(row, $0) }
            guard let x = periodSlot[value(row, timeIndex)], let slots = seriesSlot[key] else { continue }
            for (slot, measure) in zip(slots, measures) where series[slot].values[x] == nil {
                series[slot].values[x] = ChartText.number(value(row, measure))
            }
        }
        return (ordered.map(ChartText.label), series)
    }

    /// Periods sorted by time when every one is a period of the same grain, a date or a
    /// timestamp (nulls last); otherwise in the order the result gave them.
    static func chronological(_ periods: [Value]) -> [Value] {
        var keyed: [(kind: String, at: Int64, value: Value)] = []
        var nulls: [Value] = []
        for period in periods {
            switch period {
            case .null: nulls.append(period)
            case .period(let p): keyed.append((p.grain.rawValue, Int64(p.index), period))
            case .date(let day): keyed.append(("date", Int64(day), period))
            case .timestamp(let micros): keyed.append(("timestamp", micros, period))
            case .integer(let n): keyed.append(("integer", n, period))
            default: return periods
            }
        }
        guard let kind = keyed.first?.kind, keyed.allSatisfy({ $0.kind == kind }) else { return periods }
        return keyed.sorted { $0.at < $1.at }.map(\.value) + nulls
    }

    // MARK: - Bars

    /// One group per row (or per measure when there is no dimension and one row); a legend of
    /// measure names when a group holds several bars.
    func barGroups() -> (groups: [BarGroup], legend: [String]) {
        // Bars share a scale only with bars of the same unit.
        var scaleSlot: [MetricUnit?: Int] = [:]
        for measure in measures where scaleSlot[unit(measure)] == nil {
            scaleSlot[unit(measure)] = scaleSlot.count
        }
        func bar(_ row: [Value], _ measure: Int, series: Int) -> Bar {
            let cell = value(row, measure)
            let number = ChartText.number(cell)
            let text = number == nil ? NumberText.nullMarker : DisplayCell.text(cell, in: table.columns[measure]).text
            return Bar(series: series, value: number, text: text, scale: scaleSlot[unit(measure)] ?? 0)
        }

        if dimensions.isEmpty, table.rows.count == 1, let row = table.rows.first {
            let groups = measures.map { BarGroup(label: name($0), bars: [bar(row, $0, series: 0)]) }
            return (groups, [])
        }
        let groups = table.rows.enumerated().map { offset, row -> BarGroup in
            let label = dimensions.isEmpty
                ? String(offset + 1)
                : dimensions.map { ChartText.label(value(row, $0)) }.joined(separator: " / ")
            let bars = measures.enumerated().map { series, measure in bar(row, measure, series: series) }
            return BarGroup(label: ChartText.truncated(label, to: ChartText.labelLimit), bars: bars)
        }
        return (groups, measures.count > 1 ? measures.map(name) : [])
    }
}
