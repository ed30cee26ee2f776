/* RMSprop, plain, centered and with momentum: the C twin of RMSpropRule.update (float32). */
#include "lanes.h"

/* Slots: s0 square_avg, s1 grad_avg (centered), s2 momentum_buffer. */
DK_INLINE void rmsprop_lanes(const void *coefficients, dk_lanes *x) {
    const descent_rmsprop_coefficients *c = coefficients;
    dk_vec gi = dk_effective_gradient(x->g, x->p, c->maximize, c->weightDecay);
    dk_vec v = x->s0 * c->alpha + c->w * (gi * gi);
    x->s0 = v;
    dk_vec d;
    if (c->centered) {
        dk_vec a = dk_lerp(x->s1, gi, c->w, c->oneMinusW, c->smallWeight);
        x->s1 = a;
        d = __builtin_elementwise_sqrt(v - a * a);
    } else {
        d = __builtin_elementwise_sqrt(v);
    }
    d = d + c->eps;
    if (c->useMomentum) {
        dk_vec b = x->s2 * c->momentum + gi / d;
        x->s2 = b;
        x->p = x->p - c->lr * b;
    } else {
        x->p = x->p - c->lr * (gi / d);
    }
}

DK_KERNEL void descent_rmsprop_step(descent_rmsprop_coefficients c, float *restrict p, const float *restrict g,
                                    float *restrict squareAvg, float *restrict gradAvg,
                                    float *restrict momentumBuffer, size_t n) {
    DK_FIX_ZERO(c.weightDecay, DK_FIX_BOOL(c.useMomentum,
        if (c.centered) {
            c.centered = true;
            DK_FIX_BOOL(c.smallWeight,
                dk_for_each(&c, rmsprop_lanes, DK_S0 | DK_S1 | (c.useMomentum ? DK_S2 : 0), n,
                            p, g, squareAvg, gradAvg, momentumBuffer));
        } else {
            c.centered = false;
            dk_for_each(&c, rmsprop_lanes, DK_S0 | (c.useMomentum ? DK_S2 : 0), n,
                        p, g, squareAvg, NULL, momentumBuffer);
        }));
}
