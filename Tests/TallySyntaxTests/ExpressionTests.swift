// Expression parsing: precedence and associativity, every operator and literal, calls and spans.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct ExpressionTests {
    @Test func arithmetic() {
        checkExpr("1 + 2 * 3", "(+ 1 (* 2 3))")
        checkExpr("1 * 2 + 3", "(+ (* 1 2) 3)")
        checkExpr("1 - 2 - 3", "(- (- 1 2) 3)")
        checkExpr("8 / 4 / 2", "(/ (/ 8 4) 2)")
        checkExpr("(1 + 2) * 3", "(* (+ 1 2) 3)")
        checkExpr("revenue / purchases", "(/ revenue purchases)")
        checkExpr("-x", "(- x)")
        checkExpr("- -x", "(- (- x))")
        checkExpr("-2 * 3", "(* (- 2) 3)")
        checkExpr("1 - -2", "(- 1 (- 2))")
        checkExpr("a * -b", "(* a (- b))")
    }

    @Test func literals() {
        checkExpr("42", "42")
        checkExpr("0.10", "0.10")
        checkExpr("1e-3", "1e-3")
        checkExpr(#""pro""#, #""pro""#)
        checkExpr(#""a\"b""#, #""a\"b""#)
        checkExpr("2024-01-31", "2024-01-31")
        checkExpr("true", "true")
        checkExpr("false", "false")
        checkExpr("null", "null")
    }

    @Test func names() {
        checkExpr("revenue", "revenue")
        checkExpr("customers.plan", "(. customers plan)")
        checkExpr("`order`", "`order`")
        checkExpr("`my metric`", "`my metric`")
        checkExpr("deals.order", "(. deals `order`)")
    }

    @Test func comparisons() {
        checkExpr("a = 1", "(= a 1)")
        checkExpr("a != 1", "(!= a 1)")
        checkExpr("a <> 1", "(!= a 1)")
        checkExpr("a < 1", "(< a 1)")
        checkExpr("a <= 1", "(<= a 1)")
        checkExpr("a > 1", "(> a 1)")
        checkExpr("a >= 1", "(>= a 1)")
        checkExpr("a + 1 = b * 2", "(= (+ a 1) (* b 2))")
        checkExpr("(a = b) = c", "(= (= a b) c)")
    }

    @Test func logic() {
        checkExpr("a or b and c", "(or a (and b c))")
        checkExpr("a and b or c", "(or (and a b) c)")
        checkExpr("a or b or c", "(or (or a b) c)")
        checkExpr("a and b and c", "(and (and a b) c)")
        checkExpr("not a", "(not a)")
        checkExpr("not a and b", "(and (not a) b)")
        checkExpr("not a = b", "(not (= a b))")
        checkExpr("a and not b", "(and a (not b))")
        checkExpr("not not a", "(not (not a))")
        checkExpr("not (a or b)", "(not (or a b))")
        checkExpr("x = 1 or y = 2 and z = 3", "(or (= x 1) (and (= y 2) (= z 3)))")
    }

    @Test func specialComparisons() {
        checkExpr(#"plan in ("pro", "team")"#, #"(in plan "pro" "team")"#)
        checkExpr("x in (1)", "(in x 1)")
        checkExpr("x not in (1, 2)", "(not-in x 1 2)")
        // At the top of a query item, `between` starts the range clause; in parentheses it compares.
        checkExpr("(x between 1 and 2)", "(between x 1 2)")
        checkExpr("x not between 1 and 2", "(not-between x 1 2)")
        checkExpr("(x between 1 + 1 and 2 * 3)", "(between x (+ 1 1) (* 2 3))")
        checkExpr("(x between 1 and 2 and y)", "(and (between x 1 2) y)")
        checkExpr("x is null", "(is-null x)")
        checkExpr("x is not null", "(is-not-null x)")
        checkExpr("a + 1 is null", "(is-null (+ a 1))")
        checkExpr("not x is null", "(not (is-null x))")
        checkExpr("x in (1, 2) and y is null", "(and (in x 1 2) (is-null y))")
    }

    @Test func calls() {
        checkExpr("count(orders)", "(count orders)")
        checkExpr("now()", "(now)")
        checkExpr("sum(orders.amount)", "(sum (. orders amount))")
        checkExpr("percentile(x, 0.9)", "(percentile x 0.9)")
        checkExpr("count(deals on closed_date)", "(count deals (on closed_date))")
        checkExpr(#"count(deals where stage = "won")"#, #"(count deals (where (= stage "won")))"#)
        checkExpr(
            #"count(deals on closed_date where stage = "won")"#, #"(count deals (on closed_date) (where (= stage "won")))"#)
        checkExpr(
            #"count(deals where stage = "won" on closed_date)"#, #"(count deals (on closed_date) (where (= stage "won")))"#)
        checkExpr("hours(first_response_at - opened_at)", "(hours (- first_response_at opened_at))")
        checkExpr("avg(hours(a - b)) / 24", "(/ (avg (hours (- a b))) 24)")
        checkExpr("count(where x)", "(count (where x))")
        checkExpr("`order`(x)", "(`order` x)")
    }

    @Test func newlinesInsideParenthesesAreIgnored() {
        checkExpr("(1 +\n 2)", "(+ 1 2)")
        checkExpr("(1\n + 2\n)", "(+ 1 2)")
        checkExpr("count(\n  deals\n  on closed_date\n  where stage = \"won\"\n)", "(count deals (on closed_date) (where (= stage \"won\")))")
        checkExpr("x in (\n1,\n2\n)", "(in x 1 2)")
    }

    @Test func newlinesAfterOperatorsAreSkipped() {
        checkExpr("1 +\n2", "(+ 1 2)")
        checkExpr("a and\n\n b", "(and a b)")
        checkExpr("a =\n b", "(= a b)")
        checkExpr("x not between\n 1 and\n 2", "(not-between x 1 2)")
        checkExpr("x is\n not\n null", "(is-not-null x)")
    }

    @Test func nodeSpansCoverTheirText() {
        let text = "(a + b) * count(orders where x is not null) - -c"
        let (script, diagnostics) = Parser.parse(SourceFile(name: nil, text: text))
        #expect(diagnostics.isEmpty)
        guard case .query(let q)? = script.statements.first?.kind else {
            Issue.record("no query")
            return
        }
        let source = SourceFile(name: nil, text: text)
        let root = q.items[0].expr
        #expect(source.slice(root.span) == text)
        guard case .binary(.subtract, let product, let negated) = root.kind,
            case .binary(.multiply, let sum, let call) = product.kind
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(source.slice(product.span) == "(a + b) * count(orders where x is not null)")
        #expect(source.slice(sum.span) == "(a + b)")
        #expect(source.slice(call.span) == "count(orders where x is not null)")
        #expect(source.slice(negated.span) == "-c")
        if case .call(let c) = call.kind, let filter = c.filter {
            #expect(source.slice(filter.span) == "x is not null")
            #expect(source.slice(c.function.span) == "count")
        } else {
            Issue.record("not a call")
        }
        #expect(source.slice(q.span) == text)
        #expect(source.slice(script.statements[0].span) == text)
    }

    @Test func nestingUpToTheLimitIsFine() {
        let depth = Parser.nestingLimit
        checkExpr(String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth), "x")
        checkExpr(String(repeating: "- ", count: depth) + "x", String(repeating: "(- ", count: depth) + "x" + String(repeating: ")", count: depth))
        checkExpr(String(repeating: "not ", count: depth) + "x", String(repeating: "(not ", count: depth) + "x" + String(repeating: ")", count: depth))
        checkExpr(String(repeating: "f(", count: depth) + "x" + String(repeating: ")", count: depth), String(repeating: "(f ", count: depth) + "x" + String(repeating: ")", count: depth))
        // A chain of operators is as deep as it is long; up to the depth limit it is fine.
        let chain = Array(repeating: "1", count: Parser.depthLimit).joined(separator: " + ")
        #expect(parsed(chain).diagnostics.isEmpty)
    }
}
