// Money is summed as exact decimals: over ten million rows the total is the exact sum of the
// cents, which a sum in binary floating point misses by more than a cent at this size.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct MoneyExactnessTests {
    /// Runs one query and returns its CSV output.
    private func csv(_ session: Session, _ text: String) throws -> String {
        var out = ""
        try session.run(SourceFile(name: nil, text: text)) { output in
            if case .table(let table, _) = output { out += Renderer.render(table, format: .csv) }
        }
        return out
    }

    /// `cents` as the shortest decimal the CSV format writes: 1234 → 12.34, 1230 → 12.3, 1200 → 12.
    private func decimalText(cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let units = abs(cents) / 100
        let fraction = abs(cents) % 100
        if fraction == 0 { return "\(sign)\(units)" }
        if fraction % 10 == 0 { return "\(sign)\(units).\(fraction / 10)" }
        return "\(sign)\(units).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    @Test func tenMillionAmountsSumToTheExactCents() throws {
        // Prices as shops write them, and a refund; a binary floating-point sum of these drifts by
        // several cents over ten million rows.
        let prices: [Int64] = [1999, 123_457, 1, 24_995, 510, -1999]
        let rows = 10_000_000
        var cents = [Int64](repeating: 0, count: rows)
        var total: Int64 = 0
        var floatTotal = 0.0
        for i in 0..<rows {
            let c = prices[i % prices.count]
            cents[i] = c
            total += c
            floatTotal += Double(c) / 100
        }
        let session = try Session(today: 0)
        session.add(Dataset(name: "payments", columns: [Column(name: "amount", storage: .decimal(Integers(cents), scale: 2))], rowCount: rows, source: nil))

        let exact = decimalText(cents: total)
        // Shows that this data would expose a float sum.
        #expect(String(format: "%.2f", floatTotal) != String(format: "%.2f", Double(total) / 100))
        #expect(try csv(session, "sum(payments.amount)") == "sum(payments.amount)\n\(exact)\n")
        #expect(try csv(session, "sum(payments.amount where amount >= 0) + sum(payments.amount where amount < 0)").hasSuffix("\n\(exact)\n"))
    }

    @Test func decimalsReadFromCSVSumExactly() throws {
        // 0.10 a hundred thousand times: 10000 exactly, where a double sum gives 10000.000000018848.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-money-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dimes.csv")
        try ("amount\n" + String(repeating: "0.10\n", count: 100_000)).write(to: file, atomically: true, encoding: .utf8)
        let session = try Session(today: 0)
        var loaded = ""
        try session.run(SourceFile(name: nil, text: "load \"\(file.path)\"")) { if case .text(let t) = $0 { loaded = t } }
        #expect(loaded == "loaded dimes: 100000 rows, 1 column")
        #expect(try csv(session, "sum(dimes.amount), avg(dimes.amount)") == "sum(dimes.amount),avg(dimes.amount)\n10000,0.1\n")
    }
}
