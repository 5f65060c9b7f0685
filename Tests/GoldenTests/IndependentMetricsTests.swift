// Checks the standard library's metrics by month on the demo data against a second, deliberately naive
// computation (string splitting, integer cents, libc time arithmetic) that shares no code with Tally.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct IndependentMetricsTests {
    static let folder = GoldenPaths.packageRoot.appendingPathComponent("examples/crm").path

    /// Every library metric the brief lists, each queried as `METRIC by month` over the whole data.
    static let monthlyMetrics = [
        "revenue", "purchases", "paying_customers", "avg_order_value", "new_revenue", "recurring_revenue",
        "leads", "lead_conversion", "win_rate", "avg_deal_size", "sales_cycle", "calls_per_deal",
        "competitive_wins", "tickets", "response_time", "resolution_time", "first_contact_resolution",
        "same_day_resolution", "csat", "nps", "ces", "abandoned_cart_rate", "upsell_rate", "arppu",
    ]

    /// Queries broken down by other dimensions, and one filtering through the customer relation.
    static let breakdowns = [
        "revenue by plan",
        "revenue by plan, month",
        "nps by region",
        #"tickets by channel where plan = "pro""#,
    ]

    /// Tally's CSV for every query, from one session over the demo folder (loaded once for the suite).
    static let tally: Result<[String: String], Session.Failure> = Result { () throws(Session.Failure) in
        let session = try Session(today: CivilDate.days(year: 2026, month: 1, day: 1) ?? 0)
        try session.openFolder(folder) { _ in }
        var out: [String: String] = [:]
        for query in monthlyMetrics.map({ "\($0) by month" }) + breakdowns {
            var csv = ""
            try session.run(SourceFile(name: nil, text: query)) { output in
                if case .table(let table, _) = output { csv += Renderer.render(table, format: .csv) }
            }
            out[query] = csv
        }
        return out
    }

    static let demo: Result<Demo, any Error> = Result { try Demo(folder: folder) }

    @Test(arguments: monthlyMetrics)
    func metricByMonth(_ metric: String) throws {
        let demo = try Self.demo.get()
        let expected = try Naive(demo).monthly(metric)
        try compare("\(metric) by month", header: ["month", metric], expected)
    }

    @Test func revenueByPlan() throws {
        let n = try Naive(Self.demo.get())
        // All orders, no time: guests (customer ids with no customer row) form the null group, last.
        let rows = n.grouped(n.d.orders, by: { n.customer($0)?["plan"] }).map { plan, orders in
            Expected(labels: [plan ?? ""], value: n.money(orders))
        }
        try compare("revenue by plan", header: ["plan", "revenue"], rows)
    }

    @Test func revenueByPlanAndMonth() throws {
        let n = try Naive(Self.demo.get())
        // Every plan that occurs (null included) crossed with every month of the orders' dates.
        let months = try n.axis(n.d.orders.map { try Naive.month($0["date"]) })
        var rows: [Expected] = []
        for (plan, orders) in n.grouped(n.d.orders, by: { n.customer($0)?["plan"] }) {
            let byMonth = try Dictionary(grouping: orders) { try Naive.month($0["date"]) }
            for m in months { rows.append(Expected(labels: [plan ?? "", m], value: n.money(byMonth[m] ?? []))) }
        }
        try compare("revenue by plan, month", header: ["plan", "month", "revenue"], rows)
    }

    @Test func npsByRegion() throws {
        let n = try Naive(Self.demo.get())
        // Regions are those of every survey's customer (the nps filter is the aggregate's own, so it
        // does not remove regions); a region with no nps answers would show null.
        let rows = n.grouped(n.d.surveys, by: { n.customer($0)?["region"] }).map { region, surveys in
            Expected(labels: [region ?? ""], value: n.nps(surveys))
        }
        try compare("nps by region", header: ["region", "nps"], rows)
    }

    @Test func proTicketsByChannel() throws {
        let n = try Naive(Self.demo.get())
        // `where plan = "pro"` reaches customers through tickets.customer_id; a ticket whose customer is
        // unknown has a null plan and is dropped (= never matches null).
        let pro = n.d.tickets.filter { n.customer($0)?["plan"] == "pro" }
        let rows = n.grouped(pro, by: { $0["channel"] }).map { channel, tickets in
            Expected(labels: [channel ?? ""], value: Double(tickets.count))
        }
        try compare(#"tickets by channel where plan = "pro""#, header: ["channel", "tickets"], rows)
    }

    // MARK: Comparing with Tally's CSV

    /// Labels and nulls must match exactly; numbers within a relative 1e-9 (summation order differs).
    private func compare(_ query: String, header: [String], _ expected: [Expected]) throws {
        let outputs: [String: String]
        do throws(Session.Failure) { outputs = try Self.tally.get() } catch {
            Issue.record("Tally failed: \(error.diagnostics.map(\.message))")
            return
        }
        let csv = try #require(outputs[query])
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        #expect(lines.first == header.joined(separator: ","), "\(query): header")
        let actual = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(actual.count == expected.count, "\(query): \(actual.count) rows, expected \(expected.count)")
        for (row, want) in zip(actual, expected) {
            let labels = Array(row.dropLast())
            #expect(labels == want.labels, "\(query): row labels")
            let field = row.last ?? ""
            switch want.value {
            case nil:
                #expect(field == "", "\(query) \(labels): expected null, got \(field)")
            case let value?:
                guard let got = Double(field) else {
                    Issue.record("\(query) \(labels): expected \(value), got '\(field)'")
                    continue
                }
                let tolerance = 1e-9 * max(abs(value), abs(got))
                #expect(abs(got - value) <= tolerance, "\(query) \(labels): expected \(value), got \(got)")
            }
        }
    }
}

