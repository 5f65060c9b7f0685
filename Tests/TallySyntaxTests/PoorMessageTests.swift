// Messages that are still poor, pinned so that an improvement shows up as a diff (as PRQL keeps them).

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct PoorMessageTests {
    /// A line ending in 'by' continues onto the next, so a forgotten dimension is reported on the
    /// next statement's words. Better: notice the next line is a whole query.
    @Test func clauseWordAtEndOfLine() {
        checkError("revenue by\nrevenue ⟨by⟩ month", "'by' given twice")
    }

    /// `where active between ...` on a boolean column: the comparison form wins, then the dates are
    /// compared with `active`. The binder reports the type mismatch; the parser cannot know.
    @Test func betweenAfterABareNameInACondition() {
        check(
            "revenue where active between 2024-01-01 and 2024-02-01",
            "(query (items revenue) (where (between active 2024-01-01 2024-02-01)))")
    }
}
