// The HTML report opened in a real browser: headless Chromium loads the demo report (no network,
// no script), and the page it built has every table and chart, and its screenshot is not blank.

import Foundation
import Testing

@Suite struct BrowserReportTests {
    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"]
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    @Test func theDemoReportRendersInChromium() throws {
        guard let chromium = Self.chromium else {
            Issue.record(
                "chromium was not found on PATH; scripts/deps.sh installs it (the HTML report is checked in a browser)")
            return
        }
        let folder = try SessionCommandTests.Folder()
        defer { folder.remove() }
        let page = folder.path("report.html")
        let report = try CommandLineTests().run(
            ["--data", CommandLineTests.crm, "--today", "2025-06-30", "--format", "html", "examples/report.tally"])
        #expect(report.status == 0, "\(report.stderr)")
        try report.stdout.write(toFile: page, atomically: true, encoding: .utf8)

        // What the browser built from the page: the DOM after loading, with the network cut off.
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--proxy-server=127.0.0.1:9", "--user-data-dir=" + folder.path("profile"),
        ]
        let dom = try Self.run(chromium, flags + ["--dump-dom", "file://" + page])
        #expect(dom.status == 0)
        func count(_ s: String) -> Int { dom.stdout.components(separatedBy: s).count - 1 }
        #expect(count("<section>") == 6)  // five statements, and the note under the table with —
        #expect(count("<table>") == 5)
        #expect(count("<svg ") == 3)
        #expect(count("<polyline class=\"series\"") == 4)  // basic, enterprise, pro and no plan
        #expect(count("<rect class=\"bar\"") == 11)  // five regions, six channels
        #expect(dom.stdout.contains("<td class=\"number\">$194,814.26</td>"))

        let shot = folder.path("report.png")
        let screenshot = try Self.run(
            chromium, flags + ["--window-size=1000,2000", "--screenshot=" + shot, "file://" + page])
        #expect(screenshot.status == 0)
        let stats = try Self.run(
            "/usr/bin/env",
            [
                "python3", CommandLineTests.packageRoot.appendingPathComponent("Tests/TallyCLITests/png_stats.py").path,
                shot,
            ])
        let numbers = stats.stdout.split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(numbers.count == 3 && numbers[0] == 1000 && numbers[1] == 2000, "\(stats.stdout)\(stats.stderr)")
        // Text, rules, lines and bars: several percent of the page is ink, as a blank page has none.
        #expect(numbers.count == 3 && numbers[2] > 1000 * 2000 / 50, "\(stats.stdout)")
    }

    /// Runs a program, at most a minute, and gives its status and output.
    static func run(_ program: String, _ arguments: [String]) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + 60
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: "")
    }
}
