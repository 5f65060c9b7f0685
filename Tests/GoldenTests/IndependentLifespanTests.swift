// Checks Tally's lifespan metrics (active at start/end, churn, retention, pipeline, cohorts) by month, quarter,
// ISO week and clipped ranges against a naive day-number computation over the demo CSVs that shares no code with Tally.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct IndependentLifespanTests {
    static let folder = IndependentMetricsTests.folder

    /// Each queried alone as `METRIC by month` over the whole data, so each gets the axis of the datasets it reads.
    static let monthlyMetrics = [
        "customers_start", "customers_end", "new_customers", "lost_customers", "churn", "retention", "arpu", "cac",
        "referral_rate", "pipeline_value", "clv", "ltv_cac", "roi", "marketing_spend",
    ]

    /// The metrics built on `active at start|end` or `started before`, plus the counts churn and retention combine.
    static let lifespanMetrics = [
        "customers_start", "customers_end", "new_customers", "lost_customers", "churn", "retention", "arpu",
        "pipeline_value", "cohort_retention",
    ]

    static let weekRange = "since 2024-01-01 until 2024-12-31"
    static let clippedRange = "since 2024-02-15 until 2024-05-10"
    static let planQuery = "churn, customers_start by month, plan"
    static let cohortQuery = "cohort_retention by cohort, month since 2024-01-01 until 2024-12-31"

    static var queries: [String] {
        monthlyMetrics.map { "\($0) by month" } + lifespanMetrics.map { "\($0) by quarter" }
            + lifespanMetrics.map { "\($0) by week \(weekRange)" } + lifespanMetrics.map { "\($0) by month \(clippedRange)" }
            + [planQuery, cohortQuery, cohortQuery + " pivot"]
    }

    static let tally = TallyCSV.run(folder: folder, queries: queries)
    static let demo: Result<LifespanDemo, any Error> = Result { try LifespanDemo(folder: folder) }

    @Test(arguments: monthlyMetrics)
    func byMonth(_ metric: String) throws {
        let n = try LifespanNaive(Self.demo.get())
        let dates = try n.dates(readBy: metric)
        let first = try #require(dates.min()), last = try #require(dates.max())
        let periods = NaiveGrain.month.axis(from: first, through: last, clipped: false)
        try compareByPeriod(n, metric, "\(metric) by month", grain: "month", periods)
    }

    @Test(arguments: lifespanMetrics)
    func byQuarter(_ metric: String) throws {
        let n = try LifespanNaive(Self.demo.get())
        let dates = try n.dates(readBy: metric)
        let first = try #require(dates.min()), last = try #require(dates.max())
        let periods = NaiveGrain.quarter.axis(from: first, through: last, clipped: false)
        try compareByPeriod(n, metric, "\(metric) by quarter", grain: "quarter", periods)
    }

    @Test(arguments: lifespanMetrics)
    func byWeekIn2024(_ metric: String) throws {
        let n = try LifespanNaive(Self.demo.get())
        let periods = NaiveGrain.week.axis(
            from: NaiveDays.day(2024, 1, 1), through: NaiveDays.day(2024, 12, 31), clipped: true)
        // The premise of this test: 2024-01-01 is a Monday, and 2024-12-31 lies in 2025-W01, a week clipped to two days.
        #expect(periods.first?.label == "2024-W01" && periods.first?.start == NaiveDays.day(2024, 1, 1))
        #expect(periods.last?.label == "2025-W01" && periods.last?.end == NaiveDays.day(2025, 1, 1))
        #expect(periods.count == 53)
        try compareByPeriod(n, metric, "\(metric) by week \(Self.weekRange)", grain: "week", periods)
    }

    @Test(arguments: lifespanMetrics)
    func byClippedMonth(_ metric: String) throws {
        let n = try LifespanNaive(Self.demo.get())
        let periods = NaiveGrain.month.axis(
            from: NaiveDays.day(2024, 2, 15), through: NaiveDays.day(2024, 5, 10), clipped: true)
        #expect(periods.map(\.label) == ["2024-02", "2024-03", "2024-04", "2024-05"])
        #expect(periods.first?.start == NaiveDays.day(2024, 2, 15) && periods.last?.end == NaiveDays.day(2024, 5, 11))
        try compareByPeriod(n, metric, "\(metric) by month \(Self.clippedRange)", grain: "month", periods)
    }

    @Test func churnByMonthAndPlan() throws {
        let n = try LifespanNaive(Self.demo.get())
        let dates = try n.dates(readBy: "churn")
        let first = try #require(dates.min()), last = try #require(dates.max())
        var rows: [NaiveRow] = []
        // Dense: every month, then within it every plan that occurs among the customers (code point order, null last).
        for p in NaiveGrain.month.axis(from: first, through: last, clipped: false) {
            for plan in n.data.customerPlans {
                let counts = n.counts(in: p, customers: n.data.customers.filter { $0.plan == plan })
                rows.append(NaiveRow(labels: [p.label, plan ?? ""], values: [
                    try LifespanNaive.value("churn", counts), try LifespanNaive.value("customers_start", counts),
                ]))
            }
        }
        try TallyCSV.compare(Self.planQuery, in: Self.tally, header: ["month", "plan", "churn", "customers_start"], rows)
    }

    @Test func cohortRetention() throws {
        let n = try LifespanNaive(Self.demo.get())
        let rows = try cohortRows(n)
        try TallyCSV.compare(Self.cohortQuery, in: Self.tally, header: ["cohort", "month", "cohort_retention"], rows)
    }

    @Test func cohortRetentionPivoted() throws {
        let n = try LifespanNaive(Self.demo.get())
        let long = try cohortRows(n)
        let months = Self.months2024.map(\.label)
        // Pivot: one row per cohort (in cohort order), one column per month (in time order).
        var pivoted: [NaiveRow] = []
        for row in long {
            let cohort = try #require(row.labels.first)
            if pivoted.last?.labels != [cohort] { pivoted.append(NaiveRow(labels: [cohort], values: [])) }
            pivoted[pivoted.count - 1].values += row.values
        }
        #expect(pivoted.allSatisfy { $0.values.count == months.count })
        try TallyCSV.compare(Self.cohortQuery + " pivot", in: Self.tally, header: ["cohort"] + months, pivoted)
    }

    static let months2024 = NaiveGrain.month.axis(
        from: NaiveDays.day(2024, 1, 1), through: NaiveDays.day(2024, 12, 31), clipped: true)

    /// Cohorts are the signup months of every customer (anywhere in the data, not only in 2024), each crossed with every month.
    private func cohortRows(_ n: LifespanNaive) throws -> [NaiveRow] {
        var rows: [NaiveRow] = []
        for cohort in Set(n.data.customers.map(\.cohort)).sorted() {
            let members = n.data.customers.filter { $0.cohort == cohort }
            for p in Self.months2024 {
                // The value at the month's end boundary: active ÷ signed up before it; null before the cohort exists.
                let active = members.filter { LifespanNaive.active($0, at: p.end) }.count
                let started = members.filter { $0.signup < p.end }.count
                rows.append(NaiveRow(labels: [cohort, p.label], values: [LifespanNaive.ratio(active, started)]))
            }
        }
        return rows
    }

    private func compareByPeriod(
        _ n: LifespanNaive, _ metric: String, _ query: String, grain: String, _ periods: [NaivePeriod]
    ) throws {
        let rows = try periods.map { p in
            NaiveRow(labels: [p.label], values: [try LifespanNaive.value(metric, n.counts(in: p))])
        }
        try TallyCSV.compare(query, in: Self.tally, header: [grain, metric], rows)
    }
}

