// The `area NAME` clause of a metric definition: any order among unit and description, later lines, errors.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct MetricAreaParserTests {
    @Test func areaClause() {
        check("metric aov = revenue / purchases area revenue", "(metric aov (/ revenue purchases) (area revenue))")
        check(
            #"metric aov = revenue / purchases area revenue unit currency description "Per order""#,
            #"(metric aov (/ revenue purchases) (unit currency) (description "Per order") (area revenue))"#)
        check(
            #"metric aov = revenue / purchases description "Per order" area revenue unit currency"#,
            #"(metric aov (/ revenue purchases) (unit currency) (description "Per order") (area revenue))"#)
        check(
            "metric aov = revenue / purchases\n  area revenue\n  unit currency",
            "(metric aov (/ revenue purchases) (unit currency) (area revenue))")
        check("metric aov = 1 area\n  revenue", "(metric aov 1 (area revenue))")
        check("metric aov = 1 area `by`", "(metric aov 1 (area `by`))")
        // `area` is a word only in a definition's clauses.
        check("revenue by area", "(query (items revenue) (by area))")
        // As with `unit` and `description`, a line starting `area` continues a definition; a query of
        // a metric named area writes it in backquotes there.
        check("metric a = 1\n`area` by month", "(metric a 1)\n(query (items area) (by month))")
    }

    @Test func areaErrors() {
        checkError("metric a = 1 area⟨⟩", "expected an area name after 'area'")
        checkError("metric a = 1 area ⟨\"revenue\"⟩", "expected an area name after 'area'")
        checkError("metric a = 1 area x ⟨area⟩ y", "'area' given twice")
        checkError(
            "metric a = 1 unit count ⟨x⟩", "unexpected 'x'; expected 'description', 'area' or the end of the definition")
    }
}
