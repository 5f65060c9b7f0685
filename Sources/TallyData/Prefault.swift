// Fills in the pages a column is about to be written to, in one system call rather than a fault per page.

#if canImport(Glibc)
    import Glibc
#endif

enum Prefault {
    private static let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))

    /// Asks the kernel to map, writable, the pages of `array`'s reserved room that the next `more`
    /// elements will be written to. Only whole pages inside the room are asked for; where the kernel
    /// cannot (an older one), the writes fault the pages in as before.
    static func room<T>(of array: inout [T], for more: Int) {
        #if os(Linux)
            let stride = MemoryLayout<T>.stride
            guard more * stride >= 16 * page, array.capacity - array.count >= more else { return }
            let count = array.count
            array.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let start = (Int(bitPattern: base + count) + page - 1) & ~(page - 1)
                let end = Int(bitPattern: base + count + more) & ~(page - 1)
                guard end > start, let from = UnsafeMutableRawPointer(bitPattern: start) else { return }
                _ = madvise(from, end - start, 23)  // MADV_POPULATE_WRITE
            }
        #endif
    }
}
