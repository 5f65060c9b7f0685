// The time-series chart: braille lines (2×4 dots a cell) over a labelled y axis, period labels and a legend.

import TallyData
import TallyDiagnostics

/// One line of a line chart: a value per period, nil where there is none.
struct LineSeries {
    var name: String
    var values: [Double?]
}

/// Draws series over periods as braille lines.
enum LineChart {
    /// The chart's lines: `height` plot rows with y tick labels, the x axis, the period labels
    /// and, for several series, a legend.
    static func lines(
        xLabels: [String], series: [LineSeries], unit: MetricUnit?, width: Int, height: Int
    ) -> [ChartLine] {
        let present = series.flatMap { $0.values.compactMap { $0 } }
        let ticks = ChartScale.ticks(
            low: present.min() ?? 0, high: present.max() ?? 0, resolution: ChartScale.resolution(unit),
            limit: height)
        let low = ticks.first ?? 0
        let high = ticks.last ?? 1

        // The y labels get at most a third of the width so the plot keeps most of it.
        let labelWidth = min(ticks.map { NumberText.human($0, unit: unit).count }.max() ?? 1, max(1, width / 3))
        let plotColumns = max(1, width - labelWidth - 2)
        var canvas = BrailleCanvas(columns: plotColumns, rows: height)

        let periodCount = xLabels.count
        func dotX(_ period: Int) -> Int {
            guard periodCount > 1 else { return canvas.dotColumns / 2 }
            return ChartScale.index(
                Double(period) * Double(canvas.dotColumns - 1) / Double(periodCount - 1), count: canvas.dotColumns)
        }
        func dotY(_ value: Double) -> Int {
            let f = ChartScale.fraction(value, low: low, high: high)
            return ChartScale.index(f * Double(canvas.dotRows - 1), count: canvas.dotRows)
        }

        for (index, line) in series.enumerated() {
            let values = line.values
            for period in values.indices {
                guard let value = values[period] else { continue }
                let here = (dotX(period), dotY(value))
                if period + 1 < values.count, let next = values[period + 1] {
                    canvas.line(from: here, to: (dotX(period + 1), dotY(next)), series: index)
                }
                let alone = (period == 0 || values[period - 1] == nil)
                    && (period + 1 == values.count || values[period + 1] == nil)
                // A lone point between gaps has no segment; a short dash keeps it visible.
                if alone { canvas.dash(at: here, series: index) }
            }
        }
        // Markers tell lines apart without colour.
        if series.count > 1 {
            for (index, line) in series.enumerated() {
                for (period, value) in line.values.enumerated() {
                    guard let value else { continue }
                    canvas.mark(at: (dotX(period), dotY(value)), ChartStyle.marker(index), series: index)
                }
            }
        }

        var tickLabels: [Int: String] = [:]
        for tick in ticks {
            let row = canvas.row(ofDot: dotY(tick))
            if tickLabels[row] == nil {
                tickLabels[row] = ChartText.truncated(NumberText.human(tick, unit: unit), to: labelWidth)
            }
        }
        var out: [ChartLine] = []
        for row in 0..<height {
            var line = ChartLine()
            line.append(ChartText.rightAligned(tickLabels[row] ?? "", labelWidth) + " ")
            line.append(tickLabels[row] == nil ? "│" : "┤")
            canvas.draw(row: row, into: &line)
            out.append(line)
        }

        let origin = labelWidth + 2
        let placed = periodLabels(xLabels, cellOf: { dotX($0) / 2 }, origin: origin, width: width)
        let tickCells = Set(placed.map(\.cell))
        var axis = ChartLine()
        axis.append(String(repeating: " ", count: labelWidth + 1) + "└")
        for cell in 0..<plotColumns { axis.append(tickCells.contains(cell) ? "┬" : "─") }
        out.append(axis)
        var labels = ChartLine()
        for label in placed {
            labels.pad(to: label.start)
            labels.append(label.text)
        }
        out.append(labels)
        if series.count > 1 { out += ChartStyle.legend(series.map(\.name), width: width) }
        return out
    }

