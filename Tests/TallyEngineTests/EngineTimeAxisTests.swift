// The dense time axis (DESIGN §4): empty periods, clipping by since/until, null anchors, timestamps placed in UTC.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineTimeAxisTests {
    /// Three dated orders in January and April, plus one with no date that must never count.
    /// amounts: 10.00 (Jan 10), 5.50 (Jan 20), 7.25 (Apr 5), 100.00 (no date).
    static let orders = table(
        "orders",
        [
            "id": .integer([1, 2, 3, 4]),
            "date": .date([day(2024, 1, 10), day(2024, 1, 20), day(2024, 4, 5), nullDay]),
            "amount": .decimal([1000, 550, 725, 10000], scale: 2),
        ])
    let f = Fixture(orders, anchors: ["orders": "date"])

    @Test func emptyPeriodsGiveZeroCountsAndNullAverages() throws {
        // Jan: 10.00 + 5.50 = 15.5 over 2 orders; mean 7.75; median (5.5 + 10) / 2 = 7.75;
        //      share of orders above 6: 1 of 2 = 0.5; min 5.5.
        // Feb, Mar: nothing, so sums and counts are 0 and everything else is null.
        // Apr: 7.25, one order, above 6.
        // The undated 100.00 order is in no month and does not stretch the axis.
        let rows = try f.rows(
            """
            sum(orders.amount) as total, count(orders) as n, avg(orders.amount) as mean,
              count(orders where amount > 6) / count(orders) as share, median(orders.amount) as mid,
              min(orders.amount) as lo by month
            """)
        #expect(
            rows == [
                [t("2024-01"), n(15.5), n(2), n(7.75), n(0.5), n(7.75), n(5.5)],
                [t("2024-02"), n(0), n(0), .null, .null, .null, .null],
                [t("2024-03"), n(0), n(0), .null, .null, .null, .null],
                [t("2024-04"), n(7.25), n(1), n(7.25), n(1), n(7.25), n(7.25)],
            ])
    }

    @Test func columnsAreTheGrainThenTheItemsInOrder() throws {
        let table = try f.run("count(orders) as n, sum(orders.amount) by month")
        #expect(table.columns.map(\.name) == ["month", "n", "sum(orders.amount)"])
    }

    @Test(arguments: [
        // since and until clip both ends: only the Jan 20 order is inside; Apr 5 is after Apr 4.
        ("sum(orders.amount) as x by month since 2024-01-15 until 2024-04-04",
         [("2024-01", 5.5), ("2024-02", 0), ("2024-03", 0), ("2024-04", 0)]),
        // since alone: the end comes from the data (the month of Apr 5).
        ("sum(orders.amount) as x by month since 2024-01-11",
         [("2024-01", 5.5), ("2024-02", 0), ("2024-03", 0), ("2024-04", 7.25)]),
        // until alone: the start comes from the data (the month of Jan 10); April is cut off.
        ("sum(orders.amount) as x by month until 2024-03-15",
         [("2024-01", 15.5), ("2024-02", 0), ("2024-03", 0)]),
        // A range with no data still lists its periods, across a year boundary.
        ("count(orders) as x by month since 2023-11-20 until 2024-01-10",
         [("2023-11", 0), ("2023-12", 0), ("2024-01", 1)]),
        // Both bounds are inclusive: a one-day range holding an order.
        ("count(orders) as x by day since 2024-01-20 until 2024-01-20", [("2024-01-20", 1)]),
        // Quarters clipped at both ends, bounds on the orders' own days.
        ("sum(orders.amount) as x by quarter since 2024-01-20 until 2024-04-05", [("2024-Q1", 5.5), ("2024-Q2", 7.25)]),
        // ISO weeks: Jan 10 is a Wednesday of 2024-W02, Jan 20 a Saturday of W03; Jan 31 is in W05.
        ("count(orders) as x by week until 2024-01-31",
         [("2024-W02", 1), ("2024-W03", 1), ("2024-W04", 0), ("2024-W05", 0)]),
    ] as [(String, [(String, Double)])])
    func rangesClipTheFirstAndLastPeriod(_ query: String, _ expected: [(String, Double)]) throws {
        #expect(try f.rows(query) == expected.map { [t($0.0), n($0.1)] }, "\(query)")
    }

    @Test func orderByTheTimeDimensionAndLimit() throws {
        // Month labels sort chronologically; descending puts April first; limit then keeps two.
        #expect(
            try f.rows("count(orders) as n by month order by month desc limit 2") == [[t("2024-04"), n(1)], [t("2024-03"), n(0)]])
        // Ordering by the measure keeps the dense zero months, ties in month order.
        #expect(
            try f.rows("count(orders) as n by month order by n desc")
                == [[t("2024-01"), n(2)], [t("2024-04"), n(1)], [t("2024-02"), n(0)], [t("2024-03"), n(0)]])
    }

    @Test func aRangeWithoutATimeDimensionGivesOneRow() throws {
        // Jan 20 (5.50) and Apr 5 (7.25) are inside; Jan 10 is before.
        #expect(try f.value("sum(orders.amount) since 2024-01-11 until 2024-04-05") == n(12.75))
        #expect(try f.value("count(orders) since 2024-04-06") == n(0))
    }

    @Test func rowsWithANullAnchorAreNeverCounted() throws {
        // The undated 100.00 order is outside every period, with or without a time dimension.
        #expect(try f.rows("count(orders) as n, sum(orders.amount) as s") == [[n(3), n(22.75)]])
        #expect(try f.value("count(orders where date is null)") == n(0))
        #expect(try f.value("max(orders.amount)") == n(10))
    }

    @Test func withoutAnAnchorEveryRowCounts() throws {
        // Nothing places the rows in time, so a query with no time needs no anchor and reads all 4 rows.
        let unanchored = Fixture(Self.orders)
        #expect(try unanchored.value("count(orders)") == n(4))
        // ...and a time dimension is then an error naming the dataset, not a silent wrong answer.
        let error = try #require(unanchored.failure("count(orders) by month"))
        #expect(error.message.contains("orders"))
    }

    @Test func aFilterThatMatchesNothing() throws {
        // No time dimension: one row, the empty count 0 and the empty average null.
        #expect(try f.rows("count(orders where id > 10) as n, avg(orders.amount where id > 10) as a") == [[n(0), .null]])
        #expect(try f.rows("count(orders) as n, avg(orders.amount) as a where id > 10") == [[n(0), .null]])
        // With a range, every period of the range is listed even though no row passes `where`.
        #expect(
            try f.rows("count(orders) as n by month where id > 10 since 2024-01-01 until 2024-02-29")
                == [[t("2024-01"), n(0)], [t("2024-02"), n(0)]])
    }
}

