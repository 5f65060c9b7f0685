// The command line on PostgreSQL (`--db`) fails as it does natively: same message, same exit status.
// Needs a server: TALLY_TEST_PG holds its URL (`make test` starts a throwaway one).

import Foundation
import Testing

@Suite struct PostgresCommandLineTests {
    static let url = ProcessInfo.processInfo.environment["TALLY_TEST_PG"]

    /// A data folder whose customers.id holds 2 twice, so orders cannot point at one customer.
    private func folderWithRepeatedKey() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "id,signup_date,plan\n1,2024-01-05,pro\n2,2024-01-09,basic\n3,2024-02-01,pro\n2,2024-02-11,pro\n"
            .write(to: dir.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        try "id,customer_id,date,amount\n1,1,2024-01-10,10.5\n2,2,2024-01-12,20\n3,3,2024-02-03,7.25\n"
            .write(to: dir.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aRepeatedRelationKeyFailsAsNatively() throws {
        guard let url = Self.url else {
            return print("note: the repeated-key test on PostgreSQL skipped: set TALLY_TEST_PG, or run `make test`")
        }
        let dir = try folderWithRepeatedKey()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cli = CommandLineTests()
        let query = "revenue by plan"
        let native = try cli.run(["--data", dir.path, "--format", "csv", "-e", query])
        #expect(native.status == 1)
        #expect(native.stderr.hasPrefix("error: customers.id holds the value 2 more than once, so orders.customer_id cannot point at one row"))

        let exported = try cli.run(["export", "--to", url, "--schema", "cli_repeated_key", "--replace", dir.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let inSchema = url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3Dcli_repeated_key"
        let postgres = try cli.run(["--db", inSchema, "--format", "csv", "-e", query])
        #expect(postgres.status == native.status)
        #expect(postgres.stdout == native.stdout)
        #expect(postgres.stderr == native.stderr)
        // A query that needs no relation still runs there.
        let plain = try cli.run(["--db", inSchema, "--format", "csv", "-e", "revenue"])
        #expect(plain.status == 0)
        #expect(plain.stdout == "revenue\n37.75\n")
    }
}
