// The language's built-in functions by kind: the one list that binding, completion and messages read.

/// Names of the built-in functions.
public enum Builtins {
    /// Aggregates, in the order messages list them.
    public static let aggregates = ["count", "count_distinct", "sum", "avg", "min", "max", "median", "percentile"]
    /// Comparisons over time and across groups.
    public static let comparisons = ["previous", "change", "growth", "rolling", "cumulative", "share"]
    /// Functions on each row's values.
    public static let rowFunctions = RowFunction.allCases.map(\.rawValue)
}
