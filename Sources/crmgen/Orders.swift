// Orders.swift — streams orders customer by customer: a "new" order at signup, then recurring, upsell and cross-sell ones while active.
import Foundation

enum OrderGenerator {
    static let kindNew = 0
    static let kindRecurring = 1
    static let kindUpsell = 2
    static let kindCrossSell = 3

    /// Median order amounts (dollars) by kind, then plan; log-normal gives the heavy right tail.
    static let medians: [[Double]] = [
        [49, 149, 890],  // new
        [29, 99, 490],  // recurring
        [45, 160, 800],  // upsell
        [25, 70, 300],  // cross_sell
    ]
    static let sigmas: [Double] = [0.6, 0.35, 0.6, 0.6]
    /// Bigger plans buy a little more often.
    static let frequency: [Double] = [1.0, 1.1, 1.3]
    static let upsellShare: [Double] = [0.04, 0.06, 0.08]
    static let crossSellShare: [Double] = [0.03, 0.05, 0.06]
    /// Share of orders from guest checkouts whose customer_id matches no customer.
    static let guestShare = 0.002

    /// Writes exactly `total` orders. Every customer gets a "new" order on signup day when
    /// there are enough orders to go round; the rest are shared out in proportion to days
    /// active × engagement by cumulative rounding, which hits the total exactly without
    /// holding any orders in memory.
    static func write(
        customers: [Customer], total: Int, window: Window, stories: Stories, seed: UInt64, to dir: String
    ) throws -> CSVWriter {
        var rng = RNG(seed: seed, stream: 2)
        var w = try CSVWriter(path: dir + "/orders.csv", header: ["id", "customer_id", "date", "amount", "kind"])
        let count = customers.count
        let guests = min(total, Int((Double(total) * guestShare).rounded()))
        let owned = total - guests
        let everyoneGetsNew = owned >= count
        let extra = everyoneGetsNew ? owned - count : 0

        func weight(_ c: Customer) -> Double {
            Double(c.lastActive(window) - Int(c.signup) + 1) * Double(c.engagement) * frequency[Int(c.plan)]
        }
        var totalWeight = 0.0
        for c in customers { totalWeight += weight(c) }

        var id = 0
        var cumulative = 0.0
        var extraDone = 0
        var newDone = 0
        var guestsDone = 0
        for (index, c) in customers.enumerated() {
            let customerID = index + 1
            let signup = Int(c.signup)
            let plan = Int(c.plan)
            let isLast = index == count - 1

            let newTarget = everyoneGetsNew ? index + 1 : (isLast ? owned : owned * (index + 1) / count)
            if newTarget > newDone {
                newDone = newTarget
                id += 1
                row(&w, id: id, customer: customerID, day: signup, kind: kindNew, plan: plan, c: c, stories: stories, rng: &rng)
                try w.endRow()
            }

            cumulative += weight(c)
            let extraTarget = isLast ? extra : min(extra, Int(Double(extra) * cumulative / totalWeight))
            let k = extraTarget - extraDone
            if k > 0 {
                extraDone = extraTarget
                // Stratified dates spread the orders evenly (monthly-ish) over the lifespan, in date order.
                let span = c.lastActive(window) - signup
                let upsell = upsellShare[plan]
                let crossSell = upsell + crossSellShare[plan]
                for j in 0..<k {
                    let day = span == 0 ? signup : signup + 1 + Int((Double(j) + rng.uniform()) * Double(span) / Double(k))
                    let u = rng.uniform()
                    let kind = u < upsell ? kindUpsell : (u < crossSell ? kindCrossSell : kindRecurring)
                    id += 1
                    row(&w, id: id, customer: customerID, day: day, kind: kind, plan: plan, c: c, stories: stories, rng: &rng)
                    try w.endRow()
                }
            }

            let guestTarget = isLast ? guests : guests * (index + 1) / count
            while guestsDone < guestTarget {
                guestsDone += 1
                id += 1
                w.int(id)
                w.int(count + 1 + rng.below(count))
                w.date(window.start + rng.below(window.dayCount))
                w.money(cents: cents(rng.logNormal(median: medians[kindNew][0], sigma: sigmas[kindNew])))
                w.text(Vocab.orderKinds[kindNew])
                try w.endRow()
            }
        }
        try w.close()
        return w
    }

    @inline(__always)
    private static func row(
        _ w: inout CSVWriter, id: Int, customer: Int, day: Int, kind: Int, plan: Int, c: Customer, stories: Stories,
        rng: inout RNG
    ) {
        var amount = rng.logNormal(median: medians[kind][plan], sigma: sigmas[kind])
        // Engaged customers buy somewhat bigger baskets, not only more often.
        amount *= Double(c.engagement).squareRoot()
        if kind == kindRecurring && plan == Int(Plan.basic) && day >= stories.priceRise { amount *= 1.15 }
        // Rare bulk purchases make the tail heavier than log-normal alone.
        if rng.uniform() < 0.01 { amount *= 3 + 5 * rng.uniform() }
        w.int(id)
        w.int(customer)
        w.date(day)
        w.money(cents: cents(amount))
        w.text(Vocab.orderKinds[kind])
    }

    @inline(__always)
    static func cents(_ dollars: Double) -> Int {
        max(100, Int((dollars * 100).rounded()))
    }
}
