// Data read in blocks of rows gives the answers it gives in memory, to the last digit: every standard
// metric, by month and by plan, filtered, compared over time, rolled, shared and filtered on its result,
// over the example CRM data cut into blocks of 1 row, of a size that divides no dataset's rows, and larger.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct StreamingParityTests {
    /// The example CRM data, read whole.
    static let crm: [Dataset] = {
        let folder = GoldenPaths.packageRoot.appendingPathComponent("examples/crm").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".csv") }.sorted() ?? []
        return files.compactMap { file in
            try? CSVReader.load(path: folder + "/" + file, name: String(file.dropLast(4))).dataset
        }
    }()

    /// Every metric of the standard library, by its definition's name.
    static let metrics: [String] = {
        let library = GoldenPaths.packageRoot.appendingPathComponent("Sources/Tally/Library/crm.tally").path
        guard let text = try? String(contentsOfFile: library, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("metric ") else { return nil }
            return line.dropFirst(7).split(separator: " ").first.map(String.init)
        }
    }()

    /// A session over the CRM data, each dataset read in blocks of `rows` rows when given.
    static func session(blockRows rows: Int?) throws -> Session {
        let session = try Session(today: 20_000)
        for dataset in crm {
            guard let rows else {
                session.add(dataset)
                continue
            }
            session.add(
                Dataset(
                    name: dataset.name, columns: dataset.columns, rowCount: dataset.rowCount, source: dataset.source,
                    blocks: SlicedBlocks(dataset, rows: rows)))
        }
        return session
    }

    /// The CSV a query prints (shortest round-trip numbers: equal text is equal values), or its error.
    static func answer(_ session: Session, _ text: String) -> String {
        var out = ""
        do {
            try session.run(SourceFile(name: nil, text: text)) { output in
                if case .table(let table, _) = output { out += Renderer.render(table, format: .csv) }
            }
        } catch {
            return "error: " + error.diagnostics.map(\.message).joined(separator: "; ")
        }
        return out
    }

    static let questions: [String] =
        metrics.flatMap { m in
            [
                "\(m) by month", "\(m) by quarter, plan", "\(m) by month where plan = \"pro\"",
                "\(m) vs previous by month since 2024-01-15 until 2024-06-30", "\(m) vs last year by quarter",
            ]
        } + [
            "revenue, purchases, paying_customers by plan", "rolling(revenue, 3) by month",
            "share(revenue) by month, plan", "share(paying_customers) by quarter, region",
            "revenue by month, region having revenue > 1000", "lost_customers by month, channel nonzero",
            "churn, active_customers, retention by month where region != \"europe\"",
            "cumulative(new_customers) by month", "revenue, arpu, clv", "count(orders where amount > 100) by kind",
            "min(orders.amount), max(orders.amount), avg(orders.amount) by month",
            "count_distinct(orders.kind) by plan", "pipeline_value, win_rate by quarter since 2024-01-01",
            "response_time, resolution_time by month where channel = \"email\"",
        ]

    @Test(arguments: [1, 7, 1000, 1_000_000])
    func blocksGiveTheInMemoryAnswers(rows: Int) throws {
        #expect(Self.metrics.count >= 30)
        let plain = try Self.session(blockRows: nil)
        let streamed = try Self.session(blockRows: rows)
        // One row a block is slow in a debug build: a sample of the questions, every metric among them.
        let questions = rows == 1 ? Self.questions.enumerated().filter { $0.offset % 5 == 0 }.map(\.element) : Self.questions
        var answered = 0
        for question in questions {
            let expected = Self.answer(plain, question)
            #expect(Self.answer(streamed, question) == expected, "\(question) in blocks of \(rows)")
            if !expected.hasPrefix("error:") { answered += 1 }
        }
        #expect(answered > questions.count * 9 / 10)
    }

    /// A percentile needs every value of a cell at once: over data read in blocks it is refused, saying
    /// what would help; the rest of the language streams.
    @Test func aMedianOverBlocksIsRefusedWithWhatToDo() throws {
        let streamed = try Self.session(blockRows: 100)
        let answer = Self.answer(streamed, "median(orders.amount) by month")
        #expect(answer.hasPrefix("error: median over orders needs all of its values at once, and the 16000 rows"))
        let plain = try Self.session(blockRows: nil)
        #expect(Self.answer(plain, "median(orders.amount) by month").hasPrefix("month,"))
    }
}
