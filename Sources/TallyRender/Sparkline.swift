// Sparklines: a series as one character per value in eight block heights, for a trend inside a table cell.

/// A series squeezed into one line of block characters.
public enum Sparkline {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value: `▁` for the smallest, `█` for the largest, the rest in
    /// proportion; a space for nil (and for NaN or infinity, which have no height). When every
    /// value is the same the line is flat at `▄`, since there is no low or high to show.
    ///
    ///     Sparkline.render([1, nil, 3, 8])  // "▁ ▃█"
    public static func render(_ values: [Double?]) -> String {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return String(repeating: " ", count: values.count)
        }
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            guard low < high else { return levels[3] }
            let f = ChartScale.fraction(value, low: low, high: high)
            return levels[ChartScale.index(f * Double(levels.count - 1), count: levels.count)]
        })
    }
}
