// `show datasets`, `show metrics` and `describe DATASET`, as result tables (so every output format works).

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax

struct Introspection {
    let catalog: Catalog
    let datasets: [String: Dataset]

    func show(_ what: Name, about: Name?) throws(Diagnostic) -> ResultTable {
        switch what.text {
        case "datasets": return showDatasets()
        case "metrics": return showMetrics(about: about?.text)
        case "dimensions": return showDimensions()
        default:
            throw Diagnostic("cannot show '\(what.text)'", at: what.span, help: "show datasets, show metrics or show dimensions")
        }
    }

    /// What `show metrics WORD` says when no metric is about the word.
    func nothingAbout(_ word: Name) -> String {
        "no metric's area, name or description mentions '\(word.text)'; show metrics lists all \(catalog.metricNames.count)"
    }

    private func showDatasets() -> ResultTable {
        let rows = catalog.datasetNames.compactMap { name -> [Value]? in
            guard let d = datasets[name] else { return nil }
            let columns = catalog.datasets[name]?.columnNames.count ?? d.columns.count
            return [.text(name), .integer(Int64(d.rowCount)), .integer(Int64(columns)), d.source.map(Value.text) ?? .null]
        }
        return ResultTable(
            columns: [
                ResultColumn(name: "dataset", role: .dimension(time: false)),
                ResultColumn(name: "rows", role: .measure(unit: .count)),
                ResultColumn(name: "columns", role: .measure(unit: .count)),
                ResultColumn(name: "source", role: .dimension(time: false), isFreeText: true),
            ], rows: rows)
    }

    /// Metrics grouped by area: areas in the order first named (the library's first), then `user`
    /// for metrics defined without one; within an area, in definition order. `about` keeps the
    /// metrics of that area, or (when no area has that name) those whose name or description
    /// mentions it, ignoring case.
    private func showMetrics(about: String?) -> ResultTable {
        func area(_ m: MetricDefinitionEntry) -> String { m.area ?? "user" }
        var entries = catalog.metricNames.compactMap { catalog.metrics[$0] }
        if let about {
            let word = about.lowercased()
            if entries.contains(where: { area($0).lowercased() == word }) {
                entries = entries.filter { area($0).lowercased() == word }
            } else {
                entries = entries.filter { ($0.name + " " + ($0.description ?? "")).lowercased().contains(word) }
            }
        }
        let areas = catalog.areaNames + (catalog.areaNames.contains("user") ? [] : ["user"])
        let rows = areas.flatMap { a in
            entries.filter { area($0) == a }.map { m -> [Value] in
                [.text(a), .text(m.name), m.unit.map { .text($0.rawValue) } ?? .null, m.description.map(Value.text) ?? .null]
            }
        }
        return ResultTable(
            columns: ["area", "metric", "unit", "description"].map {
                ResultColumn(name: $0, role: .dimension(time: false), isFreeText: $0 == "description")
            },
            rows: rows)
    }

    func describe(_ dataset: Dataset) -> ResultTable {
        describe(
            dataset.name,
            columns: dataset.columns.map { column in
                (column.name, Self.typeName(column), Int64((0..<column.count).reduce(0) { $0 + (column.isNull($1) ? 1 : 0) }))
            })
    }

    /// The column's type; a decimal column read as floating point (exponents, more than 9 fraction
    /// digits, scaled values beyond 64 bits) is `double`, since its values are no longer the exact digits,
    /// and a column with no values is `empty`: it takes the type each use needs.
    static func typeName(_ column: Column) -> String {
        if column.isEmptyText { return "empty" }
        if case .double = column.storage { return "double" }
        return column.type.rawValue
    }

    /// A dataset's columns, types and null counts, wherever it lives (loaded, or a database table).
    func describe(_ name: String, columns: [(name: String, type: String, nulls: Int64)]) -> ResultTable {
        let anchor = catalog.anchors[name]
        let relations = catalog.relations(from: name)
        let rows = columns.map { column -> [Value] in
            var roles: [String] = []
            if column.name == anchor { roles.append("time anchor") }
            for r in relations where r.fromColumn == column.name { roles.append("→ \(r.toDataset).\(r.toColumn)") }
            return [
                .text(column.name), .text(column.type), .integer(column.nulls),
                roles.isEmpty ? .null : .text(roles.joined(separator: ", ")),
            ]
        }
        return ResultTable(
            columns: [
                ResultColumn(name: "column", role: .dimension(time: false)),
                ResultColumn(name: "type", role: .dimension(time: false)),
                ResultColumn(name: "nulls", role: .measure(unit: .count)),
                ResultColumn(name: "role", role: .dimension(time: false)),
            ], rows: rows)
    }
}
