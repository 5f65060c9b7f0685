// Checks Tally's answer on the demo data against a second, deliberately naive implementation:
// plain string splitting, a dictionary join and integer cents, sharing no code with the engine.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct IndependentCheckTests {
    static let crm = GoldenPaths.root.appendingPathComponent("../../examples/crm").standardized.path

    /// `revenue by month where plan = "pro" since 2024-01-01 until 2024-12-31`, computed by hand.
    private func expectedProRevenueByMonth() throws -> String {
        let customers = try rows("customers.csv")
        var plan: [String: String] = [:]
        for c in customers { plan[c["id"] ?? ""] = c["plan"] ?? "" }
        var cents = [Int](repeating: 0, count: 12)
        for o in try rows("orders.csv") {
            guard let date = o["date"], date.hasPrefix("2024-"), plan[o["customer_id"] ?? ""] == "pro",
                let month = Int(date.dropFirst(5).prefix(2)), let amount = o["amount"]
            else { continue }
            let parts = amount.split(separator: ".")
            let whole = Int(parts[0]) ?? 0
            let fraction = parts.count > 1 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
            cents[month - 1] += whole * 100 + (whole < 0 ? -fraction : fraction)
        }
        var lines = ["month,revenue"]
        for (i, c) in cents.enumerated() {
            let month = String(format: "2024-%02d", i + 1)
            let value = c % 100 == 0 ? "\(c / 100)" : (c % 10 == 0 ? String(format: "%d.%d", c / 100, (c % 100) / 10) : String(format: "%d.%02d", c / 100, c % 100))
            lines.append("\(month),\(value)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The demo CSVs have no quoted fields, so splitting on commas is a faithful reading.
    private func rows(_ file: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: Self.crm + "/" + file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    @Test func proRevenueByMonthMatchesANaiveComputation() throws {
        let session = try Session(today: CivilDate.days(year: 2026, month: 1, day: 1) ?? 0)
        try session.openFolder(Self.crm) { _ in }
        var csv = ""
        try session.run(
            SourceFile(name: nil, text: #"revenue by month where plan = "pro" since 2024-01-01 until 2024-12-31"#)
        ) { output in
            if case .table(let table, _) = output { csv += Renderer.render(table, format: .csv) }
        }
        #expect(csv == (try expectedProRevenueByMonth()))
    }
}
