// What an engine returns for a plan: each computation's value in every cell of the axis.

import TallyData
import TallyDiagnostics
import TallySemantics

/// The engine's side of a query: the dimension combinations and every computation's cells.
public struct CellGrid: Sendable {
    /// The values of each combination's dimensions (every combination found in the rows read after
    /// `where`, at any time: DESIGN §4), in any order; one empty combination without dimensions.
    public var combos: [[Value]]
    /// Per computation of the plan, in its order: the value in each (combination, slot) cell, slot
    /// fastest; a `whole` computation has one combination. Empty counts and sums are 0, other
    /// aggregates over no rows null.
    public var values: [Measure]

    public init(combos: [[Value]], values: [Measure]) {
        self.combos = combos
        self.values = values
    }
}

/// Runs a plan on one engine's data, in two steps: the days the rows fall on (when the range has an
/// open side), then the cells over the axis built from them. One execution serves one query, so an
/// engine may keep what it read for the first step.
public protocol PlanExecution {
    /// The earliest and latest day the plan's range columns take, over rows passing `where`; nil when none.
    func extent() throws(Diagnostic) -> DayExtent?
    func cells(over axis: TimeAxis) throws(Diagnostic) -> CellGrid
}

extension QueryPlan {
    /// The result table: the engine's cells evaluated and laid out, the same on every engine.
    public func run(_ execution: some PlanExecution) throws(Diagnostic) -> ResultTable {
        let axis = self.axis(extent: needsExtent ? try execution.extent() : nil)
        let grid = try execution.cells(over: axis)
        return CellEvaluator(plan: self, axis: axis, grid: grid).table()
    }
}

/// An engine that runs plans: what the session asks for a query's extent (`sql` prints the slots as
/// data) as well as for its answer.
public protocol PlanEngine: QueryEngine {
    func execution(for plan: QueryPlan) throws(Diagnostic) -> any PlanExecution
}
