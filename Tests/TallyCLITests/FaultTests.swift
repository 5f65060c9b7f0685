// The fault suite, in the spirit of SQLite's I/O-error tests: the built `tally` run in a hostile
// environment (a full device, closed descriptors, file size limits, a named pipe for a data file, a
// file edited behind the cache's back). Each case checks the exit status, the exact message and the
// answer: never a crash, a hang or a stale number. The catalogue is docs/bad-input.md, "Faults".

import Foundation
import Testing

@Suite struct FaultTests {
    static let noSpace = "error: cannot write output: No space left on device\n"

    // MARK: Output that cannot be written

    @Test(arguments: ["table", "csv", "json", "markdown", "html"])
    func aFullDeviceIsAnErrorInEveryFormat(format: String) throws {
        let r = try Fault.sh(#""$TALLY" --data examples/crm --format \#(format) -e 'revenue by day, plan' > /dev/full"#)
        #expect(r.status == 1)
        #expect(r.stderr == Self.noSpace)
    }

    @Test func aFullDeviceIsAnErrorForSQLAPipeAndHelp() throws {
        let cases = [
            #""$TALLY" --data examples/crm -e 'sql revenue by day, plan' > /dev/full"#,
            #"echo 'revenue by day, plan' | "$TALLY" --data examples/crm > /dev/full"#,
            #""$TALLY" --help > /dev/full"#,
            #""$TALLY" export --help > /dev/full"#,
        ]
        for script in cases {
            let r = try Fault.sh(script)
            #expect(r.status == 1, "\(script)")
            #expect(r.stderr == Self.noSpace, "\(script)")
        }
    }

    @Test func aFailedWriteStopsTheRestOfTheStatements() throws {
        // Once output is lost, later statements would only be computed for nothing: the first error ends it.
        let r = try Fault.sh(#""$TALLY" --data examples/crm -e 'revenue by month; revenue by plann' > /dev/full"#)
        #expect(r.status == 1)
        #expect(r.stderr == Self.noSpace)
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let r = try Fault.sh(#""$TALLY" --data examples/crm -e 'revenue by day, plan' >&-"#)
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write output: Bad file descriptor\n")
    }

    @Test func aClosedOrFullStandardErrorStillGivesTheStatus() throws {
        for redirect in ["2>&-", "2>/dev/full"] {
            let r = try Fault.sh(#""$TALLY" --data examples/crm -e 'revenue by plann' \#(redirect)"#)
            #expect(r.status == 1, "\(redirect)")
            #expect(r.stdout == "", "\(redirect)")
        }
    }

    @Test func aClosedStandardInputIsAnEmptyPipe() throws {
        let r = try Fault.sh(#""$TALLY" --data examples/crm <&-"#)
        #expect(r.status == 0)
        #expect(r.stdout == "" && r.stderr == "")
    }

    @Test func aFileSizeLimitOnTheOutputIsAnError() throws {
        if Fault.isThreadSanitized { return print("note: the ulimit -f case skipped: ThreadSanitizer's runtime dies of SIGBUS under it") }
        let folder = try Fault.Folder("fsize-output")
        defer { folder.remove() }
        let r = try Fault.sh(
            #"ulimit -f 100; "$TALLY" --data examples/crm --format csv -e 'revenue, purchases by day, plan, region' > "\#(folder.path)/out.csv""#
        )
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write output: File too large\n")
    }

    // MARK: Data files that are not what they seem

    @Test func aNamedPipeAsADataFileIsRefusedAtOnce() throws {
        let folder = try Fault.Folder("fifo")
        defer { folder.remove() }
        try folder.write(
            "customers.csv", "id,signup_date,churn_date,plan,region,channel\n1,2024-01-05,,pro,europe,ads\n")
        try #require(mkfifo(folder.path + "/surveys.csv", 0o644) == 0)
        let started = Date()
        let r = try Fault.sh(#"exec "$TALLY" --data "\#(folder.path)" -e nps"#, timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10, "tally waited on the named pipe")
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(folder.path)/surveys.csv: is a named pipe, not a regular file\n")
    }

    @Test func aNamedPipeAsTheModelScriptIsRefusedAtOnce() throws {
        let folder = try Fault.Folder("fifo-model")
        defer { folder.remove() }
        try #require(mkfifo(folder.path + "/model.tally", 0o644) == 0)
        let r = try Fault.sh(#"exec "$TALLY" --data "\#(folder.path)" -e 1"#, timeout: 20)
        #expect(r.status == 1)
        #expect(r.stderr == "error: '\(folder.path)/model.tally' is not a regular file\n")
    }

    @Test func aSymbolicLinkLoopSaysSo() throws {
        let folder = try Fault.Folder("loop")
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a.csv", withDestinationPath: "b.csv")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/b.csv", withDestinationPath: "a.csv")
        let r = try Fault.sh(#""$TALLY" --data "\#(folder.path)" -e 1"#)
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(folder.path)/a.csv: too many levels of symbolic links\n")
    }

    // MARK: The column cache

    @Test func aSameSizeEditWithItsTimePutBackGivesTheNewNumber() throws {
        let folder = try Fault.Folder("edit")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 30_000)
        let orders = folder.path + "/orders.csv"
        let query = #""$TALLY" --data "\#(folder.path)" --format csv -e 'revenue for 2023-01-01'"#
        let before = try Fault.sh(query, cache: folder.path + "/cache")
        #expect(before.status == 0 && before.stderr == "")
        #expect(folder.files(under: "cache").count > 1, "the cache was not written")

        // Edit one amount in place, keeping the size, then put the modification time back (touch -r).
        var info = stat()
        try #require(stat(orders, &info) == 0)
        var text = try String(contentsOfFile: orders, encoding: .utf8)
        let row = try #require(text.range(of: "\n731,232,2023-01-01,"))
        let amount = text[row.upperBound...].prefix { $0 != "," }
        let changed = String(amount.map { $0 == "." ? "." : $0 == "9" ? "1" : "9" })
        text.replaceSubrange(row.upperBound..<text.index(row.upperBound, offsetBy: amount.count), with: changed)
        let fd = open(orders, O_WRONLY)
        try #require(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var times = [info.st_atim, info.st_mtim]
        try #require(utimensat(AT_FDCWD, orders, &times, 0) == 0)
        var after = stat()
        try #require(
            stat(orders, &after) == 0 && after.st_size == info.st_size && after.st_mtim.tv_sec == info.st_mtim.tv_sec)

        let plain = try Fault.sh(query)
        #expect(plain.stdout != before.stdout)
        let cached = try Fault.sh(query, cache: folder.path + "/cache")
        #expect(cached.status == 0)
        #expect(cached.stdout == plain.stdout)
    }

    @Test func aFileSizeLimitSkipsTheCacheWithOneWarningAndGivesTheAnswer() throws {
        if Fault.isThreadSanitized { return print("note: the ulimit -f case skipped: ThreadSanitizer's runtime dies of SIGBUS under it") }
        let folder = try Fault.Folder("fsize-cache")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 30_000)
        let query = #""$TALLY" --data "\#(folder.path)" --format csv -e 'revenue, purchases by year'"#
        let plain = try Fault.sh(query)
        let limited = try Fault.sh("ulimit -f 100; " + query, cache: folder.path + "/cache")
        #expect(limited.status == 0)
        #expect(limited.stdout == plain.stdout)
        #expect(
            limited.stderr
                == "warning: cannot write the column cache in \(folder.path)/cache/tally: File too large; going on without it\n"
        )
        #expect(Fault.temporaryFiles(under: folder.path + "/cache") == [])
    }

    // MARK: Killed while writing the cache

    /// `describe orders` reads all five columns of a file over 1 MiB, so a first run writes six cache
    /// files: the row count, then each column.
    static func describeOrders(_ folder: Fault.Folder) -> [String] {
        ["--data", folder.path, "--format", "csv", "-e", "describe orders; revenue by kind"]
    }

    /// kill -9 when the first, third and last cache file is whole but not yet renamed into place.
    @Test(arguments: [1, 3, 6])
    func killedWhileWritingTheCacheTheNextRunAnswersTheSameAndSweeps(rename: Int) throws {
        if let problem = Fault.straceProblem() {
            Issue.record(Comment(rawValue: problem))
            return
        }
        let folder = try Fault.Folder("kill-\(rename)")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 30_000)
        let arguments = Self.describeOrders(folder)
        let plain = try CommandLineTests.run(arguments, bytes: nil)
        try #require(plain.status == 0)
        let cache = folder.path + "/cache"
        let killed = try Fault.traced(injecting: "rename:signal=SIGKILL:when=\(rename)", arguments, cache: cache)
        #expect(killed.stdout == "")
        #expect(Fault.temporaryFiles(under: cache).count == 1, "kill -9 left no partial file to sweep")

        for _ in 0..<2 {
            let next = try Fault.sh(#"exec "$TALLY" "$@""#, cache: cache, arguments: arguments)
            #expect(next.status == 0)
            #expect(next.stdout == plain.stdout)
            #expect(next.stderr == "")
            #expect(Fault.temporaryFiles(under: cache) == [])
        }
    }

    /// SIGTERM or SIGHUP arriving while the second cache file is written (its rename not yet done):
    /// the process removes it and dies of the signal, with no later run needed to sweep.
    @Test(arguments: ["SIGTERM", "SIGHUP"])
    func terminatedWhileWritingTheCacheLeavesNoPartialFile(signal: String) throws {
        if let problem = Fault.straceProblem() {
            Issue.record(Comment(rawValue: problem))
            return
        }
        let folder = try Fault.Folder("term-\(signal)")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 30_000)
        let cache = folder.path + "/cache"
        // The rename fails as if interrupted, and the signal is delivered as it returns.
        let r = try Fault.traced(
            injecting: "rename:error=EINTR:signal=\(signal):when=2", Self.describeOrders(folder), cache: cache)
        #expect(r.stdout == "")
        #expect(r.status != 0)
        #expect(!Fault.files(under: cache).isEmpty, "the first cache file was not written")
        #expect(Fault.temporaryFiles(under: cache) == [])
    }

    @Test func twoWritersAndAReaderOfOneCacheAgree() throws {
        let folder = try Fault.Folder("concurrent")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 100_000)
        let arguments = Self.describeOrders(folder)
        let plain = try CommandLineTests.run(arguments, bytes: nil)
        let cache = folder.path + "/cache"
        let writers = try (0..<2).map { _ in try Fault.Running(arguments, cache: cache) }
        // The reader starts once the writers are writing, so it meets their partial files.
        let deadline = Date().addingTimeInterval(60)
        while Fault.temporaryFiles(under: cache).isEmpty, writers.contains(where: { $0.process.isRunning }),
            Date() < deadline
        {}
        let reader = try Fault.Running(arguments, cache: cache)
        for run in writers + [reader] {
            let r = run.wait()
            #expect(r.status == 0)
            #expect(r.stdout == plain.stdout)
            #expect(r.stderr == "")
        }
        #expect(Fault.temporaryFiles(under: cache) == [])
        let cached = try Fault.sh(#"exec "$TALLY" "$@""#, cache: cache, arguments: arguments)
        #expect(cached.stdout == plain.stdout)
    }

    // MARK: Limits

    /// `describe` of a file of 100,000 columns takes time in proportion to its size: four times the
    /// columns take about four times as long (it once took the square, 18 s for 100,000 columns).
    @Test func describingAHundredThousandColumnsIsLinear() throws {
        let folder = try Fault.Folder("wide")
        defer { folder.remove() }
        func seconds(columns: Int) throws -> Double {
            var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            for row in 0..<3 { text += (0..<columns).map { String($0 + row) }.joined(separator: ",") + "\n" }
            try folder.write("wide.csv", text)
            let started = Date()
            let r = try Fault.sh(
                #"exec "$TALLY" --data "\#(folder.path)" --format csv -e 'describe wide'"#,
                cache: folder.path + "/cache")
            let elapsed = Date().timeIntervalSince(started)
            #expect(r.status == 0)
            #expect(r.stdout.split(separator: "\n").count == columns + 1)
            #expect(r.stdout.hasSuffix("\nc\(columns - 1),integer,0,\n"))
            return elapsed
        }
        let small = try seconds(columns: 25_000)
        let large = try seconds(columns: 100_000)
        #expect(large < small * 8, "25,000 columns took \(small) s, 100,000 took \(large) s")
    }

    /// 60,000 statements piped into one process need little more memory than 6,000: the syntax trees
    /// of a long input are held a window at a time (all at once they took about 1 KB a statement, 54 MB
    /// more here). What remains is the text itself, read whole first (a syntax error anywhere stops the
    /// script before it runs): 1.4 MB more here, kept as text and as UTF-8 bytes.
    @Test func aSessionOfSixtyThousandStatementsKeepsItsMemoryFlat() throws {
        // A sanitizer holds freed memory back for a while (AddressSanitizer's quarantine), so its
        // peak grows with what a run allocates in all, not with what it keeps.
        if Fault.isSanitized { return print("note: the long-session memory case skipped under a sanitizer") }
        let statements = ["show datasets", "sql revenue by month where plan = \"pro\"", "assert 1 = 1"]
        func peak(_ count: Int) throws -> Int {
            let text = (0..<count).map { statements[$0 % statements.count] }.joined(separator: "\n") + "\n"
            let (status, kilobytes) = try Fault.peakMemory(
                ["--data", CommandLineTests.crm, "--format", "csv"], input: Data(text.utf8))
            #expect(status == 0)
            return kilobytes
        }
        let short = try peak(6_000)
        let long = try peak(60_000)
        #expect(long - short < 6_000, "6,000 statements peaked at \(short) KiB, 60,000 at \(long) KiB")
    }

    /// Under `ulimit -v` a query that cannot fit is an error that names the file and says what would
    /// help (it once ended in "Fatal error: failed to allocate ... bytes" and a backtrace); with room
    /// enough, the same query answers as without a limit.
    @Test func anAddressSpaceLimitGivesAnErrorOrTheAnswerNeverACrash() throws {
        if Fault.isSanitized {
            return print("note: the ulimit -v case skipped: a sanitizer's shadow memory cannot live under it")
        }
        let folder = try Fault.Folder("ulimit-v")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 300_000)
        let start = try Fault.startingAddressSpace(data: folder.path)
        let query = #"ulimit -v "$1"; exec "$TALLY" --data "\#(folder.path)" --format csv -e 'revenue by day, plan'"#
        let plain = try Fault.sh(query, arguments: ["unlimited"])
        try #require(plain.status == 0)

        // 4 MiB short of the address space an idle session holds, not even a block of rows fits: refused,
        // with what to do. (At the idle session's own size, reading is within a few MiB of fitting, so
        // a MiB saved in reading, or the build, decides between the refusal and the answer.)
        let refusal = "error: \(folder.path)/orders.csv: not enough memory to read 3 columns of about "
        let help =
            " is left\n  = help: give Tally more memory (ulimit -v, the container's limit), or run on PostgreSQL with --db for data this size\n"
        let tight = try Fault.sh(query, arguments: [String(start - 4 << 10)])
        #expect(tight.status == 1)
        #expect(tight.stdout == "")
        #expect(tight.stderr.hasPrefix(refusal), "\(tight.stderr)")
        #expect(tight.stderr.hasSuffix(help))

        // Just above it, each limit gives the answer (read in blocks) or a refusal, never a crash or a
        // partial answer: which one depends on whether the reading threads' stacks are already held.
        for extra in [1, 2, 4, 8, 20] {
            let r = try Fault.sh(query, arguments: [String(start + extra << 10)])
            if r.status == 0 {
                #expect(r.stdout == plain.stdout, "\(extra) MiB more")
            } else {
                #expect(r.status == 1 && r.stdout == "", "\(extra) MiB more: \(r.status)")
                // The read's refusal, or the query's when the columns were read in blocks.
                let refused = r.stderr.hasPrefix("error: ") && r.stderr.contains("not enough memory")
                #expect(refused && r.stderr.contains("give Tally more memory"), "\(extra) MiB more: \(r.stderr)")
            }
        }

        // Room for the reading threads' stacks (8 MiB a processor) and 150 MiB more.
        let roomy = start + (ProcessInfo.processInfo.activeProcessorCount * 8 + 16 + 150) << 10
        let answered = try Fault.sh(query, arguments: [String(roomy)])
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout == plain.stdout)
    }

    /// A one-column CSV whose only value is null is `""`, not an empty line that CSV readers skip
    /// (the row was lost). churn for March has no customer active at its start: null.
    @Test func aOneColumnNullIsWrittenAsAnEmptyQuotedField() throws {
        let folder = try Fault.Folder("churn")
        defer { folder.remove() }
        try folder.write(
            "customers.csv", "id,signup_date,churn_date,plan,region,channel\n1,2024-01-05,2024-02-01,pro,europe,ads\n")
        let r = try Fault.sh(#"exec "$TALLY" --data "\#(folder.path)" --format csv -e 'churn for 2024-03'"#)
        #expect(r.status == 0)
        #expect(r.stdout == "churn\n\"\"\n")
    }
}
