// Building blocks shared by the charts: coloured lines of cells, labels, legends, scales and axis ticks.

import Foundation  // log10 and pow, for round axis steps
import TallyData
import TallyDiagnostics

/// One line of a chart as cells, so widths are counted before any colour escape is added.
struct ChartLine {
    private struct Cell {
        var character: Character
        var series: Int?
        /// Terminal cells it takes (a wide character in a label takes two).
        var width: Int
    }

    private var cells: [Cell] = []
    /// Terminal cells so far.
    private(set) var count = 0

    /// Appends `text`, coloured as `series` when colour is on.
    mutating func append(_ text: String, series: Int? = nil) {
        for character in text { append(character, series: series) }
    }

    mutating func append(_ character: Character, series: Int? = nil) {
        let width = DisplayWidth.of(character)
        cells.append(Cell(character: character, series: series, width: width))
        count += width
    }

    /// Spaces up to `column` cells; nothing if the line is already that long.
    mutating func pad(to column: Int) {
        if column > count { append(String(repeating: " ", count: column - count)) }
    }

    /// The text clipped to `width` cells with trailing spaces dropped; escapes wrap each
    /// run of one series' colour so they never count toward the width.
    func rendered(color: Bool, width: Int) -> String {
        var visible: [Cell] = []
        var used = 0
        for cell in cells {
            used += cell.width
            if used > width { break }
            visible.append(cell)
        }
        while let last = visible.last, last.character == " " { visible.removeLast() }
        var out = ""
        var open: Int? = nil
        for cell in visible {
            let wanted = color && cell.character != " " ? cell.series : nil
            if wanted != open {
                if open != nil { out += ChartStyle.reset }
                if let wanted { out += ChartStyle.color(wanted) }
                open = wanted
            }
            out.append(cell.character)
        }
        if open != nil { out += ChartStyle.reset }
        return out
    }
}

/// Colours and point markers, one per series, reused in turn when there are more series.
enum ChartStyle {
    static let reset = "\u{1B}[0m"
    // Readable on dark and light backgrounds alike; blue and red come last.
    private static let colors = [36, 33, 35, 32, 34, 31]
    private static let markers: [Character] = ["●", "◆", "▲", "■", "○", "◇", "△", "□"]

    static func color(_ series: Int) -> String {
        "\u{1B}[\(colors[abs(series) % colors.count])m"
    }

    static func marker(_ series: Int) -> Character {
        markers[abs(series) % markers.count]
    }

    /// "● pro   ◆ basic" wrapped onto as many lines as `width` needs.
    static func legend(_ names: [String], width: Int) -> [ChartLine] {
        var lines: [ChartLine] = []
        var line = ChartLine()
        for (series, name) in names.enumerated() {
            let entryWidth = DisplayWidth.of(name) + 2
            if line.count > 0, line.count + 3 + entryWidth > width {
                lines.append(line)
                line = ChartLine()
            }
            if line.count > 0 { line.append("   ") }
            line.append(marker(series), series: series)
            line.append(" " + name)
        }
        if line.count > 0 { lines.append(line) }
        return lines
    }
}

/// Labels and numbers as charts show them.
enum ChartText {
    /// Longest label before it is cut with "…".
    static let labelLimit = 20

    /// A dimension value as people read it: "—" for null, control characters spelled out.
    static func label(_ value: Value) -> String {
        DisplayCell.visible(ValueText.plain(value) ?? NumberText.nullMarker)
    }

    /// `s` cut to `limit` cells, its last one "…" when anything was cut.
    static func truncated(_ s: String, to limit: Int) -> String {
        DisplayWidth.truncated(s, to: limit)
    }

    /// A measure's value as a finite number; nil for null, NaN, infinity and non-numbers.
    static func number(_ value: Value) -> Double? {
        value.double
    }

    /// `s` padded with spaces on the left to `width` cells.
    static func rightAligned(_ s: String, _ width: Int) -> String {
        DisplayWidth.padded(s, to: width, right: true)
    }
}

/// Arithmetic that places values on a grid without overflowing or trapping on extreme values.
enum ChartScale {
    /// Where `value` lies between `low` and `high`, from 0 to 1 (clamped; 0 when the range is
    /// empty). Everything is divided by the largest magnitude first, so ±1.7e308 cannot overflow.
    static func fraction(_ value: Double, low: Double, high: Double) -> Double {
        let magnitude = max(abs(low), abs(high), abs(value))
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        let span = high / magnitude - low / magnitude
        guard span > 0 else { return 0 }
        let f = (value / magnitude - low / magnitude) / span
        return f.isFinite ? min(1, max(0, f)) : 0
    }

    /// `x` rounded into `0..<count`; 0 for NaN, so a conversion to `Int` can never trap.
    static func index(_ x: Double, count: Int) -> Int {
        guard count > 0, x.isFinite else { return 0 }
        return Int(min(max(x.rounded(), 0), Double(count - 1)))
    }

    /// `a / (a + b)` for non-negative `a` and `b`, 0 when both are zero, without overflow.
    static func share(_ a: Double, _ b: Double) -> Double {
        let magnitude = max(a, b)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        return (a / magnitude) / (a / magnitude + b / magnitude)
    }

    /// The smallest step whose labels stay distinct after `NumberText.human` rounds them.
    static func resolution(_ unit: MetricUnit?) -> Double {
        switch unit {
        case .count: 1
        case .currency, .ratio: 0.01
        case .percent: 0.001
        case .score, .hours, .days: 0.1
        case nil: 0.0001
        }
    }

    /// 4 to 6 evenly spaced round values (1, 2, 2.5 or 5 × 10ⁿ apart) covering `low...high`,
    /// ascending, each a multiple of `resolution`; never more than `limit` (an axis only has so
    /// many rows), and then at least `limit`. An empty range is widened to include zero.
    static func ticks(low: Double, high: Double, resolution: Double, limit: Int = 6) -> [Double] {
        let most = min(6, max(2, limit))
        let fewest = min(4, most)
        var low = low, high = high
        if low == high {
            if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
        }
        let span = high - low
        if span.isFinite, span > 0, resolution > 0 {
            let exponent = log10(span / 5).rounded(.down)
            var steps = [resolution]
            for power in [exponent - 1, exponent, exponent + 1] {
                for multiple in [1, 2, 2.5, 5] { steps.append(multiple * pow(10, power)) }
            }
            for step in steps.sorted() where step.isFinite && step >= resolution && isMultiple(step, of: resolution) {
                let first = (low / step).rounded(.down)
                let count = (high / step).rounded(.up) - first + 1
                guard count.isFinite, count <= Double(most) else { continue }
                var ticks: [Double] = []
                // A short axis grows upward: most measures are positive and read from zero.
                for offset in 0..<max(fewest, Int(count)) { ticks.append((first + Double(offset)) * step) }
                if ticks.allSatisfy(\.isFinite) { return ticks }
                break
            }
        }
        // Near the ends of Double the round steps overflow; plain equal parts still label the axis.
        let parts = most - 1
        let part = high / Double(parts) - low / Double(parts)
        return (0...parts).map { $0 == parts ? high : low + part * Double($0) }
    }

    private static func isMultiple(_ step: Double, of resolution: Double) -> Bool {
        let ratio = step / resolution
        return abs(ratio - ratio.rounded()) <= 1e-9 * max(1, ratio)
    }
}
