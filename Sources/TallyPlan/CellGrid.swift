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
    /// Refuses an axis of this size before it is built, when the engine could not hold its cells.
    func admit(shown: Int, slots: Int) throws(Diagnostic)
    func cells(over axis: TimeAxis) throws(Diagnostic) -> CellGrid
}

extension PlanExecution {
    /// A database holds its own cells; only the shown rows come back.
    public func admit(shown: Int, slots: Int) throws(Diagnostic) {}
}

extension QueryPlan {
    /// Dense results larger than this are refused unless the query says which rows it wants: at a
    /// prompt, a million mostly empty rows are a mistake, not an answer.
    public static let rowBudget = 1_000_000

    /// The most days, weeks, months... an axis computes, shown periods and comparisons' together.
    public static let slotLimit = 1_000_000

    /// The axis over the data an execution reads: its extent closes an open range, and the engine
    /// admits the axis's size before it is built.
    public func axis(_ execution: some PlanExecution) throws(Diagnostic) -> TimeAxis {
        let extent = needsExtent ? try execution.extent() : nil
        let size = TimeAxis.size(calendar: calendar, grain: grain, range: range, extent: extent, shifts: shifts)
        try execution.admit(shown: size.shown, slots: size.slots)
        // Every engine holds the axis itself (a database receives it as rows), so it is bounded for all.
        guard size.slots <= Self.slotLimit else {
            throw Diagnostic(
                "the time axis would have \(size.shown) periods, more than \(Self.slotLimit)",
                help: "narrow it with a range or a coarser grain")
        }
        return axis(extent: extent)
    }

    /// The result table: the engine's cells evaluated and laid out, the same on every engine.
    public func run(_ execution: some PlanExecution, cancellation: Cancellation = .never) throws(Diagnostic) -> ResultTable {
        let axis = try self.axis(execution)
        let grid = try execution.cells(over: axis)
        let rows = grid.combos.count * axis.shown.count
        guard rows <= Self.rowBudget || nonzero || having != nil || limit != nil else {
            throw Diagnostic(
                "the result would have \(rows) rows (\(grid.combos.count) combinations × \(axis.shown.count) periods), more than \(Self.rowBudget)",
                help: "leave out empty groups with nonzero, keep the largest with order by ... desc limit N, "
                    + "filter with having, or narrow it with a range, a coarser grain or a filter")
        }
        return try CellEvaluator(plan: self, axis: axis, grid: grid, cancellation: cancellation).table()
    }
}

/// An engine that runs plans: what the session asks for a query's extent (`sql` prints the slots as
/// data) as well as for its answer.
public protocol PlanEngine: QueryEngine {
    func execution(for plan: QueryPlan) throws(Diagnostic) -> any PlanExecution
}