// MARK: Timestamps

@Suite struct EngineTimestampTests {
    /// Tickets around month ends, in UTC: Jan 31 23:30, Feb 1 00:30, Feb 29 23:59:59.999999, Mar 1 00:00.
    static let tickets = table(
        "tickets",
        [
            "id": .integer([1, 2, 3, 4]),
            "opened_at": .timestamp([
                micros(2024, 1, 31, 23, 30), micros(2024, 2, 1, 0, 30),
                micros(2024, 2, 29, 23, 59, 59, fraction: 999_999), micros(2024, 3, 1, 0, 0),
            ]),
            "resolved_at": .timestamp([micros(2024, 2, 1, 0, 10), micros(2024, 2, 1, 3, 30), nullInt, micros(2024, 3, 1, 0, 0)]),
        ])
    let f = Fixture(tickets, anchors: ["tickets": "opened_at"])

    @Test func timestampsFallInTheirUTCDay() throws {
        // 23:30 on Jan 31 is January; 00:30 on Feb 1 is February; the last microsecond of Feb 29 is February.
        #expect(try f.rows("count(tickets) as n by month") == [[t("2024-01"), n(1)], [t("2024-02"), n(2)], [t("2024-03"), n(1)]])
        #expect(try f.rows("count(tickets) as n by day since 2024-02-01 until 2024-02-01") == [[t("2024-02-01"), n(1)]])
        // A range over dates includes every instant of its last day.
        #expect(try f.value("count(tickets) since 2024-02-01 until 2024-02-29") == n(2))
    }

    @Test func timestampsCompareWithDatesAtMidnightUTC() throws {
        #expect(try f.value("count(tickets where opened_at >= 2024-02-01)") == n(3))
        #expect(try f.value("count(tickets where opened_at < 2024-03-01)") == n(3))
        // Only the ticket opened exactly at midnight equals the date.
        #expect(try f.value("count(tickets where opened_at = 2024-03-01)") == n(1))
        // date() truncates to the UTC day.
        #expect(try f.value("count(tickets where date(opened_at) = 2024-02-29)") == n(1))
    }

    @Test func sameDayResolutionUsesUTCDates() throws {
        // Ticket 1 opened Jan 31 23:30, resolved Feb 1 00:10: another UTC day. Ticket 2: same day.
        // Ticket 3 is unresolved (null never equals). Ticket 4: same instant. So 2 of 4.
        #expect(try f.value("count(tickets where date(resolved_at) = date(opened_at)) / count(tickets)") == n(0.5))
    }

    @Test func durationsInHours() throws {
        // Ticket 1: 40 minutes; ticket 2: 3 hours; ticket 4: 0. Ticket 3 has no resolution and is left out.
        // (2/3 + 3 + 0) / 3 = 11/9 hours.
        let expected = (40.0 / 60.0 + 3.0 + 0.0) / 3.0
        let v = try f.value("avg(hours(tickets.resolved_at - tickets.opened_at))")
        guard case .number(let x) = v else {
            Issue.record("expected a number, got \(v)")
            return
        }
        #expect(abs(x - expected) < 1e-12)
    }

    @Test func instantsBefore1970LandOnTheRightDay() throws {
        // 1969-12-31T23:30Z is -1,800 seconds: a truncating division would put it on 1970-01-01.
        let early = table(
            "events",
            ["at": .timestamp([micros(1969, 12, 31, 23, 30), micros(1970, 1, 1, 0, 30)])])
        let g = Fixture(early, anchors: ["events": "at"])
        #expect(try g.rows("count(events) as n by day") == [[t("1969-12-31"), n(1)], [t("1970-01-01"), n(1)]])
    }
}
