// Reads a short number (at most 8 bytes: ids, amounts like 123.45) from one word instead of byte by byte.

extension CSVColumnConverter {
    /// What `plainDecimal` gives for a field of `length` (1 to 8) bytes held in `word`, its first byte
    /// lowest, when the field is digits with at most one point between digits and no sign; nil for
    /// any other field (then `plainDecimal` decides). Bytes of `word` past `length` are ignored.
    @inline(__always)
    static func shortDecimal(_ word: UInt64, length: Int) -> (Int64, Int)? {
        guard length > 0, length <= 8 else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        let used: UInt64 = length == 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
        // Digits become 0...9 and a point 0x1E; bytes past the field 0.
        var value = (word ^ (0x30 &* ones)) & used
        let points = value ^ (0x1E &* ones & used)
        // High bit of each byte of the field that is a point (exact: no carries between bytes).
        let isPoint = ~(((points & ~tops) &+ ~tops) | points) & tops & used
        var digits = length
        var fraction = 0
        if isPoint != 0 {
            guard isPoint & (isPoint &- 1) == 0 else { return nil }
            let at = isPoint.trailingZeroBitCount >> 3
            fraction = length - at - 1
            guard at > 0, fraction > 0 else { return nil }
            let below: UInt64 = (1 << (8 * UInt64(at))) &- 1
            value = value & below | (value >> 8) & ~below
            digits -= 1
        }
        // Every byte left a digit: adding 0x76 to a byte under 0x80 sets its high bit from 10 on.
        guard ((value & ~tops) &+ (0x76 &* ones) | value) & tops & used == 0 else { return nil }
        // Leading zeros below the digits, then pairs, quads and the octet combined by multiplies.
        value <<= 8 * UInt64(8 - digits)
        value = (value &* 2561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        value = ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (Int64(value), fraction)
    }
}

extension CSVColumnConverter {
    /// What `shortDecimal` gives for a field of `length` (1 to 8) bytes known to have `fraction` digits
    /// after its point (0: a whole number, no point), held in the word whose highest byte is the field's
    /// last: the point then sits at a fixed byte, so a column written alike is read without looking
    /// for it. Nil when the field is not such a number. Bytes of `word` before the field are ignored.
    @inline(__always)
    static func shortDecimal(ending word: UInt64, length: Int, fraction: Int) -> Int64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        // Digits become 0...9 and a point 0x1E.
        var value = word ^ (0x30 &* ones)
        var digits = length
        if fraction > 0 {
            guard length > fraction + 1 else { return nil }
            let point = UInt64(8 * (7 - fraction))
            guard (value >> point) & 0xFF == 0x1E else { return nil }
            // The digits before the point move up over it, next to those after it.
            let after: UInt64 = ~0 << (point + 8)
            value = value & after | (value << 8) & ~after
            digits -= 1
        }
        // The digits fill the highest bytes, zeros below them, as `shortDecimal` places them.
        let used: UInt64 = ~0 << UInt64(8 * (8 - digits))
        value &= used
        guard ((value & ~tops) &+ (0x76 &* ones) | value) & tops & used == 0 else { return nil }
        value = (value &* 2561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        value = ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return Int64(value)
    }
}
