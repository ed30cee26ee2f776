/* RAdam: the C twin of RAdamRule.update (float32). */
#include "lanes.h"

DK_INLINE void radam_lanes(const void *coefficients, dk_lanes *x) {
    const descent_radam_coefficients *c = coefficients;
    dk_vec p, gi;
    dk_adam_moments(&c->moments, x, &p, &gi);
    dk_vec mh = x->s0 / c->biasCorrection1;
    if (c->rectified) {
        dk_vec adaptive = c->biasCorrection2Sqrt / (__builtin_elementwise_sqrt(x->s1) + c->eps);
        x->p = p - mh * c->lr * adaptive * c->rect;
    } else {
        x->p = p - mh * c->lr;
    }
}

DK_KERNEL void descent_radam_step(descent_radam_coefficients c, float *restrict p, const float *restrict g,
                                  float *restrict expAvg, float *restrict expAvgSq, size_t n) {
    DK_FIX_ZERO(c.moments.l2, DK_FIX_BOOL(c.moments.smallWeight, DK_FIX_BOOL(c.rectified,
        dk_for_each(&c, radam_lanes, DK_S0 | DK_S1, n, p, g, expAvg, expAvgSq, NULL))));
}