    /// The period labels to show and where: the first, then every k-th period for the smallest
    /// k whose labels (centred under their period, kept on the line) leave two spaces between
    /// neighbours, and the last, which replaces the one before it if those two would collide.
    static func periodLabels(
        _ labels: [String], cellOf: (Int) -> Int, origin: Int, width: Int
    ) -> [(start: Int, cell: Int, text: String)] {
        guard !labels.isEmpty else { return [] }
        let texts = labels.map { ChartText.truncated($0, to: min(ChartText.labelLimit, max(0, width))) }
        func placement(_ period: Int) -> (start: Int, cell: Int, text: String) {
            let text = texts[period]
            let cell = cellOf(period)
            let start = max(0, min(origin + cell - DisplayWidth.of(text) / 2, width - DisplayWidth.of(text)))
            return (start, cell, text)
        }
        func fits(_ a: (start: Int, cell: Int, text: String), before b: (start: Int, cell: Int, text: String)) -> Bool {
            a.start + DisplayWidth.of(a.text) + 2 <= b.start
        }
        let last = labels.count - 1
        guard last > 0 else { return [placement(0)] }
        for stride in 1...last {
            var chosen = Swift.stride(from: 0, to: last, by: stride).map(placement)
            let end = placement(last)
            if let previous = chosen.last, chosen.count > 1, !fits(previous, before: end) { chosen.removeLast() }
            chosen.append(end)
            if zip(chosen, chosen.dropFirst()).allSatisfy({ fits($0, before: $1) }) { return chosen }
        }
        // Not even the first and last fit side by side: the first alone.
        return [placement(0)]
    }
}

/// A grid of braille cells, each 2 dots wide and 4 high, coloured by the last series drawn in it.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var owner: [Int?]
    private var markers: [Character?]

    init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        owner = Array(repeating: nil, count: self.columns * self.rows)
        markers = Array(repeating: nil, count: self.columns * self.rows)
    }

    var dotColumns: Int { columns * 2 }
    var dotRows: Int { rows * 4 }

    /// The cell row (0 at the top) holding dot row `y` (0 at the bottom).
    func row(ofDot y: Int) -> Int {
        (dotRows - 1 - y) / 4
    }

    /// Sets dot (x, y), y counted from the bottom; dots off the grid are ignored.
    mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, x < dotColumns, y >= 0, y < dotRows else { return }
        let fromTop = dotRows - 1 - y
        let cell = (fromTop / 4) * columns + x / 2
        // Unicode braille numbers dots 1-2-3 down the left, 4-5-6 down the right, then 7 and 8 below.
        let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        dots[cell] |= bits[fromTop % 4][x % 2]
        owner[cell] = series
    }

    /// A straight run of dots from `a` to `b` (Bresenham).
    mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int) {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, series: series)
            if x == b.0 && y == b.1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// Both dots of the cell's half at `point`'s height: a point too small to miss.
    mutating func dash(at point: (Int, Int), series: Int) {
        let left = point.0 - point.0 % 2
        set(left, point.1, series: series)
        set(left + 1, point.1, series: series)
    }

    /// Replaces the cell holding `point` with `marker`.
    mutating func mark(at point: (Int, Int), _ marker: Character, series: Int) {
        guard point.0 >= 0, point.0 < dotColumns, point.1 >= 0, point.1 < dotRows else { return }
        let cell = row(ofDot: point.1) * columns + point.0 / 2
        markers[cell] = marker
        owner[cell] = series
    }

    /// Row `row` (0 at the top) appended to `line`, blank cells as spaces.
    func draw(row: Int, into line: inout ChartLine) {
        for column in 0..<columns {
            let cell = row * columns + column
            if let marker = markers[cell] {
                line.append(marker, series: owner[cell])
            } else if dots[cell] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[cell])) {
                line.append(Character(scalar), series: owner[cell])
            } else {
                line.append(" ")
            }
        }
    }
}
