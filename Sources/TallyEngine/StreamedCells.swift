// One aggregate's cells built up block by block, for data read in blocks of rows.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// What `Aggregator` computes in one pass over all rows, kept between blocks and finished once. Rows
/// are added in file order, so a sum of floating-point values adds in the same order as in memory and
/// every cell comes out identical. Memory: a few values per cell, and for a distinct count the
/// (value, cell) pairs met, as bits over the values' span or sets per cell (`StreamedDistinct`;
/// bounded by distinct values, not rows, and checked against the memory left).
struct StreamedCells {
    private let function: AggregateFunction
    private(set) var cellCount: Int
    /// Set by the first block: whether a value was given, and the scale of exact values (nil: doubles).
    private var kind: (hasValue: Bool, scale: Int?)?
    private var counts: [Int64]
    private var exactSums: [Int64] = []
    private var sums: [Double] = []
    private var exactBest: [Int64?] = []
    private var best: [Double?] = []
    private var distinct = StreamedDistinct(cellCount: 0, slotCount: 1)
    /// Cells are (combination, slot) pairs numbered `combination * slotCount + slot`.
    private let slotCount: Int
    /// Distinct text values by their bytes (each block has a dictionary of its own).
    private var textKeys: [[UInt8]: Int64] = [:]

    /// Whether streaming can compute `function` (a percentile needs every value of a cell at once).
    static func streams(_ function: AggregateFunction) -> Bool {
        switch function {
        case .count, .countDistinct, .sum, .avg, .min, .max: true
        case .median, .percentile: false
        }
    }

    init(_ function: AggregateFunction, cellCount: Int, slotCount: Int) {
        self.function = function
        self.cellCount = cellCount
        self.slotCount = slotCount
        counts = [Int64](repeating: 0, count: cellCount)
    }

    /// Adds one block's rows; `cells[i]` is row i's cell, or -1 when it does not count.
    mutating func add(cells: [Int32], value: Vector?, cancellation: Cancellation) throws(Diagnostic) {
        let scale = value?.exact?.scale
        if let kind {
            guard kind.hasValue == (value != nil), kind.scale == scale else { throw Vector.kindChanged }
        } else {
            kind = (value != nil, scale)
            allocate(exact: scale != nil)
        }
        try cancellation.check()
        switch function {
        case .count:
            count(cells, value)
        case .countDistinct:
            guard let value else { return count(cells, nil) }
            let keys = distinctKeys(value, count: cells.count)
            try distinct.add(cells: cells, keys: keys)
        case .sum, .avg:
            // A block's values, read in 64 bits: a block is small, and its width may differ from the last's.
            if let values = value?.exact?.values.widened {
                for i in cells.indices where cells[i] >= 0 && values[i] != NullSentinel.int64 {
                    let c = Int(cells[i])
                    let (sum, overflow) = exactSums[c].addingReportingOverflow(values[i])
                    if overflow { throw Vector.sumOverflow }
                    exactSums[c] = sum
                    counts[c] += 1
                }
            } else {
                let values = value?.doubles(count: cells.count) ?? []
                for i in 0..<min(cells.count, values.count) where cells[i] >= 0 && !values[i].isNaN {
                    sums[Int(cells[i])] += values[i]
                    counts[Int(cells[i])] += 1
                }
            }
        case .min, .max:
            let max = function == .max
            if let values = value?.exact?.values.widened {
                Self.extremes(max: max, cells, values, isNull: { $0 == NullSentinel.int64 }, into: &exactBest)
            } else {
                Self.extremes(max: max, cells, value?.doubles(count: cells.count) ?? [], isNull: { $0.isNaN }, into: &best)
            }
        case .median, .percentile:
            throw Diagnostic("\(function) cannot be computed a block of rows at a time")
        }
    }

    /// The cells as `Aggregator` gives them: empty counts and sums 0, other aggregates over no rows null.
    func finish() -> Measure {
        let scale = kind?.scale
        switch function {
        case .count:
            return .exactCells(counts, scale: 0)
        case .countDistinct:
            return .exactCells(kind?.hasValue == true ? distinct.counts : counts, scale: 0)
        case .sum:
            if let scale { return .exactCells(exactSums, scale: scale) }
            return .approximate(sums.map { $0.isFinite ? $0 : nil })
        case .avg:
            if let scale {
                let f = DecimalScale.factor(scale)
                return .approximate(
                    (0..<cellCount).map { c in counts[c] == 0 ? nil : Double(exactSums[c]) / (f * Double(counts[c])) })
            }
            return .approximate((0..<cellCount).map { c in counts[c] == 0 ? nil : sums[c] / Double(counts[c]) })
        case .min, .max:
            if let scale { return .exact(exactBest, scale: scale) }
            return .approximate(best)
        case .median, .percentile:
            return .approximate([Double?](repeating: nil, count: cellCount))
        }
    }

    /// Whether what was added so far adds up the same in any order: counts, and exact numbers.
    var isExact: Bool {
        guard let kind, kind.hasValue else { return true }
        return kind.scale != nil || function == .count || function == .countDistinct
    }

