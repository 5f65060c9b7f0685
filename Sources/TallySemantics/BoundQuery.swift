// The bound query: every name resolved, every type checked. Engines consume this and nothing else.

import TallyData
import TallyDiagnostics

/// A column as one aggregate reads it: of its own dataset, or through a many-to-one relation.
public struct BoundColumn: Hashable, Sendable {
    /// nil for the aggregate's own dataset.
    public var via: Relation?
    /// The dataset that holds the column (the relation's target when `via` is set).
    public var dataset: String
    public var column: String
    public var type: ColumnType

    public init(via: Relation?, dataset: String, column: String, type: ColumnType) {
        self.via = via
        self.dataset = dataset
        self.column = column
        self.type = type
    }
}

/// A constant in a row expression.
public enum Literal: Hashable, Sendable {
    case null
    case integer(Int64)
    /// mantissa / 10^scale, exact.
    case decimal(Int64, scale: Int)
    case double(Double)
    case text(String)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
}

/// The types row expressions can have.
public enum RowType: String, Hashable, Sendable {
    case number, boolean, date, timestamp, text, duration, null
    /// A column with no values, or arithmetic on such columns, until its use says what it holds. Only
    /// while binding: the binder settles it (`RowExpr.settled(as:)`), so no bound query holds it.
    case empty

    public init(_ type: ColumnType) {
        switch type {
        case .integer, .decimal: self = .number
        case .boolean: self = .boolean
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .text: self = .text
        }
    }
}

public enum ArithmeticOperator: String, Hashable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}
public enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
}
public enum LogicalOperator: String, Hashable, Sendable { case and, or }

/// Functions on row values.
public enum RowFunction: String, Hashable, Sendable, CaseIterable {
    /// Durations to numbers in a unit.
    case seconds, minutes, hours, days
    /// The UTC calendar date of a timestamp.
    case date
    /// The label of the period holding a date or timestamp (`2024-03`, `2024-Q1`, ...), as text,
    /// which sorts in time order: for dimensions such as a signup cohort.
    case day, week, month, quarter, year

    /// The grain of a period-label function.
    public var grain: Grain? {
        switch self {
        case .day: .day
        case .week: .week
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        default: nil
        }
    }
}

/// A typed expression evaluated for each row of one dataset.
///
/// Null rules (DESIGN §3): comparisons with null are false, except `!=`, which is true when
/// exactly one side is null (IS DISTINCT FROM); `not` negates plainly, so `not (plan = "pro")`
/// keeps rows whose plan is null; arithmetic with null is null.
public indirect enum RowExpr: Hashable, Sendable {
    case column(BoundColumn)
    case literal(Literal)
    case negate(RowExpr)
    case arithmetic(ArithmeticOperator, RowExpr, RowExpr)
    case compare(ComparisonOperator, RowExpr, RowExpr)
    case logical(LogicalOperator, RowExpr, RowExpr)
    case not(RowExpr)
    case inList(RowExpr, [Literal], negated: Bool)
    case isNull(RowExpr, negated: Bool)
    case call(RowFunction, RowExpr)
}

public enum AggregateFunction: Hashable, Sendable {
    case count, countDistinct, sum, avg, min, max, median
    /// Continuous percentile (linear interpolation, as PostgreSQL's percentile_cont); p in 0...1.
    case percentile(Double)

    /// Empty sums and counts are 0; the others have no value over no rows.
    public var emptyIsZero: Bool {
        switch self {
        case .count, .countDistinct, .sum: true
        default: false
        }
    }
}

/// The two ends of a lifespan, as columns of the aggregate's dataset.
public struct BoundLifespan: Hashable, Sendable {
    public var start: BoundColumn
    public var end: BoundColumn
    public init(start: BoundColumn, end: BoundColumn) {
        self.start = start
        self.end = end
    }
}

/// A period boundary at which lifespan rows are tested for being active.
public enum Boundary: String, Hashable, Sendable {
    /// The period's first day (the `since` date in a clipped first period).
    case start
    /// The day after the period's last day (the day after `until` in a clipped last period).
    case end
}

/// One aggregate over one dataset, with the query's dimensions and filter resolved for that dataset.
public struct BoundAggregate: Hashable, Sendable {
    public var function: AggregateFunction
    public var dataset: String
    /// What is aggregated; nil for `count(dataset)`.
    public var value: RowExpr?
    /// The aggregate's own row filter (`count(leads where ...)`).
    public var filter: RowExpr?
    /// The query's `where`, resolved for this dataset.
    public var queryFilter: RowExpr?
    /// The date or timestamp column that places rows in periods; nil when the query needs no time.
    public var anchor: BoundColumn?
    /// One per non-time dimension of the query, in order.
    public var dimensions: [RowExpr]
    /// The dataset's lifespan, when it has one: its end dates also bound the query's range.
    public var lifespan: BoundLifespan?
    /// `active at start|end`: rows count in each period where they are active at that boundary
    /// (start < boundary and (end is null or end ≥ boundary)); with an explicit `on` anchor,
    /// only in the anchor's period.
    public var activeAt: Boundary?
    /// Whether `anchor` was chosen with `on` (rather than being the dataset's default).
    public var explicitAnchor: Bool
    /// `started before` rather than `active at`: rows that began before the boundary count even
    /// when they have ended since (a cohort's size).
    public var startedBefore: Bool

