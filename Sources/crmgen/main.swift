// main.swift — crmgen: writes a deterministic, realistic demo CRM data set in Tally's canonical layout.
import Foundation

func fail(_ message: String, usage: Bool, status: Int32) -> Never {
    var text = "error: \(message)\n"
    if usage { text += Options.usage + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
    exit(status)
}

/// Runs `body`, or exits with its error: a GenError's message is written for users, anything else is shown as is.
func orFail<T>(usage: Bool, status: Int32, _ body: () throws -> T) -> T {
    do {
        return try body()
    } catch let error as GenError {
        fail(error.message, usage: usage, status: status)
    } catch {
        fail("\(error)", usage: usage, status: status)
    }
}

let options = orFail(usage: true, status: 2) { try Options.parse(Array(CommandLine.arguments.dropFirst())) }
if options.help {
    print(Options.usage)
    print("""

        Writes customers, orders, spend, leads, deals, tickets, surveys and carts CSV files to DIR.
          --customers N   customers to sign up (default 2000)
          --orders N      orders in total (default 8 per customer: 16000)
          --seed S        random seed; the same arguments always give the same bytes (default 42)
          --start DATE    first day of the data (default 2023-01-01)
          --end DATE      last day of the data, the day it was "extracted" (default 2025-06-30)
        """)
    exit(0)
}

orFail(usage: false, status: 1) { try makeDirectory(options.out) }

let window = Window(start: options.start, end: options.end)
let stories = Stories()
let curve = DayCurve(window: window)
let campaigns = Campaign.all(stories)
let dir = options.out
let seed = options.seed

orFail(usage: false, status: 1) {
    let customers = CustomerGenerator.generate(count: options.customers, curve: curve, stories: stories, seed: seed)
    var written: [CSVWriter] = []
    written.append(try CustomerGenerator.write(customers, to: dir))
    written.append(
        try OrderGenerator.write(
            customers: customers, total: options.orderCount, window: window, stories: stories, seed: seed, to: dir))
    written.append(
        try MarketingGenerator.writeSpend(
            customerCount: customers.count, curve: curve, campaigns: campaigns, seed: seed, to: dir))
    written.append(
        try MarketingGenerator.writeLeads(customers: customers, curve: curve, campaigns: campaigns, seed: seed, to: dir))
    written.append(try DealGenerator.write(customers: customers, window: window, seed: seed, to: dir))
    let support = try SupportGenerator.write(customers: customers, window: window, stories: stories, seed: seed, to: dir)
    written += [support.tickets, support.surveys, support.carts]
    for w in written {
        let name = w.path.split(separator: "/").last.map(String.init) ?? w.path
        print(name.padding(toLength: 14, withPad: " ", startingAt: 0), String(w.rows).leftPadded(10), "rows", String(w.bytesWritten).leftPadded(12), "bytes")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