// MARK: - Days and periods, by libc

/// Day numbers (days since 1970-01-01, UTC) by libc's timegm and gmtime_r.
enum NaiveDays {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        // timegm normalises an out-of-range month (13 is January of the next year), which the period steps rely on.
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        return Int(timegm(&parts)) / 86_400
    }

    /// "YYYY-MM-DD" → day number; nil for a null (empty) field.
    static func parse(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard text.count == 10, parts.count == 3 else { throw NaiveError("not a date: \(text)") }
        return day(parts[0], parts[1], parts[2])
    }

    static func required(_ text: String?) throws -> Int {
        guard let day = try parse(text) else { throw NaiveError("missing date") }
        return day
    }

    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        var seconds = time_t(day * 86_400)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}

/// A period as the metrics see it: "start of P" and "end of P" are day boundaries, `end` the first day after it.
struct NaivePeriod: Sendable {
    let label: String
    let start: Int
    let end: Int
    func contains(_ day: Int) -> Bool { start <= day && day < end }
}

enum NaiveGrain: Sendable {
    case week, month, quarter

    /// The first day of the period holding `day`.
    func start(of day: Int) -> Int {
        let (y, m, _) = NaiveDays.civil(day)
        switch self {
        // Day 0 (1970-01-01) was a Thursday, so (day + 3) % 7 counts days since Monday.
        case .week: return day - (day + 3) % 7
        case .month: return NaiveDays.day(y, m, 1)
        case .quarter: return NaiveDays.day(y, (m - 1) / 3 * 3 + 1, 1)
        }
    }

