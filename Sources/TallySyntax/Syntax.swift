// The syntax tree: what the parser builds and the binder reads. Every node keeps its span.

import TallyDiagnostics

/// A name as written, with where it was written.
public struct Name: Hashable, Sendable {
    public var text: String
    public var span: Span
    public init(_ text: String, _ span: Span) {
        self.text = text
        self.span = span
    }

    /// `$plan`: a parameter, whose value takes its place before binding. Parameters are names (in
    /// expressions, `ExprKind.name`) so that every stage reading the tree needs no case of its own;
    /// no other name can start with `$`.
    public var isParameter: Bool { text.hasPrefix("$") }
}

/// A whole input: statements in order.
public struct Script: Sendable {
    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }
}

public struct Statement: Sendable {
    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }

    public enum Kind: Sendable {
        /// `revenue by month where plan = "pro"`
        case query(Query)
        /// `metric aov = revenue / purchases unit currency description "..."`
        case metric(MetricDefinition)
        /// `load "orders.csv" as orders with date = "Order Date"`
        case load(Load)
        /// `relate orders.customer_id to customers.id`
        case relate(Relate)
        /// `anchor orders on date`
        case anchor(Anchor)
        /// `lifespan customers from signup_date to churn_date`
        case lifespan(Lifespan)
        /// `dimension cohort = month(customers.signup_date)`
        case dimension(DimensionDefinition)
        /// `show datasets`, `show metrics`, `show dimensions`; `show metrics retention` lists those of an
        /// area, or whose name or description mentions the word
        case show(Name, about: Name?)
        /// `describe customers`
        case describe(Name)
        /// `explain churn`, `explain churn for 2024-03 where plan = "pro"`
        case explain(Query)
        /// `explain plan revenue by month`: the lowered plan the query runs as
        case explainPlan(Query)
        /// `plot revenue by month`: the query's result as a chart
        case plot(Query)
        /// `assert churn for 2024-03 = 0.05 within 0.001`
        case assert(Assertion)
        /// `sql churn by month`: the SQL the query compiles to, for PostgreSQL
        case sql(Query)
        /// `connect "postgresql://localhost/crm"`: run queries on that database from now on
        case connect(Connect)
        /// `use table crm.customers as customers`: where a dataset lives in the database
        case useTable(UseTable)
        /// `format csv`, `timer off`, `help sql`, `last`, `quit`: a command for the tool around the session
        case prompt(PromptCommand)
    }
}

/// The commands of the tool around a session (the prompt, a script run): how results are shown,
/// help, the last result again, leaving. Written anywhere a statement is.
public enum PromptCommand: Sendable, Equatable {
    /// `format csv`; nil asks which format is in use. One of table, csv, json, markdown.
    case format(String?)
    /// `timer on`, `timer off`; nil asks whether it is on.
    case timer(Bool?)
    /// `help`, `help ranges`, `help sql`
    case help(String?)
    /// The last result again, whole.
    case last
    /// `quit` or `exit`: nothing after it runs.
    case quit
    /// `save last to "q1.csv" [as csv] [replace]`: the last result written to a file.
    case save(FileTarget)
    /// `output "all.csv" [as csv] [replace]`: results go to the file from now on; nil (`output`
    /// alone) brings them back to the screen.
    case output(FileTarget?)
    /// `pager on`, `pager off`; nil asks whether it is on.
    case pager(Bool?)
    /// `expanded on|off|auto`: one line per column and value; nil asks which.
    case expanded(String?)
    /// `run "report.tally"`: the statements of a script, run here.
    case run(path: String, pathSpan: Span)
    /// `edit`: the last statement opened in `$EDITOR`, then run.
    case edit
    /// `watch 10 revenue by day last 7 days`: the statement run again every so many seconds.
    case watch(seconds: Double, statement: String)
    /// `set plan = "pro"`: the value of `$plan` from now on.
    case set(name: String, value: String)
    /// `set` alone: the parameters and their values.
    case listParameters

