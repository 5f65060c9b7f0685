// The embedded engine: runs a query's plan over in-memory columnar datasets.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Runs bound queries over loaded datasets, column at a time.
public struct NativeEngine: PlanEngine {
    private let data: DataSource
    /// Refuses queries that would hold more values than this (cells × their columns, plus each
    /// aggregate's value per cell) rather than exhausting memory.
    private let valueLimit: Int

    /// Asked between steps and between blocks of rows; true stops the query with a "cancelled" error.
    private let isCancelled: @Sendable () -> Bool

    /// Relation row mappings shared with earlier queries, when the caller keeps them.
    private let mappings: RowMappings?

    public init(
        data: DataSource, mappings: RowMappings? = nil, valueLimit: Int = 60_000_000,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.data = data
        self.mappings = mappings
        self.valueLimit = valueLimit
        self.isCancelled = isCancelled
    }

    public func run(_ query: BoundQuery) throws(Diagnostic) -> ResultTable {
        let plan = QueryPlan(query)
        return try plan.run(execution(for: plan), cancellation: Cancellation(isCancelled: isCancelled))
    }

    /// Reads the plan's rows at once, and the execution then answers its extent and its cells from
    /// them. Streams blocks of rows instead (`Dataset.blocks`) when a dataset's rows are only there, or
    /// when the work over whole columns would not fit in memory and every dataset can be cut into blocks.
    public func execution(for plan: QueryPlan) throws(Diagnostic) -> any PlanExecution {
        let cancellation = Cancellation(isCancelled: isCancelled)
        var blocks: [(any RowBlocks)?] = []
        for aggregate in plan.aggregates { blocks.append(try data.dataset(named: aggregate.dataset).blocks) }
        let streamed = { () throws(Diagnostic) in
            try StreamingExecution(plan: plan, data: data, valueLimit: valueLimit, cancellation: cancellation)
        }
        if blocks.contains(where: { $0.map { !$0.isFallback } ?? false }) { return try streamed() }
        do {
            try NativeExecution.reserveMemory(for: plan, data)
        } catch {
            guard !blocks.isEmpty, blocks.allSatisfy({ $0 != nil }) else { throw error }
            return try streamed()
        }
        return try NativeExecution(
            plan: plan, data: data, relations: RelationCache(data: data, shared: mappings), valueLimit: valueLimit,
            cancellation: cancellation)
    }
}