/// One expected result row: dimension labels ("" for null, as in CSV) and the value (nil for null).
struct Expected {
    var labels: [String]
    var value: Double?
}

/// The demo CSVs as rows of strings. They have no quoted fields, so splitting on commas reads them faithfully.
struct Demo: Sendable {
    let customers, orders, leads, deals, tickets, surveys, carts: [[String: String]]

    init(folder: String) throws {
        func rows(_ file: String) throws -> [[String: String]] {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            guard let first = lines.first else { throw NaiveError("\(file) is empty") }
            let header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return try lines.dropFirst().map { line in
                guard !line.contains("\""), !line.contains("\r") else { throw NaiveError("\(file) has quoting: \(line)") }
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == header.count else { throw NaiveError("\(file): \(line)") }
                // Empty fields are nulls: leave them out, so `row[col] == nil` means null.
                return Dictionary(uniqueKeysWithValues: zip(header, fields).filter { !$0.1.isEmpty })
            }
        }
        customers = try rows("customers.csv")
        orders = try rows("orders.csv")
        leads = try rows("leads.csv")
        deals = try rows("deals.csv")
        tickets = try rows("tickets.csv")
        surveys = try rows("surveys.csv")
        carts = try rows("carts.csv")
    }
}

struct NaiveError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// DESIGN §5's definitions, computed literally and naively.
struct Naive {
    typealias Row = [String: String]
    let d: Demo
    private let customersByID: [String: Row]

