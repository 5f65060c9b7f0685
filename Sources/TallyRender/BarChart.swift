// The category chart: horizontal bars in eighth blocks, negatives left of a zero axis, grouped with a legend.

import TallyData
import TallyDiagnostics

/// One bar: its series (for colour and marker), value, text at the end, and which scale it uses.
struct Bar {
    var series: Int
    var value: Double?
    var text: String
    /// Bars with the same scale are drawn in proportion to each other; one per unit.
    var scale: Int
}

/// The bars of one category (one row), labelled once on the first.
struct BarGroup {
    var label: String
    var bars: [Bar]
}

/// Draws groups of horizontal bars.
enum BarChart {
    /// One line per bar: the group's label (on its first bar), a series marker when there is a
    /// legend, the bar, and the value. The legend, when given, comes last.
    static func lines(groups: [BarGroup], legend: [String], width: Int) -> [ChartLine] {
        let bars = groups.flatMap(\.bars)
        let valueWidth = bars.map { DisplayWidth.of($0.text) }.max() ?? 0
        let markerWidth = legend.isEmpty ? 0 : 2
        let hasNegative = bars.contains { ($0.value ?? 0) < 0 }
        let axisWidth = hasNegative ? 1 : 0

        // Bars get what the label, marker, axis and value leave; a narrow chart shortens the
        // labels (down to 6 characters) before it gives up on the bars.
        var labelWidth = min(groups.map { DisplayWidth.of($0.label) }.max() ?? 0, ChartText.labelLimit)
        var barColumns = width - labelWidth - 1 - markerWidth - axisWidth - 1 - valueWidth
        let wantedBars = 10
        if barColumns < wantedBars {
            let cut = min(max(0, labelWidth - 6), wantedBars - barColumns)
            labelWidth -= cut
            barColumns += cut
        }
        barColumns = max(0, barColumns)

        let scales = Scales(bars, columns: barColumns)
        var out: [ChartLine] = []
        for group in groups {
            for (position, bar) in group.bars.enumerated() {
                var line = ChartLine()
                let label = position == 0 ? ChartText.truncated(group.label, to: labelWidth) : ""
                line.append(label)
                line.pad(to: labelWidth + 1)
                if !legend.isEmpty {
                    line.append(ChartStyle.marker(bar.series), series: bar.series)
                    line.append(" ")
                }
                let (left, right) = scales.blocks(bar)
                if hasNegative {
                    line.append(ChartText.rightAligned("", scales.negativeColumns - left.count))
                    line.append(left, series: bar.series)
                    line.append("│")
                }
                line.append(right, series: bar.series)
                // No bar, no gap: "│ -$250" and "pro —" rather than a double space.
                if !right.isEmpty || hasNegative { line.append(" ") }
                line.append(bar.text)
                out.append(line)
            }
        }
        return out + ChartStyle.legend(legend, width: width)
    }

    /// How many columns each side of the zero axis gets, and each scale's value per column.
    struct Scales {
        let negativeColumns: Int
        let positiveColumns: Int
        private var perColumn: [Int: Double] = [:]

        init(_ bars: [Bar], columns: Int) {
            var largest: [Int: (negative: Double, positive: Double)] = [:]
            for bar in bars {
                guard let value = bar.value else { continue }
                var extremes = largest[bar.scale] ?? (0, 0)
                if value < 0 { extremes.negative = max(extremes.negative, -value) }
                if value > 0 { extremes.positive = max(extremes.positive, value) }
                largest[bar.scale] = extremes
            }
            // The axis sits where the scale that needs most room on each side still fits.
            let leftShare = largest.values.map { ChartScale.share($0.negative, $0.positive) }.max() ?? 0
            let rightShare = largest.values.map { ChartScale.share($0.positive, $0.negative) }.max() ?? 0
            var negative = ChartScale.index(
                Double(columns) * ChartScale.share(leftShare, rightShare), count: columns + 1)
            if leftShare > 0, negative == 0, columns > 1 { negative = 1 }
            if rightShare > 0, negative == columns, columns > 1 { negative = columns - 1 }
            negativeColumns = negative
            positiveColumns = columns - negative
            for (scale, extremes) in largest {
                let left = negative > 0 ? extremes.negative / Double(negative) : 0
                let right = positiveColumns > 0 ? extremes.positive / Double(positiveColumns) : 0
                perColumn[scale] = max(left, right)
            }
        }

        /// The blocks left of the axis (for a negative value) and right of it (positive).
        func blocks(_ bar: Bar) -> (left: String, right: String) {
            guard let value = bar.value, value != 0, let unit = perColumn[bar.scale], unit > 0 else { return ("", "") }
            let columns = value < 0 ? negativeColumns : positiveColumns
            let eighths = ChartScale.index(abs(value) / unit * 8, count: columns * 8 + 1)
            let full = String(repeating: "█", count: eighths / 8)
            if value > 0 {
                let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
                // A sliver for a value too small to round to an eighth: nonzero must not look like zero.
                if eighths == 0 { return ("", columns > 0 ? "▏" : "") }
                return ("", full + partial)
            }
            // Unicode has only half and eighth blocks that hug the right edge of a cell.
            let partial = ["", "▕", "▕", "▐", "▐", "▐", "█", "█"][eighths % 8]
            if eighths == 0 { return (columns > 0 ? "▕" : "", "") }
            return (partial + full, "")
        }
    }
}
