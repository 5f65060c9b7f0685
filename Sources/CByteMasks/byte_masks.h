// Where fields end in 64 bytes of CSV, one bit per byte: the compare-and-gather the scanner does for
// every 64 bytes of a file. Static inline, so the Swift that calls it compiles it in place: with SSE2
// (every x86-64) a byte mask of 16 compares is one instruction, which Swift's SIMD types cannot ask for.
#ifndef TALLY_BYTE_MASKS_H
#define TALLY_BYTE_MASKS_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct {
    /// Bit i set when byte i is the delimiter or a line feed.
    uint64_t ends;
    /// All ones when any byte is a quote or a carriage return, else zero.
    uint64_t specials;
} tally_block_masks;

/// The masks of `p[0..<64]`; all 64 bytes must be readable.
static inline tally_block_masks tally_masks_of_block(const uint8_t *p, uint8_t delimiter) {
    tally_block_masks masks = {0, 0};
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), lf = _mm_set1_epi8('\n');
    const __m128i quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r');
    __m128i special = _mm_setzero_si128();
    for (int k = 0; k < 4; k++) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        const int ends = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)));
        masks.ends |= (uint64_t)(uint16_t)ends << (16 * k);
        special = _mm_or_si128(special, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr)));
    }
    masks.specials = _mm_movemask_epi8(special) != 0 ? ~(uint64_t)0 : 0;
#else
    int special = 0;
    for (int i = 0; i < 64; i++) {
        const uint8_t c = p[i];
        masks.ends |= (uint64_t)(c == delimiter || c == '\n') << i;
        special |= c == '"' || c == '\r';
    }
    masks.specials = special ? ~(uint64_t)0 : 0;
#endif
    return masks;
}

#endif