    init(_ demo: Demo) {
        d = demo
        customersByID = Dictionary(demo.customers.map { ($0["id"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The customer a row points at, nil when there is none (a guest order, an unknown id).
    func customer(_ row: Row) -> Row? { row["customer_id"].flatMap { customersByID[$0] } }

    // MARK: Values

    /// "1146.33" → 114633 cents; also "12", "12.5", "-3.07".
    static func cents(_ amount: String?) -> Int {
        guard let amount else { return 0 }
        let negative = amount.hasPrefix("-")
        let parts = amount.drop(while: { $0 == "-" }).split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        let fraction = parts.count > 1 ? Int(String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return (negative ? -1 : 1) * (whole * 100 + fraction)
    }

    /// "YYYY-MM" of a date or a UTC timestamp.
    static func month(_ value: String?) throws -> String {
        guard let value, value.count >= 7 else { throw NaiveError("no date: \(value ?? "null")") }
        return String(value.prefix(7))
    }

    /// Seconds since the epoch of "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ", by libc's timegm.
    static func seconds(_ value: String?) throws -> Int {
        guard let value else { throw NaiveError("null time") }
        let isDate = value.count == 10
        // The brief's premise: every timestamp in the demo data is UTC with a Z.
        guard isDate || (value.count == 20 && value.hasSuffix("Z")) else { throw NaiveError("unexpected time \(value)") }
        let digits = value.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard digits.count == (isDate ? 3 : 6) else { throw NaiveError("unexpected time \(value)") }
        var parts = tm()
        parts.tm_year = Int32(digits[0] - 1900)
        parts.tm_mon = Int32(digits[1] - 1)
        parts.tm_mday = Int32(digits[2])
        if !isDate {
            parts.tm_hour = Int32(digits[3])
            parts.tm_min = Int32(digits[4])
            parts.tm_sec = Int32(digits[5])
        }
        return timegm(&parts)
    }

    /// The UTC date of a timestamp ending in Z is its first ten characters.
    static func utcDate(_ ts: String?) -> String? { ts.map { String($0.prefix(10)) } }

    func money(_ rows: [Row], _ column: String = "amount") -> Double {
        Double(rows.reduce(0) { $0 + Self.cents($1[column]) }) / 100
    }

    func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }

    func distinctCustomers(_ rows: [Row]) -> Int { Set(rows.compactMap { $0["customer_id"] }).count }

    func nps(_ surveys: [Row]) -> Double? {
        let scores = surveys.filter { $0["kind"] == "nps" }.compactMap { $0["score"].flatMap { Int($0) } }
        let promoters = scores.filter { $0 >= 9 }.count
        let detractors = scores.filter { $0 <= 6 }.count
        return scores.isEmpty ? nil : 100 * Double(promoters - detractors) / Double(scores.count)
    }

    // MARK: Axes and groups

    /// Every month from the first to the last of `months`.
    func axis(_ months: [String]) throws -> [String] {
        guard let first = months.min(), let last = months.max() else { return [] }
        var out: [String] = []
        var (y, m) = (Int(first.prefix(4)) ?? 0, Int(first.suffix(2)) ?? 0)
        while true {
            let label = String(format: "%04d-%02d", y, m)
            out.append(label)
            if label >= last || out.count > 1000 { break }
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }

    /// Rows by month of `anchor` over the dense axis of the rows' anchor months (rows with no anchor are in no month).
    func byMonth(_ rows: [Row], on anchor: String, _ value: ([Row]) throws -> Double?) throws -> [Expected] {
        let dated = rows.filter { $0[anchor] != nil }
        let groups = try Dictionary(grouping: dated) { try Self.month($0[anchor]) }
        return try axis(Array(groups.keys)).map { m in Expected(labels: [m], value: try value(groups[m] ?? [])) }
    }

    /// Groups by a text key, ordered by code point (UTF-8 byte order), the null group last.
    func grouped(_ rows: [Row], by key: (Row) -> String?) -> [(String?, [Row])] {
        let groups = Dictionary(grouping: rows, by: key)
        return groups.keys.sorted { a, b in
            switch (a, b) {
            case (nil, _): false
            case (_, nil): true
            case (let x?, let y?): x.utf8.lexicographicallyPrecedes(y.utf8)
            }
        }.map { ($0, groups[$0] ?? []) }
    }

    // MARK: The library, by month

    func monthly(_ metric: String) throws -> [Expected] {
        let won = { (r: Row) in r["stage"] == "won" }
        let resolved = { (r: Row) in r["resolved_at"] != nil }
        switch metric {
        case "revenue": return try byMonth(d.orders, on: "date") { money($0) }
        case "purchases": return try byMonth(d.orders, on: "date") { Double($0.count) }
        case "paying_customers": return try byMonth(d.orders, on: "date") { Double(distinctCustomers($0)) }
        case "avg_order_value": return try byMonth(d.orders, on: "date") { $0.isEmpty ? nil : money($0) / Double($0.count) }
        case "new_revenue": return try byMonth(d.orders, on: "date") { money($0.filter { $0["kind"] == "new" }) }
        case "recurring_revenue": return try byMonth(d.orders, on: "date") { money($0.filter { $0["kind"] == "recurring" }) }
        case "arppu":
            return try byMonth(d.orders, on: "date") { rows in
                let payers = distinctCustomers(rows)
                return payers == 0 ? nil : money(rows) / Double(payers)
            }
        case "upsell_rate":
            return try byMonth(d.orders, on: "date") { rows in
                ratio(distinctCustomers(rows.filter { $0["kind"] == "upsell" || $0["kind"] == "cross_sell" }), distinctCustomers(rows))
            }

        case "leads": return try byMonth(d.leads, on: "created_date") { Double($0.count) }
        case "lead_conversion":
            return try byMonth(d.leads, on: "created_date") { ratio($0.filter { $0["converted_date"] != nil }.count, $0.count) }

        // Deal outcomes sit in the month of closed_date; open deals have none and are in no month.
        case "win_rate":
            return try byMonth(d.deals, on: "closed_date") { rows in
                ratio(rows.filter(won).count, rows.filter { $0["stage"] == "won" || $0["stage"] == "lost" }.count)
            }
        case "avg_deal_size":
            return try byMonth(d.deals, on: "closed_date") { rows in
                let w = rows.filter(won)
                return w.isEmpty ? nil : money(w) / Double(w.count)
            }
        case "sales_cycle":
            return try byMonth(d.deals, on: "closed_date") { rows in
                try mean(rows.filter(won).map { Double(try Self.seconds($0["closed_date"]) - Self.seconds($0["created_date"])) / 86_400 })
            }
        case "competitive_wins":
            return try byMonth(d.deals, on: "closed_date") { Double($0.filter { won($0) && $0["competitor"] != nil }.count) }
        case "calls_per_deal":
            return try byMonth(d.deals, on: "created_date") { rows in mean(rows.compactMap { $0["calls"].flatMap { Double($0) } }) }

        case "tickets": return try byMonth(d.tickets, on: "opened_at") { Double($0.count) }
        case "response_time":
            return try byMonth(d.tickets, on: "opened_at") { rows in
                try mean(rows.filter { $0["first_response_at"] != nil }.map {
                    Double(try Self.seconds($0["first_response_at"]) - Self.seconds($0["opened_at"])) / 3600
                })
            }
        case "resolution_time":
            return try byMonth(d.tickets, on: "opened_at") { rows in
                try mean(rows.filter(resolved).map { Double(try Self.seconds($0["resolved_at"]) - Self.seconds($0["opened_at"])) / 3600 })
            }
        case "first_contact_resolution":
            return try byMonth(d.tickets, on: "opened_at") { rows in
                ratio(rows.filter { resolved($0) && $0["contacts"] == "1" }.count, rows.filter(resolved).count)
            }
        case "same_day_resolution":
            // Over all tickets opened in the month, resolved or not.
            return try byMonth(d.tickets, on: "opened_at") { rows in
                ratio(rows.filter { resolved($0) && Self.utcDate($0["resolved_at"]) == Self.utcDate($0["opened_at"]) }.count, rows.count)
            }

        case "csat":
            return try byMonth(d.surveys, on: "date") { rows in
                let scores = rows.filter { $0["kind"] == "csat" }.compactMap { $0["score"].flatMap { Int($0) } }
                return ratio(scores.filter { $0 >= 4 }.count, scores.count)
            }
        case "nps": return try byMonth(d.surveys, on: "date") { nps($0) }
        case "ces":
            return try byMonth(d.surveys, on: "date") { rows in
                mean(rows.filter { $0["kind"] == "ces" }.compactMap { $0["score"].flatMap { Double($0) } })
            }

        case "abandoned_cart_rate":
            return try byMonth(d.carts, on: "created_at") { ratio($0.filter { $0["checked_out"] == "false" }.count, $0.count) }

        default:
            throw NaiveError("no naive definition of \(metric)")
        }
    }
}
