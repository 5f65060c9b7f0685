// Compiles a bound query to one SQL statement with the native engine's semantics (TallyEngine is
// the reference): the range, a dense spine of periods, the dimension combinations, one grouped
// subquery per way rows are read, then the cells, comparisons as window functions, and the result.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Builds the SQL tree of a bound query.
///
/// The statement's parts, as named subqueries:
/// - `bounds`: the range's first and last day (from the query, else from the data read after `where`);
/// - `periods`: one row per period (`idx` from 0, look-back periods first), with `lo`/`hi`, the
///   clipped period's first day and the day after its last, so a row is in a period when
///   `lo <= day < hi` and active at its start (end) when it began before `lo` (`hi`);
/// - `combos`: the combinations of dimension values that occur in the rows read;
/// - `g0`, `g1`, ...: the aggregates over each dataset read in one way, per combination and period;
/// - `cells`: every combination × period, with each aggregate (empty counts and sums are 0);
/// - `w1`, `w2`, ...: one per comparison over time or share, as window functions over the cells.
public struct SQLCompiler {
    let query: BoundQuery
    let tables: SQLTableMap
    let schemas: [String: DatasetSchema]
    let dialect: SQLDialect
    /// Arithmetic on doubles done exactly and brought back in range, so a result beyond the
    /// doubles' range is null (as natively) instead of an error. PostgreSQL only: it raises an
    /// error where DuckDB gives infinity (which reads back as null).
    public var overflowSafe = false

    public init(query: BoundQuery, tables: SQLTableMap, schemas: [String: DatasetSchema], dialect: SQLDialect) {
        self.query = query
        self.tables = tables
        self.schemas = schemas
        self.dialect = dialect
    }

    /// How a group of aggregates places its rows in periods.
    enum Placement: Hashable {
        /// No time: every row counts in the one period.
        case none
        /// In the period holding the anchor's day.
        case anchored(BoundColumn)
        /// In every period at whose boundary the row is active (or, `startedBefore`, has begun).
        case active(BoundLifespan, Boundary, startedBefore: Bool)
        /// In the anchor's period, when active at its boundary.
        case anchoredActive(BoundColumn, BoundLifespan, Boundary, startedBefore: Bool)
    }

    /// Aggregates that read the same rows the same way share one grouped subquery.
    struct GroupKey: Hashable {
        var dataset: String
        var filter: RowExpr?
        var dimensions: [RowExpr]
        var placement: Placement
    }

    static func placement(of a: BoundAggregate) -> Placement {
        if let boundary = a.activeAt, let lifespan = a.lifespan {
            if a.explicitAnchor, let anchor = a.anchor {
                return .anchoredActive(anchor, lifespan, boundary, startedBefore: a.startedBefore)
            }
            return .active(lifespan, boundary, startedBefore: a.startedBefore)
        }
        return a.anchor.map(Placement.anchored) ?? .none
    }

    /// Look-back periods computed before the first shown one, for comparisons.
    var lookback: Int {
        query.items.map { $0.expr.lookback(grain: query.grain) }.max() ?? 0
    }

    public func compile() throws(Diagnostic) -> SQLStatement {
        var metrics = SQLMetricCompiler(query: query, lookback: lookback, dimensionColumns: dimensionColumns)
        metrics.overflowSafe = overflowSafe
        let items = query.items.map { metrics.expression($0.expr) }

        var ctes: [SQLCommonTable] = []
        ctes.append(SQLCommonTable(name: "bounds", select: bounds()))
        ctes.append(SQLCommonTable(name: "periods", select: periods(yearKey: metrics.needsYearKey)))
        if query.columnDimensionCount > 0 { ctes.append(SQLCommonTable(name: "combos", select: combos())) }

        var groups: [GroupKey] = []
        var groupOf: [Int] = []
        for a in query.aggregates {
            let key = GroupKey(dataset: a.dataset, filter: a.queryFilter, dimensions: a.dimensions, placement: Self.placement(of: a))
            if let i = groups.firstIndex(of: key) {
                groupOf.append(i)
            } else {
                groupOf.append(groups.count)
                groups.append(key)
            }
        }
        for (g, key) in groups.enumerated() {
            let members = query.aggregates.indices.filter { groupOf[$0] == g }
            ctes.append(SQLCommonTable(name: "g\(g)", select: group(key, aggregates: members)))
        }
        ctes.append(SQLCommonTable(name: "cells", select: cells(groups: groups, groupOf: groupOf, yearKey: metrics.needsYearKey)))
        ctes += metrics.layers
        var body = result(items: items, from: metrics.layers.last?.name ?? "cells")
        for k in Self.mixedNumberDimensions(query) {
            ctes.append(SQLCommonTable(name: "kinds\(k)", select: kinds(k)))
            let first: SQLExpr = .own("kinds\(k)", "first")
            let integers = integerSources(k).map { SQLExpr.integer($0) }
            body.items.append(SQLSelectItem(.coalesce(.inList(first, integers, negated: false), .bool(false)), as: .own("d\(k)_integer")))
            body.joins.append(
                SQLJoin(kind: .left, source: .named("kinds\(k)", alias: nil), on: .binary(.equal, .own("kinds\(k)", "v"), .own(nil, "d\(k)"))))
        }
        return SQLStatement(ctes: ctes, body: body)
    }

