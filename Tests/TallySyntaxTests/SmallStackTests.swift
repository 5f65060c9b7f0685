// Regression for an AddressSanitizer finding: parsing nesting within the limit overflowed the
// stack of a thread smaller than the main thread's (a dispatch worker running tests).

import Foundation
import Testing
import TallyDiagnostics
import TallySyntax

@Suite struct SmallStackTests {
    final class Outcome: @unchecked Sendable {
        var messages: [String] = []
    }

    /// Parses on a thread with a 64 KB stack, as small as some runtimes give their workers.
    private func parseOnSmallStack(_ text: String) -> [String] {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.messages = Parser.parse(SourceFile(name: nil, text: text)).diagnostics.map(\.message)
            done.signal()
        }
        thread.stackSize = 64 << 10
        thread.start()
        done.wait()
        return outcome.messages
    }

    @Test func nestingUpToTheLimitParsesOnASmallStack() {
        let depth = Parser.nestingLimit - 1
        let nested = String(repeating: "(", count: depth) + "plan = \"pro\"" + String(repeating: ")", count: depth)
        #expect(parseOnSmallStack("revenue where " + nested) == [])
        #expect(parseOnSmallStack(String(repeating: "f(", count: 100_000)) == ["expression nested too deeply (limit 200)"])
    }
}
