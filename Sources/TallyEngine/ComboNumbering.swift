// The combinations of dimension values met so far, numbered as blocks of rows stream past.

/// Numbers dimension combinations (tuples of `DimensionDomain` ids) in order of first appearance, over
/// any number of blocks: a streamed query's cells are laid out by these numbers, so every block must
/// agree on them. `Combinations` does the same over whole columns in one go.
final class ComboNumbering {
    /// Dimension ids of each combination; one empty combination without dimensions.
    private(set) var tuples: [[Int32]]
    private let dimensions: Int
    /// With one dimension, the combination of each domain id (-1: not met yet).
    private var single: [Int32] = []
    private var byTuple: [[Int32]: Int32] = [:]

    init(dimensions: Int) {
        self.dimensions = dimensions
        tuples = dimensions == 0 ? [[]] : []
    }

    var count: Int { tuples.count }

    /// Each row's combination (-1 where the row fails `where`); nil without dimensions (all are 0).
    func rows(passes: RowMask, ids: [[Int32]]) -> [Int32]? {
        guard dimensions > 0 else { return nil }
        var out = [Int32](repeating: -1, count: passes.count)
        if dimensions == 1 {
            let column = ids[0]
            let kept = passes.materialized
            for row in 0..<passes.count where kept[row] == 1 {
                let id = Int(column[row])
                if id >= single.count { single += [Int32](repeating: -1, count: id + 1 - single.count) }
                if single[id] < 0 {
                    single[id] = Int32(tuples.count)
                    tuples.append([column[row]])
                }
                out[row] = single[id]
            }
            return out
        }
        let kept = passes.materialized
        for row in 0..<passes.count where kept[row] == 1 {
            let tuple = ids.map { $0[row] }
            if let id = byTuple[tuple] {
                out[row] = id
                continue
            }
            out[row] = Int32(tuples.count)
            byTuple[tuple] = out[row]
            tuples.append(tuple)
        }
        return out
    }
}
