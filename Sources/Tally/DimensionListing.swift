// `show dimensions`: what queries can be broken down by, and for which datasets' metrics.

import TallyData
import TallySemantics

extension Introspection {
    /// The grains, the named dimensions, then every column name, each with the loaded datasets whose
    /// aggregates resolve it (so whose metrics it can break down): a grain needs a time anchor or a
    /// lifespan, a column must be the dataset's or reached through one relation.
    func showDimensions() -> ResultTable {
        let reach = Reach(catalog: catalog)
        let loaded = catalog.datasetNames
        var rows: [[Value]] = []
        func row(_ name: String, _ kind: String, _ from: [String]) {
            rows.append([.text(name), .text(kind), from.isEmpty ? .null : .text(from.joined(separator: ", "))])
        }
        let timed = loaded.filter { catalog.anchors[$0] != nil || catalog.lifespans[$0] != nil }
        for grain in Grain.allCases { row(grain.rawValue, "time grain", timed) }
        for name in catalog.dimensions.keys.sorted() {
            guard let dimension = catalog.dimensions[name] else { continue }
            row(name, "dimension", loaded.filter { reach.reaches(dimension, from: $0) })
        }
        let reachable = Dictionary(uniqueKeysWithValues: loaded.map { ($0, Set(reach.columns(from: $0))) })
        var seen = Set<String>()
        for dataset in loaded {
            for column in catalog.datasets[dataset]?.columnNames ?? [] where seen.insert(column).inserted {
                let holders = loaded.filter { catalog.datasets[$0]?.hasColumn(column) == true }
                row(
                    column, "column of " + holders.joined(separator: ", "),
                    loaded.filter { reachable[$0]?.contains(column) == true })
            }
        }
        return ResultTable(
            columns: [
                ResultColumn(name: "dimension", role: .dimension(time: false)),
                ResultColumn(name: "kind", role: .dimension(time: false), isFreeText: true),
                ResultColumn(name: "for metrics of", role: .dimension(time: false), isFreeText: true),
            ], rows: rows)
    }
}
