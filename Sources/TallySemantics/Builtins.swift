// The language's built-in functions: the one catalogue that binding, completion, printing and
// explanations read, so a new function is added in one place.

/// Names of the built-in functions.
public enum Builtins {
    /// Aggregates, in the order messages list them.
    public static let aggregates = AggregateFunction.catalogue.map(\.name)
    /// Comparisons over time and across groups.
    public static let comparisons = ["previous", "change", "growth", "rolling", "cumulative", "share"]
    /// Functions on each row's values.
    public static let rowFunctions = RowFunction.allCases.map(\.rawValue)
}

extension AggregateFunction {
    /// Each aggregate once, in the order messages list them (a percentile's fraction is its second
    /// argument, set when it is bound).
    public static let catalogue: [AggregateFunction] = [
        .count, .countDistinct, .sum, .avg, .min, .max, .median, .percentile(0.5),
    ]

    /// The aggregate a call names, a percentile with the fraction 0.5 until bound; nil for none.
    public static func named(_ name: String) -> AggregateFunction? { catalogue.first { $0.name == name } }

    /// How queries spell it.
    public var name: String {
        switch self {
        case .count: "count"
        case .countDistinct: "count_distinct"
        case .sum: "sum"
        case .avg: "avg"
        case .min: "min"
        case .max: "max"
        case .median: "median"
        case .percentile: "percentile"
        }
    }

    /// The aggregate in words, over `x` of `dataset`: "the sum of orders.amount over orders".
    public func words(of x: String, in dataset: String) -> String {
        switch self {
        case .count: "\(dataset) with a \(x)"
        case .countDistinct: "distinct values of \(x) in \(dataset)"
        case .sum: "the sum of \(x) over \(dataset)"
        case .avg: "the average of \(x) over \(dataset)"
        case .min: "the smallest \(x) among \(dataset)"
        case .max: "the largest \(x) among \(dataset)"
        case .median: "the median \(x) of \(dataset)"
        case .percentile(let p): "the \(p) percentile of \(x) over \(dataset)"
        }
    }
}
