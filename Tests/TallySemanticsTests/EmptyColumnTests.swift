// A column with no values binds as the type its use needs, and that type is what engines are told.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax
import Testing

@Suite struct EmptyColumnTests {
    /// `refunds` has typed columns (`id`, `created`, `opened_at`) and columns with no values.
    private func catalog() -> Catalog {
        var c = Catalog()
        let empty = ["amount", "fee", "note", "day", "closed_at", "reopened_at", "flag"].map {
            ColumnSchema(name: $0, type: .text, isEmpty: true)
        }
        c.addDataset(
            DatasetSchema(
                name: "refunds",
                columns: [.init(name: "id", type: .integer), .init(name: "created", type: .date), .init(name: "opened_at", type: .timestamp)]
                    + empty))
        c.declareAnchor(dataset: "refunds", column: "day")
        c.declareLifespan(dataset: "refunds", start: "created", end: "day")
        return c
    }

    private func bound(_ text: String) throws(Diagnostic) -> BoundQuery {
        let source = SourceFile(name: nil, text: text)
        guard case .query(let q)? = Parser.parse(source).script.statements.first?.kind else { throw Diagnostic("not a query") }
        return try Binder(catalog: catalog(), today: 0).bind(q, source: source)
    }

    /// Every column the query's aggregates read (their anchors aside), as `name: type`, in order, once each.
    private func columns(_ text: String) throws(Diagnostic) -> [String] {
        var out: [String] = []
        func visit(_ e: RowExpr?) {
            switch e {
            case .column(let c)?:
                let entry = "\(c.column): \(c.type.rawValue)"
                if !out.contains(entry) { out.append(entry) }
            case .negate(let x)?, .not(let x)?, .call(_, let x)?, .isNull(let x, _)?, .inList(let x, _, _)?: visit(x)
            case .arithmetic(_, let l, let r)?, .compare(_, let l, let r)?, .logical(_, let l, let r)?:
                visit(l)
                visit(r)
            case .literal?, nil: break
            }
        }
        for a in try bound(text).aggregates {
            visit(a.value)
            visit(a.filter)
            visit(a.queryFilter)
            a.dimensions.forEach(visit)
        }
        return out
    }

    @Test(arguments: [
        ("sum(refunds.amount)", ["amount: integer"]),
        ("avg(-refunds.amount)", ["amount: integer"]),
        ("sum(refunds.amount * 2 + refunds.fee)", ["amount: integer", "fee: integer"]),
        ("sum(refunds.amount - refunds.id)", ["amount: integer", "id: integer"]),
        ("count(refunds where amount > 2.5)", ["amount: integer"]),
        ("count(refunds where 3 <= amount)", ["amount: integer"]),
        ("count(refunds where note = \"x\")", ["note: text"]),
        ("count(refunds where note in (\"a\", \"b\"))", ["note: text"]),
        ("count(refunds where day between 2024-01-01 and 2024-02-01)", ["day: date"]),
        ("count(refunds where flag)", ["flag: boolean"]),
        ("count(refunds where flag = true or closed_at > opened_at)", ["flag: boolean", "closed_at: timestamp", "opened_at: timestamp"]),
        ("count(refunds where note = day)", ["note: text", "day: text"]),
        ("count(refunds where note is null)", ["note: text"]),
        ("count_distinct(refunds.note)", ["note: text"]),
        ("avg(hours(refunds.closed_at - refunds.reopened_at))", ["closed_at: timestamp", "reopened_at: timestamp"]),
        ("avg(days(refunds.day - refunds.created))", ["day: date", "created: date"]),
        ("count(refunds where date(closed_at) = created)", ["closed_at: timestamp", "created: date"]),
        ("count(refunds) by note", ["note: text"]),
        ("count(refunds where month(day) = \"2024-01\")", ["day: date"]),
    ])
    func aColumnWithNoValuesTakesTheTypeItsUseNeeds(_ query: String, _ expected: [String]) throws {
        #expect(try columns(query) == expected, "\(query)")
    }

    @Test func anchorsAndLifespansTakeItAsDates() throws {
        #expect(try bound("count(refunds) by month").aggregates.first?.anchor?.type == .date)
        #expect(try bound("count(refunds on closed_at) by month").aggregates.first?.anchor?.type == .date)
        let lifespan = try bound("count(refunds active at end) by month").aggregates.first?.lifespan
        #expect(lifespan?.start.type == .date && lifespan?.end.type == .date)
    }

    @Test func whatNoColumnCanBeIsStillAnError() {
        #expect(throws: Diagnostic.self) { try bound("avg(hours(refunds.amount))") }
        #expect(throws: Diagnostic.self) { try bound("count(refunds where amount = null)") }
        #expect(throws: Diagnostic.self) { try bound("count(refunds where amount + 1)") }
    }
}
