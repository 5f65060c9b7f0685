// Options.swift — parses crmgen's command line without external dependencies.
import TallyData

struct Options {
    static let usage =
        "usage: crmgen --out DIR [--customers N] [--orders N] [--seed S] [--start YYYY-MM-DD] [--end YYYY-MM-DD]"

    var out = ""
    var customers = 2_000
    /// Defaults to 8 orders per customer (16,000 for the default 2,000 customers).
    var orders: Int?
    var seed: UInt64 = 42
    var start = CivilDate.daysUnchecked(year: 2023, month: 1, day: 1)
    var end = CivilDate.daysUnchecked(year: 2025, month: 6, day: 30)
    var help = false

    var orderCount: Int { orders ?? customers * 8 }

    /// Accepts `--name value` and `--name=value`; the last occurrence wins.
    static func parse(_ arguments: [String]) throws -> Options {
        var o = Options()
        var outGiven = false
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "-h" || arg == "--help" {
                o.help = true
                continue
            }
            guard arg.hasPrefix("--") else { throw GenError(message: "unexpected argument '\(arg)'") }
            var name = arg
            var value: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                value = String(arg[arg.index(after: eq)...])
            }
            func take() throws -> String {
                if let value { return value }
                guard i < arguments.count else { throw GenError(message: "\(name) needs a value") }
                i += 1
                return arguments[i - 1]
            }
            switch name {
            case "--out":
                o.out = try take()
                guard !o.out.isEmpty else { throw GenError(message: "--out needs a directory") }
                outGiven = true
            case "--customers":
                o.customers = try count(name, try take(), 1...50_000_000)
            case "--orders":
                o.orders = try count(name, try take(), 0...2_000_000_000)
            case "--seed":
                let text = try take()
                guard let s = UInt64(text) else {
                    throw GenError(message: "--seed must be a non-negative integer, got '\(text)'")
                }
                o.seed = s
            case "--start":
                o.start = try date(name, try take())
            case "--end":
                o.end = try date(name, try take())
            default:
                throw GenError(message: "unknown option '\(name)'")
            }
        }
        if o.help { return o }
        guard outGiven else { throw GenError(message: "--out DIR is required") }
        guard o.start <= o.end else { throw GenError(message: "--start must not be after --end") }
        guard o.end - o.start < 100 * 366 else { throw GenError(message: "the date range may span at most 100 years") }
        return o
    }

    private static func count(_ name: String, _ text: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw GenError(message: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return n
    }

    private static func date(_ name: String, _ text: String) throws -> Int {
        // Narrower than CivilDate's years: four-digit years keep the writer's output fixed-width and ranges sane.
        guard let d = CivilDate.parseDate(text), (1900...2999).contains(CivilDate.components(d).year) else {
            throw GenError(message: "\(name) must be a date YYYY-MM-DD between 1900 and 2999, got '\(text)'")
        }
        return Int(d)
    }
}
