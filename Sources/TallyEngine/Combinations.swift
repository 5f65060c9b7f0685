// The combinations of non-time dimension values that occur in the rows a query reads.

import TallyDiagnostics

/// Numbers the dimension combinations found in rows that pass the query's `where`
/// (DESIGN §4: values anywhere in the data, not only inside the range).
struct Combinations {
    /// Dimension ids of each combination, in order of first appearance.
    private(set) var tuples: [[Int32]] = []
    private let radices: [Int]
    /// Whether every combination has its own mixed-radix Int64 key; when the domains are too
    /// large for that, combinations are keyed by their id tuples instead.
    private let packed: Bool
    private var index: [Int64: Int32] = [:]
    private var wideIndex: [[Int32]: Int32] = [:]

    var count: Int { tuples.count }

    init(domains: [DimensionDomain], prepared: [(passes: [UInt8], ids: [[Int32]])]) {
        radices = domains.map { max(1, $0.values.count) }
        var product: Int64 = 1
        var overflow = false
        for r in radices where !overflow {
            (product, overflow) = product.multipliedReportingOverflow(by: Int64(r))
        }
        packed = !overflow
        guard !domains.isEmpty else {
            tuples = [[]]
            return
        }
        for (passes, ids) in prepared {
            for row in passes.indices where passes[row] == 1 && lookup(row, ids) == nil {
                insert(row, ids)
            }
        }
    }

    /// The combination of a row that passed the query's `where`.
    func combo(of row: Int, in ids: [[Int32]]) -> Int {
        if ids.isEmpty { return 0 }
        return Int(lookup(row, ids) ?? 0)
    }

    private func lookup(_ row: Int, _ ids: [[Int32]]) -> Int32? {
        packed ? index[key(row, ids)] : wideIndex[ids.map { $0[row] }]
    }

    private mutating func insert(_ row: Int, _ ids: [[Int32]]) {
        let id = Int32(tuples.count)
        let tuple = ids.map { $0[row] }
        if packed { index[key(row, ids)] = id } else { wideIndex[tuple] = id }
        tuples.append(tuple)
    }

    /// Mixed-radix key, unique while the product of the radices fits in Int64 (`packed`).
    private func key(_ row: Int, _ ids: [[Int32]]) -> Int64 {
        var key: Int64 = 0
        for (k, column) in ids.enumerated() {
            key = key &* Int64(radices[k]) &+ Int64(column[row])
        }
        return key
    }
}