    /// The formats `format` takes.
    public static let formats = ["table", "csv", "json", "markdown"]
    /// The formats a file may be written in (`save`, `output`); `html` is a page for a browser.
    public static let fileFormats = ["table", "csv", "json", "markdown", "html"]
    /// The words `expanded` takes.
    public static let expandedModes = ["on", "off", "auto"]
}

/// Where `save` or `output` writes: a file, its format when not told by its extension, and whether
/// an existing file may be replaced (writing over one is never silent).
public struct FileTarget: Sendable, Equatable {
    public var path: String
    public var pathSpan: Span
    /// `as csv`; nil: from the extension.
    public var format: String?
    /// `replace`: an existing file is written over.
    public var replace: Bool
    public init(path: String, pathSpan: Span, format: String?, replace: Bool) {
        self.path = path
        self.pathSpan = pathSpan
        self.format = format
        self.replace = replace
    }
}

// MARK: Queries

/// `items [by dims] [where cond] [range] [order by ...] [limit N]`, clauses in any order.
public struct Query: Sendable {
    public var items: [QueryItem]
    public var dimensions: [Dimension]
    public var filter: Expr?
    public var range: RangeClause?
    public var order: [OrderKey]
    public var limit: Limit?
    /// `vs previous` or `vs last year`.
    public var comparison: Comparison?
    /// `pivot`: the last dimension's values become columns.
    public var pivot: Span?
    /// `having revenue > 1000`: a condition on the result's columns, applied after aggregation.
    public var having: Expr?
    /// `nonzero`: rows whose items are all zero or null are left out.
    public var nonzero: Span?
    public var span: Span

    public init(
        items: [QueryItem], dimensions: [Dimension] = [], filter: Expr? = nil, range: RangeClause? = nil,
        order: [OrderKey] = [], limit: Limit? = nil, comparison: Comparison? = nil, pivot: Span? = nil,
        having: Expr? = nil, nonzero: Span? = nil, span: Span
    ) {
        self.having = having
        self.nonzero = nonzero
        self.items = items
        self.dimensions = dimensions
        self.filter = filter
        self.range = range
        self.order = order
        self.limit = limit
        self.comparison = comparison
        self.pivot = pivot
        self.span = span
    }
}

/// `vs previous` (the period before) or `vs last year` (the same period a year earlier): each
/// item gains that period's value, the change and the relative change.
public struct Comparison: Sendable {
    public enum Kind: String, Sendable { case previous, lastYear = "last year" }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// `expr [as name]`
public struct QueryItem: Sendable {
    public var expr: Expr
    public var alias: Name?
    public var span: Span
    public init(expr: Expr, alias: Name?, span: Span) {
        self.expr = expr
        self.alias = alias
        self.span = span
    }
}

/// `month`, `plan`, `customers.plan`. Whether a bare name is a time grain is the binder's call.
public struct Dimension: Sendable {
    public var qualifier: Name?
    public var name: Name
    public var span: Span
    public init(qualifier: Name?, name: Name, span: Span) {
        self.qualifier = qualifier
        self.name = name
        self.span = span
    }
}

public struct RangeClause: Sendable {
    public enum Kind: Sendable {
        /// `since D`, `until D`, `since D until D`, `between D and D` (both inclusive)
        case bounds(since: DateLiteral?, until: DateLiteral?)
        /// `last 3 months`; `unit` is the grain word as written (singular or plural)
        case last(count: Int, unit: Name)
        /// `for 2024-03`, `for 2024`, `for 2024-Q1`, `for 2024-W09`, `for 2024-03-05`
        case period(PeriodLiteral)
    }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// A calendar date written bare, `2024-01-31`. Validity (month 13, Feb 30) is the binder's check.
public struct DateLiteral: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var span: Span
    /// `since $start`: the parameter that gives the date (then year, month and day are 0 until it
    /// is resolved).
    public var parameter: Name?
    public init(year: Int, month: Int, day: Int, span: Span, parameter: Name? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.span = span
        self.parameter = parameter
    }
}

/// A period written bare after `for`.
public struct PeriodLiteral: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case year(Int)
        case quarter(year: Int, quarter: Int)
        case month(year: Int, month: Int)
        case week(year: Int, week: Int)
        case day(year: Int, month: Int, day: Int)
    }
    public var kind: Kind
    public var span: Span
    /// `for $month`: the parameter that gives the period (the kind is a placeholder until it is resolved).
    public var parameter: Name?
    public init(_ kind: Kind, _ span: Span, parameter: Name? = nil) {
        self.kind = kind
        self.span = span
        self.parameter = parameter
    }
}