    public init(
        function: AggregateFunction, dataset: String, value: RowExpr?, filter: RowExpr?,
        queryFilter: RowExpr?, anchor: BoundColumn?, dimensions: [RowExpr], lifespan: BoundLifespan? = nil,
        activeAt: Boundary? = nil, explicitAnchor: Bool = false, startedBefore: Bool = false
    ) {
        self.function = function
        self.dataset = dataset
        self.value = value
        self.filter = filter
        self.queryFilter = queryFilter
        self.anchor = anchor
        self.dimensions = dimensions
        self.lifespan = lifespan
        self.activeAt = activeAt
        self.explicitAnchor = explicitAnchor
        self.startedBefore = startedBefore
    }
}

/// Arithmetic over aggregates, evaluated per result cell. Division by zero gives null.
public indirect enum MetricExpr: Hashable, Sendable {
    /// Index into `BoundQuery.aggregates`.
    case aggregate(Int)
    case constant(Double)
    case negate(MetricExpr)
    case arithmetic(ArithmeticOperator, MetricExpr, MetricExpr)
    /// A value taken from other cells: other periods of the same combination, or other
    /// combinations of the same period.
    case window(WindowFunction, MetricExpr)
}

/// Comparisons over time and across groups.
public enum WindowFunction: Hashable, Sendable {
    /// The value in the period before.
    case previous
    /// The value in the same period a year earlier.
    case yearAgo
    /// The mean of the values over this period and the N − 1 before it (nulls skipped).
    case rolling(Int)
    /// The running sum from the first period shown (nulls count as nothing).
    case cumulative
    /// The value over the total of all combinations in the same period.
    case share

    /// Whether it needs a time dimension to mean anything.
    public var needsTime: Bool { self != .share }
}

public struct BoundItem: Sendable {
    public var name: String
    public var unit: MetricUnit?
    public var expr: MetricExpr
    public var span: Span
}

public struct BoundDimension: Sendable {
    public enum Kind: Sendable, Equatable {
        case time(Grain)
        /// Index into each aggregate's `dimensions`.
        case column(Int)
    }
    public var name: String
    public var kind: Kind
    public var span: Span
}

/// Inclusive day bounds; nil means open (the data decides).
public struct DayRange: Hashable, Sendable {
    public var since: Int32?
    public var until: Int32?
    public init(since: Int32?, until: Int32?) {
        self.since = since
        self.until = until
    }
}

/// A value a `having` condition compares: a result column's, or a constant.
public enum ResultOperand: Hashable, Sendable {
    /// Index into the output columns (dimensions, then items).
    case column(Int)
    case value(Value)
}

/// A condition on a result row, applied after aggregation (SQL's HAVING). Null rules as in `where`
/// (DESIGN §3): comparisons with null are false, except `!=`, true when exactly one side is null.
public indirect enum ResultCondition: Hashable, Sendable {
    case compare(ComparisonOperator, ResultOperand, ResultOperand)
    case isNull(ResultOperand, negated: Bool)
    case logical(LogicalOperator, ResultCondition, ResultCondition)
    case not(ResultCondition)
}

public struct BoundOrderKey: Sendable {
    /// Index into the output columns (dimensions, then items).
    public var column: Int
    public var descending: Bool
}

/// A query ready for an engine.
public struct BoundQuery: Sendable {
    public var items: [BoundItem]
    public var dimensions: [BoundDimension]
    public var aggregates: [BoundAggregate]
    public var range: DayRange?
    public var order: [BoundOrderKey]
    public var limit: Int?
    /// Show the last dimension's values as columns (one item only).
    public var pivot: Bool = false
    /// `having`: which result rows to keep, by their columns' values.
    public var having: ResultCondition?
    /// `nonzero`: leave out rows whose items are all zero or null.
    public var nonzero: Bool = false

    /// The grain of the time dimension, if there is one.
    public var grain: Grain? {
        for d in dimensions { if case .time(let g) = d.kind { return g } }
        return nil
    }

    /// The number of non-time dimensions.
    public var columnDimensionCount: Int { dimensions.columnCount }
}

extension BoundQuery {
    /// The result's header, as every engine returns it.
    public var resultColumns: [ResultColumn] { dimensions.resultColumns(items: items.map { ($0.name, $0.unit) }) }
}

extension [BoundDimension] {
    /// The number of non-time dimensions.
    public var columnCount: Int { filter { if case .column = $0.kind { true } else { false } }.count }

    /// A result's header: the dimensions in order (a time dimension named after its grain), then the items.
    public func resultColumns(items: [(name: String, unit: MetricUnit?)]) -> [ResultColumn] {
        map { d in
            if case .time = d.kind { return ResultColumn(name: d.name, role: .dimension(time: true)) }
            return ResultColumn(name: d.name, role: .dimension(time: false))
        } + items.map { ResultColumn(name: $0.name, role: .measure(unit: $0.unit)) }
    }
}
