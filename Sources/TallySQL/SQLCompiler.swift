// Compiles a plan's computations to SQL: the cells every engine computes, with the slots of the
// time axis reaching the database as data, so no calendar rule is written in SQL.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Builds the SQL trees of a plan: the extent statement, and the cells statement over an axis.
///
/// The cells statement's parts, as named subqueries:
/// - `slots`: one row per slot of the axis (`slot`, its first day `lo` and the day after its last `hi`),
///   so a row is in a slot when `lo <= day < hi` and active at its start (end) when it began before
///   `lo` (`hi`) and had not ended;
/// - `combos`: the combinations of dimension values that occur in the rows read;
/// - `g0`, `g1`, ...: the computations over each dataset read in one way, per combination and slot;
/// - the body: every combination × slot with each computation (`c0`, `c1`, ...; empty counts and
///   sums are 0); a computation over the whole has the same value in each combination's row.
public struct SQLCompiler {
    public let plan: QueryPlan
    let tables: SQLTableMap
    let schemas: [String: DatasetSchema]
    let dialect: SQLDialect
    /// Sums and means of doubles added exactly and brought back in range, so a result beyond the
    /// doubles' range is null (as natively) instead of an error. PostgreSQL only: it raises an
    /// error where DuckDB gives infinity (which reads back as null).
    public var overflowSafe = false

    public init(plan: QueryPlan, tables: SQLTableMap, schemas: [String: DatasetSchema], dialect: SQLDialect) {
        self.plan = plan
        self.tables = tables
        self.schemas = schemas
        self.dialect = dialect
    }

    /// Computations that read the same rows the same way share one grouped subquery.
    struct GroupKey: Hashable {
        var rows: RowsKey
        var placement: Placement
        var whole: Bool
    }

    /// The earliest and latest day the plan's range columns take after `where`: one row, `first` and
    /// `last`, null when there is none.
    public func extent() -> SQLStatement {
        let sources = daySources()
        guard var union = sources.first else {
            return SQLStatement(
                ctes: [],
                body: SQLSelect(items: [
                    SQLSelectItem(.cast(.null, .date), as: .own("first")),
                    SQLSelectItem(.cast(.null, .date), as: .own("last")),
                ]))
        }
        union.unions = Array(sources.dropFirst())
        union.unionAll = true
        return SQLStatement(
            ctes: [],
            body: SQLSelect(
                items: [
                    SQLSelectItem(
                        .aggregate(SQLAggregate(function: .min, argument: .own(nil, "lo"))), as: .own("first")),
                    SQLSelectItem(
                        .aggregate(SQLAggregate(function: .max, argument: .own(nil, "hi"))), as: .own("last")),
                ], from: .subquery(union, alias: "days")))
    }

    /// The cells over an axis: columns `d0`, `d1`, ... (the combination), `slot`, `c0`, `c1`, ... (one
    /// per computation), then `d<k>_integer` for each dimension of mixed number types.
    public func cells(over axis: TimeAxis) -> SQLStatement {
        var ctes = cellTables(over: axis)
        let body = ctes.removeLast().select
        return SQLStatement(ctes: ctes, body: body)
    }

    /// The subqueries of the cells statement, the cells themselves last (named `cells`).
    func cellTables(over axis: TimeAxis) -> [SQLCommonTable] {
        var ctes: [SQLCommonTable] = [SQLCommonTable(name: "slots", select: slots(axis))]
        if plan.columnDimensionCount > 0 { ctes.append(SQLCommonTable(name: "combos", select: combos())) }
        var groups: [GroupKey] = []
        var groupOf: [Int] = []
        for c in plan.computations {
            let a = plan.aggregates[c.aggregate]
            let key = GroupKey(rows: a.rowsKey, placement: a.placement, whole: c.whole)
            if let i = groups.firstIndex(of: key) {
                groupOf.append(i)
            } else {
                groupOf.append(groups.count)
                groups.append(key)
            }
        }
        for (g, key) in groups.enumerated() {
            let members = plan.computations.indices.filter { groupOf[$0] == g }
            ctes.append(SQLCommonTable(name: "g\(g)", select: group(key, computations: members)))
        }
        var cells = self.cells(groups: groups, groupOf: groupOf)
        for k in Self.mixedNumberDimensions(plan) {
            ctes.append(SQLCommonTable(name: "kinds\(k)", select: kinds(k)))
            let first: SQLExpr = .own("kinds\(k)", "first")
            let integers = integerSources(k).map { SQLExpr.integer($0) }
            cells.items.append(
                SQLSelectItem(
                    .coalesce(.inList(first, integers, negated: false), .bool(false)), as: .own("d\(k)_integer")))
            cells.joins.append(
                SQLJoin(
                    kind: .left, source: .named("kinds\(k)", alias: nil),
                    on: .binary(.notDistinctFrom, .own("kinds\(k)", "v"), .own("k", "d\(k)"))))
        }
        ctes.append(SQLCommonTable(name: "cells", select: cells))
        return ctes
    }