    /// The first day of the period after the one starting on `start`.
    func next(_ start: Int) -> Int {
        let (y, m, _) = NaiveDays.civil(start)
        switch self {
        case .week: return start + 7
        case .month: return NaiveDays.day(y, m + 1, 1)
        case .quarter: return NaiveDays.day(y, m + 3, 1)
        }
    }

    /// The period before the one starting on `start`, unclipped.
    func previous(_ start: Int) -> NaivePeriod {
        let s = self.start(of: start - 1)
        return NaivePeriod(label: label(s), start: s, end: start)
    }

    func label(_ start: Int) -> String {
        let (y, m, _) = NaiveDays.civil(start)
        switch self {
        case .week:
            // An ISO week belongs to the year of its Thursday, and is numbered from that year's first Thursday.
            let thursday = start + 3
            let year = NaiveDays.civil(thursday).year
            return String(format: "%04d-W%02d", year, (thursday - NaiveDays.day(year, 1, 1)) / 7 + 1)
        case .month: return String(format: "%04d-%02d", y, m)
        case .quarter: return String(format: "%04d-Q%d", y, (m - 1) / 3 + 1)
        }
    }

    /// Every period from the one holding `first` to the one holding `last`. Clipped (an explicit since/until), the
    /// first starts on `first` and the last ends the day after `last` (DESIGN §4).
    func axis(from first: Int, through last: Int, clipped: Bool) -> [NaivePeriod] {
        var out: [NaivePeriod] = []
        var s = start(of: first)
        while s <= last && out.count < 10_000 {
            let e = next(s)
            out.append(NaivePeriod(label: label(s), start: clipped ? max(s, first) : s, end: clipped ? min(e, last + 1) : e))
            s = e
        }
        return out
    }
}

// MARK: - The demo data as day numbers and cents

struct LifespanDemo: Sendable {
    struct Customer: Sendable {
        let signup: Int
        let churn: Int?
        let plan, channel: String?
        /// The signup month's label: the `cohort` dimension.
        let cohort: String
    }

    struct Order: Sendable {
        let day, cents: Int
        let customerID: String?
        /// The plan of the customer the order points at; nil for guests (no such customer).
        let plan: String?
    }

    struct Deal: Sendable {
        let created: Int
        let closed: Int?
        let cents: Int
    }

    let customers: [Customer]
    let orders: [Order]
    let spend: [(day: Int, cents: Int)]
    let deals: [Deal]
    /// Plans as groups in Tally's order (code point, null last), among the customers and among the orders' customers.
    let customerPlans, orderPlans: [String?]

    init(folder: String) throws {
        // Reuses the existing check's reader and join; spend.csv it does not read, so it is split here the same way.
        let demo = try Demo(folder: folder)
        let naive = Naive(demo)
        customers = try demo.customers.map { row in
            Customer(
                signup: try NaiveDays.required(row["signup_date"]), churn: try NaiveDays.parse(row["churn_date"]),
                plan: row["plan"], channel: row["channel"], cohort: try Naive.month(row["signup_date"]))
        }
        orders = try demo.orders.map { row in
            Order(
                day: try NaiveDays.required(row["date"]), cents: Naive.cents(row["amount"]), customerID: row["customer_id"],
                plan: naive.customer(row)?["plan"])
        }
        deals = try demo.deals.map { row in
            Deal(
                created: try NaiveDays.required(row["created_date"]), closed: try NaiveDays.parse(row["closed_date"]),
                cents: Naive.cents(row["amount"]))
        }
        let lines = try String(contentsOfFile: folder + "/spend.csv", encoding: .utf8).split(separator: "\n")
        let header = (lines.first ?? "").split(separator: ",").map(String.init)
        guard let dateAt = header.firstIndex(of: "date"), let amountAt = header.firstIndex(of: "amount") else {
            throw NaiveError("spend.csv: no date or amount column")
        }
        spend = try lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count, !line.contains("\"") else { throw NaiveError("spend.csv: \(line)") }
            return (try NaiveDays.required(fields[dateAt]), Naive.cents(fields[amountAt]))
        }
        customerPlans = naive.grouped(demo.customers, by: { $0["plan"] }).map(\.0)
        orderPlans = naive.grouped(demo.orders, by: { naive.customer($0)?["plan"] }).map(\.0)
    }
}

