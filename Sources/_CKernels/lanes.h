#ifndef DESCENT_LANES_H
#define DESCENT_LANES_H
/*
 * Private helpers of the step kernels: 16-lane float vectors (clang's ext_vector_type), unaligned
 * loads and stores, and one loop that runs a rule's per-lane body over a whole chunk.
 *
 * No contraction: a*b + c stays two roundings, as in the Swift reference (Swift never fuses), so
 * a kernel and its reference agree bit for bit whatever instructions the target offers.
 */
#include <stdbool.h>
#include <stddef.h>
#include "kernels.h"

#pragma STDC FP_CONTRACT OFF
/* 16-lane vectors only ever cross always-inline helpers, never a real call: no ABI concern. */
#pragma clang diagnostic ignored "-Wpsabi"

enum { DK_LANES = 16 };
typedef float dk_vec __attribute__((ext_vector_type(16)));
/* The same vector at float alignment: loads and stores through it need no alignment. */
typedef float dk_vec_unaligned __attribute__((ext_vector_type(16), aligned(4)));
typedef unsigned int dk_bits __attribute__((ext_vector_type(16)));

/*
 * Kernels are compiled for AVX-512, AVX2 and baseline x86-64 and the loader picks the best the
 * CPU has (an ifunc): SwiftPM builds C targets for baseline x86-64 (SSE2) and we take no flags.
 * (-DDESCENT_NO_TARGET_CLONES builds the baseline only, for comparison.)
 */
#if defined(__x86_64__) && defined(__ELF__) && !defined(DESCENT_NO_TARGET_CLONES)
#define DK_KERNEL __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define DK_KERNEL
#endif
#define DK_INLINE static inline __attribute__((always_inline))

DK_INLINE dk_vec dk_load(const float *a) { return *(const dk_vec_unaligned *)a; }
DK_INLINE void dk_store(float *a, dk_vec x) { *(dk_vec_unaligned *)a = x; }

/*
 * Loop versioning. A flag that stays the same for a whole step is fixed before the loop, once per
 * value, so each copy of the loop has it as a constant and carries no branch on it: the leaner the
 * loop, the further ahead a core runs and the more memory fetches it keeps in flight (an SGD loop
 * with its option branches left in ran 19% slower). `DK_FIX_BOOL(c.flag, code)` emits `code` for
 * flag true and for flag false; `DK_FIX_ZERO(c.value, code)` for value == 0 and value != 0.
 */
#define DK_FIX_BOOL(flag, ...) \
    do { if (flag) { flag = true; __VA_ARGS__; } else { flag = false; __VA_ARGS__; } } while (0)
#define DK_FIX_ZERO(value, ...) \
    do { if ((value) == 0) { value = 0; __VA_ARGS__; } else { __VA_ARGS__; } } while (0)

/* -x when `negate`, else x: a flip of the sign bit, which is exactly what negation does. */
DK_INLINE dk_vec dk_negate_if(dk_vec x, bool negate) {
    return (dk_vec)((dk_bits)x ^ (negate ? 0x80000000u : 0u));
}

/* torch's lerp on the CPU: a + w*(b - a) when w < 0.5, else b - (b - a)*(1 - w). */
DK_INLINE dk_vec dk_lerp(dk_vec a, dk_vec b, float w, float oneMinusW, bool small) {
    return small ? a + w * (b - a) : b - (b - a) * oneMinusW;
}

/* The gradient after maximize and L2 weight decay: g = -g if maximize, then g + l2*p if l2 != 0. */
DK_INLINE dk_vec dk_effective_gradient(dk_vec g, dk_vec p, bool maximize, float l2) {
    dk_vec gi = dk_negate_if(g, maximize);
    return l2 != 0 ? gi + l2 * p : gi;
}

/* Swift.max(x, y): y >= x ? y : x, lane by lane. */
DK_INLINE dk_vec dk_max(dk_vec x, dk_vec y) { return (y >= x) ? y : x; }

/* One vector of each stream a rule touches: the parameter, its gradient, up to three state slots. */
typedef struct { dk_vec p, g, s0, s1, s2; } dk_lanes;

/* The Adam family's common start, in the Swift references' order: p after decoupled decay (times
 * 1 without it, which leaves every float as it is), the effective gradient, then the moments
 * m = lerp(m, g, w1) into s0 and v = b2*v + w2*g*g into s1. */
