// Model.swift — the shared vocabulary of the demo company (plans, regions, channels, campaigns) and its dated "stories".
import TallyData

/// Column values as pre-encoded bytes, indexed by the small integer codes stored in rows.
enum Vocab {
    static let plans = bytes(["basic", "pro", "enterprise"])
    static let regions = bytes(["north_america", "europe", "apac", "latam"])
    /// Code used for the ~1% of customers whose region was never captured.
    static let noRegion: UInt8 = 255
    static let channels = bytes(["organic", "paid_search", "social", "referral", "email", "partner"])
    static let orderKinds = bytes(["new", "recurring", "upsell", "cross_sell"])
    static let stages = bytes(["open", "won", "lost"])
    static let reps = bytes([
        "Alice", "Bruno", "Chen", "Dana", "Emeka", "Farah",
        "Gustavo", "Hana", "Ivan", "Julia", "Kofi", "Lena",
    ])
    static let competitors = bytes(["Pipewise", "Closely", "Hubbub", "Dealflow"])
    static let ticketTypes = bytes(["billing", "technical", "account", "how_to"])
    static let ticketChannels = bytes(["email", "chat", "phone"])
    static let surveyKinds = bytes(["csat", "nps", "ces"])

    static func bytes(_ names: [String]) -> [[UInt8]] {
        names.map { Array($0.utf8) }
    }
}

enum Plan {
    static let basic: UInt8 = 0
    static let pro: UInt8 = 1
    static let enterprise: UInt8 = 2
}

enum Channel {
    static let organic: UInt8 = 0
    static let paidSearch: UInt8 = 1
    static let social: UInt8 = 2
    static let referral: UInt8 = 3
    static let email: UInt8 = 4
    static let partner: UInt8 = 5
}

/// Dated events that leave visible marks in the metrics, so analysts have something
/// to find. Each is applied only if it falls inside the generated window.
struct Stories {
    /// Basic plan price rise: basic recurring orders cost more from here, and basic churn,
    /// billing tickets and NPS all react for two months.
    let priceRise = CivilDate.daysUnchecked(year: 2024, month: 9, day: 1)
    let priceRiseMonths = Cal.monthKey(year: 2024, month: 9)...Cal.monthKey(year: 2024, month: 10)
    /// Support understaffed over summer 2024: first responses take much longer.
    let supportCrunch =
        CivilDate.daysUnchecked(year: 2024, month: 6, day: 1)...CivilDate.daysUnchecked(year: 2024, month: 8, day: 31)
    /// A paid-search campaign on competitors' names shifts acquisition towards paid search.
    let competitorSearchLaunch = CivilDate.daysUnchecked(year: 2024, month: 4, day: 1)
    /// A checkout redesign lowers cart abandonment.
    let checkoutRedesign = CivilDate.daysUnchecked(year: 2024, month: 5, day: 15)
    /// Email win-back programme.
    let winbackLaunch = CivilDate.daysUnchecked(year: 2024, month: 1, day: 8)
}

/// Ad campaigns of the paid channels; leads name the same campaigns as spend does.
struct Campaign {
    enum Cadence { case daily, weekly }
    enum Schedule {
        case always
        case since(Int)
        /// Every year between two month/day pairs (inclusive), e.g. a spring promotion.
        case yearly(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int)
    }

    let name: [UInt8]
    let channel: UInt8
    let cadence: Cadence
    let schedule: Schedule
    /// Relative daily budget intensity inside its channel.
    let intensity: Double

    /// `monthDay` is `Cal.monthDay(day)`, taken as given so callers checking many campaigns convert the day once.
    func isActive(_ day: Int, monthDay md: Int) -> Bool {
        switch schedule {
        case .always:
            return true
        case .since(let first):
            return day >= first
        case .yearly(let fm, let fd, let tm, let td):
            return md >= fm * 100 + fd && md <= tm * 100 + td
        }
    }

    static func all(_ stories: Stories) -> [Campaign] {
        [
            Campaign(name: Array("brand_search".utf8), channel: Channel.paidSearch, cadence: .daily, schedule: .always, intensity: 1.0),
            Campaign(name: Array("generic_search".utf8), channel: Channel.paidSearch, cadence: .daily, schedule: .always, intensity: 1.6),
            Campaign(
                name: Array("competitor_search".utf8), channel: Channel.paidSearch, cadence: .daily,
                schedule: .since(stories.competitorSearchLaunch), intensity: 1.2),
            Campaign(name: Array("social_prospecting".utf8), channel: Channel.social, cadence: .daily, schedule: .always, intensity: 1.0),
            Campaign(
                name: Array("spring_promo".utf8), channel: Channel.social, cadence: .daily,
                schedule: .yearly(fromMonth: 3, fromDay: 15, toMonth: 5, toDay: 15), intensity: 1.8),
            Campaign(
                name: Array("holiday_promo".utf8), channel: Channel.social, cadence: .daily,
                schedule: .yearly(fromMonth: 11, fromDay: 15, toMonth: 12, toDay: 31), intensity: 2.2),
            Campaign(name: Array("newsletter".utf8), channel: Channel.email, cadence: .weekly, schedule: .always, intensity: 1.0),
            Campaign(
                name: Array("winback".utf8), channel: Channel.email, cadence: .weekly,
                schedule: .since(stories.winbackLaunch), intensity: 0.8),
            Campaign(name: Array("partner_program".utf8), channel: Channel.partner, cadence: .weekly, schedule: .always, intensity: 1.0),
        ]
    }
}

/// Acquisition mix of customers; plans are drawn per channel (partners bring bigger accounts).
enum Mix {
    static let channelShares: [Double] = [0.30, 0.22, 0.15, 0.12, 0.11, 0.10]
    static let planByChannel: [Weights] = [
        Weights([0.62, 0.29, 0.09]),
        Weights([0.64, 0.28, 0.08]),
        Weights([0.70, 0.25, 0.05]),
        Weights([0.52, 0.36, 0.12]),
        Weights([0.62, 0.30, 0.08]),
        Weights([0.40, 0.35, 0.25]),
    ]
    /// north_america, europe, apac, latam, then unknown.
    static let regions = Weights([0.40, 0.30, 0.18, 0.11, 0.01])
    /// Local business-hours offset from UTC, to spread timestamps over the UTC day.
    static let utcOffsetHours = [-5, 1, 8, -3]
}
