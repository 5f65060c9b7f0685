// The SQL compiler and printer without a database: values bound, names quoted, dialects, refusals.

import TallyData
import TallyDiagnostics
import TallyPlan
@testable import TallySQL
import TallySemantics
import TallySyntax
import Testing

/// A catalog with customers and orders related, as the standard library declares them.
private func catalog() -> Catalog {
    var c = Catalog()
    c.addDataset(
        DatasetSchema(
            name: "customers",
            columns: [
                ColumnSchema(name: "id", type: .integer), ColumnSchema(name: "signup_date", type: .date),
                ColumnSchema(name: "churn_date", type: .date), ColumnSchema(name: "plan", type: .text),
            ]))
    c.addDataset(
        DatasetSchema(
            name: "orders",
            columns: [
                ColumnSchema(name: "id", type: .integer), ColumnSchema(name: "customer_id", type: .integer),
                ColumnSchema(name: "date", type: .date), ColumnSchema(name: "amount", type: .decimal),
            ]))
    c.declareAnchor(dataset: "customers", column: "signup_date")
    c.declareAnchor(dataset: "orders", column: "date")
    c.declareLifespan(dataset: "customers", start: "signup_date", end: "churn_date")
    c.declare(Relation(fromDataset: "orders", fromColumn: "customer_id", toDataset: "customers", toColumn: "id"))
    return c
}

private func compile(_ text: String, dialect: SQLDialect = .postgres, values: SQLPrinter.Values = .bound) throws
    -> (text: String, parameters: [SQLValue])
{
    let source = SourceFile(name: nil, text: text)
    let (script, diagnostics) = Parser.parse(source)
    #expect(diagnostics.isEmpty)
    guard case .query(let query) = script.statements.first?.kind else { throw Diagnostic("not a query") }
    let bound = try Binder(catalog: catalog(), today: 20_000).bind(query, source: source)
    // The data's days, as an engine would report them: January to March 2024.
    let plan = QueryPlan(bound)
    let compiler = SQLCompiler(plan: plan, tables: SQLTableMap(), schemas: catalog().datasets, dialect: dialect)
    var statement = SQLResultCompiler(compiler, axis: plan.axis(extent: DayExtent(first: 19723, last: 19813)))
    return SQLPrinter.print(statement.compile(), dialect: dialect, values: values)
}

@Suite struct SQLCompilerTests {
    static let injection = "x'; drop table customers; --"

    @Test func filterValuesAreBoundNeverSpliced() throws {
        let (text, parameters) = try compile("count(customers) where plan = \"\(Self.injection)\"")
        #expect(!text.contains("drop table"))
        // The slots' days are bound values too, before the filter's.
        let position = try #require(parameters.firstIndex(of: .text(Self.injection)))
        #expect(text.contains("t.\"plan\" = $\(position + 1)"))
        #expect(parameters.filter { $0 == .text(Self.injection) }.count == 1)
    }

    @Test func valuesShownInlineAreQuoted() throws {
        let (text, parameters) = try compile("count(customers) where plan = \"\(Self.injection)\"", values: .inline)
        #expect(text.contains("'x''; drop table customers; --'"))
        #expect(parameters.isEmpty)
    }

    @Test func namesAreQuoted() throws {
        let (text, _) = try compile("count(customers) as `a\"; drop table orders; --`")
        #expect(text.contains("AS \"a\"\"; drop table orders; --\""))
    }

    @Test func ratiosDivideByNullIfZero() throws {
        let (text, _) = try compile("sum(orders.amount) / count(orders) by month")
        #expect(text.contains("CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0)"))
    }

    /// Counts and money stay exact decimals through sums, differences, products and comparisons, as
    /// natively; a ratio turns them to doubles first.
    @Test func exactResultsAreComputedInExactDecimals() throws {
        let (text, _) = try compile(
            "sum(orders.amount) as revenue, change(sum(orders.amount)), sum(orders.amount) * (0.1 + 0.2) as part, cumulative(count(orders)) by month")
        #expect(text.contains("CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0"))
        #expect(text.contains("x0_c0 - x1_c0 AS \"change(sum(orders.amount))\""))
        #expect(text.contains("x0_c0 * (0.1 + 0.2) AS \"part\""))
        #expect(text.contains("SUM(x0_c1) OVER (ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"))
        let (ratio, _) = try compile("median(orders.amount) / 2 by month")
        #expect(ratio.contains("CAST(g0.c0 AS DOUBLE PRECISION) AS c0"))
        #expect(ratio.contains("x0_c0 / NULLIF(2, 0)"))
        // An average of exact numbers is their exact sum over their count, divided once.
        let (mean, _) = try compile("avg(orders.amount) by month")
        #expect(mean.contains("SUM(t.\"amount\") AS c0,\n      COUNT(t.\"amount\") AS c1"))
        #expect(mean.contains("CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0)"))
        let (hours, _) = try compile("avg(hours(customers.churn_date - customers.signup_date)) by month")
        #expect(hours.contains("CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0)"))
    }

