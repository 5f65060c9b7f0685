// Expressions by precedence climbing: or, and, not, comparisons, + -, * /, unary minus, primaries, calls.

import TallyDiagnostics

extension Parser {
    /// Binding strength of the expression levels, each named after its production in the grammar.
    enum Precedence: Int, Comparable {
        case orExpr = 1
        case andExpr, notExpr, comparison, additive, term, unary

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }

        /// The level of a left-associative operator's right operand.
        var next: Precedence { Precedence(rawValue: rawValue + 1) ?? .unary }
    }

    /// What an infix token does.
    enum Infix {
        case binary(BinaryOperator)
        case inList(negated: Bool)
        case between(negated: Bool)
        case isNull
    }

    /// `expr = or_expr ;`
    mutating func expr() throws(ParseFailure) -> Expr { try binary(.orExpr) }

    /// `or_expr`, `and_expr`, `comparison`, `additive` and `term` in one precedence-climbing loop:
    /// an operand, then every operator that binds at least as tightly as `level`.
    ///
    /// Comparisons do not chain (`1 < x < 3` is an error). After a complete condition, and at the
    /// top of a query item, `between` ends the expression: in `where x > 5 between 2024-01-01 and
    /// 2024-03-31` and in `revenue between 2024-01-01 and 2024-03-31` it is the query's range.
    /// In an assertion's query `=` ends it in the same places (see `equalEndsQuery`).
    mutating func binary(_ level: Precedence) throws(ParseFailure) -> Expr {
        var left = try notExpr(level)
        var leftDepth = lastDepth
        var compared = false
        while let found = infixOperator(), found.1 >= level {
            let (op, precedence) = found
            if precedence == .comparison {
                if case .between(negated: false) = op, isCondition(left) || (betweenIsRange && parenDepth == 0) {
                    break
                }
                // `assert revenue where plan = "pro" = 5`: the second '=' is the assertion's (an item is
                // never a condition, and comparisons do not chain, so neither could take it).
                if case .binary(.equal) = op, equalEndsQuery, parenDepth == 0, isCondition(left) || betweenIsRange {
                    break
                }
                if compared {
                    // `1 < x < 3`
                    throw fail("comparisons cannot be chained", help: "join them with 'and', e.g. 1 < x and x < 3")
                }
            }
            switch op {
            case .binary(let b):
                let opText = text(current)
                advanceJoining()
                guard canStartExpression(current) else {
                    throw fail("expected \(operandNoun(b)) after '\(opText)'")
                }
                let right = try binary(precedence.next)
                left = Expr(.binary(b, left, right), left.span.union(right.span))
                leftDepth = try node(above: leftDepth, lastDepth)
            case .inList(let negated):
                left = try inList(left, leftDepth, negated: negated)
                leftDepth = lastDepth
            case .between(let negated):
                left = try between(left, leftDepth, negated: negated)
                leftDepth = lastDepth
            case .isNull:
                left = try isNull(left)
                leftDepth = try node(above: leftDepth)
            }
            if precedence == .comparison { compared = true }
        }
        lastDepth = leftDepth
        return left
    }

    /// The depth of a new node over children of the given depths. Chains of operators build deep
    /// trees without any nesting in the text (`1 + 1 + ... + 1`), and every later stage walks
    /// trees recursively, so depth is bounded here too.
    func node(above depths: Int...) throws(ParseFailure) -> Int {
        let depth = 1 + (depths.max() ?? 0)
        if depth > Parser.depthLimit {
            throw fail(
                "expression too complex (depth limit \(Parser.depthLimit))",
                help: "each operator in a chain adds a level; split the expression into smaller metrics")
        }
        return depth
    }

    /// The operator at the cursor, if any, with its precedence.
    func infixOperator() -> (Infix, Precedence)? {
        switch current.kind {
        case .keyword(.or): return (.binary(.or), .orExpr)
        case .keyword(.and): return (.binary(.and), .andExpr)
        case .keyword(.in): return (.inList(negated: false), .comparison)
        case .keyword(.between): return (.between(negated: false), .comparison)
        case .keyword(.is): return (.isNull, .comparison)
        case .keyword(.not):
            switch nextKind {
            case .keyword(.in): return (.inList(negated: true), .comparison)
            case .keyword(.between): return (.between(negated: true), .comparison)
            default: return nil
            }
        case .symbol(let s):
            switch s {
            case .equal: return (.binary(.equal), .comparison)
            case .notEqual: return (.binary(.notEqual), .comparison)
            case .less: return (.binary(.less), .comparison)
            case .lessEqual: return (.binary(.lessEqual), .comparison)
            case .greater: return (.binary(.greater), .comparison)
            case .greaterEqual: return (.binary(.greaterEqual), .comparison)
            case .plus: return (.binary(.add), .additive)
            case .minus: return (.binary(.subtract), .additive)
            case .star: return (.binary(.multiply), .term)
            case .slash: return (.binary(.divide), .term)
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether an expression is already a whole condition (a comparison or a logical combination).
    func isCondition(_ e: Expr) -> Bool {
        switch e.kind {
        case .binary(let op, _, _):
            switch op {
            case .add, .subtract, .multiply, .divide: return false
            default: return true
            }
        case .unary(.not, _), .inList, .between, .isNull: return true
        default: return false
        }
    }

    /// How messages name what an operator needs on its right.
    func operandNoun(_ op: BinaryOperator) -> String {
        switch op {
        case .and, .or: return "a condition"
        case .add, .subtract, .multiply, .divide: return "an expression"
        default: return "a value"
        }
    }

    /// `not_expr = "not" not_expr | comparison ;` (the comparison itself is left to `binary`).
    /// Where only an operand may stand (`x = not y`), a `not` is out of place.
    mutating func notExpr(_ level: Precedence) throws(ParseFailure) -> Expr {
        guard at(.not) else { return try unary() }
        guard level <= .notExpr else { throw misplacedNot() }
        let notToken = current
        try enterNesting()
        defer { nesting -= 1 }
        advanceJoining()
        guard canStartExpression(current) else { throw fail("expected a condition after 'not'") }
        let operand = try binary(.notExpr)
        lastDepth = try node(above: lastDepth)
        return Expr(.unary(.not, operand), notToken.span.union(operand.span))
    }

    /// `x = not y`, `-not y`
    func misplacedNot() -> ParseFailure {
        fail("'not' must come before a whole condition", help: "e.g. not (plan = \"pro\"); or use '!=' and 'not in'")
    }

    /// `unary = "-" unary | primary ;`
    mutating func unary() throws(ParseFailure) -> Expr {
        guard at(.minus) else { return try primary() }
        let minus = current
        try enterNesting()
        defer { nesting -= 1 }
        advanceJoining()
        guard canStartExpression(current) else { throw fail("expected an expression after '-'") }
        let operand = try unary()
        lastDepth = try node(above: lastDepth)
        return Expr(.unary(.negate, operand), minus.span.union(operand.span))
    }

    /// Counts one more open parenthesis or unary operator; past the limit, fails instead of
    /// recursing further, so `((((...` cannot exhaust the stack.
    mutating func enterNesting() throws(ParseFailure) {
        nesting += 1
        if nesting > Parser.nestingLimit {
            throw fail(
                "expression nested too deeply (limit \(Parser.nestingLimit))",
                help: "split it into smaller metrics")
        }
    }

    /// Tokens that can begin an expression. Callers check this first so they can say what they expected.
    func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .string, .date, .period, .identifier, .parameter: return true
        case .keyword(let k): return k == .true || k == .false || k == .null || k == .not
        case .symbol(let s): return s == .leftParen || s == .minus
        default: return false
        }
    }

    /// `primary = NUMBER | STRING | DATE | "true" | "false" | "null" | "(" expr ")" | call | IDENT [ "." IDENT ] | PARAMETER ;`
    mutating func primary() throws(ParseFailure) -> Expr {
        let token = current
        lastDepth = 1
        switch token.kind {
        case .number:
            advance()
            return Expr(.number(text(token)), token.span)
        case .string:
            advance()
            return Expr(.string(token.stringValue(in: source)), token.span)
        case .date:
            let date = try dateLiteral(token)
            advance()
            return Expr(.date(date), token.span)
        case .period:
            // `where date >= 2024-03`
            let t = text(token)
            throw fail(
                "a period such as \(t) can only follow 'for'",
                help: "compare with a date such as 2024-03-01, or restrict the query with 'for \(t)'")
        case .parameter:
            advance()
            return Expr(.name(Name(text(token), token.span)), token.span)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expr(.bool(token.kind == .keyword(.true)), token.span)
        case .keyword(.null):
            advance()
            return Expr(.null, token.span)
        case .keyword(.not):
            throw misplacedNot()
        case .symbol(.leftParen):
            return try parenthesized()
        case .identifier:
            if nextKind == .symbol(.leftParen) { return try call() }
            let first = name(token)
            advance()
            guard at(.dot) else { return Expr(.name(first), first.span) }
            advance()
            let second = try expectNameAfterDot(first)
            return Expr(.qualified(first, second), first.span.union(second.span))
        default:
            throw fail("expected an expression, found \(described(token))")
        }
    }

    /// `"(" expr ")"`; the node's span grows to cover the parentheses.
    mutating func parenthesized() throws(ParseFailure) -> Expr {
        let open = current
        try enterNesting()
        defer { nesting -= 1 }
        parenDepth += 1
        advance()
        guard canStartExpression(current) else { throw fail("expected an expression after '('") }
        var inner = try expr()
        guard at(.rightParen) else { throw unclosed(open) }
        parenDepth -= 1
        advance()
        inner.span = Span(open.span.start, lastEnd)
        return inner
    }

    /// `(revenue` → expected ')', pointing back at the '('.
    func unclosed(_ open: Token, help: String? = nil) -> ParseFailure {
        fail("expected ')'", help: help, labels: [Diagnostic.Label(span: open.span, message: "to match this '('")])
    }

    /// `call = IDENT "(" [ expr { "," expr } ] { "on" IDENT | "where" expr | ( "active" "at" | "started" "before" ) IDENT } ")" ;`
    mutating func call() throws(ParseFailure) -> Expr {
        let function = name(current)
        advance()
        let open = current
        try enterNesting()
        defer { nesting -= 1 }
        parenDepth += 1
        advance()
        if at(.star) {
            // `count(*)`, from SQL
            throw fail("'*' is not an argument", help: "to count rows, name the dataset, e.g. count(orders)")
        }
        // `count(order)`: a reserved word where a dataset name was meant.
        if !canStartExpression(current), let help = reservedWordHelp(current) {
            throw fail("unexpected \(described(current)) as an argument", help: help)
        }
        var arguments: [Expr] = []
        var depth = 0
        if canStartExpression(current) {
            arguments.append(try expr())
            depth = lastDepth
            while at(.comma) {
                advance()
                guard canStartExpression(current) else { throw fail("expected an argument after ','") }
                arguments.append(try expr())
                depth = max(depth, lastDepth)
            }
        }
        var anchor: Name?
        var anchorSpan = Span.none
        var filter: Expr?
        var filterSpan = Span.none
        var activeAt: Name?
        var activeSpan = Span.none
        var startedBefore = false
        while true {
            if atWord("active") || atWord("started") {
                let phrase = atWord("active") ? ("active", "at") : ("started", "before")
                if activeAt != nil { throw givenTwice("\(phrase.0) \(phrase.1)", first: activeSpan) }
                let start = current.span.start
                advance()
                guard atWord(phrase.1) else {
                    throw fail(
                        "expected '\(phrase.1) start' or '\(phrase.1) end' after '\(phrase.0)'",
                        help: "e.g. count(customers \(phrase.0) \(phrase.1) end)")
                }
                advance()
                activeAt = try expectName(
                    "'start' or 'end' after '\(phrase.0) \(phrase.1)'", help: "e.g. count(customers \(phrase.0) \(phrase.1) end)")
                startedBefore = phrase.0 == "started"
                activeSpan = Span(start, lastEnd)
            } else if at(.on) {
                if anchor != nil { throw givenTwice("on", first: anchorSpan) }
                let start = current.span.start
                advance()
                anchor = try expectName("a column name after 'on'", help: "e.g. count(deals on closed_date)")
                anchorSpan = Span(start, lastEnd)
            } else if at(.where) {
                if filter != nil { throw givenTwice("where", first: filterSpan) }
                let start = current.span.start
                advance()
                guard canStartExpression(current) else { throw fail("expected a condition after 'where'") }
                filter = try expr()
                depth = max(depth, lastDepth)
                filterSpan = Span(start, lastEnd)
            } else {
                break
            }
        }
        guard at(.rightParen) else {
            throw unclosed(
                open,
                help:
                    "in a call, arguments are separated by ',' and may be followed by 'on COLUMN', 'active at start|end' and 'where CONDITION'"
            )
        }
        parenDepth -= 1
        advance()
        lastDepth = try node(above: depth)
        let call = Call(
            function: function, arguments: arguments, anchor: anchor, filter: filter, activeAt: activeAt,
            startedBefore: startedBefore)
        return Expr(.call(call), Span(function.span.start, lastEnd))
    }

    /// `x [not] in ( expr { "," expr } )`, the cursor on `not` or `in`.
    mutating func inList(_ left: Expr, _ leftDepth: Int, negated: Bool) throws(ParseFailure) -> Expr {
        if negated { advance() }
        advanceJoining()
        let word = negated ? "not in" : "in"
        guard at(.leftParen) else {
            throw fail(
                "expected '(' after '\(word)'",
                help: "write the values in parentheses, e.g. plan in (\"pro\", \"team\")")
        }
        let open = current
        try enterNesting()
        defer { nesting -= 1 }
        parenDepth += 1
        advance()
        guard canStartExpression(current) else {
            throw fail("expected a value after '('", help: "the list needs at least one value")
        }
        var values = [try expr()]
        var depth = max(leftDepth, lastDepth)
        while at(.comma) {
            advance()
            guard canStartExpression(current) else { throw fail("expected a value after ','") }
            values.append(try expr())
            depth = max(depth, lastDepth)
        }
        guard at(.rightParen) else { throw unclosed(open) }
        parenDepth -= 1
        advance()
        lastDepth = try node(above: depth)
        return Expr(.inList(left, values, negated: negated), Span(left.span.start, lastEnd))
    }

    /// `x [not] between additive and additive`, the cursor on `not` or `between`.
    mutating func between(_ left: Expr, _ leftDepth: Int, negated: Bool) throws(ParseFailure) -> Expr {
        if negated { advance() }
        advanceJoining()
        guard canStartExpression(current) else { throw fail("expected a lower bound after 'between'") }
        let low = try binary(.additive)
        let lowDepth = lastDepth
        continueOnNextLine(if: { $0.kind == .keyword(.and) })  // `between 10` at a line's end, `and 20` on the next
        guard at(.and) else {
            throw fail("expected 'and' after the lower bound of 'between'", help: "e.g. amount between 10 and 20")
        }
        advanceJoining()
        guard canStartExpression(current) else { throw fail("expected an upper bound after 'and'") }
        let high = try binary(.additive)
        lastDepth = try node(above: leftDepth, lowDepth, lastDepth)
        return Expr(.between(left, low, high, negated: negated), left.span.union(high.span))
    }

    /// `x is [not] null`, the cursor on `is`.
    mutating func isNull(_ left: Expr) throws(ParseFailure) -> Expr {
        advanceJoining()
        let negated = at(.not)
        if negated { advanceJoining() }
        guard at(.null) else {
            throw fail(
                "expected 'null' after '\(negated ? "is not" : "is")'",
                help: "'is' only tests for null; compare values with '=' or '!='")
        }
        advance()
        return Expr(.isNull(left, negated: negated), Span(left.span.start, lastEnd))
    }

    /// `revenue by month by plan`: a clause, or an aggregate's `on`/`where`, written twice.
    func givenTwice(_ word: String, first: Span) -> ParseFailure {
        fail("'\(word)' given twice", labels: [Diagnostic.Label(span: first, message: "first given here")])
    }
}
