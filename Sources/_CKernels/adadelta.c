/* Adadelta: the C twin of AdadeltaRule.update (float32). */
#include "lanes.h"

DK_INLINE void adadelta_lanes(const void *coefficients, dk_lanes *x) {
    const descent_adadelta_coefficients *c = coefficients;
    dk_vec gi = dk_effective_gradient(x->g, x->p, c->maximize, c->weightDecay);
    dk_vec v = x->s0 * c->rho + c->w * (gi * gi);
    x->s0 = v;
    dk_vec std = __builtin_elementwise_sqrt(v + c->eps);
    dk_vec delta = __builtin_elementwise_sqrt(x->s1 + c->eps) / std * gi;
    x->s1 = x->s1 * c->rho + c->w * (delta * delta);
    x->p = x->p - c->lr * delta;
}

DK_KERNEL void descent_adadelta_step(descent_adadelta_coefficients c, float *restrict p, const float *restrict g,
                                     float *restrict squareAvg, float *restrict accDelta, size_t n) {
    DK_FIX_ZERO(c.weightDecay, dk_for_each(&c, adadelta_lanes, DK_S0 | DK_S1, n, p, g, squareAvg, accDelta, NULL));
}
