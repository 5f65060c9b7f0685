// Where fields end in 64 bytes, one bit per byte, and whether any of them needs the full scanner.

/// Bit i describes byte i of a 64-byte block. Computed with 16-byte vector compares (SSE2 and NEON
/// have them), so that the scanner steps from field end to field end with a bit scan instead of
/// testing bytes.
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
    init(_ base: UnsafeRawPointer, delimiter: SIMD16<UInt8>) {
        let (e0, s0) = Self.masks16(base.loadUnaligned(as: SIMD16<UInt8>.self), delimiter)
        let (e1, s1) = Self.masks16(base.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), delimiter)
        let (e2, s2) = Self.masks16(base.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self), delimiter)
        let (e3, s3) = Self.masks16(base.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self), delimiter)
        ends = e0 | e1 << 16 | e2 << 32 | e3 << 48
        let special = (s0 | s1 | s2 | s3) & SIMD2(repeating: 0x8080_8080_8080_8080)
        specials = special[0] | special[1] == 0 ? 0 : ~0
    }

    @inline(__always)
    private static func masks16(_ v: SIMD16<UInt8>, _ delimiter: SIMD16<UInt8>) -> (UInt64, SIMD2<UInt64>) {
        let ends = equal(v, delimiter) | equal(v, SIMD16(repeating: CSVByte.lf))
        let specials = equal(v, SIMD16(repeating: CSVByte.quote)) | equal(v, SIMD16(repeating: CSVByte.cr))
        return (bits(ends), specials)
    }

    /// Lane-wise equality as two words whose bytes are 0xFF where equal, 0 elsewhere.
    @inline(__always)
    private static func equal(_ v: SIMD16<UInt8>, _ c: SIMD16<UInt8>) -> SIMD2<UInt64> {
        unsafeBitCast(v .== c, to: SIMD2<UInt64>.self)
    }

    /// One bit per byte of `w`'s two words (16 bits): the top bit of each byte, gathered by a multiply
    /// that moves byte k's top bit to bit 56 + k without carries.
    @inline(__always)
    private static func bits(_ w: SIMD2<UInt64>) -> UInt64 {
        let tops: UInt64 = 0x8080_8080_8080_8080
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((w[0] & tops) &* gather) >> 56
        let high = ((w[1] & tops) &* gather) >> 56
        return low | high << 8
    }
}
