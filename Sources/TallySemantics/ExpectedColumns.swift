// Messages for a column that a metric, a lifespan, an anchor or a relation expects, when the file lacks
// it or it holds no dates. The definitions are right (the library's often are); the data has other
// names or layouts, so the help shows how to map or declare a column when loading.

import TallyDiagnostics

extension BindingState {
    /// `revenue` over an orders file without `amount`:
    /// `metric 'revenue' reads orders.amount, but dataset 'orders' has no column 'amount'`.
    /// `reading` says how the metric comes to need the column.
    func missingColumn(_ column: String, of dataset: String, metric: String, reading: String, at span: Span) -> Diagnostic {
        located(
            Diagnostic(
                "metric '\(metric)' \(reading), but dataset '\(dataset)' has no column '\(column)'", at: span,
                help: catalog.datasets[dataset].map { LoadAdvice(dataset: $0).mapping(column) }, notes: libraryNote(metric)))
    }

    /// A column that must place rows in time (an anchor, a lifespan's end) and cannot: missing, or not
    /// dates. `otherwise` is the help when nothing better can be said.
    func unusableTimeColumn(
        _ column: String, of dataset: String, metric: String, reading: String, at span: Span, otherwise: String
    ) -> Diagnostic {
        guard let found = catalog.datasets[dataset]?.column(column) else {
            return missingColumn(column, of: dataset, metric: metric, reading: reading, at: span)
        }
        let help = catalog.datasets[dataset].flatMap { LoadAdvice(dataset: $0).dates(found) } ?? otherwise
        return located(
            Diagnostic(
                "metric '\(metric)' \(reading), but \(dataset).\(column) is \(found.type.rawValue)", at: span, help: help,
                notes: libraryNote(metric)))
    }

    /// `revenue by plan` over an orders file without `customer_id`: `metric 'revenue' reads
    /// customers.plan through orders.customer_id → customers.id, but dataset 'orders' has no column 'customer_id'`.
    func missingKey(_ relation: Relation, metric: String, reading target: String, at span: Span) -> Diagnostic {
        let fromHasKey = catalog.datasets[relation.fromDataset]?.hasColumn(relation.fromColumn) == true
        let (dataset, column) = fromHasKey ? (relation.toDataset, relation.toColumn) : (relation.fromDataset, relation.fromColumn)
        let path = "\(relation.fromDataset).\(relation.fromColumn) → \(relation.toDataset).\(relation.toColumn)"
        return missingColumn(column, of: dataset, metric: metric, reading: "reads \(target) through \(path)", at: span)
    }

    /// A declared relation out of `dataset` into a loaded dataset holding `column`, unusable because
    /// one of its keys is missing (`catalog.relations(from:)` leaves such relations out).
    func brokenRelation(from dataset: String, to target: String? = nil, holding column: String? = nil) -> Relation? {
        catalog.relations.first { r in
            guard r.fromDataset == dataset, let to = catalog.datasets[r.toDataset] else { return false }
            if let target, r.toDataset != target { return false }
            if let column, !to.hasColumn(column) { return false }
            return !to.hasColumn(r.toColumn) || catalog.datasets[dataset]?.hasColumn(r.fromColumn) != true
        }
    }

    /// Where the metric is the library's, the user did not write the name: say where to read it.
    func libraryNote(_ metric: String) -> [String] {
        guard catalog.metrics[metric]?.isLibrary == true else { return [] }
        return ["'\(metric)' is a library metric: explain \(LoadAdvice.written(metric)) shows what it reads"]
    }
}
