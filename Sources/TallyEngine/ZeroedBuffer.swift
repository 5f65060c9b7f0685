// A buffer of integers that grows at either end without a second copy of itself.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Integers, zero until set, that grow at the front or the back through `realloc`: a large block is
/// moved by the system's page tables rather than copied, so growing never holds the old and the new
/// buffer at once (as an array's growth does, which a distinct count's bits over ten million keys
/// cannot afford under a memory limit). A reference type: its owner does not copy it while mutating.
final class ZeroedBuffer<T: FixedWidthInteger> {
    private(set) var count: Int
    private var base: UnsafeMutablePointer<T>?

    /// `count` zeros; nil when the system has no memory for them.
    init?(count: Int) {
        self.count = count
        guard count > 0 else { return }
        guard let raw = calloc(count, MemoryLayout<T>.stride) else { return nil }
        base = raw.assumingMemoryBound(to: T.self)
    }

    deinit { free(base) }

    /// The integers, to read and set in place.
    var buffer: UnsafeMutableBufferPointer<T> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Adds `front` zeros before the integers and `back` after them; false (and nothing changed) when
    /// the system has no memory for them.
    func grow(front: Int, back: Int) -> Bool {
        guard front > 0 || back > 0 else { return true }
        let (more, tooMany) = front.addingReportingOverflow(back)
        let (newCount, tooManyMore) = count.addingReportingOverflow(more)
        let (bytes, tooLarge) = newCount.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !tooMany, !tooManyMore, !tooLarge, let raw = realloc(base, bytes) else { return false }
        let grown = raw.assumingMemoryBound(to: T.self)
        if front > 0 { memmove(grown + front, grown, count * MemoryLayout<T>.stride) }
        grown.update(repeating: 0, count: front)
        (grown + front + count).update(repeating: 0, count: back)
        (base, count) = (grown, newCount)
        return true
    }
}