    // MARK: Numbers of two types in one dimension

    /// Column dimensions read from an integer column by some aggregates and a decimal one by others.
    /// Natively a value takes the type of the first aggregate (in the query's order) whose dataset
    /// holds it in any row, so 2 is an integer when an integer column gave it first; such a
    /// statement ends with one extra column `d<k>_integer` per dimension saying which, for the
    /// reader to type each value as the native engine does.
    public static func mixedNumberDimensions(_ plan: QueryPlan) -> [Int] {
        (0..<plan.columnDimensionCount).filter { k in
            let types = Set(
                plan.aggregates.compactMap { a -> ColumnType? in
                    guard k < a.dimensions.count, case .column(let c) = a.dimensions[k] else { return nil }
                    return c.type
                })
            return types.contains(.integer) && types.contains(.decimal)
        }
    }

    /// The ways a dimension's values are read, in the aggregates' order: dataset and expression.
    private func dimensionSources(_ k: Int) -> [(dataset: String, value: RowExpr)] {
        var sources: [(dataset: String, value: RowExpr)] = []
        for a in plan.aggregates where k < a.dimensions.count {
            if !sources.contains(where: { $0.dataset == a.dataset && $0.value == a.dimensions[k] }) {
                sources.append((a.dataset, a.dimensions[k]))
            }
        }
        return sources
    }

    func integerSources(_ k: Int) -> [Int] {
        dimensionSources(k).enumerated().compactMap { i, source in
            if case .column(let c) = source.value, c.type == .integer { return i }
            return nil
        }
    }

    /// Each value of dimension `k` and the first source holding it, in any row (as natively, before `where`).
    private func kinds(_ k: Int) -> SQLSelect {
        let selects = dimensionSources(k).enumerated().map { i, source -> SQLSelect in
            var rows = rowCompiler(source.dataset)
            let value = rows.value(source.value)
            let (from, joins) = rows.from()
            var s = SQLSelect(
                items: [SQLSelectItem(value, as: .own("v")), SQLSelectItem(.integer(i), as: .own("src"))], from: from)
            s.distinct = true
            s.joins = joins
            return s
        }
        var union = selects[0]
        union.unions = Array(selects.dropFirst())
        union.unionAll = true
        var s = SQLSelect(
            items: [
                SQLSelectItem(.own("s", "v"), as: .own("v")),
                SQLSelectItem(.aggregate(SQLAggregate(function: .min, argument: .own("s", "src"))), as: .own("first")),
            ], from: .subquery(union, alias: "s"))
        s.groupBy = [.own("s", "v")]
        return s
    }

    private func rowCompiler(_ dataset: String) -> SQLRowCompiler {
        var rows = SQLRowCompiler(dataset: dataset, tables: tables, schemas: schemas)
        rows.overflowSafe = overflowSafe
        return rows
    }

    private var dimensionColumns: [String] { (0..<plan.columnDimensionCount).map { "d\($0)" } }

    // MARK: Slots and the range

    /// The axis's slots as rows: the calendar's work done once, in Tally, and sent as data.
    private func slots(_ axis: TimeAxis) -> SQLSelect {
        let rows = axis.slots.enumerated().map { i, span in
            SQLSelect(items: [
                SQLSelectItem(.integer(i), as: .own("slot")), SQLSelectItem(.value(.date(span.lo)), as: .own("lo")),
                SQLSelectItem(.value(.date(span.hi)), as: .own("hi")),
            ])
        }
        var first = rows[0]
        first.unions = Array(rows.dropFirst())
        first.unionAll = true
        return first
    }

