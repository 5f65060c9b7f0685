// The one interface every engine implements: a bound query in, a result table out.

import TallyData
import TallyDiagnostics

/// Runs bound queries. The native columnar engine and the SQL engines implement this.
public protocol QueryEngine {
    /// Errors found while running (bad keys in a relation, overflow) are diagnostics without a span.
    func run(_ query: BoundQuery) throws(Diagnostic) -> ResultTable
}

/// Where an engine finds the rows of a dataset named in a bound query.
public protocol DataSource {
    func dataset(named name: String) throws(Diagnostic) -> Dataset
}
