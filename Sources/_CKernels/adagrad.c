/* Adagrad: the C twin of AdagradRule.update (float32). */
#include "lanes.h"

DK_INLINE void adagrad_lanes(const void *coefficients, dk_lanes *x) {
    const descent_adagrad_coefficients *c = coefficients;
    dk_vec gi = dk_effective_gradient(x->g, x->p, c->maximize, c->weightDecay);
    dk_vec s = x->s0 + gi * gi;
    x->s0 = s;
    x->p = x->p - c->clr * (gi / (__builtin_elementwise_sqrt(s) + c->eps));
}

DK_KERNEL void descent_adagrad_step(descent_adagrad_coefficients c, float *restrict p, const float *restrict g,
                                    float *restrict sum, size_t n) {
    DK_FIX_ZERO(c.weightDecay, dk_for_each(&c, adagrad_lanes, DK_S0, n, p, g, sum, NULL, NULL));
}
