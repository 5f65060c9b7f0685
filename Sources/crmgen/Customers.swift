// Customers.swift — customer signups (growth with seasonality), their plan, region, channel and churn.
import Foundation
import TallyData

/// One customer, kept compact because the benchmark holds half a million in memory.
/// The id is the array index + 1: customers are numbered in signup order.
struct Customer {
    var signup: Int32
    /// -1 while active; otherwise strictly after signup, so a lifespan is never empty.
    var churn: Int32
    var plan: UInt8
    var region: UInt8
    var channel: UInt8
    /// How much more or less than typical this customer buys and uses the product.
    var engagement: Float

    var churnDay: Int? { churn >= 0 ? Int(churn) : nil }

    /// Last day the customer is a customer for the whole day (activity happens up to here).
    func lastActive(_ window: Window) -> Int {
        churn >= 0 ? Int(churn) - 1 : window.end
    }
}

/// Relative signup intensity per day: steady growth, a Q4/January bump, a summer dip
/// and quieter weekends. Leads reuse it, so marketing follows the same rhythm.
struct DayCurve {
    let window: Window
    let weights: [Double]
    private let days: Weights

    private static let seasonality: [Double] = [1.30, 1.05, 1.00, 0.95, 0.90, 0.78, 0.72, 0.76, 0.95, 1.05, 1.20, 1.15]

    init(window: Window) {
        self.window = window
        var w: [Double] = []
        w.reserveCapacity(window.dayCount)
        for day in window.start...window.end {
            let years = Double(day - window.start) / 365.25
            let month = CivilDate.components(Int32(day)).month
            // ISO weekdays: 6 and 7 are Saturday and Sunday.
            let weekend = CivilDate.weekday(Int32(day)) >= 6
            w.append(exp(0.6 * years) * Self.seasonality[month - 1] * (weekend ? 0.55 : 1.0))
        }
        weights = w
        days = Weights(w)
    }

    func weight(_ day: Int) -> Double {
        weights[day - window.start]
    }

    func total(_ days: ClosedRange<Int>) -> Double {
        var s = 0.0
        for d in days where d >= window.start && d <= window.end { s += weight(d) }
        return s
    }

    /// A random day with probability proportional to its weight.
    func sample(_ rng: inout RNG) -> Int {
        window.start + days.pick(&rng)
    }
}

enum CustomerGenerator {
    /// Monthly churn hazard by plan: basic ~4%, pro ~2%, enterprise ~0.8% once the
    /// early-tenure and channel factors below are averaged in.
    static let baseHazard: [Double] = [0.035, 0.017, 0.007]
    /// Referral and partner customers stay longer; social and paid ones leave sooner.
    static let channelHazard: [Double] = [1.0, 1.2, 1.3, 0.7, 1.0, 0.8]

    static func generate(count: Int, curve: DayCurve, stories: Stories, seed: UInt64) -> [Customer] {
        let window = curve.window
        var rng = RNG(seed: seed, stream: 1)
        var days = (0..<count).map { _ in Int32(curve.sample(&rng)) }
        days.sort()

        // Channel mixes: promotions lift social, the competitor-search launch lifts paid search.
        func mix(socialBoost: Bool, searchBoost: Bool) -> Weights {
            var s = Mix.channelShares
            if socialBoost { s[Int(Channel.social)] *= 1.6 }
            if searchBoost { s[Int(Channel.paidSearch)] *= 1.35 }
            return Weights(s)
        }
        let mixes = [
            mix(socialBoost: false, searchBoost: false), mix(socialBoost: true, searchBoost: false),
            mix(socialBoost: false, searchBoost: true), mix(socialBoost: true, searchBoost: true),
        ]

        var customers: [Customer] = []
        customers.reserveCapacity(count)
        for d in days {
            let signup = Int(d)
            let md = Cal.monthDay(signup)
            let promo = (md >= 315 && md <= 515) || md >= 1115
            let channel = UInt8(mixes[(promo ? 1 : 0) + (signup >= stories.competitorSearchLaunch ? 2 : 0)].pick(&rng))
            let plan = UInt8(Mix.planByChannel[Int(channel)].pick(&rng))
            let r = Mix.regions.pick(&rng)
            let region = r < 4 ? UInt8(r) : Vocab.noRegion
            let churn = sampleChurn(signup: signup, plan: plan, channel: channel, window: window, stories: stories, rng: &rng)
            let engagement = Float(rng.logNormal(median: 1.0, sigma: 0.4))
            customers.append(
                Customer(
                    signup: d, churn: Int32(churn ?? -1), plan: plan, region: region, channel: channel,
                    engagement: engagement))
        }
        return customers
    }

    /// Walks the customer's months, churning each with that month's hazard scaled to the
    /// part of the month they were there for. Hazard is higher in the first two months
    /// (poor onboarding fits) and for basic during the price rise.
    static func sampleChurn(
        signup: Int, plan: UInt8, channel: UInt8, window: Window, stories: Stories, rng: inout RNG
    ) -> Int? {
        let signupDate = CivilDate.components(Int32(signup))
        let signupKey = Cal.monthKey(year: signupDate.year, month: signupDate.month)
        let base = baseHazard[Int(plan)] * channelHazard[Int(channel)]
        for seg in MonthSegments(from: signup + 1, through: window.end) {
            let key = seg.key
            var h = base
            if key - signupKey < 2 { h *= 1.5 }
            if plan == Plan.basic && stories.priceRiseMonths.contains(key) { h *= 2.5 }
            let p = 1 - pow(1 - min(h, 0.95), seg.fraction)
            if rng.uniform() < p {
                return seg.randomDay(&rng)
            }
        }
        return nil
    }

    static func write(_ customers: [Customer], to dir: String) throws -> CSVWriter {
        var w = try CSVWriter(
            path: dir + "/customers.csv", header: ["id", "signup_date", "churn_date", "plan", "region", "channel"])
        for (i, c) in customers.enumerated() {
            w.int(i + 1)
            w.date(Int(c.signup))
            w.date(c.churnDay)
            w.text(Vocab.plans[Int(c.plan)])
            if c.region == Vocab.noRegion { w.null() } else { w.text(Vocab.regions[Int(c.region)]) }
            w.text(Vocab.channels[Int(c.channel)])
            try w.endRow()
        }
        try w.close()
        return w
    }
}