// MARK: - DESIGN §5, literally

/// Everything the library's customer, revenue, marketing and pipeline metrics are built from, for one period.
struct NaiveCounts {
    var start = 0, end = 0, new = 0, lost = 0, churned = 0, referrals = 0, startedBeforeEnd = 0
    var revenue = 0, spend = 0, pipeline = 0  // cents
    var purchases = 0, paying = 0
}

struct LifespanNaive {
    let data: LifespanDemo
    init(_ data: LifespanDemo) { self.data = data }

    /// Active at boundary B ⇔ start < B and (no end or end ≥ B).
    static func active(_ c: LifespanDemo.Customer, at boundary: Int) -> Bool {
        c.signup < boundary && (c.churn.map { $0 >= boundary } ?? true)
    }

    static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    static func money(_ cents: Int) -> Double { Double(cents) / 100 }

    /// Every date a metric's aggregates read: for a lifespan dataset both ends count (DESIGN §4).
    func dates(readBy metric: String) throws -> [Int] {
        let customerDates = data.customers.flatMap { [$0.signup] + ($0.churn.map { [$0] } ?? []) }
        let orderDates = data.orders.map(\.day)
        let spendDates = data.spend.map(\.day)
        switch metric {
        case "customers_start", "customers_end", "new_customers", "lost_customers", "churn", "retention", "referral_rate",
            "cohort_retention":
            return customerDates
        case "arpu", "clv": return customerDates + orderDates
        case "cac": return customerDates + spendDates
        case "ltv_cac": return customerDates + orderDates + spendDates
        case "roi": return orderDates + spendDates
        case "marketing_spend": return spendDates
        case "pipeline_value": return data.deals.flatMap { [$0.created] + ($0.closed.map { [$0] } ?? []) }
        default: throw NaiveError("no dates for \(metric)")
        }
    }

    /// One plain loop over each dataset; `customers` narrows the customer counts (a plan's), not the others.
    func counts(in p: NaivePeriod, customers: [LifespanDemo.Customer]? = nil) -> NaiveCounts {
        var c = NaiveCounts()
        for customer in customers ?? data.customers {
            let atStart = Self.active(customer, at: p.start)
            if atStart { c.start += 1 }
            if Self.active(customer, at: p.end) { c.end += 1 }
            if customer.signup < p.end { c.startedBeforeEnd += 1 }
            if p.contains(customer.signup) {
                c.new += 1
                if customer.channel == "referral" { c.referrals += 1 }
            }
            if let churn = customer.churn, p.contains(churn) {
                c.lost += 1
                if atStart { c.churned += 1 }
            }
        }
        var payers = Set<String>()
        for order in data.orders where p.contains(order.day) {
            c.revenue += order.cents
            c.purchases += 1
            if let id = order.customerID { payers.insert(id) }
        }
        c.paying = payers.count
        for s in data.spend where p.contains(s.day) { c.spend += s.cents }
        // Open at the end boundary: created before it and not closed before it, wherever it was created.
        for deal in data.deals where deal.created < p.end && (deal.closed.map { $0 >= p.end } ?? true) {
            c.pipeline += deal.cents
        }
        return c
    }

