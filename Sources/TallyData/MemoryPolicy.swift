// How the C allocator treats large blocks: kept for reuse while querying, returned at once while reading.

/// Process-wide allocator settings (glibc). Reading a file converts each chunk into buffers of a few
/// hundred kilobytes to a few megabytes on worker threads, joined into the columns batch by batch.
/// For a file of many batches the heap keeps freed buffers, so a worker's next chunks reuse them
/// instead of faulting pages in anew (a batch of them stays alive beside the columns). A file of one
/// batch has no next chunks: its buffers are mapped and unmapped directly, so each is returned the
/// moment its column has joined it. Large columns are always mapped, so a failed or cancelled read
/// gives their memory back at once. Queries allocate and free the same large arrays again and again,
/// and are fastest when freed memory is kept.
public enum MemoryPolicy {
    /// Large blocks come from the heap and freed memory is kept (for queries). Call once at start.
    public static func keepFreedMemory() {
        set(mmapThreshold: 1 << 30, trimThreshold: 1 << 30)
        keeping = true
        // Under an address-space limit (ulimit -v) each arena a thread opens reserves 64 MiB of it,
        // whether used or not; with one arena the limit is left to data, and MemoryBudget's count holds.
        if MemoryBudget.addressSpaceLimit != nil {
            #if os(Linux)
                _ = mallopt(-8, 1)  // M_ARENA_MAX
            #endif
        }
    }

    /// Blocks from this size on are mapped while files are read: freed, they go back at once, and
    /// grown (`realloc`) they are moved by the system's page tables rather than copied.
    public static let mappedWhileReading = 32 << 20

    /// Runs `body` with blocks over 32 MiB (columns) mapped and unmapped directly, and smaller ones
    /// (chunk buffers) kept by the heap for reuse when `reusingBuffers`, else mapped too from 256 KiB;
    /// then returns to the previous policy and hands back what the heap no longer uses.
    static func returningFreedMemory<T, E: Error>(reusingBuffers: Bool, _ body: () throws(E) -> T) throws(E) -> T {
        guard keeping else { return try body() }
        if reusingBuffers {
            set(mmapThreshold: Int32(mappedWhileReading), trimThreshold: 1 << 30)
        } else {
            set(mmapThreshold: 256 << 10, trimThreshold: 128 << 10)
        }
        defer {
            set(mmapThreshold: 1 << 30, trimThreshold: 1 << 30)
            _ = mallocTrim(0)
        }
        return try body()
    }

    nonisolated(unsafe) private static var keeping = false

    private static func set(mmapThreshold: Int32, trimThreshold: Int32) {
        #if os(Linux)
            _ = mallopt(-3, mmapThreshold)  // M_MMAP_THRESHOLD
            _ = mallopt(-1, trimThreshold)  // M_TRIM_THRESHOLD
        #endif
    }
}

#if os(Linux)
    // glibc's allocator controls; Swift's Glibc module leaves out <malloc.h>.
    @_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#else
    private func mallocTrim(_ pad: Int) -> Int32 { 0 }
#endif
