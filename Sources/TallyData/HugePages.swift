// Asks the kernel to back a large buffer with huge pages before it is first written.

#if canImport(Glibc)
    import Glibc
#endif

/// A column read back from the cache is filled in one read; backed by 2 MiB pages it takes 512 times
/// fewer faults, and measured re-opens spend about a third less time. (Columns built while parsing are
/// not advised: filled chunk by chunk, they measured slower on huge pages.) Where the system leaves
/// huge pages to the program's request (the `madvise` setting), only the buffer's whole 2 MiB blocks
/// are asked for, so nothing outside it is touched; elsewhere nothing changes.
enum HugePages {
    static let size = 2 << 20

    /// Advises huge pages for the whole 2 MiB blocks inside `buffer`, when it spans a few of them.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard buffer.count >= 4 * size, let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