    // MARK: Numbers of two types in one dimension

    /// Column dimensions read from an integer column by some aggregates and a decimal one by others.
    /// Natively a value takes the type of the first aggregate (in the query's order) whose dataset
    /// holds it in any row, so 2 is an integer when an integer column gave it first; such a
    /// statement ends with one extra column `d<k>_integer` per dimension saying which, for the
    /// reader to type each value as the native engine does.
    public static func mixedNumberDimensions(_ query: BoundQuery) -> [Int] {
        (0..<query.columnDimensionCount).filter { k in
            let types = Set(query.aggregates.compactMap { a -> ColumnType? in
                guard k < a.dimensions.count, case .column(let c) = a.dimensions[k] else { return nil }
                return c.type
            })
            return types.contains(.integer) && types.contains(.decimal)
        }
    }

    /// The ways a dimension's values are read, in the aggregates' order: dataset and expression.
    private func dimensionSources(_ k: Int) -> [(dataset: String, value: RowExpr)] {
        var sources: [(dataset: String, value: RowExpr)] = []
        for a in query.aggregates where k < a.dimensions.count {
            if !sources.contains(where: { $0.dataset == a.dataset && $0.value == a.dimensions[k] }) {
                sources.append((a.dataset, a.dimensions[k]))
            }
        }
        return sources
    }

