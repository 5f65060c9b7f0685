// Which columns a statement may read, found from the names in its text and in the definitions it names.

import TallyDiagnostics
import TallySemantics
import TallySyntax

/// The columns to read before binding a statement, by dataset. It over-approximates (a name that is a
/// column anywhere in scope is read), which costs time but never changes an answer; it must never miss a
/// column the binder will resolve.
///
/// Scope: the datasets the text (or a metric or dimension it uses) names, plus those reachable from them
/// through relations. Qualified names (`orders.amount`) count for their dataset only; a bare name counts
/// for every dataset in scope that has it, or for every dataset at all when none in scope does (so error
/// messages and `count(x)` see the same columns as with everything read). Named datasets also need their
/// anchor and lifespan columns, and a relation's keys are read whenever its target is.
struct ColumnDemand {
    /// Dataset → columns. A named dataset is present even with no columns: its row count is needed.
    private(set) var columns: [String: Set<String>] = [:]

    init(text: String, catalog: Catalog, headers: [String: [String]]) {
        var names = Set<String>()
        var qualified: [(dataset: String, column: String)] = []
        var expanded = Set<String>()
        var pending = [text]
        while let next = pending.popLast() {
            let source = SourceFile(name: nil, text: next)
            let tokens = Lexer(source).tokens().tokens
            for (i, token) in tokens.enumerated() where token.kind == .identifier {
                let name = Self.identifier(source.slice(token.span))
                names.insert(name)
                if i + 2 < tokens.count, tokens[i + 1].kind == .symbol(.dot), tokens[i + 2].kind == .identifier {
                    qualified.append((name, Self.identifier(source.slice(tokens[i + 2].span))))
                }
                guard expanded.insert(name).inserted else { continue }
                if let metric = catalog.metrics[name] { pending.append(metric.source.slice(metric.expr.span)) }
                if let dimension = catalog.dimensions[name] { pending.append(dimension.source.slice(dimension.expr.span)) }
            }
        }

        let named = names.filter { headers[$0] != nil }
        var scope = named
        var frontier = Array(named)
        while let dataset = frontier.popLast() {
            for relation in catalog.relations where relation.fromDataset == dataset && headers[relation.toDataset] != nil {
                if scope.insert(relation.toDataset).inserted { frontier.append(relation.toDataset) }
            }
        }

        for dataset in named { columns[dataset] = [] }
        for name in names where headers[name] == nil {
            var holders = scope.filter { headers[$0]?.contains(name) == true }
            if holders.isEmpty { holders = Set(headers.keys.filter { headers[$0]?.contains(name) == true }) }
            for dataset in holders { columns[dataset, default: []].insert(name) }
        }
        for (dataset, column) in qualified where headers[dataset]?.contains(column) == true {
            columns[dataset, default: []].insert(column)
        }
        for dataset in named {
            if let anchor = catalog.anchors[dataset] { columns[dataset]?.insert(anchor) }
            if let (start, end) = catalog.lifespans[dataset] { columns[dataset]?.formUnion([start, end]) }
        }
        // Keys until nothing changes: reading a key can make a dataset the target of a further hop.
        var changed = true
        while changed {
            changed = false
            for relation in catalog.relations
            where scope.contains(relation.fromDataset) && columns[relation.toDataset]?.isEmpty == false {
                let before = (columns[relation.fromDataset]?.count ?? -1, columns[relation.toDataset]?.count ?? -1)
                columns[relation.fromDataset, default: []].insert(relation.fromColumn)
                columns[relation.toDataset, default: []].insert(relation.toColumn)
                changed = changed || before != (columns[relation.fromDataset]?.count ?? -1, columns[relation.toDataset]?.count ?? -1)
            }
        }
    }

    /// `` `order` `` → `order`.
    private static func identifier(_ text: String) -> String {
        text.hasPrefix("`") && text.hasSuffix("`") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }
}
