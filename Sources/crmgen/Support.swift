// Support.swift — one streaming pass over customers writing tickets, the surveys they trigger, and shopping carts.
import Foundation

enum SupportGenerator {
    /// Tickets per active month by plan.
    static let ticketRate: [Double] = [0.12, 0.20, 0.45]
    /// Extra billing tickets per month from basic customers during the price rise.
    static let priceRiseBillingRate = 0.15
    /// billing, technical, account, how_to.
    static let ticketTypes = Weights([0.28, 0.37, 0.15, 0.20])
    /// email, chat, phone: bigger accounts pick up the phone more.
    static let ticketChannels = [Weights([0.55, 0.35, 0.10]), Weights([0.45, 0.38, 0.17]), Weights([0.35, 0.35, 0.30])]
    /// Median seconds to first response by ticket channel.
    static let responseMedian: [Double] = [12_600, 240, 90]
    static let responseSigma: [Double] = [1.0, 0.9, 0.8]
    static let neverAnswered = 0.05
    static let answeredButOpen = 0.05
    /// Chance a ticket is settled in minutes rather than days, by type.
    static let quickShare: [Double] = [0.60, 0.35, 0.55, 0.75]
    static let slowContacts = Weights([0.35, 0.35, 0.17, 0.08, 0.05])
    static let npsMean: [Double] = [7.9, 8.5, 8.8]
    static let npsInviteRate = 0.045
    static let cartRate: [Double] = [0.30, 0.25, 0.15]
    static let checkoutRate: [Double] = [0.24, 0.28, 0.36]

    private struct Ticket {
        var opened: Int
        var firstResponse: Int?
        var resolved: Int?
        var type: UInt8
        var channel: UInt8
        var contacts: UInt8
    }

    private struct Survey {
        var day: Int
        var kind: UInt8
        var score: UInt8
    }

    private struct Cart {
        var created: Int
        var checkedOut: Bool
    }

    struct Outputs {
        var tickets: CSVWriter
        var surveys: CSVWriter
        var carts: CSVWriter
    }

    static func write(
        customers: [Customer], window: Window, stories: Stories, seed: UInt64, to dir: String
    ) throws -> Outputs {
        var ticketRNG = RNG(seed: seed, stream: 6)
        var surveyRNG = RNG(seed: seed, stream: 7)
        var cartRNG = RNG(seed: seed, stream: 8)
        var out = Outputs(
            tickets: try CSVWriter(
                path: dir + "/tickets.csv",
                header: [
                    "id", "customer_id", "type", "channel", "opened_at", "first_response_at", "resolved_at", "contacts",
                ]),
            surveys: try CSVWriter(path: dir + "/surveys.csv", header: ["id", "customer_id", "date", "kind", "score"]),
            carts: try CSVWriter(path: dir + "/carts.csv", header: ["id", "customer_id", "created_at", "checked_out"]))

        // Reused per customer so the pass allocates nothing per row.
        var tickets: [Ticket] = []
        var surveys: [Survey] = []
        var carts: [Cart] = []
        var ticketID = 0
        var surveyID = 0
        var cartID = 0

        for (index, c) in customers.enumerated() {
            let customerID = index + 1
            let plan = Int(c.plan)
            tickets.removeAll(keepingCapacity: true)
            surveys.removeAll(keepingCapacity: true)
            carts.removeAll(keepingCapacity: true)

            for seg in MonthSegments(from: Int(c.signup), through: c.lastActive(window)) {
                let priceRise = plan == Int(Plan.basic) && stories.priceRiseMonths.contains(seg.key)
                let n = ticketRNG.poisson(ticketRate[plan] * seg.fraction)
                let extraBilling = priceRise ? ticketRNG.poisson(priceRiseBillingRate * seg.fraction) : 0
                for t in 0..<(n + extraBilling) {
                    let type = t < n ? UInt8(ticketTypes.pick(&ticketRNG)) : 0
                    let day = seg.randomDay(&ticketRNG)
                    tickets.append(ticket(day: day, type: type, plan: plan, region: c.region, window: window, stories: stories, rng: &ticketRNG))
                }

                if surveyRNG.uniform() < npsInviteRate * seg.fraction {
                    let day = seg.randomDay(&surveyRNG)
                    let mean = npsMean[plan] - (priceRise ? 1.8 : 0)
                    let score = min(10, max(0, Int((mean + 1.8 * surveyRNG.normal()).rounded())))
                    surveys.append(Survey(day: day, kind: 1, score: UInt8(score)))
                }

                let carted = cartRNG.poisson(cartRate[plan] * seg.fraction)
                for _ in 0..<carted {
                    let day = seg.randomDay(&cartRNG)
                    let p = checkoutRate[plan] + (day >= stories.checkoutRedesign ? 0.07 : 0)
                    carts.append(
                        Cart(created: day * 86_400 + secondOfDay(region: c.region, &cartRNG), checkedOut: cartRNG.uniform() < p))
                }
            }

            tickets.sort { $0.opened < $1.opened }
            for t in tickets {
                // Resolved tickets sometimes get a satisfaction or effort survey the same or next day.
                if let resolved = t.resolved {
                    let hours = Double(resolved - t.opened) / 3600
                    let contacts = Double(t.contacts - 1)
                    let day = resolved / 86_400 + (surveyRNG.uniform() < 0.5 ? 0 : 1)
                    if surveyRNG.uniform() < 0.35 && day <= window.end {
                        let x = 4.8 - 0.22 * log(1 + hours) - 0.35 * contacts + 0.85 * surveyRNG.normal()
                        surveys.append(Survey(day: day, kind: 0, score: UInt8(min(5, max(1, Int(x.rounded()))))))
                    }
                    if surveyRNG.uniform() < 0.20 && day <= window.end {
                        let x = 5.8 - 0.3 * log(1 + hours) - 0.45 * contacts + 1.1 * surveyRNG.normal()
                        surveys.append(Survey(day: day, kind: 2, score: UInt8(min(7, max(1, Int(x.rounded()))))))
                    }
                }
                ticketID += 1
                out.tickets.int(ticketID)
                out.tickets.int(customerID)
                out.tickets.text(Vocab.ticketTypes[Int(t.type)])
                out.tickets.text(Vocab.ticketChannels[Int(t.channel)])
                out.tickets.timestamp(t.opened)
                out.tickets.timestamp(t.firstResponse)
                out.tickets.timestamp(t.resolved)
                out.tickets.int(Int(t.contacts))
                try out.tickets.endRow()
            }

            // Stable order keeps output deterministic when two surveys share a day.
            surveys.sort { ($0.day, $0.kind) < ($1.day, $1.kind) }
            for s in surveys {
                surveyID += 1
                out.surveys.int(surveyID)
                out.surveys.int(customerID)
                out.surveys.date(s.day)
                out.surveys.text(Vocab.surveyKinds[Int(s.kind)])
                out.surveys.int(Int(s.score))
                try out.surveys.endRow()
            }

            carts.sort { $0.created < $1.created }
            for cart in carts {
                cartID += 1
                out.carts.int(cartID)
                out.carts.int(customerID)
                out.carts.timestamp(cart.created)
                out.carts.bool(cart.checkedOut)
                try out.carts.endRow()
            }
        }
        try out.tickets.close()
        try out.surveys.close()
        try out.carts.close()
        return out
    }

