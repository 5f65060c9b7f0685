// Marketing.swift — ad spend per campaign and the leads those campaigns (and organic traffic) bring in.
import Foundation

enum MarketingGenerator {
    /// Target acquisition cost per customer won through each channel (organic and referral cost nothing).
    static let costPerCustomer: [Double] = [0, 250, 180, 0, 40, 300]
    /// Chance that a customer of each channel first appeared as a tracked lead.
    static let leadCapture: [Double] = [0.10, 0.70, 0.60, 0.10, 0.50, 0.60]
    /// Channel mix of leads that never convert.
    static let openLeadChannels = Weights([0.15, 0.30, 0.25, 0.05, 0.15, 0.10])
    static let leadsPerCustomer = 1.5

    /// Spend follows the signup curve, so CAC stays in a believable band as the company
    /// grows; channel budgets are sized from the expected customers of each channel.
    static func writeSpend(
        customerCount: Int, curve: DayCurve, campaigns: [Campaign], seed: UInt64, to dir: String
    ) throws -> CSVWriter {
        var rng = RNG(seed: seed, stream: 3)
        let window = curve.window

        // Weekly campaigns bill once per 7 days for the active days of that week.
        func mass(_ c: Campaign, _ day: Int) -> Double {
            switch c.cadence {
            case .daily:
                return c.isActive(day, monthDay: Cal.monthDay(day)) ? curve.weight(day) : 0
            case .weekly:
                guard (day - window.start) % 7 == 0 else { return 0 }
                var s = 0.0
                for d in day...min(day + 6, window.end) where c.isActive(d, monthDay: Cal.monthDay(d)) {
                    s += curve.weight(d)
                }
                return s
            }
        }

        var channelMass = [Double](repeating: 0, count: Vocab.channels.count)
        for day in window.start...window.end {
            for c in campaigns { channelMass[Int(c.channel)] += c.intensity * mass(c, day) }
        }
        var scale = [Double](repeating: 0, count: Vocab.channels.count)
        for ch in 0..<scale.count where channelMass[ch] > 0 {
            let budget = Double(customerCount) * Mix.channelShares[ch] * costPerCustomer[ch]
            scale[ch] = budget / channelMass[ch]
        }

        var w = try CSVWriter(path: dir + "/spend.csv", header: ["date", "channel", "campaign", "amount"])
        for day in window.start...window.end {
            for c in campaigns {
                let m = mass(c, day)
                guard m > 0 else { continue }
                let noise = rng.logNormal(median: 1.0, sigma: c.cadence == .daily ? 0.18 : 0.10)
                let cents = max(1, Int((scale[Int(c.channel)] * c.intensity * m * noise * 100).rounded()))
                w.date(day)
                w.text(Vocab.channels[Int(c.channel)])
                w.text(c.name)
                w.money(cents: cents)
                try w.endRow()
            }
        }
        try w.close()
        return w
    }

    private struct Lead {
        var created: Int32
        var converted: Int32
        var customer: Int32
        var channel: UInt8
        var campaign: UInt8
        var sequence: Int32
    }

    private static let noCampaign: UInt8 = 255

    /// About 1.5 leads per customer. Converted leads point at real customers (same channel,
    /// converted on the signup day, created days to weeks before); the rest never convert.
    static func writeLeads(
        customers: [Customer], curve: DayCurve, campaigns: [Campaign], seed: UInt64, to dir: String
    ) throws -> CSVWriter {
        var rng = RNG(seed: seed, stream: 4)
        let window = curve.window
        var byChannel = [[Int]](repeating: [], count: Vocab.channels.count)
        for (i, c) in campaigns.enumerated() { byChannel[Int(c.channel)].append(i) }

        func campaign(channel: UInt8, day: Int) -> UInt8 {
            let md = Cal.monthDay(day)
            var total = 0.0
            for i in byChannel[Int(channel)] where campaigns[i].isActive(day, monthDay: md) {
                total += campaigns[i].intensity
            }
            guard total > 0 else { return noCampaign }
            var target = rng.uniform() * total
            for i in byChannel[Int(channel)] where campaigns[i].isActive(day, monthDay: md) {
                target -= campaigns[i].intensity
                if target < 0 { return UInt8(i) }
            }
            return noCampaign
        }

        var leads: [Lead] = []
        leads.reserveCapacity(Int(Double(customers.count) * leadsPerCustomer) + 16)
        for (i, c) in customers.enumerated() where rng.uniform() < leadCapture[Int(c.channel)] {
            let signup = Int(c.signup)
            let lag = 1 + Int(rng.logNormal(median: 12, sigma: 0.9))
            let created = max(window.start, signup - lag)
            leads.append(
                Lead(
                    created: Int32(created), converted: c.signup, customer: Int32(i + 1), channel: c.channel,
                    campaign: campaign(channel: c.channel, day: created), sequence: Int32(leads.count)))
        }
        let open = max(0, Int((Double(customers.count) * leadsPerCustomer).rounded()) - leads.count)
        for _ in 0..<open {
            let created = curve.sample(&rng)
            let channel = UInt8(openLeadChannels.pick(&rng))
            leads.append(
                Lead(
                    created: Int32(created), converted: -1, customer: -1, channel: channel,
                    campaign: campaign(channel: channel, day: created), sequence: Int32(leads.count)))
        }
        // Ids in creation order, as a CRM would number them.
        leads.sort { ($0.created, $0.sequence) < ($1.created, $1.sequence) }

        var w = try CSVWriter(
            path: dir + "/leads.csv",
            header: ["id", "created_date", "channel", "campaign", "converted_date", "customer_id"])
        for (i, l) in leads.enumerated() {
            w.int(i + 1)
            w.date(Int(l.created))
            w.text(Vocab.channels[Int(l.channel)])
            if l.campaign == noCampaign { w.null() } else { w.text(campaigns[Int(l.campaign)].name) }
            if l.converted >= 0 {
                w.date(Int(l.converted))
                w.int(Int(l.customer))
            } else {
                w.null()
                w.null()
            }
            try w.endRow()
        }
        try w.close()
        return w
    }
}
