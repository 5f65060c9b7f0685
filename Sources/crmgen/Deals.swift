// Deals.swift — sales deals: the won deal that brought sales-led customers in, and later expansion deals.
import Foundation

enum DealGenerator {
    static let stageOpen: UInt8 = 0
    static let stageWon: UInt8 = 1
    static let stageLost: UInt8 = 2
    private static let noCompetitor: UInt8 = 255

    /// Chance that a customer of each plan was signed through a sales deal.
    static let salesLed: [Double] = [0.03, 0.55, 0.90]
    /// Expansion opportunities per active month, by plan.
    static let expansionRate: [Double] = [0.01, 0.05, 0.12]
    static let initialMedian: [Double] = [1_200, 6_000, 40_000]
    static let expansionMedian: [Double] = [600, 2_500, 15_000]
    /// Median days from creation to close, by plan: bigger accounts take longer.
    static let cycleMedian: [Double] = [14, 35, 75]
    /// Reps own territories (north_america, europe, apac, latam) and differ in skill.
    static let repsByRegion: [[Int]] = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11]]
    static let repSkill: [Double] = [1.20, 0.90, 1.00, 1.10, 0.80, 1.00, 1.15, 0.95, 1.05, 0.85, 1.00, 1.10]
    static let expansionWinRate = 0.30

    private struct Deal {
        var created: Int32
        var closed: Int32
        var customer: Int32
        var cents: Int
        var sequence: Int32
        var channel: UInt8
        var rep: UInt8
        var stage: UInt8
        var competitor: UInt8
        var calls: UInt8
    }

    static func write(customers: [Customer], window: Window, seed: UInt64, to dir: String) throws -> CSVWriter {
        var rng = RNG(seed: seed, stream: 5)
        var deals: [Deal] = []

        // Calls grow with the log of the deal size: big deals need more conversations.
        func calls(_ cents: Int) -> UInt8 {
            let x = 1 + 2.2 * log(Double(cents) / 80_000) + 1.5 * rng.normal()
            return UInt8(min(20, max(1, Int(x.rounded()))))
        }
        func competitor(_ p: Double) -> UInt8 {
            rng.uniform() < p ? UInt8(rng.below(Vocab.competitors.count)) : noCompetitor
        }

        for (i, c) in customers.enumerated() {
            let plan = Int(c.plan)
            let signup = Int(c.signup)
            let region = Int(c.region)
            let territory = region < repsByRegion.count ? repsByRegion[region] : Array(0..<Vocab.reps.count)
            // One account owner per customer, as in most CRMs.
            let rep = territory[rng.below(territory.count)]

            if rng.uniform() < salesLed[plan] {
                let cycle = max(1, Int(rng.logNormal(median: cycleMedian[plan], sigma: 0.5)))
                let cents = Int((rng.logNormal(median: initialMedian[plan], sigma: 0.6) * 100).rounded())
                deals.append(
                    Deal(
                        created: Int32(max(window.start, signup - cycle)), closed: c.signup, customer: Int32(i + 1),
                        cents: cents, sequence: Int32(deals.count), channel: c.channel, rep: UInt8(rep),
                        stage: stageWon, competitor: competitor(0.2), calls: calls(cents)))
            }

            let last = c.lastActive(window)
            for seg in MonthSegments(from: signup + 1, through: last) {
                let n = rng.poisson(expansionRate[plan] * seg.fraction)
                for _ in 0..<n {
                    let created = seg.randomDay(&rng)
                    let cycle = max(1, Int(rng.logNormal(median: cycleMedian[plan], sigma: 0.6)))
                    let cents = Int((rng.logNormal(median: expansionMedian[plan], sigma: 0.7) * 100).rounded())
                    let rival = competitor(0.3)
                    var stage = stageLost
                    var closed = created + cycle
                    if let churn = c.churnDay, closed >= churn {
                        // The customer left before the deal closed.
                        closed = churn
                    } else if closed > window.end {
                        stage = stageOpen
                        closed = -1
                    } else {
                        let p = expansionWinRate * repSkill[rep] * (rival == noCompetitor ? 1.0 : 0.7)
                        if rng.uniform() < p { stage = stageWon }
                    }
                    deals.append(
                        Deal(
                            created: Int32(created), closed: Int32(closed), customer: Int32(i + 1), cents: max(100, cents),
                            sequence: Int32(deals.count), channel: c.channel, rep: UInt8(rep), stage: stage,
                            competitor: rival, calls: calls(cents)))
                }
            }
        }
        deals.sort { ($0.created, $0.sequence) < ($1.created, $1.sequence) }

        var w = try CSVWriter(
            path: dir + "/deals.csv",
            header: [
                "id", "customer_id", "rep", "channel", "created_date", "closed_date", "stage", "amount", "competitor", "calls",
            ])
        for (i, d) in deals.enumerated() {
            w.int(i + 1)
            w.int(Int(d.customer))
            w.text(Vocab.reps[Int(d.rep)])
            w.text(Vocab.channels[Int(d.channel)])
            w.date(Int(d.created))
            w.date(d.closed >= 0 ? Int(d.closed) : nil)
            w.text(Vocab.stages[Int(d.stage)])
            w.money(cents: d.cents)
            if d.competitor == noCompetitor { w.null() } else { w.text(Vocab.competitors[Int(d.competitor)]) }
            w.int(Int(d.calls))
            try w.endRow()
        }
        try w.close()
        return w
    }
}
