// What the fault suite needs to put `tally` in a hostile environment: a shell to run it under
// limits and redirections, folders of generated data, and a look at the column cache's files.

import Foundation

enum Fault {
    /// Runs `script` with /bin/sh in the package root, `$TALLY` being the built executable, `"$@"`
    /// the `arguments`, and the column cache in `cache` (when given; else off). Waits at most
    /// `timeout` seconds, then kills it.
    static func sh(
        _ script: String, cache: String? = nil, arguments: [String] = [], environment extra: [String: String] = [:],
        stdin: Data? = nil, timeout: TimeInterval = 120
    ) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
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
        func files(under folder: String) -> [String] { Fault.files(under: path + "/" + folder) }
    }

    /// A CRM folder with `orders` orders (about 40 bytes each, so 30,000 pass the cache's 1 MiB)
    /// over 500 customers, deterministic. Amounts are whole cents; every day of 2023 and 2024 has orders.
    static func crm(_ folder: Folder, orders: Int) throws {
        var customers = "id,signup_date,churn_date,plan,region,channel\n"
        let plans = ["basic", "pro", "enterprise"]
        let regions = ["europe", "americas", "asia"]
        for id in 1...500 {
            customers +=
                "\(id),2023-01-\(String(format: "%02d", 1 + id % 28)),,\(plans[id % 3]),\(regions[id % 3 == 0 ? 1 : id % 3]),ads\n"
        }
        try folder.write("customers.csv", customers)
        var text = "id,customer_id,date,amount,kind\n"
        text.reserveCapacity(orders * 42)
        let kinds = ["new", "recurring", "upsell", "cross_sell"]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        // 2023-01-01 and the 730 days after it.
        let days = (0..<731).map {
            formatter.string(from: Date(timeIntervalSince1970: TimeInterval(19358 + $0) * 86400))
        }
        for id in 1...orders {
            let cents = (id * 7919) % 50_000 + 100
            let fraction = cents % 100 < 10 ? "0\(cents % 100)" : "\(cents % 100)"
            text += "\(id),\(1 + id % 500),\(days[id % 731]),\(cents / 100).\(fraction),\(kinds[id % 4])\n"
        }
        try folder.write("orders.csv", text)
    }
}

extension Fault {
    /// `tally` started directly (so signals reach it, not a shell), its output collected.
    final class Running {
        let process = Process()
        let output: Collected
        let errors: Collected

        init(_ arguments: [String], cache: String) throws {
            process.executableURL = CommandLineTests.tally
            process.arguments = arguments
            process.currentDirectoryURL = CommandLineTests.packageRoot
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = cache
            environment.removeValue(forKey: "TALLY_CACHE")
            process.environment = environment
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            output = Collected(out)
            errors = Collected(err)
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }

        func wait() -> CommandLineTests.Run {
            process.waitUntilExit()
            return CommandLineTests.Run(status: process.terminationStatus, stdout: output.text(), stderr: errors.text())
        }
    }

    /// Temporary files under a cache folder, as paths relative to it.
    static func temporaryFiles(under cache: String) -> [String] {
        files(under: cache).filter { $0.contains(".partial-") || $0.contains(".dat.nosync") }
    }

    /// Every file and folder under `folder`, as paths relative to it, sorted.
    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }
}

extension Fault {
    /// Runs `tally arguments` under strace with a fault injected into its system calls (strace's
    /// `-e inject=`), so that a signal lands at an exact point: `rename:signal=SIGKILL:when=3` kills it
    /// when it renames its third cache file into place, the file whole but still under its temporary name.
    static func traced(injecting fault: String, _ arguments: [String], cache: String) throws -> CommandLineTests.Run {
        try sh(
            #"fault="$1"; shift; exec strace -f -o /dev/null -e trace=rename -e inject="$fault" "$TALLY" "$@""#,
            cache: cache,
            arguments: [fault] + arguments)
    }

    /// Why strace cannot inject faults here, or nil when it can.
    static func straceProblem() -> String? {
        guard let r = try? sh("strace -o /dev/null -e inject=getpid:error=EPERM true 2>&1"), r.status == 0 else {
            return
                "strace (Debian's strace package, which `make test` installs) is needed to kill tally at exact points of a cache write, and it does not run here"
        }
        return nil
    }
}

extension Fault {
    /// Runs `tally arguments` with `input` on its standard input and its output (and prose on standard
    /// error) discarded; returns its exit status and its peak resident memory in KiB: its VmHWM, read
    /// from /proc while it runs (wait4's maxrss will not do: a process spawned from this one counts
    /// the test runner's own memory as its peak).
    static func peakMemory(_ arguments: [String], input: Data) throws -> (status: Int32, kilobytes: Int) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let path = CommandLineTests.tally.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["TALLY_CACHE"] = "off"
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            throw CocoaError(.executableNotLoadable)
        }
        let writer = fds[1]
        input.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(writer, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        close(writer)
        var peak = 0
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
            {
                peak = max(peak, kilobytes)
            }
            usleep(2000)
        }
        return (status, peak)
    }
}

extension Fault {
    /// Whether the built tally runs under AddressSanitizer or ThreadSanitizer, which reserve terabytes
    /// of address space (so `ulimit -v` cannot apply) and change how much memory everything takes.
    static let isSanitized: Bool = {
        guard let binary = FileManager.default.contents(atPath: CommandLineTests.tally.path) else { return false }
        return binary.range(of: Data("__asan_init".utf8)) != nil || binary.range(of: Data("__tsan_init".utf8)) != nil
    }()

    /// Whether the tally binary is built with ThreadSanitizer, whose runtime maps files of its own and
    /// dies of SIGBUS under a file size limit (`ulimit -f`) before Tally prints anything.
    static let isThreadSanitized: Bool = {
        guard let binary = FileManager.default.contents(atPath: CommandLineTests.tally.path) else { return false }
        return binary.range(of: Data("__tsan_init".utf8)) != nil
    }()

    /// The address space (KiB) a tally session over `folder` holds once it has opened the folder and
    /// waits for statements: the floor any `ulimit -v` for it must clear.
    static func startingAddressSpace(data folder: String) throws -> Int {
        let input = Pipe()
        let process = Process()
        process.executableURL = CommandLineTests.tally
        process.arguments = ["--data", folder]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(["TALLY_CACHE": "off"]) { $1 }
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        // Opened (it reads the folder's headers first), then blocked reading its statements: its one thread
        // waits in read(0, ...), system call 0 with first argument 0. A size read earlier, or from two
        // samples alike while the machine is busy, can be short of the opened process's.
        let proc = "/proc/\(process.processIdentifier)/"
        var size = 0
        for _ in 0..<500 {
            Thread.sleep(forTimeInterval: 0.02)
            guard
                let call = try? String(contentsOfFile: proc + "syscall", encoding: .utf8), call.hasPrefix("0 0x0 "),
                let status = try? String(contentsOfFile: proc + "status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmSize:") }),
                let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
            else { continue }
            if kilobytes == size { return size }
            size = kilobytes
        }
        return size
    }
}
