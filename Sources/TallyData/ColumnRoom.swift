// Room at the end of a column being built chunk by chunk, with its pages mapped before they are written.

#if canImport(Glibc)
    import Glibc
#endif

private let pageSize = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))

extension Array {
    /// Makes room for `more` elements at the end. Grows by a quarter at least when the first lines'
    /// estimate falls short: growing by doubling would hold twice the column at the end. Then the
    /// pages the `more` elements will be written to are mapped in one system call
    /// (`MADV_POPULATE_WRITE`) rather than faulted in one by one, which took most of the time of
    /// joining a batch of chunks; where the kernel cannot, the writes fault them in as before.
    mutating func makeRoom(for more: Int) {
        let needed = count + more
        if needed > capacity { reserveCapacity(Swift.max(needed, count + count / 4)) }
        #if os(Linux)
            let stride = MemoryLayout<Element>.stride
            guard more * stride >= 16 * pageSize else { return }
            let start = count
            withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                // Only whole pages inside the room.
                let first = (Int(bitPattern: base + start) + pageSize - 1) & ~(pageSize - 1)
                let end = Int(bitPattern: base + start + more) & ~(pageSize - 1)
                guard end > first, let from = UnsafeMutableRawPointer(bitPattern: first) else { return }
                _ = madvise(from, end - first, MADV_POPULATE_WRITE)
            }
        #endif
    }
}
