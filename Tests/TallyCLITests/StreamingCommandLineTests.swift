// Under `ulimit -v` a folder whose columns do not fit is answered by reading it in blocks of rows,
// with the answers it gives without a limit.

import Foundation
import Testing

@Suite struct StreamingCommandLineTests {
    @Test func columnsLargerThanTheLimitAreStreamedToTheSameAnswers() throws {
        if Fault.isSanitized {
            return print("note: the ulimit -v case skipped: a sanitizer's shadow memory cannot live under it")
        }
        let folder = try Fault.Folder("streaming")
        defer { folder.remove() }
        try Fault.crm(folder, orders: 1_000_000)
        let start = try Fault.startingAddressSpace(data: folder.path)
        // Room for the reading threads' stacks (8 MiB a processor), the budget's margin and 4 MiB more:
        // less than the orders file, and less than its columns need whole (the process opened with a
        // prompt, as measured, holds more address space than one answering -e does when it reads).
        let room = 4 << 10
        let limit = start + (ProcessInfo.processInfo.activeProcessorCount * 8 + 16) << 10 + room
        let size = try FileManager.default.attributesOfItem(atPath: folder.path + "/orders.csv")[.size] as? Int ?? 0
        #expect(size > room << 10)

        let questions = [
            "revenue by month", #"revenue by month where plan = "pro""#, "purchases, avg_order_value by quarter, kind",
            "revenue vs previous by month since 2023-03-10", "paying_customers, arppu by plan",
        ]
        let query = #"ulimit -v "$1"; exec "$TALLY" --data "\#(folder.path)" --format csv -e "$2""#
        for question in questions {
            let plain = try Fault.sh(query, arguments: ["unlimited", question])
            try #require(plain.status == 0, "\(plain.stderr)")
            let limited = try Fault.sh(query, arguments: [String(limit), question])
            #expect(limited.status == 0, "\(question): \(limited.stderr)")
            #expect(limited.stdout == plain.stdout, "\(question)")
        }

        // A distinct count keeps every (value, cell) pair it meets: a million order ids, one a day,
        // outgrow the room, and the count stops with what to do instead of the process ending. The two
        // columns it reads fit in memory, so the message does not speak of blocks.
        let distinct = try Fault.sh(query, arguments: [String(limit), "count_distinct(orders.id) by day"])
        #expect(distinct.status == 1, "\(distinct.stderr)")
        #expect(
            distinct.stderr.contains("error: not enough memory to count distinct values: the "),
            "\(distinct.stderr)")
        #expect(distinct.stderr.contains("help: count over a coarser grain"), "\(distinct.stderr)")
        #expect(distinct.stdout.isEmpty)

        // Every column at once (describe copies them) is still refused under that limit: the columns
        // above were not held whole.
        let whole = try Fault.sh(
            #"ulimit -v "$1"; exec "$TALLY" --data "\#(folder.path)" -e 'describe orders'"#, arguments: [String(limit)])
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("orders.csv: not enough memory to read 5 columns of about"), "\(whole.stderr)")
    }
}
