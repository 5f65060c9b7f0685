// Drives the real interactive prompt in a pseudo-terminal through repl_driver.py (completion,
// Ctrl-C, errors, continuation lines, prompt commands, Ctrl-D, history across sessions).

import Foundation
import Testing

@Suite struct REPLTests {
    /// The driver's own limit is 60 s; this one only catches a driver that cannot stop itself.
    static let limit: TimeInterval = 90

    @Test func theREPLInAPseudoTerminal() throws {
        guard let python = Self.python3() else {
            Issue.record("python3 was not found on PATH (\(ProcessInfo.processInfo.environment["PATH"] ?? "")); the REPL test drives the prompt with Tests/TallyCLITests/repl_driver.py and needs it")
            return
        }
        let tally = CommandLineTests.tally
        try #require(FileManager.default.isExecutableFile(atPath: tally.path), "no tally executable at \(tally.path); build the package first")

        let process = Process()
        process.executableURL = python
        process.arguments = ["Tests/TallyCLITests/repl_driver.py", tally.path, "examples/crm"]
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

        #expect(!overran, "repl_driver.py ran for more than \(Int(Self.limit)) s and was stopped:\n\(text)")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "repl_driver.py failed (status \(process.terminationStatus)):\n\(text)")
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
