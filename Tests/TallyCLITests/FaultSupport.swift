// What the fault suite needs to put `tally` in a hostile environment: a shell to run it under
// limits and redirections, folders of generated data, and a look at the column cache's files.

import Foundation

enum Fault {
    /// Runs `script` with /bin/sh in the package root, `$TALLY` being the built executable and the
    /// column cache in `cache` (when given; else off). Waits at most `timeout` seconds, then kills it.
    static func sh(
        _ script: String, cache: String? = nil, environment extra: [String: String] = [:], stdin: Data? = nil,
        timeout: TimeInterval = 120
    ) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CommandLineTests.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["TALLY"] = CommandLineTests.tally.path
        if let cache { environment["XDG_CACHE_HOME"] = cache } else { environment["TALLY_CACHE"] = "off" }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let output = Collected(out)
        let errors = Collected(err)
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: output.text(), stderr: errors.text())
    }

    /// A pipe read to its end on a thread of its own, so a full pipe never blocks the child.
    final class Collected: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// A folder of the test's own, removed by `remove()`.
    struct Folder {
        let path: String

        init(_ label: String) throws {
            path = FileManager.default.temporaryDirectory.path + "/tally-fault-\(label)-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }

        /// Files under `folder` (recursively), relative to it.
        func files(under folder: String) -> [String] {
            (FileManager.default.enumerator(atPath: path + "/" + folder)?.allObjects as? [String] ?? []).sorted()
        }
    }

    /// A CRM folder with `orders` orders (about 40 bytes each, so 30,000 pass the cache's 1 MiB)
    /// over 500 customers, deterministic. Amounts are whole cents; every day of 2023 and 2024 has orders.
    static func crm(_ folder: Folder, orders: Int) throws {
        var customers = "id,signup_date,churn_date,plan,region,channel\n"
        let plans = ["basic", "pro", "enterprise"]
        let regions = ["europe", "americas", "asia"]
        for id in 1...500 {
            customers += "\(id),2023-01-\(String(format: "%02d", 1 + id % 28)),,\(plans[id % 3]),\(regions[id % 3 == 0 ? 1 : id % 3]),ads\n"
        }
        try folder.write("customers.csv", customers)
        var text = "id,customer_id,date,amount,kind\n"
        text.reserveCapacity(orders * 42)
        let kinds = ["new", "recurring", "upsell", "cross_sell"]
        let start = 19358  // 2023-01-01 in days since 1970
        for id in 1...orders {
            let day = start + id % 731
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86400)
            let cents = (id * 7919) % 50_000 + 100
            text += "\(id),\(1 + id % 500),\(dayFormatter.string(from: date)),\(cents / 100).\(String(format: "%02d", cents % 100)),\(kinds[id % 4])\n"
        }
        try folder.write("orders.csv", text)
    }

    nonisolated(unsafe) static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// Temporary files of the column cache (names holding `.partial-`, or Foundation's `.dat.nosync`).
    static func partialFiles(in folder: Folder, cache: String = "cache") -> [String] {
        folder.files(under: cache).filter { $0.contains(".partial-") || $0.contains(".dat.nosync") }
    }
}
