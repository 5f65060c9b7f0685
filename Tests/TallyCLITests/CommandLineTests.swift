// Runs the built `tally` executable as users do: exit statuses, stdout, stderr (DESIGN §6).

import Foundation
import Testing

@Suite struct CommandLineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let crm = packageRoot.appendingPathComponent("examples/crm").path
    static let small = packageRoot.appendingPathComponent("Tests/GoldenTests/fixtures/small").path

    /// The executable sits beside the test bundle in the build folder.
    static var tally: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("tally"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tally"),
            packageRoot.appendingPathComponent(".build/debug/tally"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        try Self.run(arguments, bytes: stdin.map { Data($0.utf8) })
    }

    /// Runs tally from the package root with `bytes` on its standard input.
    static func run(_ arguments: [String], bytes stdin: Data?) throws -> Run {
        let process = Process()
        process.executableURL = Self.tally
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func executeRunsStatementsAndExitsZero() throws {
        let r = try run(["--data", Self.small, "--format", "csv", "-e", "revenue by quarter; purchases by year"])
        #expect(r.status == 0)
        #expect(r.stdout == "quarter,revenue\n2023-Q4,100.1\n2024-Q1,580.83\n2024-Q2,45.55\nyear,purchases\n2023,1\n2024,9\n")
        #expect(r.stderr == "")
    }

    @Test func pipedStatementsRunWithoutPrompt() throws {
        let r = try run(["--data", Self.small, "--format", "csv"], stdin: "purchases by year\n")
        #expect(r.status == 0)
        #expect(r.stdout == "year,purchases\n2023,1\n2024,9\n")
    }

    @Test func aFailingStatementExitsOneWithARenderedError() throws {
        let r = try run(["--data", Self.small, "-e", "revenue by plann"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("error: metric 'revenue' reads dataset 'orders', which has no column 'plann'"))
        #expect(r.stderr.contains(" --> 1:12\n"))
        #expect(r.stderr.contains("1 | revenue by plann\n"))
        #expect(r.stderr.contains("  |            ^^^^^\n"))
    }

    @Test func scriptsRunInOrderAndStopAtTheFirstFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("first.tally")
        let second = dir.appendingPathComponent("second.tally")
        try "metric double_revenue = revenue * 2\ndouble_revenue by year\n".write(to: first, atomically: true, encoding: .utf8)
        try "purchases by year\nrevenue by nothing\npurchases\n".write(to: second, atomically: true, encoding: .utf8)
        let r = try run(["--data", Self.small, "--format", "csv", first.path, second.path])
        #expect(r.status == 1)
        #expect(r.stdout == "year,double_revenue\n2023,200.2\n2024,1252.76\nyear,purchases\n2023,1\n2024,9\n")
        #expect(r.stderr.contains("--> \(second.path):2:12"))
    }

    @Test func misuseOfTheCommandLineExitsTwo() throws {
        #expect(try run(["--format", "xml", "-e", "1"]).status == 2)
        #expect(try run(["--no-such-option"]).status == 2)
        #expect(try run(["--today", "2024-02-30", "-e", "1"]).status == 2)
    }

    @Test func helpPrintsUsageAndExitsZero() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: tally [--data <DIR>]"))
        #expect(r.stderr == "")
    }

    @Test func aMissingDataFolderExitsOne() throws {
        let r = try run(["--data", "/nonexistent/folder", "-e", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: data folder '/nonexistent/folder' does not exist"))
    }

    @Test func theContractQueryOnTheDemoData() throws {
        let r = try run([
            "--data", Self.crm, "--format", "csv", "-e",
            #"revenue by month where plan = "pro" since 2024-01-01 until 2024-12-31"#,
        ])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("month,revenue\n2024-01,"))
        #expect(r.stdout.split(separator: "\n").count == 13)
    }
}