/// `order by name [asc|desc]`
public struct OrderKey: Sendable {
    public var name: Name
    public var descending: Bool
    public var span: Span
    public init(name: Name, descending: Bool, span: Span) {
        self.name = name
        self.descending = descending
        self.span = span
    }
}

public struct Limit: Sendable {
    public var count: Int
    public var span: Span
    public init(count: Int, span: Span) {
        self.count = count
        self.span = span
    }
}

// MARK: Expressions

/// One expression type for both metric level (`revenue / purchases`) and row level
/// (`hours(first_response_at - opened_at)`); the binder decides which is which.
public indirect enum ExprKind: Sendable {
    /// Kept as written so that `0.1` compares exactly with decimal columns.
    case number(String)
    case string(String)
    case date(DateLiteral)
    case bool(Bool)
    case null
    /// A metric, column, dataset or grain name.
    case name(Name)
    /// `table.column`
    case qualified(Name, Name)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `f(args [on column] [where cond])`: functions and aggregates alike.
    case call(Call)
    /// `x [not] in (a, b)`
    case inList(Expr, [Expr], negated: Bool)
    /// `x [not] between a and b`
    case between(Expr, Expr, Expr, negated: Bool)
    /// `x is [not] null`
    case isNull(Expr, negated: Bool)
}

