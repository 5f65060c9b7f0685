// A data folder opens lazily: only headers at first, then before each statement the columns its
// names can reach. Reading less must never change an answer, so these tests compare a lazily opened
// folder with the same files loaded eagerly, and check that a file nobody asks about is never read.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct LazyFolderTests {
    /// The demo folder, relative to the package root the tests run in. It has no model.tally.
    static let crm = "examples/crm"
    static let today = CivilDate.days(year: 2024, month: 6, day: 15) ?? 0

    static let libraryMetrics: [String] = {
        guard let tally = try? Session(today: today) else { return [] }
        return tally.catalog.metricNames.filter { tally.catalog.metrics[$0]?.isLibrary == true }
    }()

    /// The queries compared for every library metric.
    static func metricQueries(_ metric: String) -> [String] { ["\(metric) by month", "\(metric) by month, plan"] }

    /// Every query's outcome with everything loaded, computed once: loading all files per test case
    /// would cost more than the comparisons.
    static let eagerOutcomes: [String: String] = {
        guard let tally = try? eagerLoad() else { return [:] }
        let queries = libraryMetrics.flatMap(metricQueries) + otherStatements + ["show datasets"]
        return Dictionary(queries.map { ($0, Self.outcome(tally, $0)) }, uniquingKeysWith: { first, _ in first })
    }()

    init() {
        _ = FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
    }

    /// The demo folder opened lazily, as `--data` does.
    private func lazyFolder() throws -> Session {
        let tally = try Session(today: Self.today)
        try tally.openFolder(Self.crm) { _ in }
        return tally
    }

    /// Every CSV of the demo folder read whole by `load`, in the folder's order.
    private static func eagerLoad() throws -> Session {
        let tally = try Session(today: today)
        let files = try FileManager.default.contentsOfDirectory(atPath: crm).filter { $0.hasSuffix(".csv") }.sorted()
        try tally.run(SourceFile(name: nil, text: files.map { "load \"\(crm)/\($0)\"" }.joined(separator: "\n"))) { _ in }
        return tally
    }

    /// Tables as CSV and prose as is; a failure as "error: " and its messages.
    private static func outcome(_ tally: Session, _ text: String) -> String {
        var out = ""
        do {
            try tally.run(SourceFile(name: nil, text: text)) { output in
                switch output {
                case .table(let table, _), .chart(let table): out += Renderer.render(table, format: .csv)
                case .text(let text): out += text + "\n"
                case .note, .command: break
                }
            }
        } catch {
            return "error: " + error.diagnostics.map(\.message).joined(separator: "\n")
        }
        return out
    }

    /// Runs `text` on the demo folder freshly opened (so columns read by an earlier statement cannot
    /// hide a column this one needs but did not ask for) and expects what the eager load gave.
    private func expectSameAsEager(_ text: String, mustAnswer: Bool) throws {
        let lazy = Self.outcome(try lazyFolder(), text)
        if mustAnswer { #expect(!lazy.hasPrefix("error:"), "\(text): \(lazy)") }
        #expect(lazy == Self.eagerOutcomes[text], "\(text)")
    }

    /// Guards against comparing nothing: the library has its metrics and the eager load all 8 files.
    @Test func theComparisonsHaveSomethingToCompare() {
        #expect(Self.libraryMetrics.count > 30)
        #expect(Self.eagerOutcomes["show datasets"]?.split(separator: "\n").count == 9)
    }

    @Test(arguments: libraryMetrics)
    func everyLibraryMetricAnswersAsWhenEverythingIsLoaded(_ metric: String) throws {
        let queries = Self.metricQueries(metric)
        try expectSameAsEager(queries[0], mustAnswer: true)
        // Not every metric can be broken down by plan (spend has no customer); then both must fail alike.
        try expectSameAsEager(queries[1], mustAnswer: false)
    }

    static let otherStatements = [
        // A named dimension whose definition is the only place customers.signup_date appears.
        "revenue by cohort since 2024-01-01 until 2024-03-31",
        // Bare names found through a relation, in the dimension and the filter.
        "count(tickets) as n by region where plan = \"pro\"",
        // A dimension fed by a column of spend and, through customers, of orders.
        "count(orders) as o, sum(spend.amount) as s by channel since 2024-01-01 until 2024-02-29",
        "count(surveys where score >= 9) as promoters by month where kind = \"nps\"",
        "count(carts where checked_out = true) as done, count(carts) as all_carts by quarter",
        "count(deals) as n, sum(deals.amount) as s by stage, rep",
        // A metric defined by the user, then used by name in the next statement.
        "metric big_orders = count(orders where amount > 1000)\nbig_orders by quarter, region",
        "explain churn for 2024-03",
        "revenue by month, plan where region = \"europe\" vs previous",
    ]

    @Test(arguments: otherStatements)
    func otherStatementsAnswerAsWhenEverythingIsLoaded(_ text: String) throws {
        try expectSameAsEager(text, mustAnswer: true)
    }

    @Test func showDatasetsCountsRowsAndColumnsBeforeAnyQuery() throws {
        try expectSameAsEager("show datasets", mustAnswer: true)
        // orders.csv: 16,000 rows of id, customer_id, date, amount, kind.
        let lazy = Self.outcome(try lazyFolder(), "show datasets")
        #expect(lazy.contains("\norders,16000,5,examples/crm/orders.csv\n"), "\(lazy)")
    }

    // MARK: A folder with a file that cannot be read

    /// A temporary folder with a valid orders.csv and a customers.csv whose third line opens a quote
    /// (at column 15) that never closes.
    private func brokenFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-lazy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
        id,customer_id,date,amount,kind
        1,1,2024-01-05,10.50,new
        2,2,2024-01-20,5.25,recurring
        3,1,2024-02-03,7.00,recurring

        """.write(toFile: folder + "/orders.csv", atomically: true, encoding: .utf8)
        try """
        id,signup_date,churn_date,plan,region,channel
        1,2023-01-01,,pro,europe,email
        2,2023-06-01,,"basic,europe,organic

        """.write(toFile: folder + "/customers.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aBrokenFileIsOnlyAnErrorForStatementsThatReadIt() throws {
        let folder = try brokenFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tally = try Session(today: Self.today)
        // Only headers are read here, so the broken row is not seen yet.
        try tally.openFolder(folder) { _ in }

        // revenue reads orders.amount and orders.date; nothing names customers.
        #expect(Self.outcome(tally, "revenue by month") == "month,revenue\n2024-01,15.75\n2024-02,7\n")
        #expect(
            Self.outcome(tally, "describe orders") == """
                column,type,nulls,role
                id,integer,0,
                customer_id,integer,0,→ customers.id
                date,date,0,time anchor
                amount,decimal,0,
                kind,text,0,

                """)
        // customers_start needs customers' lifespan columns: now the file is read, and fails where it breaks.
        #expect(
            Self.outcome(tally, "customers_start by month")
                == "error: \(folder)/customers.csv:3:15: unterminated quoted field starting here")
        // The failure leaves orders usable.
        #expect(Self.outcome(tally, "purchases by month") == "month,purchases\n2024-01,2\n2024-02,1\n")
    }

    // MARK: Row mappings kept between queries

    @Test func loadingADatasetAgainDropsTheRowMappingsKeptForIt() throws {
        let folder = try brokenFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Repair customers.csv, listing customer 2 before customer 1.
        try """
        id,signup_date,churn_date,plan,region,channel
        2,2023-06-01,,basic,europe,organic
        1,2023-01-01,,pro,europe,email

        """.write(toFile: folder + "/customers.csv", atomically: true, encoding: .utf8)
        let tally = try Session(today: Self.today)
        try tally.openFolder(folder) { _ in }
        // Customer 1 (pro) placed orders 1 and 3, customer 2 (basic) order 2.
        let expected = "plan,revenue\nbasic,5.25\npro,17.5\n"
        #expect(Self.outcome(tally, "revenue by plan") == expected)

        // The same customers in the other row order: orders must find them on their new rows, not
        // through the mapping the first query kept.
        try """
        id,signup_date,churn_date,plan,region,channel
        1,2023-01-01,,pro,europe,email
        2,2023-06-01,,basic,europe,organic

        """.write(toFile: folder + "/reordered.csv", atomically: true, encoding: .utf8)
        #expect(Self.outcome(tally, "load \"\(folder)/reordered.csv\" as customers").hasPrefix("loaded customers: 2 rows"))
        #expect(Self.outcome(tally, "revenue by plan") == expected)
    }
}
