/* NAdam: the C twin of NAdamRule.update (float32). */
#include "lanes.h"

DK_INLINE void nadam_lanes(const void *coefficients, dk_lanes *x) {
    const descent_nadam_coefficients *c = coefficients;
    dk_vec p, gi;
    dk_adam_moments(&c->moments, x, &p, &gi);
    dk_vec d = __builtin_elementwise_sqrt(x->s1 / c->biasCorrection2) + c->eps;
    p = p + c->gradCoef * (gi / d);
    x->p = p + c->momentumCoef * (x->s0 / d);
}

DK_KERNEL void descent_nadam_step(descent_nadam_coefficients c, float *restrict p, const float *restrict g,
                                  float *restrict expAvg, float *restrict expAvgSq, size_t n) {
    DK_FIX_ZERO(c.moments.l2, DK_FIX_BOOL(c.moments.smallWeight,
        dk_for_each(&c, nadam_lanes, DK_S0 | DK_S1, n, p, g, expAvg, expAvgSq, NULL)));
}
