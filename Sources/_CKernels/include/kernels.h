#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H
/*
 * Float32 kernels of Descent's optimizer steps: each one fused pass over a chunk of one
 * parameter (read p, g and state; write p and state), vectorised with clang's vector extensions.
 *
 * Every step kernel does exactly the operations of the rule's generic Swift reference
 * (Sources/Optimizers/Rules/<Rule>.swift), in the same order and without contraction into
 * fused multiply-adds, so its results are bit-identical to the reference's float32 results.
 * The coefficients are the reference's, already rounded to float32 by the Swift caller.
 * Pointers must not alias one another; state slots a configuration does not use may be NULL.
 */
#include <stdbool.h>
#include <stddef.h>

/* ---- SGD: g = -g if maximize; g += wd*p; b = first ? g : momentum*b + keep*g;
 *      g = nesterov ? g + momentum*b : b (when momentum != 0); p -= lr*g ---- */
typedef struct {
    float lr, momentum, keep, weightDecay; /* keep = 1 - dampening */
    bool useMomentum, nesterov, maximize, firstStep;
} descent_sgd_coefficients;
void descent_sgd_step(descent_sgd_coefficients c, float *restrict p, const float *restrict g,
                      float *restrict momentumBuffer, size_t n);

/* ---- Adagrad: s += g*g; p -= clr * g/(sqrt(s) + eps) ---- */
typedef struct {
    float clr, weightDecay, eps;
    bool maximize;
} descent_adagrad_coefficients;
void descent_adagrad_step(descent_adagrad_coefficients c, float *restrict p, const float *restrict g,
                          float *restrict sum, size_t n);

/* ---- RMSprop: v = alpha*v + w*g*g; centered: a = lerp(a, g, w), d = sqrt(v - a*a) + eps,
 *      else d = sqrt(v) + eps; momentum: b = momentum*b + g/d, p -= lr*b; else p -= lr*g/d ---- */
typedef struct {
    float lr, alpha, w, oneMinusW, eps, weightDecay, momentum; /* w = 1 - alpha, oneMinusW = alpha */
    bool smallWeight, centered, useMomentum, maximize;          /* smallWeight: w < 0.5 (lerp form) */
} descent_rmsprop_coefficients;
void descent_rmsprop_step(descent_rmsprop_coefficients c, float *restrict p, const float *restrict g,
                          float *restrict squareAvg, float *restrict gradAvg, float *restrict momentumBuffer,
                          size_t n);

/* ---- Adadelta: v = rho*v + w*g*g; delta = sqrt(u + eps)/sqrt(v + eps)*g;
 *      u = rho*u + w*delta*delta; p -= lr*delta ---- */
typedef struct {
    float lr, rho, w, eps, weightDecay; /* w = 1 - rho */
    bool maximize;
} descent_adadelta_coefficients;
void descent_adadelta_step(descent_adadelta_coefficients c, float *restrict p, const float *restrict g,
                           float *restrict squareAvg, float *restrict accDelta, size_t n);

/* ---- The Adam family's common start (Adam/AdamW, NAdam, RAdam): g = -g if maximize;
 *      decoupled: p *= decay, else g += l2*p; m = lerp(m, g, w1); v = b2*v + w2*g*g ---- */
typedef struct {
    float beta2, w1, oneMinusW1, w2, decay, l2;
    bool smallWeight, decoupled, maximize; /* decoupled: decay applies (wd != 0) */
} descent_adam_moments;

/* ---- Adam / AdamW: the moments; amsgrad: v = max(vmax, v), vmax = v;
 *      p -= stepSize * m/(sqrt(v)/bc2Sqrt + eps) ---- */
typedef struct {
    descent_adam_moments moments;
    float stepSize, eps, biasCorrection2Sqrt;
    bool amsgrad;
} descent_adam_coefficients;
void descent_adam_step(descent_adam_coefficients c, float *restrict p, const float *restrict g,
                       float *restrict expAvg, float *restrict expAvgSq, float *restrict maxExpAvgSq, size_t n);

/* ---- Adamax: m = lerp(m, g, w1); u = max(b2*u, |g| + eps); p -= clr * m/u ---- */
typedef struct {
    float clr, beta2, w1, oneMinusW1, eps, weightDecay;
    bool smallWeight, maximize;
} descent_adamax_coefficients;
void descent_adamax_step(descent_adamax_coefficients c, float *restrict p, const float *restrict g,
                         float *restrict expAvg, float *restrict expInf, size_t n);

/* ---- NAdam: the moments; d = sqrt(v/bc2) + eps; p += gradCoef*g/d; p += momentumCoef*m/d ---- */
typedef struct {
    descent_adam_moments moments;
    float gradCoef, momentumCoef, eps, biasCorrection2;
} descent_nadam_coefficients;
void descent_nadam_step(descent_nadam_coefficients c, float *restrict p, const float *restrict g,
                        float *restrict expAvg, float *restrict expAvgSq, size_t n);

/* ---- RAdam: the moments; mh = m/bc1;
 *      rectified: p -= mh*lr*(bc2Sqrt/(sqrt(v) + eps))*rect; else p -= mh*lr ---- */
typedef struct {
    descent_adam_moments moments;
    float lr, eps, biasCorrection1, biasCorrection2Sqrt, rect;
    bool rectified;
} descent_radam_coefficients;
void descent_radam_step(descent_radam_coefficients c, float *restrict p, const float *restrict g,
                        float *restrict expAvg, float *restrict expAvgSq, size_t n);

/* ---- Lion: c = w1*g + b1*m; p -= lr*(sign(c) + wd*p); m = w2*g + b2*m ---- */
typedef struct {
    float lr, beta1, w1, beta2, w2, weightDecay;
    bool maximize;
} descent_lion_coefficients;
void descent_lion_step(descent_lion_coefficients c, float *restrict p, const float *restrict g,
                       float *restrict expAvg, size_t n);

/* ---- Bandwidth helpers ---- */

/* True when none of the n values is NaN or infinite (a read-only pass at memory bandwidth). */
bool descent_all_finite(const float *restrict x, size_t n);

/* dst[i] = src[i]: the plain copy whose speed is the usual measure of memory bandwidth. */
void descent_copy(float *restrict dst, const float *restrict src, size_t n);

/* a[i] += b[i]: the step kernels' memory pattern (read-modify-write in place) without their
 * arithmetic; its speed is the bandwidth a step can hope for. */
void descent_add_in_place(float *restrict a, const float *restrict b, size_t n);

#endif