    /// Makes room for `count` cells, the new ones empty, keeping those there are (cells are added at the
    /// end, as combinations are met).
    mutating func grow(to count: Int) throws(Diagnostic) {
        let more = count - cellCount
        guard more > 0 else { return }
        counts += repeatElement(0, count: more)
        cellCount = count
        // Before the first block nothing else is allocated: it is, at the size then.
        guard let kind else { return }
        let exact = kind.scale != nil
        switch function {
        case .countDistinct: try distinct.grow(to: count)
        case .sum, .avg: if exact { exactSums += repeatElement(0, count: more) } else { sums += repeatElement(0, count: more) }
        case .min, .max: if exact { exactBest += repeatElement(nil, count: more) } else { best += repeatElement(nil, count: more) }
        case .count, .median, .percentile: break
        }
    }

    /// Adds every cell into cell `target(cell)` of `into` (none when nil), as if its rows had been added
    /// there: for counts, exact sums and extremes, whose results do not depend on the order of rows.
    func add(into other: inout StreamedCells, _ target: (Int) -> Int?) throws(Diagnostic) {
        guard let kind else { return }
        if let theirs = other.kind {
            guard theirs.hasValue == kind.hasValue, theirs.scale == kind.scale else { throw Vector.kindChanged }
        } else {
            other.kind = kind
            other.allocate(exact: kind.scale != nil)
        }
        for cell in 0..<cellCount {
            guard let t = target(cell) else { continue }
            other.counts[t] += counts[cell]
            switch function {
            case .sum, .avg:
                guard kind.scale != nil else { throw Diagnostic("sums of floating-point values keep the order of their rows") }
                let (sum, overflow) = other.exactSums[t].addingReportingOverflow(exactSums[cell])
                if overflow { throw Vector.sumOverflow }
                other.exactSums[t] = sum
            case .min, .max:
                guard kind.scale != nil else { throw Diagnostic("extremes of floating-point values are taken as rows come") }
                if let v = exactBest[cell] {
                    let max = function == .max
                    if let b = other.exactBest[t] { other.exactBest[t] = max ? Swift.max(b, v) : Swift.min(b, v) } else { other.exactBest[t] = v }
                }
            case .count, .countDistinct, .median, .percentile:
                break
            }
        }
        if function == .countDistinct, kind.hasValue { try distinct.add(into: &other.distinct, target) }
    }

    private mutating func allocate(exact: Bool) {
        switch function {
        case .countDistinct: distinct = StreamedDistinct(cellCount: cellCount, slotCount: slotCount)
        case .sum, .avg:
            if exact { exactSums = [Int64](repeating: 0, count: cellCount) } else { sums = [Double](repeating: 0, count: cellCount) }
        case .min, .max:
            if exact { exactBest = [Int64?](repeating: nil, count: cellCount) } else { best = [Double?](repeating: nil, count: cellCount) }
        case .count, .median, .percentile: break
        }
    }

    /// `count(ds)` counts rows; `count(ds.col)` counts rows where the value is not null.
    private mutating func count(_ cells: [Int32], _ value: Vector?) {
        let nulls = value?.nullMask(count: cells.count)
        for i in cells.indices where cells[i] >= 0 && nulls?[i] != 1 { counts[Int(cells[i])] += 1 }
    }

    private static func extremes<T: Comparable>(
        max: Bool, _ cells: [Int32], _ values: [T], isNull: (T) -> Bool, into best: inout [T?]
    ) {
        for i in 0..<min(cells.count, values.count) where cells[i] >= 0 && !isNull(values[i]) {
            let c = Int(cells[i])
            if let b = best[c] {
                if max ? values[i] > b : values[i] < b { best[c] = values[i] }
            } else {
                best[c] = values[i]
            }
        }
    }

    /// Each row's value as a key that means the same value in every block (`Int64.min`: null), equal
    /// exactly where `DistinctIDs` counts values as equal.
    private mutating func distinctKeys(_ v: Vector, count: Int) -> [Int64] {
        switch v {
        case .text(let codes, let dictionary):
            let ids = dictionary.map { text in
                let bytes = Array(text.utf8)
                if let id = textKeys[bytes] { return id }
                let id = Int64(textKeys.count)
                textKeys[bytes] = id
                return id
            }
            return codes.map { $0 < 0 ? Int64.min : ids[Int($0)] }
        case .int(let x), .decimal(let x, _):
            return x.widened
        case .timestamp(let x), .duration(let x):
            return x
        case .date(let x):
            return x.map { $0 == NullSentinel.int32 ? Int64.min : Int64($0) }
        case .double(let x):
            return x.map { $0.isNaN ? Int64.min : Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }
        case .bool(let x):
            return x.map { $0 == NullSentinel.boolean ? Int64.min : Int64($0) }
        case .scalar(let literal):
            return [Int64](repeating: literal == .null ? Int64.min : 0, count: count)
        }
    }
}
