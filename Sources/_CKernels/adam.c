/* Adam and AdamW, with AMSGrad: the C twin of AdamRule.update (float32). */
#include "lanes.h"

/* Slots: s0 exp_avg, s1 exp_avg_sq, s2 max_exp_avg_sq (amsgrad). Without decoupled decay p is
 * multiplied by 1, which leaves every float as it is. */
DK_INLINE void adam_lanes(const void *coefficients, dk_lanes *x) {
    const descent_adam_coefficients *c = coefficients;
    dk_vec p = x->p * (c->decoupled ? c->decay : 1.0f);
    dk_vec gi = dk_effective_gradient(x->g, p, c->maximize, c->l2);
    dk_vec m = dk_lerp(x->s0, gi, c->w1, c->oneMinusW1, c->smallWeight);
    x->s0 = m;
    dk_vec v = x->s1 * c->beta2 + c->w2 * (gi * gi);
    x->s1 = v;
    if (c->amsgrad) {
        v = dk_max(x->s2, v);
        x->s2 = v;
    }
    dk_vec denom = __builtin_elementwise_sqrt(v) / c->biasCorrection2Sqrt + c->eps;
    x->p = p - c->stepSize * (m / denom);
}

DK_KERNEL void descent_adam_step(descent_adam_coefficients c, float *restrict p, const float *restrict g,
                                 float *restrict expAvg, float *restrict expAvgSq, float *restrict maxExpAvgSq,
                                 size_t n) {
    DK_FIX_ZERO(c.l2, DK_FIX_BOOL(c.smallWeight, DK_FIX_BOOL(c.amsgrad,
        dk_for_each(&c, adam_lanes, DK_S0 | DK_S1 | (c.amsgrad ? DK_S2 : 0), n,
                    p, g, expAvg, expAvgSq, maxExpAvgSq))));
}
