// Charts as inline SVG for the HTML report: lines over time, horizontal bars by category, from the
// same reading of a result as the terminal chart (ChartShape) and with the same numbers (NumberText).

import Foundation
import TallyData

/// Draws a result as an SVG image, fixed size, no script and nothing fetched.
enum SVGChart {
    static let width = 720.0
    /// Distinguishable on white and in print; a series past the last takes the first again.
    static let palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"]

    static func render(_ table: ResultTable) throws(ChartError) -> String {
        let shape = try ChartShape(table)
        switch shape.kind {
        case .timeSeries:
            let data = shape.timeSeries()
            return lines(xLabels: data.xLabels, series: data.series, unit: shape.sharedUnit)
        case .categories, .measuresOnly:
            let data = shape.barGroups()
            return bars(groups: data.groups, legend: data.legend)
        }
    }

    // MARK: Lines

    static func lines(xLabels: [String], series: [LineSeries], unit: MetricUnit?) -> String {
        let height = 320.0
        let present = series.flatMap { $0.values.compactMap { $0 } }
        let ticks = ChartScale.ticks(
            low: present.min() ?? 0, high: present.max() ?? 0, resolution: ChartScale.resolution(unit))
        let low = ticks.first ?? 0
        let high = ticks.last ?? 1
        let left = 16 + 7.5 * Double(ticks.map { NumberText.human($0, unit: unit).count }.max() ?? 1)
        // Room for half of the last period label, which is centred on the last point.
        let right = width - 40
        let top = 16.0
        let bottom = height - 40
        func x(_ i: Int) -> Double {
            xLabels.count < 2 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(xLabels.count - 1)
        }
        func y(_ v: Double) -> Double { high == low ? bottom : bottom - (bottom - top) * (v - low) / (high - low) }

        var out = ""
        for tick in ticks {
            let ty = number(y(tick))
            out +=
                ##"<line x1="\##(number(left))" y1="\##(ty)" x2="\##(number(right))" y2="\##(ty)" stroke="#e5e7eb"/>"##
            out +=
                ##"<text x="\##(number(left - 6))" y="\##(ty)" text-anchor="end" dominant-baseline="middle">\##(HTML.escape(NumberText.human(tick, unit: unit)))</text>"##
        }
        // At most about twelve period labels fit under the axis; the rest are left out evenly.
        let every = max(1, Int((Double(xLabels.count) / 12).rounded(.up)))
        for (i, label) in xLabels.enumerated() where i % every == 0 {
            out +=
                ##"<text x="\##(number(x(i)))" y="\##(number(bottom + 18))" text-anchor="middle">\##(HTML.escape(label))</text>"##
        }
        out +=
            ##"<line x1="\##(number(left))" y1="\##(number(bottom))" x2="\##(number(right))" y2="\##(number(bottom))" stroke="#6b7280"/>"##
        for (index, line) in series.enumerated() {
            let color = palette[index % palette.count]
            // A null value leaves a gap: the line is drawn in runs of present values.
            var run: [String] = []
            func flush() {
                if run.count == 1 {
                    let point = run[0].split(separator: ",")
                    out += ##"<circle class="series" cx="\##(point[0])" cy="\##(point[1])" r="3" fill="\##(color)"/>"##
                } else if run.count > 1 {
                    out +=
                        ##"<polyline class="series" points="\##(run.joined(separator: " "))" fill="none" stroke="\##(color)" stroke-width="2"/>"##
                }
                run = []
            }
            for (i, value) in line.values.enumerated() {
                guard let value else {
                    flush()
                    continue
                }
                run.append("\(number(x(i))),\(number(y(value)))")
            }
            flush()
        }
        return svg(height: height, body: out, legend: series.count > 1 ? series.map(\.name) : [])
    }

    // MARK: Bars

    static func bars(groups: [BarGroup], legend: [String]) -> String {
        let barHeight = 18.0
        let gap = 8.0
        let labelWidth = 16 + 7.5 * Double(groups.map(\.label.count).max() ?? 1)
        let valueWidth = 8 + 7.5 * Double(groups.flatMap(\.bars).map(\.text.count).max() ?? 1)
        let plotLeft = labelWidth
        let plotRight = width - valueWidth
        // Each unit has its own scale; zero sits where the most negative value of any scale needs it.
        var extent: [Int: (low: Double, high: Double)] = [:]
        for bar in groups.flatMap(\.bars) {
            let v = bar.value ?? 0
            let e = extent[bar.scale] ?? (0, 0)
            extent[bar.scale] = (min(e.low, v), max(e.high, v))
        }
        let negativeShare = extent.values.map { $0.high - $0.low > 0 ? -$0.low / ($0.high - $0.low) : 0 }.max() ?? 0
        let zero = plotLeft + (plotRight - plotLeft) * negativeShare
        var out = ""
        var top = 8.0
        for group in groups {
            out +=
                ##"<text x="\##(number(labelWidth - 8))" y="\##(number(top + barHeight / 2))" text-anchor="end" dominant-baseline="middle">\##(HTML.escape(group.label))</text>"##
            for bar in group.bars {
                let e = extent[bar.scale] ?? (0, 1)
                let reach = max(e.high, -e.low, .leastNonzeroMagnitude)
                let room = bar.value.map { $0 < 0 ? zero - plotLeft : plotRight - zero } ?? 0
                let length = bar.value.map { abs($0) / reach * room } ?? 0
                let x0 = (bar.value ?? 0) < 0 ? zero - length : zero
                let color = palette[bar.series % palette.count]
                out +=
                    ##"<rect class="bar" x="\##(number(x0))" y="\##(number(top))" width="\##(number(length))" height="\##(number(barHeight))" fill="\##(color)"/>"##
                let textX = (bar.value ?? 0) < 0 ? zero + 6 : x0 + length + 6
                out +=
                    ##"<text x="\##(number(textX))" y="\##(number(top + barHeight / 2))" dominant-baseline="middle">\##(HTML.escape(bar.text))</text>"##
                top += barHeight + 2
            }
            top += gap
        }
        out += ##"<line x1="\##(number(zero))" y1="0" x2="\##(number(zero))" y2="\##(number(top))" stroke="#6b7280"/>"##
        return svg(height: top, body: out, legend: legend)
    }

    // MARK: Frame

    private static func svg(height: Double, body: String, legend: [String]) -> String {
        var legendMarkup = ""
        var legendHeight = 0.0
        if !legend.isEmpty {
            var x = 16.0
            var y = height + 12
            for (index, name) in legend.enumerated() {
                let room = 28 + 7.5 * Double(name.count)
                if x + room > width, x > 16 {
                    x = 16
                    y += 20
                }
                legendMarkup +=
                    ##"<rect x="\##(number(x))" y="\##(number(y - 6))" width="12" height="12" fill="\##(palette[index % palette.count])"/>"##
                legendMarkup +=
                    ##"<text x="\##(number(x + 18))" y="\##(number(y))" dominant-baseline="middle">\##(HTML.escape(name))</text>"##
                x += room
            }
            legendHeight = y - height + 12
        }
        let total = number(height + legendHeight)
        return
            ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="\##(number(width))" height="\##(total)" viewBox="0 0 \##(number(width)) \##(total)" font-family="sans-serif" font-size="12" fill="#111827">"##
            + body + legendMarkup + "</svg>"
    }

    /// Coordinates to two decimals, without a trailing `.0`.
    private static func number(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
