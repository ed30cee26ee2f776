/* Bandwidth kernels: the non-finite check before a step, and the passes that measure the roofline. */
#include "lanes.h"

/* Direct vector loads and stores (not the helpers): clang refuses a 16-lane vector crossing even an
 * always-inline call straight from a function compiled for a target without AVX-512. */
#define LOAD(a) (*(const dk_vec_unaligned *)(a))
#define STORE(a, v) (*(dk_vec_unaligned *)(a) = (v))

/* A float is NaN or infinite exactly when its exponent bits are all ones, i.e. when its bits
 * without the sign are at least 0x7f800000; the running maximum of those bits says it for all.
 * The range is read as four quarters side by side: one stream alone leaves a core waiting on
 * memory (measured: 18 GB/s for one stream, 25 GB/s for four, on two cores). */
#define TOP(a) ((dk_bits)LOAD(a) & 0x7fffffffu)
DK_KERNEL bool descent_all_finite(const float *restrict x, size_t n) {
    size_t quarter = n / (4 * DK_LANES) * DK_LANES;
    dk_bits top0 = 0, top1 = 0, top2 = 0, top3 = 0;
    for (size_t i = 0; i < quarter; i += DK_LANES) {
        top0 = __builtin_elementwise_max(top0, TOP(x + i));
        top1 = __builtin_elementwise_max(top1, TOP(x + quarter + i));
        top2 = __builtin_elementwise_max(top2, TOP(x + 2 * quarter + i));
        top3 = __builtin_elementwise_max(top3, TOP(x + 3 * quarter + i));
    }
    dk_bits top = __builtin_elementwise_max(__builtin_elementwise_max(top0, top1),
                                            __builtin_elementwise_max(top2, top3));
    size_t i = 4 * quarter;
    for (; i + DK_LANES <= n; i += DK_LANES) top = __builtin_elementwise_max(top, TOP(x + i));
    unsigned int highest = __builtin_reduce_max(top);
    for (; i < n; i++) {
        unsigned int bits;
        __builtin_memcpy(&bits, x + i, sizeof bits);
        bits &= 0x7fffffffu;
        if (bits > highest) highest = bits;
    }
    return highest < 0x7f800000u;
}

DK_KERNEL void descent_copy(float *restrict dst, const float *restrict src, size_t n) {
    size_t i = 0;
    for (; i + DK_LANES <= n; i += DK_LANES) STORE(dst + i, LOAD(src + i));
    for (; i < n; i++) dst[i] = src[i];
}

/* a[i] += b[i], the halves side by side: the step kernels' memory pattern (every line written
 * was read first, so no write-allocate traffic) without their arithmetic. */
DK_KERNEL void descent_add_in_place(float *restrict a, const float *restrict b, size_t n) {
    size_t half = n / (2 * DK_LANES) * DK_LANES;
    for (size_t i = 0; i < half; i += DK_LANES) {
        STORE(a + i, LOAD(a + i) + LOAD(b + i));
        STORE(a + half + i, LOAD(a + half + i) + LOAD(b + half + i));
    }
    for (size_t i = 2 * half; i < n; i++) a[i] += b[i];
}