    /// A ticket's life: first response after minutes (chat, phone) or hours (email), then
    /// either a quick fix or days of back and forth. Anything stamped after the window's
    /// last second has not happened yet and is left empty.
    private static func ticket(
        day: Int, type: UInt8, plan: Int, region: UInt8, window: Window, stories: Stories, rng: inout RNG
    ) -> Ticket {
        let channel = Int(ticketChannels[plan].pick(&rng))
        let opened = day * 86_400 + secondOfDay(region: region, &rng)
        var t = Ticket(opened: opened, firstResponse: nil, resolved: nil, type: type, channel: UInt8(channel), contacts: 1)
        if rng.uniform() < neverAnswered { return t }

        var delay = rng.logNormal(median: responseMedian[channel], sigma: responseSigma[channel])
        if stories.supportCrunch.contains(day) { delay *= 2.2 }
        let response = opened + max(10, Int(delay))
        guard response <= window.cutoff else { return t }
        t.firstResponse = response
        if rng.uniform() < answeredButOpen { return t }

        let resolved: Int
        if rng.uniform() < quickShare[Int(type)] {
            resolved = response + Int(rng.logNormal(median: 1_500, sigma: 1.0))
            t.contacts = rng.uniform() < 0.9 ? 1 : 2
        } else {
            let slowMedian = type == 1 ? 160_000.0 : 108_000.0
            resolved = response + Int(rng.logNormal(median: slowMedian, sigma: 0.9))
            t.contacts = UInt8(1 + slowContacts.pick(&rng))
        }
        if resolved <= window.cutoff { t.resolved = resolved }
        return t
    }

    /// Events cluster in the customer's local business hours, which land at different
    /// UTC times by region, so the UTC day is covered and some tickets cross midnight.
    private static func secondOfDay(region: UInt8, _ rng: inout RNG) -> Int {
        let local = rng.uniform() < 0.85 ? 13.5 + 2.8 * rng.normal() : 24 * rng.uniform()
        let offset =
            Int(region) < Mix.utcOffsetHours.count
            ? Mix.utcOffsetHours[Int(region)] : Mix.utcOffsetHours[rng.below(Mix.utcOffsetHours.count)]
        var utc = (local - Double(offset)).truncatingRemainder(dividingBy: 24)
        if utc < 0 { utc += 24 }
        return min(86_399, Int(utc * 3600))
    }
}
