// What the binder resolves names against: dataset schemas, relations, time anchors and metrics.

import TallyData
import TallyDiagnostics
import TallySyntax

/// The shape of a dataset: what the binder needs, without its rows.
///
/// A dataset read lazily knows all its column names (from the file's header) but the types only of the
/// columns read so far; the session reads every column a statement may name before binding it, so a
/// name the binder resolves is always typed. Messages and relations go by `columnNames`.
public struct DatasetSchema: Sendable {
    public var name: String
    /// The columns whose types are known.
    public var columns: [ColumnSchema]
    /// Every column name, typed or not, in file order.
    public var columnNames: [String]
    /// The file the dataset was read from, as messages name it.
    public var source: String?

    public init(name: String, columns: [ColumnSchema], columnNames: [String]? = nil, source: String? = nil) {
        self.name = name
        self.columns = columns
        self.columnNames = columnNames ?? columns.map(\.name)
        self.source = source
    }

    public init(_ dataset: Dataset, columnNames: [String]? = nil) {
        self.init(
            name: dataset.name,
            columns: dataset.columns.map(ColumnSchema.init),
            columnNames: columnNames, source: dataset.source)
    }

    public func column(_ name: String) -> ColumnSchema? { columns.first { $0.name == name } }

    public func hasColumn(_ name: String) -> Bool { columnNames.contains(name) }
}

public struct ColumnSchema: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    /// Why a text column that also holds numbers is text, for messages that wanted a number.
    public var firstNonNumber: FirstNonNumber?
    /// No row has a value, so nothing tells the column's type (it is stored as text): it fits any use,
    /// and the binder gives it the type its use needs.
    public var isEmpty: Bool
    /// A text column's distinct values in order of first appearance (shared with the column, not
    /// copied), for messages that say what the values look like; empty when not known.
    public var textValues: [String]

    public init(
        name: String, type: ColumnType, firstNonNumber: FirstNonNumber? = nil, isEmpty: Bool = false, textValues: [String] = []
    ) {
        self.name = name
        self.type = type
        self.firstNonNumber = firstNonNumber
        self.isEmpty = isEmpty
        self.textValues = textValues
    }

    public init(_ column: Column) {
        var values: [String] = []
        if case .text(_, let dictionary) = column.storage { values = dictionary }
        self.init(
            name: column.name, type: column.type, firstNonNumber: column.firstNonNumber, isEmpty: column.isEmptyText,
            textValues: values)
    }
}

/// A many-to-one relation: each `from` row finds at most one `to` row with an equal key.
public struct Relation: Hashable, Sendable {
    public var fromDataset: String
    public var fromColumn: String
    public var toDataset: String
    public var toColumn: String
    public init(fromDataset: String, fromColumn: String, toDataset: String, toColumn: String) {
        self.fromDataset = fromDataset
        self.fromColumn = fromColumn
        self.toDataset = toDataset
        self.toColumn = toColumn
    }
}

/// A metric as defined in a script, kept as syntax and bound afresh for each query
/// (a query's dimensions and filters resolve differently for each dataset it reads).
public struct MetricDefinitionEntry: Sendable {
    public var name: String
    public var expr: Expr
    public var unit: MetricUnit?
    public var description: String?
    /// The subject area `show metrics` groups it under; nil when the definition names none.
    public var area: String?
    /// The text the definition was written in, so messages can quote it.
    public var source: SourceFile
    /// Defined by the shipped standard library rather than by the user.
    public var isLibrary: Bool

    public init(
        name: String, expr: Expr, unit: MetricUnit?, description: String?, area: String? = nil, source: SourceFile,
        isLibrary: Bool
    ) {
        self.name = name
        self.expr = expr
        self.unit = unit
        self.description = description
        self.area = area
        self.source = source
        self.isLibrary = isLibrary
    }
}

/// A dimension defined in a script.
public struct NamedDimension: Sendable {
    public var name: String
    public var expr: Expr
    public var description: String?
    public var source: SourceFile
    public init(name: String, expr: Expr, description: String?, source: SourceFile) {
        self.name = name
        self.expr = expr
        self.description = description
        self.source = source
    }
}

/// Names known to a session. Declarations may name datasets that are not loaded (yet):
/// the standard library declares the whole canonical layout, and a metric is only checked
/// against the data when a query uses it.
public struct Catalog: Sendable {
    public private(set) var datasets: [String: DatasetSchema] = [:]
    public private(set) var datasetNames: [String] = []
    public private(set) var relations: [Relation] = []
    public private(set) var anchors: [String: String] = [:]
    /// Dataset → (start column, end column).
    public private(set) var lifespans: [String: (start: String, end: String)] = [:]
    public private(set) var metrics: [String: MetricDefinitionEntry] = [:]
    /// Named dimensions (`dimension cohort = month(customers.signup_date)`), kept as syntax and
    /// bound for each dataset a query reads.
    public private(set) var dimensions: [String: NamedDimension] = [:]
    public private(set) var metricNames: [String] = []
    /// Areas named by metric definitions, in the order first named (so the library's come first).
    public private(set) var areaNames: [String] = []

    public init() {}

    public mutating func addDataset(_ schema: DatasetSchema) {
        if datasets[schema.name] == nil { datasetNames.append(schema.name) }
        datasets[schema.name] = schema
    }

    /// A later declaration for the same `from` column replaces the earlier one.
    public mutating func declare(_ relation: Relation) {
        relations.removeAll { $0.fromDataset == relation.fromDataset && $0.fromColumn == relation.fromColumn }
        relations.append(relation)
    }

    public mutating func declareAnchor(dataset: String, column: String) {
        anchors[dataset] = column
    }

    public mutating func declareLifespan(dataset: String, start: String, end: String) {
        lifespans[dataset] = (start, end)
    }

    /// Defining an existing name replaces it: the library is overridable.
    public mutating func define(_ metric: MetricDefinitionEntry) {
        if metrics[metric.name] == nil { metricNames.append(metric.name) }
        if let area = metric.area, !areaNames.contains(area) { areaNames.append(area) }
        metrics[metric.name] = metric
    }

    public mutating func define(_ dimension: NamedDimension) {
        dimensions[dimension.name] = dimension
    }

    /// Relations leading out of a dataset whose both ends are loaded.
    public func relations(from dataset: String) -> [Relation] {
        relations.filter {
            $0.fromDataset == dataset && datasets[$0.toDataset]?.hasColumn($0.toColumn) == true
                && datasets[dataset]?.hasColumn($0.fromColumn) == true
        }
    }
}
