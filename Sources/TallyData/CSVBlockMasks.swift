// Where fields end in 64 bytes, one bit per byte, and whether any of them needs the full scanner.

import CByteMasks

/// Bit i describes byte i of a 64-byte block, so that the scanner steps from field end to field end
/// with a bit scan instead of testing bytes. The compares are C's (`tally_masks_of_block`): SSE2 gives
/// a 16-byte compare's bits in one instruction, where gathering them in Swift took a multiply per 8
/// bytes, a third of the scan's instructions.
struct CSVBlockMasks {
    /// Delimiters and line feeds: where an unquoted field ends. Which of them end a row is told by the
    /// byte itself, which the scanner reads anyway.
    var ends: UInt64
    /// Whether the block holds a quote or a carriage return, bytes the plain-row path leaves to the full
    /// scanner: all ones if so (every row touching the block takes the full scanner), else zero.
    var specials: UInt64

    /// No bytes of note: the masks before any block is looked at.
    static let none = CSVBlockMasks(ends: 0, specials: 0)

    init(ends: UInt64, specials: UInt64) {
        (self.ends, self.specials) = (ends, specials)
    }

    /// The masks of `base[0..<64]`; all 64 bytes must be readable.
    @inline(__always)
    init(_ base: UnsafeRawPointer, delimiter: UInt8) {
        let masks = tally_masks_of_block(base.assumingMemoryBound(to: UInt8.self), delimiter)
        (ends, specials) = (masks.ends, masks.specials)
    }
}
