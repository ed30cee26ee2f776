/* Adam and AdamW, with AMSGrad: the C twin of AdamRule.update (float32). */
#include "lanes.h"

/* Slots: s0 exp_avg, s1 exp_avg_sq, s2 max_exp_avg_sq (amsgrad). */
DK_INLINE void adam_lanes(const void *coefficients, dk_lanes *x) {
    const descent_adam_coefficients *c = coefficients;
    dk_vec p, gi;
    dk_adam_moments(&c->moments, x, &p, &gi);
    dk_vec v = x->s1;
    if (c->amsgrad) {
        v = dk_max(x->s2, v);
        x->s2 = v;
    }
    dk_vec denom = __builtin_elementwise_sqrt(v) / c->biasCorrection2Sqrt + c->eps;
    x->p = p - c->stepSize * (x->s0 / denom);
}

DK_KERNEL void descent_adam_step(descent_adam_coefficients c, float *restrict p, const float *restrict g,
                                 float *restrict expAvg, float *restrict expAvgSq, float *restrict maxExpAvgSq,
                                 size_t n) {
    DK_FIX_ZERO(c.moments.l2, DK_FIX_BOOL(c.moments.smallWeight, DK_FIX_BOOL(c.amsgrad,
        dk_for_each(&c, adam_lanes, DK_S0 | DK_S1 | (c.amsgrad ? DK_S2 : 0), n,
                    p, g, expAvg, expAvgSq, maxExpAvgSq))));
}
