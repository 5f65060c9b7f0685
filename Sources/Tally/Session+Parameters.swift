// The session's parameters: their values put into each statement before it is bound, and listed by `set`.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax

extension Session {
    /// `statement` with each `$name` replaced by its value, typed where it is used.
    func resolvingParameters(_ statement: Statement) throws(Diagnostic) -> Statement {
        let resolver = ParameterResolver(catalog: catalog, values: parameters)
        var statement = statement
        switch statement.kind {
        case .query(let q): statement.kind = .query(try resolver.resolve(q))
        case .plot(let q): statement.kind = .plot(try resolver.resolve(q))
        case .explain(let q): statement.kind = .explain(try resolver.resolve(q))
        case .sql(let q): statement.kind = .sql(try resolver.resolve(q))
        case .assert(var assertion):
            assertion.query = try resolver.resolve(assertion.query)
            statement.kind = .assert(assertion)
        case .metric(var definition):
            definition.expr = try resolver.resolve(metric: definition.expr)
            statement.kind = .metric(definition)
        default:
            break
        }
        return statement
    }

    /// `query` with each `$name` replaced by its value: what every query is bound as, however it
    /// reaches the binder.
    func resolvingParameters(_ query: Query) throws(Diagnostic) -> Query {
        try ParameterResolver(catalog: catalog, values: parameters).resolve(query)
    }

    /// `set` alone: each parameter and its value, by name.
    var parameterTable: ResultTable {
        ResultTable(
            columns: [
                ResultColumn(name: "parameter", role: .dimension(time: false)),
                ResultColumn(name: "value", role: .dimension(time: false)),
            ],
            rows: parameters.keys.sorted().map { [.text("$" + $0), .text(parameters[$0] ?? "")] })
    }
}
