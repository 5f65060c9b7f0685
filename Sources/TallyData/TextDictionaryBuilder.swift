// Dictionary-encodes text fields straight from bytes: an open-addressing hash map from bytes to code.

#if canImport(Glibc)
import Glibc
#endif

/// Assigns codes to distinct byte strings in order of first appearance.
///
/// Lookups hash and compare raw bytes, so repeated values (the common case in CRM columns) cost no
/// allocation; only a new distinct value is validated as UTF-8 and turned into a String.
struct TextDictionaryBuilder {
    /// The distinct values, indexed by code.
    private(set) var strings: [String] = []
    /// Whether some value is written as a number (`TypeInference.numberShape`), told as values are added.
    private(set) var sawNumber = false
    /// Bytes of every distinct value, back to back, so comparisons need no per-entry allocation.
    private var arena: [UInt8] = []
    private var entryStart: [Int] = []
    private var entryLength: [Int] = []
    private var entryHash: [UInt64] = []
    /// Codes by hash slot; -1 is empty. Capacity is a power of two kept at least twice the entry count.
    private var slots = [Int32](repeating: -1, count: 64)

    enum Lookup {
        case code(Int32)
        /// A new value that is not valid UTF-8.
        case invalidUTF8
        /// A new value when every Int32 code is taken.
        case full
    }

    /// The code for `bytes`, adding it if new.
    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Lookup {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if entryHash[Int(code)] == hash && equals(Int(code), bytes) { return .code(code) }
            slot = (slot + 1) & mask
        }
        guard UTF8Validation.isValid(bytes) else { return .invalidUTF8 }
        guard strings.count < Int(Int32.max) else { return .full }
        if !sawNumber, let c = bytes.first, TypeInference.mayStartNumber(c) { sawNumber = TypeInference.numberShape(bytes) != nil }
        let code = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        entryStart.append(arena.count)
        entryLength.append(bytes.count)
        entryHash.append(hash)
        arena.append(contentsOf: bytes)
        slots[slot] = code
        if strings.count * 2 > slots.count { grow() }
        return .code(code)
    }

    private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = entryLength[code]
        guard length == bytes.count else { return false }
        guard length > 0, let other = bytes.baseAddress else { return true }
        let start = entryStart[code]
        return arena.withUnsafeBufferPointer { a in a.baseAddress.map { memcmp($0 + start, other, length) == 0 } ?? false }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for code in 0..<entryHash.count {
            var slot = Int(truncatingIfNeeded: entryHash[code]) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(code)
        }
        slots = bigger
    }

    /// Eight bytes at a time, each word mixed by a multiply, with a final avalanche so the low bits
    /// (used for slots) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(bytes[k]) << UInt64((k - i) * 8) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}