DK_INLINE void dk_adam_moments(const descent_adam_moments *c, dk_lanes *x, dk_vec *p, dk_vec *gi) {
    *p = x->p * (c->decoupled ? c->decay : 1.0f);
    *gi = dk_effective_gradient(x->g, *p, c->maximize, c->l2);
    x->s0 = dk_lerp(x->s0, *gi, c->w1, c->oneMinusW1, c->smallWeight);
    x->s1 = x->s1 * c->beta2 + c->w2 * (*gi * *gi);
}
/* A rule's update of one vector of lanes in place; `coefficients` is the rule's C struct. */
typedef void (*dk_body)(const void *coefficients, dk_lanes *x);
/* Which state slots a rule reads and writes (a constant at each call, so no branch in the loop). */
enum { DK_S0 = 1, DK_S1 = 2, DK_S2 = 4 };

/* One vector at element i: load what the rule touches, run its body, store what it wrote. */
DK_INLINE void dk_vector_at(size_t i, const void *coefficients, dk_body body, unsigned slots,
                            float *restrict p, const float *restrict g,
                            float *restrict s0, float *restrict s1, float *restrict s2) {
    dk_lanes x = { dk_load(p + i), dk_load(g + i), 0, 0, 0 };
    if (slots & DK_S0) x.s0 = dk_load(s0 + i);
    if (slots & DK_S1) x.s1 = dk_load(s1 + i);
    if (slots & DK_S2) x.s2 = dk_load(s2 + i);
    body(coefficients, &x);
    dk_store(p + i, x.p);
    if (slots & DK_S0) dk_store(s0 + i, x.s0);
    if (slots & DK_S1) dk_store(s1 + i, x.s1);
    if (slots & DK_S2) dk_store(s2 + i, x.s2);
}

/*
 * Runs `body` over n elements: whole vectors straight from memory, then the last n % 16 elements
 * through a zero-padded vector (same lane operations, so the tail's numbers are the body's).
 * Only the state slots named in `slots` are read and written (their pointers must be valid).
 *
 * The two halves of the range are walked side by side: twice the memory streams, so each core
 * keeps more cache-line fetches in flight (SGD, with two read streams, ran 10% faster so; Adam,
 * with four, the same). Each element is still updated once, by the same operations.
 */
DK_INLINE void dk_for_each(const void *coefficients, dk_body body, unsigned slots, size_t n,
                           float *restrict p, const float *restrict g,
                           float *restrict s0, float *restrict s1, float *restrict s2) {
    size_t half = n / (2 * DK_LANES) * DK_LANES;
    for (size_t i = 0; i < half; i += DK_LANES) {
        dk_vector_at(i, coefficients, body, slots, p, g, s0, s1, s2);
        dk_vector_at(half + i, coefficients, body, slots, p, g, s0, s1, s2);
    }
    size_t i = 2 * half;
    for (; i + DK_LANES <= n; i += DK_LANES) dk_vector_at(i, coefficients, body, slots, p, g, s0, s1, s2);
    size_t rest = n - i;
    if (rest == 0) return;
    float tp[DK_LANES] = {0}, tg[DK_LANES] = {0}, t0[DK_LANES] = {0}, t1[DK_LANES] = {0}, t2[DK_LANES] = {0};
    size_t bytes = rest * sizeof(float);
    __builtin_memcpy(tp, p + i, bytes);
    __builtin_memcpy(tg, g + i, bytes);
    if (slots & DK_S0) __builtin_memcpy(t0, s0 + i, bytes);
    if (slots & DK_S1) __builtin_memcpy(t1, s1 + i, bytes);
    if (slots & DK_S2) __builtin_memcpy(t2, s2 + i, bytes);
    dk_vector_at(0, coefficients, body, slots, tp, tg, t0, t1, t2);
    __builtin_memcpy(p + i, tp, bytes);
    if (slots & DK_S0) __builtin_memcpy(s0 + i, t0, bytes);
    if (slots & DK_S1) __builtin_memcpy(s1 + i, t1, bytes);
    if (slots & DK_S2) __builtin_memcpy(s2 + i, t2, bytes);
}

#endif
