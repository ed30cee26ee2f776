/* NAdam: the C twin of NAdamRule.update (float32). */
#include "lanes.h"

/* Without decoupled decay p is multiplied by 1, which leaves every float as it is. */
DK_INLINE void nadam_lanes(const void *coefficients, dk_lanes *x) {
    const descent_nadam_coefficients *c = coefficients;
    dk_vec p = x->p * (c->decoupled ? c->decay : 1.0f);
    dk_vec gi = dk_effective_gradient(x->g, p, c->maximize, c->l2);
    dk_vec m = dk_lerp(x->s0, gi, c->w1, c->oneMinusW1, c->smallWeight);
    x->s0 = m;
    dk_vec v = x->s1 * c->beta2 + c->w2 * (gi * gi);
    x->s1 = v;
    dk_vec d = __builtin_elementwise_sqrt(v / c->biasCorrection2) + c->eps;
    p = p + c->gradCoef * (gi / d);
    x->p = p + c->momentumCoef * (m / d);
}

DK_KERNEL void descent_nadam_step(descent_nadam_coefficients c, float *restrict p, const float *restrict g,
                                  float *restrict expAvg, float *restrict expAvgSq, size_t n) {
    DK_FIX_ZERO(c.l2, DK_FIX_BOOL(c.smallWeight,
        dk_for_each(&c, nadam_lanes, DK_S0 | DK_S1, n, p, g, expAvg, expAvgSq, NULL)));
}
