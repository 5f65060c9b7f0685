// The combinations of non-time dimension values that occur in the rows a query reads.

import TallyDiagnostics
import TallyPlan

/// Numbers the dimension combinations found in rows that pass the query's `where`
/// (DESIGN §4: values anywhere in the data, not only inside the range), and gives every row its
/// combination once, so aggregates index an array instead of hashing per row.
struct Combinations {
    /// Dimension ids of each combination, in order of first appearance.
    private(set) var tuples: [[Int32]] = []
    /// For each prepared row set, each row's combination (-1 where the row fails `where`, or any value
    /// there, when read through a relation: every use of a row's combination tests `where` first); nil
    /// when there are no dimensions (every row that passes is in combination 0).
    private(set) var rows: [RowValues?] = []

    var count: Int { tuples.count }

    /// Key spaces up to this size are numbered through an array rather than a hash map.
    private static let denseLimit = 1 << 22

    /// Takes each row set's dimension ids (left empty): with one dimension they are rewritten in
    /// place into the rows' combinations, so the two never take memory at once, or, read through a
    /// relation, numbered as the related rows' combinations.
    init(domains: [DimensionDomain], prepared: inout [(passes: RowMask, ids: [RowValues])]) {
        let radices = domains.map { max(1, $0.values.count) }
        guard !domains.isEmpty else {
            tuples = [[]]
            rows = Array(repeating: nil, count: prepared.count)
            return
        }
        var product: Int64 = 1
        var overflow = false
        for r in radices where !overflow {
            (product, overflow) = product.multipliedReportingOverflow(by: Int64(r))
        }
        var dense = !overflow && product <= Self.denseLimit ? [Int32](repeating: -1, count: Int(product)) : []
        var packed: [Int64: Int32] = [:]
        var wide: [[Int32]: Int32] = [:]
        for p in prepared.indices {
            let passes = prepared[p].passes
            if prepared[p].ids.count == 1, !dense.isEmpty {
                // One dimension (the common case): its id is the key.
                let ids = prepared[p].ids.removeLast()
                switch ids {
                case .rows(var column):
                    passes.withTest { keep in
                        for row in 0..<passes.count {
                            guard keep(row) else {
                                column[row] = -1
                                continue
                            }
                            column[row] = Self.number(column[row], &dense, &tuples)
                        }
                    }
                    rows.append(.rows(column))
                case .through(let target, let unmatched, let targetRows, let count):
                    // Numbered in order of first appearance among the rows, as above; the related
                    // rows' combinations then stand for the rows'.
                    var scratch = [Int32](repeating: 0, count: Swift.min(count, Cancellation.blockSize))
                    passes.withTest { keep in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            for block in Cancellation.blocks(count) {
                                ids.withBlock(block, scratch: scratch) { values in
                                    for row in block where keep(row) {
                                        _ = Self.number(values[row - block.lowerBound], &dense, &tuples)
                                    }
                                }
                            }
                        }
                    }
                    rows.append(
                        .through(
                            target: target.map { dense[Int($0)] }, unmatched: dense[Int(unmatched)], rows: targetRows,
                            count: count))
                }
                continue
            }
            let ids = prepared[p].ids.map(\.materialized)
            prepared[p].ids = []
            var out = [Int32](repeating: -1, count: passes.count)
            let kept = passes.materialized
            for row in 0..<passes.count where kept[row] == 1 {
                if overflow {
                    let tuple = ids.map { $0[row] }
                    if let id = wide[tuple] {
                        out[row] = id
                    } else {
                        out[row] = Int32(tuples.count)
                        wide[tuple] = out[row]
                        tuples.append(tuple)
                    }
                    continue
                }
                var key: Int64 = 0
                for (k, column) in ids.enumerated() { key = key &* Int64(radices[k]) &+ Int64(column[row]) }
                let known = dense.isEmpty ? packed[key] : (dense[Int(key)] >= 0 ? dense[Int(key)] : nil)
                if let id = known {
                    out[row] = id
                    continue
                }
                let id = Int32(tuples.count)
                tuples.append(ids.map { $0[row] })
                if dense.isEmpty { packed[key] = id } else { dense[Int(key)] = id }
                out[row] = id
            }
            rows.append(.rows(out))
        }
    }

    /// The combination of a single dimension's id, numbered now if it is new.
    @inline(__always)
    private static func number(_ id: Int32, _ dense: inout [Int32], _ tuples: inout [[Int32]]) -> Int32 {
        let key = Int(id)
        if dense[key] < 0 {
            dense[key] = Int32(tuples.count)
            tuples.append([id])
        }
        return dense[key]
    }
}
