// The decompressed bytes of a gzip stream around what is being read, decompressed ahead on a thread
// of their own.

import Foundation

/// A window over a gzip stream's decompressed bytes, filled by a thread that decompresses ahead of
/// the reads: decompressing is one stream that cannot be split, so while the readers convert one
/// batch of chunks, the next is already being inflated on another core.
///
/// Everything below is guarded by `condition`, except the bytes the producer is writing past `filled`
/// (readers only copy before it). A short stream has no producer thread: its readers decompress what
/// they need themselves, holding the lock.
final class GzipWindow: @unchecked Sendable {
    private let compressed: any ByteSource
    private let name: String
    let size: Int
    private let condition = NSCondition()
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Decompressed bytes `start..<start + filled` are in `buffer`.
    private var start = 0
    private var filled = 0
    /// The furthest byte a read has asked for, and where the latest read began.
    private var requested = 0
    private var latestRead = 0
    private var failure: CSVError?
    private var ended = false
    private var restart = false
    private var stopped = false
    private var producing = false
    /// The stream being decompressed: used by the producer thread, or by a reader holding the lock.
    private var stream: Inflater?
    /// Whether `size` is known to be the stream's (see `GzipBytes`).
    private(set) var sizeConfirmed: Bool

    /// How far behind the latest read the window keeps bytes: more than a batch of chunks spans, so
    /// the workers of one batch never find their bytes dropped (which would start the stream over).
    private static let keepBehind = max(64, 32 * Cores.count) << 20
    /// How far past the furthest read the producer decompresses: a batch of chunks and more.
    private static let ahead = max(16, 4 * Cores.count) << 20
    /// Decompressed at a time, between which readers may take what is there.
    private static let step = 1 << 20
    /// Streams shorter than this are decompressed by the readers themselves, as they ask: starting a
    /// thread costs more than it saves for them.
    static let threadFrom = 8 << 20

    init(_ compressed: any ByteSource, name: String, size: Int, confirmed: Bool) {
        self.compressed = compressed
        self.name = name
        self.size = size
        sizeConfirmed = confirmed
        // Pages of the buffer are touched only as bytes arrive, so a small file costs little.
        capacity = max(1, min(size, 2 * Self.keepBehind))
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    var isConfirmed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return sizeConfirmed
    }

    /// Stops the producer (when the bytes are no longer wanted).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Copies `offset..<offset + count` (within the size) into `out`, waiting for the producer.
    func read(into out: UnsafeMutableRawPointer, offset: Int, count: Int) throws(CSVError) {
        condition.lock()
        defer { condition.unlock() }
        let needed = offset + count
        if offset < start {
            // Before the window (locating an error, a chunk read again): the stream starts over.
            restart = true
            start = 0
            filled = 0
        }
        latestRead = offset
        requested = max(requested, needed)
        if size < Self.threadFrom {
            while failure == nil, restart || (start + filled < needed && !ended) { step(unlocking: false) }
        } else {
            if !producing {
                producing = true
                let thread = Thread { [self] in produce() }
                thread.stackSize = 1 << 20
                thread.start()
            }
            condition.broadcast()
            while failure == nil, restart || (start + filled < needed && !ended) { condition.wait() }
        }
        if let failure { throw failure }
        guard start + filled >= needed, offset >= start else {
            throw CSVError(
                file: name, line: 0, column: 0, message: "the file got shorter while it was read",
                help: "load it again once it is no longer being written")
        }
        out.copyMemory(from: buffer + (offset - start), byteCount: count)
    }

    /// The producer: decompresses from where the window ends up to `ahead` past the furthest read.
    private func produce() {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            let due = restart || stream == nil || start + filled < min(size, requested + Self.ahead)
            if failure != nil || !due || (ended && !restart) {
                condition.wait()
                continue
            }
            step(unlocking: true)
            condition.broadcast()
        }
    }

    /// One step of decompressing into the window, holding the lock before and after; while zlib works
    /// the lock is let go when `unlocking` (the producer thread), so readers can take what is there.
    private func step(unlocking: Bool) {
        if restart || stream == nil {
            if unlocking { condition.unlock() }
            let fresh = Result { () throws(CSVError) in try Inflater(compressed, name: name) }
            if unlocking { condition.lock() }
            switch fresh {
            case .success(let s): stream = s
            case .failure(let error): failure = error
            }
            (start, filled, ended, restart) = (0, 0, false, false)
            return
        }
        guard let inflater = stream, !ended else { return }
        if filled == capacity { makeRoom() }
        let room = min(capacity - filled, size - (start + filled), Self.step)
        let destination = buffer + filled
        if unlocking { condition.unlock() }
        let result = Result { () throws(CSVError) in try inflater.inflate(into: destination, count: room) }
        if unlocking { condition.lock() }
        if restart { return }
        switch result {
        case .failure(let error):
            failure = error
        case .success(let got):
            filled += got
            if got == 0 {
                ended = true
            } else if start + filled == size {
                ended = true
                if !sizeConfirmed {
                    // The claimed size is reached: the stream must end here, checked as every member's is.
                    var probe: UInt8 = 0
                    switch Result(catching: { () throws(CSVError) in try inflater.inflate(into: &probe, count: 1) }) {
                    case .success(0): sizeConfirmed = true
                    case .success:
                        failure = CSVError(
                            file: name, line: 0, column: 0, message: "the file holds more than its gzip trailer says",
                            help: "it has several members or over 4 GiB of data; it is read again to find its size")
                    case .failure(let error): failure = error
                    }
                }
            }
        }
    }

    /// Frees the front of a full window: drops what lies more than `keepBehind` before the latest
    /// read (each byte is moved about once, since a window is dropped from only once full), or grows
    /// the buffer when nothing can be dropped. Only the producer calls it, holding the lock.
    private func makeRoom() {
        let drop = max(0, min(latestRead - Self.keepBehind, start + filled) - start)
        if drop > 0 {
            memmove(buffer, buffer + drop, filled - drop)
            start += drop
            filled -= drop
        }
        if filled == capacity {
            let larger = 2 * capacity
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            grown.initialize(from: buffer, count: filled)
            buffer.deallocate()
            (buffer, capacity) = (grown, larger)
        }
    }
}
