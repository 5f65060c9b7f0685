// The combinations of non-time dimension values that occur in the rows a query reads.

import TallyDiagnostics

/// Numbers the dimension combinations found in rows that pass the query's `where`
/// (DESIGN §4: values anywhere in the data, not only inside the range).
struct Combinations {
    /// Dimension ids of each combination, in order of first appearance.
    private(set) var tuples: [[Int32]] = []
    private let radices: [Int]
    private var index: [Int64: Int32] = [:]

    var count: Int { tuples.count }

    init(domains: [DimensionDomain], prepared: [(passes: [UInt8], ids: [[Int32]])]) {
        radices = domains.map { max(1, $0.values.count) }
        guard !domains.isEmpty else {
            tuples = [[]]
            return
        }
        for (passes, ids) in prepared {
            for row in passes.indices where passes[row] == 1 {
                let key = Self.key(row, ids, radices)
                if index[key] == nil {
                    index[key] = Int32(tuples.count)
                    tuples.append(ids.map { $0[row] })
                }
            }
        }
    }

    /// The combination of a row that passed the query's `where`.
    func combo(of row: Int, in ids: [[Int32]]) -> Int {
        if ids.isEmpty { return 0 }
        return Int(index[Self.key(row, ids, radices)] ?? 0)
    }

    /// Mixed-radix key; domains are far too small in practice for it to overflow.
    private static func key(_ row: Int, _ ids: [[Int32]], _ radices: [Int]) -> Int64 {
        var key: Int64 = 0
        for (k, column) in ids.enumerated() {
            key = key &* Int64(radices[k]) &+ Int64(column[row])
        }
        return key
    }
}