    /// The earliest and latest day of each date column that places rows in time.
    private func daySources() -> [SQLSelect] {
        struct Key: Hashable {
            var dataset: String
            var filter: RowExpr?
            var column: BoundColumn
        }
        var seen: Set<Key> = []
        var selects: [SQLSelect] = []
        for a in plan.aggregates {
            for column in a.rangeColumns {
                guard seen.insert(Key(dataset: a.dataset, filter: a.queryFilter, column: column)).inserted else {
                    continue
                }
                var rows = rowCompiler(a.dataset)
                var day = rows.column(column)
                if column.type == .timestamp { day = .cast(day, .date) }
                let filter = a.queryFilter.map { rows.condition($0) }
                let (from, joins) = rows.from()
                var s = SQLSelect(
                    items: [
                        SQLSelectItem(.aggregate(SQLAggregate(function: .min, argument: day)), as: .own("lo")),
                        SQLSelectItem(.aggregate(SQLAggregate(function: .max, argument: day)), as: .own("hi")),
                    ], from: from)
                s.joins = joins
                s.filter = filter
                selects.append(s)
            }
        }
        return selects
    }

    // MARK: Dimension combinations

    /// The combinations that occur in the rows each aggregate reads after `where`, at any time.
    private func combos() -> SQLSelect {
        struct Key: Hashable {
            var dataset: String
            var filter: RowExpr?
            var dimensions: [RowExpr]
        }
        var seen: Set<Key> = []
        var selects: [SQLSelect] = []
        for a in plan.aggregates
        where seen.insert(Key(dataset: a.dataset, filter: a.queryFilter, dimensions: a.dimensions)).inserted {
            var rows = rowCompiler(a.dataset)
            let dims = a.dimensions.enumerated().map { k, d in SQLSelectItem(rows.value(d), as: .own("d\(k)")) }
            let filter = a.queryFilter.map { rows.condition($0) }
            let (from, joins) = rows.from()
            var s = SQLSelect(items: dims, from: from)
            s.joins = joins
            s.filter = filter
            selects.append(s)
        }
        guard var first = selects.first else { return SQLSelect(items: []) }
        if selects.count == 1 {
            first.distinct = true
        } else {
            first.unions = Array(selects.dropFirst())
        }
        return first
    }

    // MARK: Computations

    private func group(_ key: GroupKey, computations members: [Int]) -> SQLSelect {
        var rows = rowCompiler(key.rows.dataset)
        var items: [SQLSelectItem] = []
        var groupBy: [SQLExpr] = []
        if !key.whole {
            for (k, d) in key.rows.dimensions.enumerated() {
                let e = rows.value(d)
                items.append(SQLSelectItem(e, as: .own("d\(k)")))
                groupBy.append(e)
            }
        }
        let placed = key.placement != .everywhere
        if placed {
            items.append(SQLSelectItem(.own("s", "slot"), as: .own("slot")))
            groupBy.append(.own("s", "slot"))
        }
        for i in members {
            let a = plan.aggregates[plan.computations[i].aggregate]
            let value = a.value.map { rows.value($0) }
            let filter = a.filter.map { rows.condition($0) }
            items.append(SQLSelectItem(aggregate(a.function, value, filter), as: .own("c\(i)")))
        }
        let where_ = key.rows.queryFilter.map { rows.condition($0) }
        let on = placed ? placement(key.placement, &rows) : nil
        let (from, joins) = rows.from()
        var s = SQLSelect(items: items, from: from)
        s.joins = joins
        if let on { s.joins.append(SQLJoin(kind: .inner, source: .named("slots", alias: "s"), on: on)) }
        s.filter = where_
        s.groupBy = groupBy
        return s
    }

    /// An aggregate; when overflow-safe, sums and means add exactly, and a mean whose sum goes
    /// beyond the doubles' range is null, as the native engine's infinite sum gives.
    private func aggregate(_ f: AggregateFunction, _ value: SQLExpr?, _ filter: SQLExpr?) -> SQLExpr {
        guard overflowSafe, f == .sum || f == .avg, let value else {
            return .aggregate(Self.aggregate(f, value, filter))
        }
        let exact: SQLExpr = .cast(value, .numeric)
        let sum: SQLExpr = .aggregate(SQLAggregate(function: .sum, argument: exact, filter: filter))
        if f == .sum { return sum }
        let tooLarge = SQLExpr.binary(.greater, .function("ABS", [sum]), .number(Double.greatestFiniteMagnitude))
        return .caseWhen(
            [SQLWhen(condition: tooLarge, result: .null)],
            otherwise: .aggregate(SQLAggregate(function: .avg, argument: exact, filter: filter)))
    }

