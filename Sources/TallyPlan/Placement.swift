// Where an aggregate's rows count on the time axis: one explicit case per way.

import TallySemantics

/// Rows counted at a slot's boundary: those that began before it and, unless `end` is nil
/// (`started before`), had not ended by it: start < B and (end is null or end ≥ B).
public struct Activity: Hashable, Sendable {
    public var start: BoundColumn
    /// nil: a row stays counted once it has begun (a cohort's size).
    public var end: BoundColumn?
    /// A slot's first day (start), or the day after its last (end).
    public var boundary: Boundary
}

/// How an aggregate places its rows in the slots of the time axis.
public enum Placement: Hashable, Sendable {
    /// The query has no time: every row counts in its one slot.
    case everywhere
    /// In each slot whose span holds the anchor's day (a timestamp by its UTC day).
    case anchored(BoundColumn)
    /// In each slot at whose boundary the row is active (`active at start`, `started before end`).
    case active(Activity)
    /// In each slot whose span holds the anchor's day, when the row is active at its boundary
    /// (`active at end on ...`).
    case anchoredActive(BoundColumn, Activity)

    init(_ a: BoundAggregate) {
        if let boundary = a.activeAt, let lifespan = a.lifespan {
            let activity = Activity(
                start: lifespan.start, end: a.startedBefore ? nil : lifespan.end, boundary: boundary)
            if a.explicitAnchor, let anchor = a.anchor {
                self = .anchoredActive(anchor, activity)
            } else {
                self = .active(activity)
            }
        } else if let anchor = a.anchor {
            self = .anchored(anchor)
        } else {
            self = .everywhere
        }
    }
}
