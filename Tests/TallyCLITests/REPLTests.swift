// Drives the real interactive prompt in a pseudo-terminal through repl_driver.py (completion,
// Ctrl-C, errors, continuation lines, prompt commands, Ctrl-D, history across sessions; Ctrl-C while
// a large file is read and while `last` prints; a kill while the history is saved; a PostgreSQL
// server stopped and started under it).

import Foundation
import Testing

@Suite struct REPLTests {
    /// The driver's own limit is 60 s; this one only catches a driver that cannot stop itself.
    static let limit: TimeInterval = 90

    @Test func theREPLInAPseudoTerminal() throws {
        try drive("prompt")
    }

    @Test func thePagerSaveRunEditAndWatchAtThePrompt() throws {
        try drive("commands")
    }

    @Test func ctrlCStopsReadingALargeFileAndPrintingALongResult() throws {
        try drive("interrupt")
    }

    /// kill -9 while the history is saved leaves the old history whole (and the next session sweeps
    /// the partial file); it was once written in place, so a kill could leave half of it.
    @Test func aSessionKilledWhileSavingItsHistoryLeavesTheOldOne() throws {
        try drive("history")
    }

    /// On a server of its own (scripts/with-postgres.sh), which the driver stops and starts again.
    /// Without PostgreSQL's server programs the driver says it is skipped, unless TALLY_REQUIRE_PG=1.
    @Test func aSessionOutlivesARestartOfItsPostgreSQLServer() throws {
        try drive("postgres", through: "scripts/with-postgres.sh")
    }

    /// Runs one scenario of repl_driver.py (under `wrapper` when given) and requires it to pass.
    private func drive(_ scenario: String, through wrapper: String? = nil) throws {
        guard let python = Self.python3() else {
            Issue.record("python3 was not found on PATH (\(ProcessInfo.processInfo.environment["PATH"] ?? "")); the REPL test drives the prompt with Tests/TallyCLITests/repl_driver.py and needs it")
            return
        }
        let tally = CommandLineTests.tally
        try #require(FileManager.default.isExecutableFile(atPath: tally.path), "no tally executable at \(tally.path); build the package first")

        let process = Process()
        let driver = ["Tests/TallyCLITests/repl_driver.py", scenario, tally.path, "examples/crm"]
        if let wrapper {
            process.executableURL = CommandLineTests.packageRoot.appendingPathComponent(wrapper)
            process.arguments = [python.path] + driver
        } else {
            process.executableURL = python
            process.arguments = driver
        }
        process.currentDirectoryURL = CommandLineTests.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let output = Output()
        let reader = Thread { output.append(pipe.fileHandleForReading.readDataToEndOfFile()) }
        try process.run()
        reader.start()

        let deadline = Date().addingTimeInterval(Self.limit)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let overran = process.isRunning
        if overran {
            process.terminate()  // SIGTERM: the driver kills its tally and stops
            let grace = Date().addingTimeInterval(3)
            while process.isRunning, Date() < grace { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let text = output.wait(seconds: 5)

        #expect(!overran, "repl_driver.py \(scenario) ran for more than \(Int(Self.limit)) s and was stopped:\n\(text)")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "repl_driver.py \(scenario) failed (status \(process.terminationStatus)):\n\(text)")
        if text.contains("skipped:") { print("note: repl_driver.py \(scenario) \(text)") }
    }

    /// python3 on PATH (as the shell would find it), else the usual places.
    static func python3() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return folders.lazy
            .map { URL(fileURLWithPath: $0).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// What the driver printed, collected on a reader thread so a full pipe never blocks it.
    final class Output: @unchecked Sendable {
        private let lock = NSCondition()
        private var data = Data()
        private var done = false

        func append(_ chunk: Data) {
            lock.lock()
            data.append(chunk)
            done = true
            lock.broadcast()
            lock.unlock()
        }

        func wait(seconds: TimeInterval) -> String {
            lock.lock()
            defer { lock.unlock() }
            let deadline = Date().addingTimeInterval(seconds)
            while !done, lock.wait(until: deadline) {}
            return String(decoding: data, as: UTF8.self)
        }
    }
}
