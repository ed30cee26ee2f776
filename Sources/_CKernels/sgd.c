/* SGD with momentum, dampening and Nesterov: the C twin of SGDRule.update (float32). */
#include "lanes.h"

DK_INLINE void sgd_lanes(const void *coefficients, dk_lanes *x) {
    const descent_sgd_coefficients *c = coefficients;
    dk_vec gi = dk_effective_gradient(x->g, x->p, c->maximize, c->weightDecay);
    if (c->useMomentum) {
        dk_vec m = c->firstStep ? gi : x->s0 * c->momentum + c->keep * gi;
        x->s0 = m;
        gi = c->nesterov ? gi + c->momentum * m : m;
    }
    x->p = x->p - c->lr * gi;
}

DK_KERNEL void descent_sgd_step(descent_sgd_coefficients c, float *restrict p, const float *restrict g,
                                float *restrict momentumBuffer, size_t n) {
    DK_FIX_ZERO(c.weightDecay,
        if (c.useMomentum) {
            c.useMomentum = true;
            DK_FIX_BOOL(c.nesterov, DK_FIX_BOOL(c.firstStep,
                dk_for_each(&c, sgd_lanes, DK_S0, n, p, g, momentumBuffer, NULL, NULL)));
        } else {
            c.useMomentum = false;
            dk_for_each(&c, sgd_lanes, 0, n, p, g, NULL, NULL, NULL);
        });
}
