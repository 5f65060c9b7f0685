// The lowered plan: what a query computes, with every semantic rule decided, for engines to map
// onto their own operations.

import TallyData
import TallyDiagnostics
import TallySemantics

/// One aggregate over one dataset, placed on the time axis.
public struct PlannedAggregate: Hashable, Sendable {
    public var function: AggregateFunction
    public var dataset: String
    /// What is aggregated; nil for `count(dataset)`.
    public var value: RowExpr?
    /// The aggregate's own row filter (`count(leads where ...)`).
    public var filter: RowExpr?
    /// The query's `where`, resolved for this dataset.
    public var queryFilter: RowExpr?
    /// One per non-time dimension of the query, in order.
    public var dimensions: [RowExpr]
    public var placement: Placement
    /// The date columns whose days set an open side of the range: the anchor and, for a dataset
    /// with a lifespan, both its ends (DESIGN §4).
    public var rangeColumns: [BoundColumn]
    /// Whether each cell is an exact number (`BoundAggregate.isExact`).
    public var isExact: Bool

    /// The rows it reads and how it groups them, without what it computes: aggregates that share
    /// these read their rows once.
    public var rowsKey: RowsKey { RowsKey(dataset: dataset, queryFilter: queryFilter, dimensions: dimensions) }
}

/// The rows after `where`, grouped by the query's dimensions.
public struct RowsKey: Hashable, Sendable {
    public var dataset: String
    public var queryFilter: RowExpr?
    public var dimensions: [RowExpr]
}

/// A computation an engine performs: one aggregate in every (combination, slot) cell, or, `whole`,
/// in every slot over all combinations together (what `share` divides by).
public struct Computation: Hashable, Sendable {
    public var aggregate: Int
    public var whole: Bool

    public init(aggregate: Int, whole: Bool) {
        self.aggregate = aggregate
        self.whole = whole
    }
}

public struct PlannedItem: Sendable {
    public var name: String
    public var unit: MetricUnit?
    public var expr: CellExpr
}

/// A query lowered for engines. Engines compute `computations` over the slots of a time axis built
/// from `grain` and `range` (the range's open sides from the extent an engine reports); everything
/// after that (metric arithmetic, comparisons, null rules, order, limit) is shared (`CellEvaluator`).
public struct QueryPlan: Sendable {
    public var calendar: Calendar
    public var grain: Grain?
    public var range: DayRange?
    public var aggregates: [PlannedAggregate]
    public var computations: [Computation]
    /// The shifts comparisons read; the axis builds their spans.
    public var shifts: Set<Shift>
    public var dimensions: [BoundDimension]
    public var items: [PlannedItem]
    public var order: [BoundOrderKey]
    public var limit: Int?
    /// Rows kept after evaluation: those passing `having`, and with `nonzero` those with an item
    /// that is neither zero nor null.
    public var having: ResultCondition?
    public var nonzero: Bool

    /// Whether the range has an open side, which the data's extent closes.
    public var needsExtent: Bool {
        range?.since == nil || range?.until == nil
    }

    /// The number of non-time dimensions.
    public var columnDimensionCount: Int { dimensions.columnCount }

    /// The result's header: the dimensions in order, then the items.
    public var resultColumns: [ResultColumn] { dimensions.resultColumns(items: items.map { ($0.name, $0.unit) }) }

    public func axis(extent: DayExtent?) -> TimeAxis {
        TimeAxis(calendar: calendar, grain: grain, range: range, extent: extent, shifts: shifts)
    }
}

extension QueryPlan {
    /// Lowers a bound query: placements made explicit, comparisons turned into shifted reads.
    public init(_ query: BoundQuery, calendar: Calendar = .gregorian) {
        self.calendar = calendar
        grain = query.grain
        range = query.range
        dimensions = query.dimensions
        order = query.order
        limit = query.limit
        having = query.having
        nonzero = query.nonzero
        aggregates = query.aggregates.map { a in
            PlannedAggregate(
                function: a.function, dataset: a.dataset, value: a.value, filter: a.filter, queryFilter: a.queryFilter,
                dimensions: a.dimensions, placement: Placement(a),
                rangeColumns: [a.anchor, a.lifespan?.start, a.lifespan?.end].compactMap { $0 }, isExact: a.isExact)
        }
        // Without column dimensions, a cell's combination is the whole.
        let hasGroups = query.columnDimensionCount > 0
        items = query.items.map {
            PlannedItem(name: $0.name, unit: $0.unit, expr: Self.lower($0.expr, .none, whole: false, hasGroups))
        }
        var reads: [CellRead] = []
        for item in items { item.expr.collect(into: &reads) }
        // Every aggregate is computed, even one no item reads now, so engines see the whole query.
        var computations = aggregates.indices.map { Computation(aggregate: $0, whole: false) }
        for r in reads where r.whole {
            let c = Computation(aggregate: r.aggregate, whole: true)
            if !computations.contains(c) { computations.append(c) }
        }
        self.computations = computations
        shifts = Set(reads.map(\.shift))
    }

    /// The cells `e` reads for a cell `shift` earlier, over its combination or the whole.
    private static func lower(_ e: MetricExpr, _ shift: Shift, whole: Bool, _ hasGroups: Bool) -> CellExpr {
        switch e {
        case .aggregate(let i): return .cell(aggregate: i, shift: shift, whole: whole)
        case .constant(let c): return .constant(c)
        case .negate(let x): return .negate(lower(x, shift, whole: whole, hasGroups))
        case .arithmetic(let op, let l, let r):
            return .arithmetic(op, lower(l, shift, whole: whole, hasGroups), lower(r, shift, whole: whole, hasGroups))
        case .window(let f, let x):
            switch f {
            case .previous: return lower(x, shift.adding(periods: 1), whole: whole, hasGroups)
            case .yearAgo: return lower(x, shift.adding(years: 1), whole: whole, hasGroups)
            case .rolling(let n):
                // Oldest first, so the sum is added up in time order.
                return .mean((0..<n).reversed().map { lower(x, shift.adding(periods: $0), whole: whole, hasGroups) })
            case .cumulative: return .runningTotal(lower(x, shift, whole: whole, hasGroups))
            case .share:
                // Over the metric computed for the whole period (DESIGN §4), not a sum of the groups' values.
                return .arithmetic(
                    .divide, lower(x, shift, whole: whole, hasGroups), lower(x, shift, whole: hasGroups, hasGroups))
            }
        }
    }
}