public struct Expr: Sendable {
    public var kind: ExprKind
    public var span: Span
    public init(_ kind: ExprKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"
}

/// `count(deals on closed_date where stage = "won")`, `count(customers active at start)`
public struct Call: Sendable {
    public var function: Name
    public var arguments: [Expr]
    public var anchor: Name?
    public var filter: Expr?
    /// `active at start` / `active at end`: the boundary word as written (the binder checks it).
    public var activeAt: Name?
    /// Written `started before start|end` rather than `active at`: rows that began before the
    /// boundary, whether or not they have ended since.
    public var startedBefore: Bool
    public init(
        function: Name, arguments: [Expr], anchor: Name?, filter: Expr?, activeAt: Name? = nil, startedBefore: Bool = false
    ) {
        self.function = function
        self.arguments = arguments
        self.anchor = anchor
        self.filter = filter
        self.activeAt = activeAt
        self.startedBefore = startedBefore
    }
}

// MARK: Assertions

/// `assert QUERY = EXPECTED [within TOLERANCE]`: the query must give one value, equal to the
/// expected number (within the tolerance). Which values a query gives is the session's check.
public struct Assertion: Sendable {
    public var query: Query
    /// The expected value, sign included.
    public var expected: NumberLiteral
    /// The largest difference allowed; nil for the default, relative tolerance.
    public var tolerance: NumberLiteral?
    /// The whole statement, from `assert` on.
    public var span: Span
    public init(query: Query, expected: NumberLiteral, tolerance: NumberLiteral?, span: Span) {
        self.query = query
        self.expected = expected
        self.tolerance = tolerance
        self.span = span
    }
}

/// A number as written (`0.05`, `-1.5e3`), kept as text so it converts exactly, like `ExprKind.number`.
public struct NumberLiteral: Hashable, Sendable {
    /// The digits as written, with a leading `-` for a negative number (without any space after it).
    public var text: String
    public var span: Span
    public init(text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

// MARK: Definitions and declarations

/// `metric NAME = EXPR [unit UNIT] [description "..."] [area AREA]`
public struct MetricDefinition: Sendable {
    public var name: Name
    public var expr: Expr
    /// The unit word as written; the binder checks it is one of `MetricUnit`.
    public var unit: Name?
    public var description: String?
    /// The subject area `show metrics` groups the metric under (`revenue`, `service`, ...); any name.
    public var area: Name?
    public init(name: Name, expr: Expr, unit: Name?, description: String?, area: Name? = nil) {
        self.name = name
        self.expr = expr
        self.unit = unit
        self.description = description
        self.area = area
    }
}

/// `load "path.csv" [as name] [with column = "Header", ...] [skipping bad rows]`
public struct Load: Sendable {
    public var path: String
    public var pathSpan: Span
    public var alias: Name?
    /// `delimiter ";"`: the byte between fields, when the header line cannot tell it.
    public var delimiter: StringToken?
    /// What `with` says of columns: their header in the file, their type, their layout.
    public var columns: [ColumnSpec]
    /// Rows whose field count differs from the header's are left out (and counted) instead of failing.
    public var skipBadRows: Bool
    public init(
        path: String, pathSpan: Span, alias: Name?, delimiter: StringToken? = nil, columns: [ColumnSpec], skipBadRows: Bool = false
    ) {
        self.path = path
        self.pathSpan = pathSpan
        self.alias = alias
        self.delimiter = delimiter
        self.columns = columns
        self.skipBadRows = skipBadRows
    }

    /// Canonical column name -> header in the file.
    public var renames: [(column: Name, header: String)] {
        columns.compactMap { spec in spec.header.map { (spec.column, $0.text) } }
    }
}

/// One column of `load ... with`: `signup_date = "Create Date" format "%m/%d/%Y"`, `amount as number`.
public struct ColumnSpec: Sendable {
    public var column: Name
    /// The header the column has in the file, when it is renamed.
    public var header: StringToken?
    /// `as number` (or `money`), `date`, `timestamp`, `text`.
    public var kind: Name?
    /// A date layout (`"%m/%d/%Y"`), or for numbers an example (`"1.234,56"`).
    public var format: StringToken?
    public init(column: Name, header: StringToken? = nil, kind: Name? = nil, format: StringToken? = nil) {
        self.column = column
        self.header = header
        self.kind = kind
        self.format = format
    }

    /// The words `as` takes.
    public static let kinds = ["number", "money", "date", "timestamp", "text"]
}

/// A string literal's value and where it was written.
public struct StringToken: Sendable {
    public var text: String
    public var span: Span
    public init(text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

/// `relate orders.customer_id to customers.id` (many-to-one)
public struct Relate: Sendable {
    public var fromDataset: Name
    public var fromColumn: Name
    public var toDataset: Name
    public var toColumn: Name
    public init(fromDataset: Name, fromColumn: Name, toDataset: Name, toColumn: Name) {
        self.fromDataset = fromDataset
        self.fromColumn = fromColumn
        self.toDataset = toDataset
        self.toColumn = toColumn
    }
}

/// `anchor orders on date`: the column that places a dataset's rows in time.
public struct Anchor: Sendable {
    public var dataset: Name
    public var column: Name
    public init(dataset: Name, column: Name) {
        self.dataset = dataset
        self.column = column
    }
}

/// `dimension cohort = month(customers.signup_date) description "..."`: a named row expression
/// that queries can break down by; it resolves for each dataset a query reads, like a column.
public struct DimensionDefinition: Sendable {
    public var name: Name
    public var expr: Expr
    public var description: String?
    public init(name: Name, expr: Expr, description: String?) {
        self.name = name
        self.expr = expr
        self.description = description
    }
}

/// `lifespan customers from signup_date to churn_date`: each row is active from its start date
/// until its end date (a null end: still active).
public struct Lifespan: Sendable {
    public var dataset: Name
    public var start: Name
    public var end: Name
    public init(dataset: Name, start: Name, end: Name) {
        self.dataset = dataset
        self.start = start
        self.end = end
    }
}

/// `connect "postgresql://user@host/db"`: a libpq connection string or URL.
public struct Connect: Sendable {
    public var target: String
    public var targetSpan: Span
    public init(target: String, targetSpan: Span) {
        self.target = target
        self.targetSpan = targetSpan
    }
}

/// `use table crm.customers as customers`: the table (optionally schema-qualified) that holds a dataset.
public struct UseTable: Sendable {
    public var schema: Name?
    public var table: Name
    public var dataset: Name
    public init(schema: Name?, table: Name, dataset: Name) {
        self.schema = schema
        self.table = table
        self.dataset = dataset
    }
}
