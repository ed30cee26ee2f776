/* Adamax: the C twin of AdamaxRule.update (float32). */
#include "lanes.h"

DK_INLINE void adamax_lanes(const void *coefficients, dk_lanes *x) {
    const descent_adamax_coefficients *c = coefficients;
    dk_vec gi = dk_effective_gradient(x->g, x->p, c->maximize, c->weightDecay);
    dk_vec m = dk_lerp(x->s0, gi, c->w1, c->oneMinusW1, c->smallWeight);
    x->s0 = m;
    dk_vec u = dk_max(x->s1 * c->beta2, __builtin_elementwise_abs(gi) + c->eps);
    x->s1 = u;
    x->p = x->p - c->clr * (m / u);
}

DK_KERNEL void descent_adamax_step(descent_adamax_coefficients c, float *restrict p, const float *restrict g,
                                   float *restrict expAvg, float *restrict expInf, size_t n) {
    DK_FIX_ZERO(c.weightDecay, DK_FIX_BOOL(c.smallWeight,
        dk_for_each(&c, adamax_lanes, DK_S0 | DK_S1, n, p, g, expAvg, expInf, NULL)));
}
