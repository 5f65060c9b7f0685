// The one place where running out of memory becomes an error: before each large allocation (reading
// columns, running a query) the bytes it needs are checked against what the process may still take.
// Swift ends the process when an allocation fails ("failed to allocate ... bytes"); checked first,
// the same shortage is a message that names what needed the memory and what would help.

import Foundation

public enum MemoryBudget {
    /// Kept free beyond each request, for the small allocations around a large one.
    static let margin = UInt64(16 << 20)

    /// Address space the threads that read and compute may take for their stacks (8 MiB each, one per
    /// processor): reserved whole when they start, so under `ulimit -v` it is not there for data.
    static let threadStacks = UInt64(workers) * stackSize

    private static let workers = Cores.count
    private static let stackSize = UInt64(8 << 20)

    /// The stacks of the workers not running yet: those running hold theirs in the address space in
    /// use already. (Counted twice, the room left would depend on whether an earlier read's workers
    /// were still idling when a later read asks.)
    private static func stacksToCome() -> UInt64 {
        UInt64(max(0, workers - dispatchWorkers())) * stackSize
    }

    /// Bytes the process may still allocate: the least of the address space left under `ulimit -v`
    /// (less the stacks of reading threads yet to start), the data segment left under `ulimit -d`, the
    /// room left in its control group, and the machine's available memory and swap.
    public static func available() -> UInt64 {
        var left = machineAvailable() ?? .max
        let page = UInt64(max(1, sysconf(Int32(_SC_PAGESIZE))))
        let usage = statm()
        if let limit = limit(RLIMIT_AS), let size = usage?.size {
            let used = size * page + stacksToCome()
            left = min(left, limit > used ? limit - used : 0)
        }
        if let limit = limit(RLIMIT_DATA), let data = usage?.data {
            left = min(left, limit > data * page ? limit - data * page : 0)
        }
        if let room = controlGroupRoom() { left = min(left, room) }
        return left
    }

    /// Requests smaller than this are not checked: the margin covers them, and asking the system
    /// what is left costs more than a small query (a long session runs thousands).
    static let smallest = 4 << 20

    /// Checks that `bytes` more fit, with the margin; otherwise throws what is needed and what is left.
    public static func reserve(_ bytes: Int) throws(MemoryShortage) {
        guard bytes >= smallest else { return }
        let needed = UInt64(bytes)
        let left = available()
        guard left < needed.addingReportingOverflow(margin).partialValue else { return }
        throw MemoryShortage(needed: needed, available: left > margin ? left - margin : 0)
    }

    /// The address space the process holds, in bytes.
    public static func addressSpaceInUse() -> UInt64? {
        statm().map { $0.size * UInt64(max(1, sysconf(Int32(_SC_PAGESIZE)))) }
    }

    /// The address-space limit (`ulimit -v`) in bytes, if there is one.
    public static var addressSpaceLimit: UInt64? { limit(RLIMIT_AS) }

    // MARK: Where the limits come from

    private static func limit(_ resource: __rlimit_resource) -> UInt64? {
        var value = rlimit()
        guard getrlimit(__rlimit_resource_t(resource.rawValue), &value) == 0, value.rlim_cur != rlim_t.max else {
            return nil
        }
        return UInt64(value.rlim_cur)
    }

    /// Pages of address space and of data (with stack) in use, from /proc/self/statm.
    private static func statm() -> (size: UInt64, data: UInt64)? {
        guard let fields = read("/proc/self/statm")?.split(separator: " "), fields.count >= 6,
            let size = UInt64(fields[0]), let data = UInt64(fields[5])
        else { return nil }
        return (size, data)
    }

    /// The threads of Dispatch's pools running in this process, which the parallel work runs on: each
    /// is named after its pool's queue (`com.apple.root.default-qos`, cut to 15 bytes), where the main
    /// thread and the statement threads keep the program's name. None when /proc cannot tell.
    private static func dispatchWorkers() -> Int {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return 0 }
        return tasks.filter { read("/proc/self/task/\($0)/comm")?.contains("qos") == true }.count
    }

    /// MemAvailable plus SwapFree from /proc/meminfo: beyond it the kernel's out-of-memory killer acts.
    private static func machineAvailable() -> UInt64? {
        guard let text = read("/proc/meminfo") else { return nil }
        var total: UInt64 = 0
        var found = false
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") || line.hasPrefix("SwapFree:") {
            guard let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ UInt64($0) }) else { continue }
            total += kilobytes * 1024
            found = true
        }
        return found ? total : nil
    }

    /// memory.max less memory.current of the process's cgroup (v2), when it has a limit.
    private static func controlGroupRoom() -> UInt64? {
        guard let line = read("/proc/self/cgroup")?.split(separator: "\n").first(where: { $0.hasPrefix("0::") }) else {
            return nil
        }
        let folder = "/sys/fs/cgroup" + line.dropFirst(3)
        guard
            let max = read(folder + "/memory.max").flatMap({
                UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }),
            let current = read(folder + "/memory.current").flatMap({
                UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines))
            })
        else { return nil }
        return max > current ? max - current : 0
    }

    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Memory that is not there: how much a step needed and how much was left.
public struct MemoryShortage: Error, Sendable {
    public let needed: UInt64
    public let available: UInt64

    /// `about 180 MB, and 95 MB is left`.
    public var amounts: String { "it needs about \(Self.size(needed)), and \(Self.size(available)) is left" }

    /// A size for people: 1.5 GB, 512 MB, 900 KB.
    public static func size(_ n: UInt64) -> String {
        let units: [(UInt64, String)] = [(1 << 40, "TB"), (1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (unit, name) in units where n >= unit {
            let value = Double(n) / Double(unit)
            return (value < 10 ? String(format: "%.1f", value) : String(Int(value.rounded()))) + " " + name
        }
        return "\(n) bytes"
    }
}