    @Test func constantsAreFoldedAsTheNativeEngineComputesThem() throws {
        let (text, _) = try compile("count(orders) * (1 / 2) + 1 / 0 by month")
        #expect(text.contains("CAST(x0_c0 AS DOUBLE PRECISION) * 0.5 + CAST(NULL AS DOUBLE PRECISION)"))
    }

    @Test func relationsAreLeftJoins() throws {
        let (text, _) = try compile("sum(orders.amount) by plan")
        #expect(text.contains("LEFT JOIN \"customers\" AS r0 ON r0.\"id\" = t.\"customer_id\""))
        #expect(text.contains("ORDER BY d0 COLLATE \"C\" NULLS LAST"))
    }

    @Test func lifespansAreRangeConditions() throws {
        let (text, _) = try compile("count(customers active at end) by quarter")
        #expect(text.contains("t.\"signup_date\" < s.hi AND (t.\"churn_date\" IS NULL OR t.\"churn_date\" >= s.hi)"))
    }

    /// Comparisons read the cells of shifted slots, which Tally computed like with like: the slots
    /// reach SQL as rows of days, and no calendar arithmetic is written in SQL.
    @Test func comparisonsReadShiftedSlots() throws {
        let (text, parameters) = try compile("count(orders) by month vs last year", values: .inline)
        #expect(parameters.isEmpty)
        // Three months shown, and the same three a year earlier.
        #expect(text.contains("SELECT 3 AS slot, DATE '2023-01-01' AS lo, DATE '2023-02-01' AS hi"))
        #expect(text.contains("LEFT JOIN cells AS x1 ON x1.slot = sh.s1"))
        #expect(text.contains("x0_c0 - x1_c0 AS \"count(orders)_change\""))
        #expect(!text.contains("INTERVAL") && !text.contains("date_trunc"))
        let (rolling, _) = try compile("rolling(count(orders), 3) by month")
        #expect(rolling.contains("(COALESCE(CAST(x2_c0 AS DOUBLE PRECISION), 0) + COALESCE(CAST(x1_c0 AS DOUBLE PRECISION), 0) + COALESCE(CAST(x0_c0 AS DOUBLE PRECISION), 0)) / NULLIF("))
    }

    @Test func dialectsPrintTheSameTree() throws {
        let query = "median(orders.amount) by week since 2024-01-01"
        let (pg, _) = try compile(query)
        #expect(pg.contains("percentile_cont(0.5) WITHIN GROUP (ORDER BY t.\"amount\")"))
        let (duck, _) = try compile(query, dialect: .duckdb)
        #expect(duck.contains("quantile_cont(CAST(t.\"amount\" AS DOUBLE), 0.5)"))
        #expect(!duck.contains("COLLATE"))
    }

    /// A dialect is its capability table: an engine that spells things otherwise changes the table,
    /// never the compiler (`?` placeholders, a percentile function over doubles, its own type names).
    @Test func anotherEngineIsAnotherTable() throws {
        let other = SQLDialect(
            name: "other", doubleType: "FLOAT64", textType: "STRING", numericType: "NUMERIC(38, 9)", castsExactSums: true,
            numberedPlaceholders: false, binaryCollation: nil,
            labelFunction: .init(name: "date_format", patterns: [.month: "yyyy-MM"]),
            percentile: .function("percentile_approx"), microseconds: .dateDiff)
        let (text, parameters) = try compile("median(orders.amount), sum(orders.amount) by plan where plan = \"pro\"", dialect: other)
        #expect(text.contains("percentile_approx(CAST(t.\"amount\" AS FLOAT64), 0.5)"))
        #expect(text.contains(" AS NUMERIC(38, 9)) AS c1"))
        #expect(!text.contains("$1") && text.contains("= ?"))
        #expect(!text.contains("COLLATE"))
        #expect(parameters.contains(.text("pro")))
    }
}
