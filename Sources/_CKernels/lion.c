/* Lion: the C twin of LionRule.update (float32). */
#include "lanes.h"

DK_INLINE void lion_lanes(const void *coefficients, dk_lanes *x) {
    const descent_lion_coefficients *c = coefficients;
    dk_vec gi = dk_negate_if(x->g, c->maximize);
    dk_vec ci = c->w1 * gi + c->beta1 * x->s0;
    dk_vec zero = 0, one = 1;
    dk_vec sign = (ci > zero) ? one : ((ci < zero) ? -one : zero);
    x->p = x->p - c->lr * (sign + c->weightDecay * x->p);
    x->s0 = c->w2 * gi + c->beta2 * x->s0;
}

DK_KERNEL void descent_lion_step(descent_lion_coefficients c, float *restrict p, const float *restrict g,
                                 float *restrict expAvg, size_t n) {
    dk_for_each(&c, lion_lanes, DK_S0, n, p, g, expAvg, NULL, NULL);
}