    static func value(_ metric: String, _ c: NaiveCounts) throws -> Double? {
        let churn = ratio(c.churned, c.start)
        let cac = c.new == 0 ? nil : money(c.spend) / Double(c.new)
        var clv: Double?
        if let churn, churn != 0, c.purchases > 0, c.paying > 0 {
            let aov = money(c.revenue) / Double(c.purchases)
            let frequency = Double(c.purchases) / Double(c.paying)
            clv = aov * frequency * (1 / churn)
        }
        switch metric {
        case "customers_start": return Double(c.start)
        case "customers_end": return Double(c.end)
        case "new_customers": return Double(c.new)
        case "lost_customers": return Double(c.lost)
        case "churn": return churn
        case "retention": return ratio(c.end - c.new, c.start)
        case "arpu": return c.start + c.end == 0 ? nil : money(c.revenue) / (Double(c.start + c.end) / 2)
        case "cac": return cac
        case "referral_rate": return ratio(c.referrals, c.new)
        case "pipeline_value": return money(c.pipeline)
        case "clv": return clv
        case "ltv_cac":
            guard let clv, let cac, cac != 0 else { return nil }
            return clv / cac
        case "roi": return c.spend == 0 ? nil : Double(c.revenue - c.spend) / Double(c.spend)
        case "marketing_spend": return money(c.spend)
        case "cohort_retention": return ratio(c.end, c.startedBeforeEnd)
        default: throw NaiveError("no naive definition of \(metric)")
        }
    }
}

// MARK: - Tally's CSV, compared

/// One expected row: dimension labels ("" for null, as in CSV) and the item values (nil for null).
struct NaiveRow {
    var labels: [String]
    var values: [Double?]
}

enum TallyCSV {
    /// Tally's CSV for every query, from one session over `folder` (loaded once).
    static func run(folder: String, queries: [String]) -> Result<[String: String], Session.Failure> {
        Result { () throws(Session.Failure) in
            let session = try Session(today: CivilDate.days(year: 2026, month: 1, day: 1) ?? 0)
            try session.openFolder(folder) { _ in }
            var out: [String: String] = [:]
            for query in queries {
                var csv = ""
                try session.run(SourceFile(name: nil, text: query)) { output in
                    if case .table(let table, _) = output { csv += Renderer.render(table, format: .csv) }
                }
                out[query] = csv
            }
            return out
        }
    }

    /// Splits CSV records; a header such as `"rolling(revenue, 3)"` is quoted because it holds a comma.
    static func records(_ csv: String) -> [[String]] {
        var records: [[String]] = []
        for line in csv.split(separator: "\n") {
            var fields: [String] = []
            var field = ""
            var quoted = false
            var previous: Character?
            for ch in line {
                if ch == "\"" {
                    // A doubled quote inside quotes is a literal quote.
                    if quoted && previous == "\"" { field.append("\"") }
                    quoted.toggle()
                } else if ch == "," && !quoted {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(ch)
                }
                previous = ch
            }
            fields.append(field)
            records.append(fields)
        }
        return records
    }

    /// Header, labels, row order and nulls must match exactly; numbers within a relative 1e-9 (summation order differs).
    static func compare(
        _ query: String, in outputs: Result<[String: String], Session.Failure>, header: [String], _ expected: [NaiveRow]
    ) throws {
        let all: [String: String]
        do throws(Session.Failure) { all = try outputs.get() } catch {
            Issue.record("Tally failed: \(error.diagnostics.map(\.message))")
            return
        }
        let records = records(try #require(all[query], "no output for \(query)"))
        #expect(records.first == header, "\(query): header \(records.first ?? [])")
        let actual = records.dropFirst()
        #expect(actual.count == expected.count, "\(query): \(actual.count) rows, expected \(expected.count)")
        for (row, want) in zip(actual, expected) {
            let labels = Array(row.prefix(want.labels.count))
            #expect(labels == want.labels, "\(query): row \(labels), expected \(want.labels)")
            let fields = Array(row.dropFirst(want.labels.count))
            #expect(fields.count == want.values.count, "\(query) \(labels): \(fields.count) values")
            for (i, (field, value)) in zip(fields, want.values).enumerated() {
                let column = header.indices.contains(want.labels.count + i) ? header[want.labels.count + i] : "?"
                guard let value else {
                    #expect(field == "", "\(query) \(labels) \(column): expected null, got \(field)")
                    continue
                }
                guard let got = Double(field) else {
                    Issue.record("\(query) \(labels) \(column): expected \(value), got '\(field)'")
                    continue
                }
                let tolerance = 1e-9 * max(abs(value), abs(got))
                #expect(abs(got - value) <= tolerance, "\(query) \(labels) \(column): expected \(value), got \(got)")
            }
        }
    }
}