    private static func aggregate(_ f: AggregateFunction, _ value: SQLExpr?, _ filter: SQLExpr?) -> SQLAggregate {
        let function: SQLAggregateFunction =
            switch f {
            case .count: .count
            // count_distinct of a whole dataset counts its rows, as the native engine does.
            case .countDistinct: value == nil ? .count : .countDistinct
            case .sum: .sum
            case .avg: .avg
            case .min: .min
            case .max: .max
            case .median: .percentile(0.5)
            case .percentile(let p): .percentile(p)
            }
        return SQLAggregate(function: function, argument: value, filter: filter)
    }

    /// The join condition that puts a row in a slot.
    private func placement(_ p: Placement, _ rows: inout SQLRowCompiler) -> SQLExpr? {
        func within(_ anchor: BoundColumn) -> SQLExpr {
            let day = rows.column(anchor)
            // A timestamp is before midnight of a day exactly when its own day is earlier.
            return .binary(.and, .binary(.greaterEqual, day, .own("s", "lo")), .binary(.less, day, .own("s", "hi")))
        }
        func active(_ a: Activity) -> SQLExpr {
            let boundary: SQLExpr = .own("s", a.boundary == .start ? "lo" : "hi")
            let begun: SQLExpr = .binary(.less, rows.column(a.start), boundary)
            guard let endColumn = a.end else { return begun }
            let end = rows.column(endColumn)
            return .binary(
                .and, begun, .binary(.or, .isNull(end, negated: false), .binary(.greaterEqual, end, boundary)))
        }
        switch p {
        case .everywhere: return nil
        case .anchored(let a): return within(a)
        case .active(let a): return active(a)
        case .anchoredActive(let anchor, let a): return .binary(.and, within(anchor), active(a))
        }
    }

    // MARK: Cells

    /// Every combination × slot, each computation joined in; empty counts and sums are 0.
    private func cells(groups: [GroupKey], groupOf: [Int]) -> SQLSelect {
        let dims = dimensionColumns
        var items: [SQLSelectItem] = dims.map { SQLSelectItem(.own("k", $0), as: .own($0)) }
        items.append(SQLSelectItem(.own("s", "slot"), as: .own("slot")))
        for (i, c) in plan.computations.enumerated() {
            let a = plan.aggregates[c.aggregate]
            var v: SQLExpr = .own("g\(groupOf[i])", "c\(i)")
            if a.function.emptyIsZero { v = .coalesce(v, .integer(0)) }
            if a.isExact {
                // Exact decimals (PostgreSQL's NUMERIC never overflows a sum of bigints; DuckDB's sums
                // are already DECIMAL(38) or HUGEINT).
                items.append(SQLSelectItem(dialect.castsExactSums ? .cast(v, .numeric) : v, as: .own("c\(i)")))
            } else {
                items.append(SQLSelectItem(overflowSafe ? .inDoubleRange(v) : .cast(v, .double), as: .own("c\(i)")))
            }
        }
        var s = SQLSelect(items: items, from: .named("slots", alias: "s"))
        if !dims.isEmpty { s.joins.append(SQLJoin(kind: .cross, source: .named("combos", alias: "k"), on: nil)) }
        for (g, key) in groups.enumerated() {
            let name = "g\(g)"
            var on: [SQLExpr] = key.whole ? [] : dims.map { .binary(.notDistinctFrom, .own(name, $0), .own("k", $0)) }
            if key.placement != .everywhere { on.insert(.binary(.equal, .own(name, "slot"), .own("s", "slot")), at: 0) }
            if let condition = SQLExpr.and(on) {
                s.joins.append(SQLJoin(kind: .left, source: .named(name, alias: nil), on: condition))
            } else {
                // A single row: the computation over all rows.
                s.joins.append(SQLJoin(kind: .cross, source: .named(name, alias: nil), on: nil))
            }
        }
        return s
    }
}
