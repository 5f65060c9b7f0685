// Data folders of exports as users bring them: compressed and tab-separated files are datasets, a
// model.tally declares what cannot be told, and `--format csv` output stays data only.

import Foundation
import Testing

@Suite struct ExportFolderTests {
    /// A new folder holding `files` (name → bytes).
    private func folder(_ files: [String: Data]) throws -> String {
        let path = NSTemporaryDirectory() + "tally-exports-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, bytes) in files { try bytes.write(to: URL(fileURLWithPath: path + "/" + name)) }
        return path
    }

    /// `text` gzip-compressed by the system's gzip, as users make such files.
    private func gzip(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c"]
        let (input, output) = (Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test func compressedAndTabSeparatedFilesAreDatasets() throws {
        let dir = try folder([
            "orders.csv.gz": try gzip("id,customer_id,date,amount,kind\n1,1,2024-01-05,100.10,new\n2,2,2024-02-05,70.30,new\n"),
            "customers.tsv": Data("id\tsignup_date\tchurn_date\tplan\tregion\tchannel\n1\t2024-01-01\t\tpro\teu\temail\n2\t2024-01-02\t\tbasic\teu\temail\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CommandLineTests.run(["--data", dir, "--format", "csv", "-e", "revenue by plan"], bytes: nil)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "plan,revenue\nbasic,70.3\npro,100.1\n")
    }

    @Test func aModelDeclaresLayoutsAndPrintsNothing() throws {
        let dir = try folder([
            "orders.csv": Data("id,customer_id,Order Date,amount,kind\n1,1,01/05/2024,\"$1,100.10\",new\n2,1,02/05/2024,$70.30,new\n".utf8),
            "model.tally": Data(#"load "orders.csv" as orders with date = "Order Date" format "%m/%d/%Y", amount as money"#.utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CommandLineTests.run(["--data", dir, "--format", "csv", "-e", "revenue by month"], bytes: nil)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "month,revenue\n2024-01,1100.1\n2024-02,70.3\n")
    }

    @Test func twoFilesNamingOneDatasetAreAnError() throws {
        let csv = "id,customer_id,date,amount,kind\n1,1,2024-01-05,1,new\n"
        let dir = try folder(["orders.csv": Data(csv.utf8), "orders.csv.gz": try gzip(csv)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CommandLineTests.run(["--data", dir, "-e", "revenue"], bytes: nil)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: 'orders.csv' and 'orders.csv.gz' in '\(dir)' would both be the dataset 'orders'"), "\(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test func aCorruptCompressedFileIsAnErrorNamingIt() throws {
        var bytes = try gzip(String(repeating: "id,customer_id,date,amount,kind\n", count: 1) + String(repeating: "1,1,2024-01-05,1,new\n", count: 2000))
        bytes[bytes.count / 2] ^= 0xFF
        let dir = try folder(["orders.csv.gz": bytes])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CommandLineTests.run(["--data", dir, "-e", "revenue"], bytes: nil)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: \(dir)/orders.csv.gz: "), "\(r.stderr)")
        #expect(r.stderr.contains("gzip"), "\(r.stderr)")
        #expect(r.stdout == "")
    }
}
