// Names a session knows, lent to the parser so a suggestion can tell a metric from a dimension.

/// What the parser may use to suggest a fix, never to decide what parses: the metrics a session
/// defines and the names its queries can be broken down by (the time grains are always known).
public struct Vocabulary: Sendable {
    public var metrics: Set<String>
    public var dimensions: Set<String>

    public init(metrics: Set<String> = [], dimensions: Set<String> = []) {
        self.metrics = metrics
        self.dimensions = dimensions
    }

    static let grains: Set<String> = ["day", "week", "month", "quarter", "year"]

    func isDimension(_ name: String) -> Bool { Self.grains.contains(name) || dimensions.contains(name) }
}
