// A query whose work over the rows cannot fit in the memory left is refused before it allocates,
// naming the dataset and what would help, instead of ending the process when an allocation fails.
// In a child process, since an address-space limit is the whole process's.

import Foundation
import TallyDiagnostics
import Testing

@testable import TallyData

@Suite struct EngineMemoryTests {
    /// AddressSanitizer and ThreadSanitizer reserve terabytes of address space: no limit can apply.
    static let isSanitized = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    @Test(.disabled(if: isSanitized, "a sanitizer's shadow memory cannot live under an address-space limit"))
    func aQueryThatCannotFitIsRefusedNamingItsDataset() async {
        await #expect(processExitsWith: .success) {
            exit(EngineMemoryTests.problemUnderALimit())
        }
    }

    @Test(.disabled(if: isSanitized, "a sanitizer's shadow memory cannot live under an address-space limit"))
    func aDistinctCountInMemoryThatCannotKeepItsValuesSaysSo() async {
        await #expect(processExitsWith: .success) {
            exit(EngineMemoryTests.distinctProblemUnderALimit())
        }
    }

    /// 0 when a distinct count of 2,000,000 values a thousand apart (too sparse for bits, so the
    /// values met are kept in a set, which doubles past 44 MB) is refused under a limit of 64 MiB more
    /// than the process holds (the query's per-row work fits), in words for columns held in memory, not
    /// read in blocks; else what went wrong.
    static func distinctProblemUnderALimit() -> Int32 {
        let rows = 2_000_000
        let orders = Dataset(
            name: "orders",
            columns: [Column(name: "id", storage: .integer((0..<rows).map { Int64($0) * 1000 }))],
            rowCount: rows, source: nil)
        let fixture = Fixture(orders)
        guard let used = MemoryBudget.addressSpaceInUse() else { return 2 }
        let room = used + MemoryBudget.margin + MemoryBudget.threadStacks + (64 << 20)
        var limit = rlimit(rlim_cur: rlim_t(room), rlim_max: rlim_t.max)
        guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else { return 3 }
        guard let refused = fixture.failure("count_distinct(orders.id)") else { return 4 }
        guard
            refused.message.hasPrefix("not enough memory to count distinct values: the "),
            refused.message.contains("distinct (value, cell) pairs met so far must be kept"),
            refused.help?.hasPrefix("count over a coarser grain") == true
        else { return 5 }
        return 0
    }

    /// 0 when forty filtered counts over 2,000,000 rows (about 480 MB of per-row work) are refused
    /// under a limit of 64 MiB more than the process holds (beyond the budget's margin and threads'
    /// stacks), and one count is not; else what went wrong.
    static func problemUnderALimit() -> Int32 {
        let rows = 2_000_000
        let orders = Dataset(
            name: "orders",
            columns: [Column(name: "amount", storage: .integer((0..<rows).map { Int64($0 % 1000) }))],
            rowCount: rows, source: nil)
        let fixture = Fixture(orders)
        guard let used = MemoryBudget.addressSpaceInUse() else { return 2 }
        let room = used + MemoryBudget.margin + MemoryBudget.threadStacks + (64 << 20)
        var limit = rlimit(rlim_cur: rlim_t(room), rlim_max: rlim_t.max)
        guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else { return 3 }
        let many = (1...40).map { "count(orders where amount > \($0))" }.joined(separator: ", ")
        guard let refused = fixture.failure(many) else { return 4 }
        guard
            refused.message.hasPrefix("not enough memory to run the query over orders (2000000 rows): it needs about "),
            refused.help?.contains("fewer metrics") == true
        else { return 5 }
        guard (try? fixture.value("count(orders where amount > 500)")) == .number(998_000) else { return 6 }
        return 0
    }
}