    private func integerSources(_ k: Int) -> [Int] {
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
            var s = SQLSelect(items: [SQLSelectItem(value, as: .own("v")), SQLSelectItem(.integer(i), as: .own("src"))], from: from)
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

    private var dimensionColumns: [String] { (0..<query.columnDimensionCount).map { "d\($0)" } }

    // MARK: Range and periods

    /// The range's first and last day; an open side comes from the earliest or latest day read
    /// (anchors and, for lifespans, both ends), widened to whole periods.
    private func bounds() -> SQLSelect {
        let since = query.range?.since
        let until = query.range?.until
        let sinceExpr: SQLExpr = since.map { .value(.date($0)) } ?? .cast(.null, .date)
        let untilExpr: SQLExpr = until.map { .value(.date($0)) } ?? .cast(.null, .date)
        let sources = daySources()
        guard since == nil || until == nil, let first = sources.first else {
            return SQLSelect(items: [SQLSelectItem(sinceExpr, as: .own("since")), SQLSelectItem(untilExpr, as: .own("until"))])
        }
        var union = first
        union.unions = Array(sources.dropFirst())
        union.unionAll = true
        let lo: SQLExpr = .aggregate(SQLAggregate(function: .min, argument: .own(nil, "lo")))
        let hi: SQLExpr = .aggregate(SQLAggregate(function: .max, argument: .own(nil, "hi")))
        var firstDay = lo
        var lastDay = hi
        if let grain = query.grain {
            firstDay = .truncate(grain, lo)
            lastDay = .addPeriods(.day, .addPeriods(grain, .truncate(grain, hi), .integer(1)), .integer(-1))
        }
        return SQLSelect(
            items: [
                SQLSelectItem(since == nil ? firstDay : sinceExpr, as: .own("since")),
                SQLSelectItem(until == nil ? lastDay : untilExpr, as: .own("until")),
            ],
            from: .subquery(union, alias: "days"))
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
        for a in query.aggregates {
            for column in [a.anchor, a.lifespan?.start, a.lifespan?.end].compactMap({ $0 }) {
                guard seen.insert(Key(dataset: a.dataset, filter: a.queryFilter, column: column)).inserted else { continue }
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

    /// One row per period: look-back periods whole, the shown ones clipped to the range.
    private func periods(yearKey: Bool) -> SQLSelect {
        let since: SQLExpr = .own("b", "since")
        let until: SQLExpr = .own("b", "until")
        let dayAfterUntil: SQLExpr = .addPeriods(.day, until, .integer(1))
        guard let grain = query.grain else {
            return SQLSelect(
                items: [
                    SQLSelectItem(.integer(0), as: .own("idx")), SQLSelectItem(since, as: .own("lo")),
                    SQLSelectItem(dayAfterUntil, as: .own("hi")),
                ], from: .named("bounds", alias: "b"))
        }
        // The series gives timestamps at midnight; periods are dates.
        let day: SQLExpr = .cast(.own("s", "day"), .timestamp)
        let start: SQLExpr = .cast(.own("s", "day"), .date)
        let firstShown: SQLExpr = .truncate(grain, since)
        var lo: SQLExpr = .function("GREATEST", [start, since])
        if lookback > 0 {
            lo = .caseWhen([SQLWhen(condition: .binary(.less, start, firstShown), result: start)], otherwise: lo)
        }
        let idx = SQLExpr.binary(
            .subtract,
            .window(SQLWindowCall(function: .rowNumber, partition: [], order: [SQLOrderItem(expr: .own("s", "day"))])),
            .integer(1))
        var s = SQLSelect(
            items: [
                SQLSelectItem(idx, as: .own("idx")),
                SQLSelectItem(start, as: .own("period_start")),
                SQLSelectItem(lo, as: .own("lo")),
                SQLSelectItem(.function("LEAST", [.addPeriods(grain, grain == .day ? start : day, .integer(1)), dayAfterUntil]), as: .own("hi")),
                SQLSelectItem(.periodLabel(grain, .own("s", "day")), as: .own("label")),
            ],
            from: .named("bounds", alias: "b"))
        if yearKey { s.items.append(SQLSelectItem(.yearKey(grain, .own("s", "day")), as: .own("year_key"))) }
        let first: SQLExpr = lookback > 0 ? .addPeriods(grain, firstShown, .integer(-lookback)) : firstShown
        s.joins = [
            SQLJoin(kind: .cross, source: .series(from: first, to: .truncate(grain, until), step: grain, alias: "s", column: "day"))
        ]
        s.filter = .binary(.lessEqual, since, until)
        return s
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
        for a in query.aggregates where seen.insert(Key(dataset: a.dataset, filter: a.queryFilter, dimensions: a.dimensions)).inserted {
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

    // MARK: Aggregates

    private func group(_ key: GroupKey, aggregates members: [Int]) -> SQLSelect {
        var rows = rowCompiler(key.dataset)
        var items: [SQLSelectItem] = []
        var groupBy: [SQLExpr] = []
        for (k, d) in key.dimensions.enumerated() {
            let e = rows.value(d)
            items.append(SQLSelectItem(e, as: .own("d\(k)")))
            groupBy.append(e)
        }
        let placed = key.placement != .none
        if placed {
            items.append(SQLSelectItem(.own("p", "idx"), as: .own("idx")))
            groupBy.append(.own("p", "idx"))
        }
        for i in members {
            let a = query.aggregates[i]
            let value = a.value.map { rows.value($0) }
            let filter = a.filter.map { rows.condition($0) }
            items.append(SQLSelectItem(aggregate(a.function, value, filter), as: .own("a\(i)")))
        }
        let where_ = key.filter.map { rows.condition($0) }
        let on = placed ? placement(key.placement, &rows) : nil
        let (from, joins) = rows.from()
        var s = SQLSelect(items: items, from: from)
        s.joins = joins
        if let on { s.joins.append(SQLJoin(kind: .inner, source: .named("periods", alias: "p"), on: on)) }
        s.filter = where_
        s.groupBy = groupBy
        return s
    }

    /// An aggregate; when overflow-safe, sums and means add exactly, and a mean whose sum goes
    /// beyond the doubles' range is null, as the native engine's infinite sum gives.
    private func aggregate(_ f: AggregateFunction, _ value: SQLExpr?, _ filter: SQLExpr?) -> SQLExpr {
        guard overflowSafe, f == .sum || f == .avg, let value else { return .aggregate(Self.aggregate(f, value, filter)) }
        let exact: SQLExpr = .cast(value, .numeric)
        let sum: SQLExpr = .aggregate(SQLAggregate(function: .sum, argument: exact, filter: filter))
        if f == .sum { return sum }
        let tooLarge = SQLExpr.binary(.greater, .function("ABS", [sum]), .number(Double.greatestFiniteMagnitude))
        return .caseWhen([SQLWhen(condition: tooLarge, result: .null)], otherwise: .aggregate(SQLAggregate(function: .avg, argument: exact, filter: filter)))
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

    /// The join condition that puts a row in a period.
    private func placement(_ p: Placement, _ rows: inout SQLRowCompiler) -> SQLExpr? {
        func within(_ anchor: BoundColumn) -> SQLExpr {
            let day = rows.column(anchor)
            // A timestamp is before midnight of a day exactly when its own day is earlier.
            return .binary(.and, .binary(.greaterEqual, day, .own("p", "lo")), .binary(.less, day, .own("p", "hi")))
        }
        func active(_ l: BoundLifespan, _ b: Boundary, _ startedBefore: Bool) -> SQLExpr {
            let boundary: SQLExpr = .own("p", b == .start ? "lo" : "hi")
            let begun: SQLExpr = .binary(.less, rows.column(l.start), boundary)
            if startedBefore { return begun }
            let end = rows.column(l.end)
            return .binary(.and, begun, .binary(.or, .isNull(end, negated: false), .binary(.greaterEqual, end, boundary)))
        }
        switch p {
        case .none: return nil
        case .anchored(let a): return within(a)
        case .active(let l, let b, let startedBefore): return active(l, b, startedBefore)
        case .anchoredActive(let a, let l, let b, let startedBefore):
            return .binary(.and, within(a), active(l, b, startedBefore))
        }
    }

    // MARK: Cells and result

    /// Every combination × period, each aggregate joined in; empty counts and sums are 0.
    private func cells(groups: [GroupKey], groupOf: [Int], yearKey: Bool) -> SQLSelect {
        let dims = dimensionColumns
        var items: [SQLSelectItem] = [SQLSelectItem(.own("p", "idx"), as: .own("idx"))]
        if query.grain != nil {
            items.append(SQLSelectItem(.own("p", "label"), as: .own("label")))
        }
        if yearKey { items.append(SQLSelectItem(.own("p", "year_key"), as: .own("year_key"))) }
        items += dims.map { SQLSelectItem(.own("k", $0), as: .own($0)) }
        for (i, a) in query.aggregates.enumerated() {
            var v: SQLExpr = .own("g\(groupOf[i])", "a\(i)")
            if a.function.emptyIsZero { v = .coalesce(v, .integer(0)) }
            if a.isExact {
                // Exact decimals (PostgreSQL's NUMERIC never overflows a sum of bigints; DuckDB's sums
                // are already DECIMAL(38) or HUGEINT).
                items.append(SQLSelectItem(dialect == .postgres ? .cast(v, .numeric) : v, as: .own("a\(i)")))
            } else {
                items.append(SQLSelectItem(overflowSafe ? .inDoubleRange(v) : .cast(v, .double), as: .own("a\(i)")))
            }
        }
        var s = SQLSelect(items: items, from: .named("periods", alias: "p"))
        if !dims.isEmpty { s.joins.append(SQLJoin(kind: .cross, source: .named("combos", alias: "k"), on: nil)) }
        for (g, key) in groups.enumerated() {
            let name = "g\(g)"
            var on: [SQLExpr] = dims.map { .binary(.notDistinctFrom, .own(name, $0), .own("k", $0)) }
            if key.placement != .none { on.insert(.binary(.equal, .own(name, "idx"), .own("p", "idx")), at: 0) }
            if let condition = SQLExpr.and(on) {
                s.joins.append(SQLJoin(kind: .left, source: .named(name, alias: nil), on: condition))
            } else {
                // A single row: the aggregate over all rows.
                s.joins.append(SQLJoin(kind: .cross, source: .named(name, alias: nil), on: nil))
            }
        }
        return s
    }

    /// Dimensions in the order given, then the items; look-back periods hidden; ordered and limited.
    private func result(items: [SQLExpr], from: String) -> SQLSelect {
        var columns: [SQLSelectItem] = []
        var defaultOrder: [SQLOrderItem] = []
        var dimensionKeys: [SQLExpr] = []
        let types = query.aggregates.first.map { $0.dimensions.map(SQLRowCompiler.type(of:)) } ?? []
        for d in query.dimensions {
            switch d.kind {
            case .time:
                columns.append(SQLSelectItem(.own(nil, "label"), as: .user(d.name)))
                dimensionKeys.append(.own(nil, "idx"))
            case .column(let k):
                columns.append(SQLSelectItem(.own(nil, "d\(k)"), as: .user(d.name)))
                // Text sorts by code point; nulls come last.
                dimensionKeys.append(k < types.count && types[k] == .text ? .binaryCollation(.own(nil, "d\(k)")) : .own(nil, "d\(k)"))
            }
        }
        defaultOrder = dimensionKeys.map { SQLOrderItem(expr: $0, nullsLast: true) }
        for (item, e) in zip(query.items, items) { columns.append(SQLSelectItem(e, as: .user(item.name))) }
        var s = SQLSelect(items: columns, from: .named(from, alias: nil))
        if query.grain != nil, lookback > 0 { s.filter = .binary(.greaterEqual, .own(nil, "idx"), .integer(lookback)) }
        let explicit = query.order.map { key -> SQLOrderItem in
            let e: SQLExpr = key.column < dimensionKeys.count ? dimensionKeys[key.column] : .integer(key.column + 1)
            return SQLOrderItem(expr: e, descending: key.descending, nullsLast: true)
        }
        // `order by` keys first; the default order breaks ties, as a stable sort would.
        s.orderBy = explicit + defaultOrder
        s.limit = query.limit
        return s
    }
}
