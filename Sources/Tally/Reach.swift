// What a metric can be broken down by: the grains, the named dimensions and the columns that every
// dataset its aggregates read can resolve, as the binder resolves them.

import TallyData
import TallySemantics
import TallySyntax

/// Breakdowns reachable from datasets. A column resolves for an aggregate when its dataset has it, or
/// exactly one dataset it relates to (many-to-one) has it; a query by several metrics needs a name
/// every one of their datasets resolves.
struct Reach {
    let catalog: Catalog

    /// The datasets the aggregates of these expressions read, through the metrics they name, in the
    /// order first met: `count(orders)` names its dataset, any other aggregate its first qualifier.
    func datasets(of exprs: [Expr]) -> [String] {
        var found: [String] = []
        var expanded = Set<String>()
        func visit(_ e: Expr) {
            switch e.kind {
            case .name(let n):
                guard let metric = catalog.metrics[n.text], expanded.insert(n.text).inserted else { return }
                visit(metric.expr)
            case .unary(_, let x): visit(x)
            case .binary(_, let l, let r):
                visit(l)
                visit(r)
            case .call(let call):
                if Self.aggregates.contains(call.function.text), let first = call.arguments.first {
                    var dataset: String?
                    if call.function.text == "count", case .name(let n) = first.kind, catalog.datasets[n.text] != nil {
                        dataset = n.text
                    } else {
                        dataset = Self.firstQualifier(first)
                    }
                    if let dataset, !found.contains(dataset) { found.append(dataset) }
                } else {
                    call.arguments.forEach(visit)
                }
            default: break
            }
        }
        exprs.forEach(visit)
        return found
    }

    private static let aggregates = Set(Builtins.aggregates)

    private static func firstQualifier(_ e: Expr) -> String? {
        switch e.kind {
        case .qualified(let dataset, _): return dataset.text
        case .unary(_, let x), .isNull(let x, _): return firstQualifier(x)
        case .binary(_, let l, let r): return firstQualifier(l) ?? firstQualifier(r)
        case .call(let c): return c.arguments.lazy.compactMap { firstQualifier($0) }.first
        default: return nil
        }
    }

    /// The column names an aggregate over `dataset` resolves: its own, then those of the datasets it
    /// relates to that no other of them also has (those would be ambiguous).
    func columns(from dataset: String) -> [String] {
        guard let schema = catalog.datasets[dataset] else { return [] }
        var names = schema.columnNames
        let related = catalog.relations(from: dataset).compactMap { catalog.datasets[$0.toDataset] }
        for target in related {
            for column in target.columnNames where !names.contains(column) {
                if related.filter({ $0.hasColumn(column) }).count == 1 { names.append(column) }
            }
        }
        return names
    }

    /// The column names every one of `datasets` resolves, in the first one's order.
    func columns(from datasets: [String]) -> [String] {
        guard let first = datasets.first else { return [] }
        let others = datasets.dropFirst().map { Set(columns(from: $0)) }
        return columns(from: first).filter { name in others.allSatisfy { $0.contains(name) } }
    }

    /// Whether a named dimension resolves for an aggregate over `dataset`: each dataset it qualifies
    /// is that one or one it relates to, and each bare name a column it resolves.
    func reaches(_ dimension: NamedDimension, from dataset: String) -> Bool {
        let targets = Set([dataset] + catalog.relations(from: dataset).map(\.toDataset))
        let columns = Set(columns(from: dataset))
        func resolves(_ e: Expr) -> Bool {
            switch e.kind {
            case .qualified(let d, let c):
                return targets.contains(d.text) && catalog.datasets[d.text]?.hasColumn(c.text) == true
            case .name(let n): return columns.contains(n.text)
            case .unary(_, let x), .isNull(let x, _): return resolves(x)
            case .binary(_, let l, let r): return resolves(l) && resolves(r)
            case .call(let c): return c.arguments.allSatisfy(resolves)
            case .inList(let x, let xs, _): return ([x] + xs).allSatisfy(resolves)
            case .between(let x, let lo, let hi, _): return [x, lo, hi].allSatisfy(resolves)
            default: return true
            }
        }
        return catalog.datasets[dataset] != nil && resolves(dimension.expr)
    }

    /// The named dimensions every one of `datasets` resolves, by name.
    func dimensions(from datasets: [String]) -> [String] {
        guard !datasets.isEmpty else { return [] }
        return catalog.dimensions.keys.sorted().filter { name in
            guard let dimension = catalog.dimensions[name] else { return false }
            return datasets.allSatisfy { reaches(dimension, from: $0) }
        }
    }

    /// Everything `by` takes for these datasets: the grains, the named dimensions, the columns
    /// (a column hidden by a dimension of the same name left out, as the binder prefers the dimension).
    func breakdowns(from datasets: [String]) -> [String] {
        let named = dimensions(from: datasets)
        let grains = Grain.allCases.map(\.rawValue)
        return grains + named + columns(from: datasets).filter { !named.contains($0) && !grains.contains($0) }
    }
}
