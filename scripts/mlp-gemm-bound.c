// The matrix products of one training step of the benchmark MLP (784-100-100-100-100-10, batch
// 128) and nothing else, on 2 threads with single-threaded OpenBLAS each, scheduled three ways:
//   A: as Descent does (layer-1 products in halves, middle forward on one thread, each other
//      layer's dX and dW side by side), spinning barriers between the phases;
//   B: data-parallel (each thread runs its 64-row half through every layer, then the two
//      weight-gradient halves are summed);
//   C: as A with the weights stored transposed (torch's out x in layout).
// The time per step is a bound for any training step built on these OpenBLAS calls.
//   gcc -O2 scripts/mlp-gemm-bound.c -o /tmp/mlp-gemm-bound -pthread $(pkg-config --cflags --libs openblas)
//   OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=SkylakeX /tmp/mlp-gemm-bound
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <time.h>
#include <cblas.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static float *rnd(size_t n){float*x=aligned_alloc(64,(n*4+63)/64*64);for(size_t i=0;i<n;i++)x[i]=rand()/(float)RAND_MAX-0.5f;return x;}
#define NN CblasNoTrans
#define TT CblasTrans
static void gemm(int ta,int tb,int m,int n,int k,const float*a,int lda,const float*b,int ldb,float*c,int ldc){
  cblas_sgemm(CblasRowMajor,ta?TT:NN,tb?TT:NN,m,n,k,1,a,lda,b,ldb,0,c,ldc);}
enum{B=128,L=5}; int dims[L+1]={784,100,100,100,100,10};
float *W[L], *X, *Act[2][L+1], *dAct[2][L+1], *dW[2][L];  // per-thread buffers
// --- barrier-based two-thread runner
typedef struct { volatile int count, sense; } spinbar; spinbar bar = {0,0};
static __thread int mysense = 0;
static void spin_wait(spinbar *b){ mysense = !mysense; if(__atomic_add_fetch(&b->count,1,__ATOMIC_ACQ_REL)==2){ b->count=0; __atomic_store_n(&b->sense,mysense,__ATOMIC_RELEASE);} else { while(__atomic_load_n(&b->sense,__ATOMIC_ACQUIRE)!=mysense) __builtin_ia32_pause(); } } volatile int phase_fn=0; int scheme=0;
static void stepA(int t){
  // phase 1: layer-1 forward halves (rows t*64..)
  gemm(0,0,64,100,784,X+t*64*784,784,W[0],100,Act[0][1]+t*64*100,100);
  spin_wait(&bar);
  if(t==0) for(int l=1;l<L;l++) gemm(0,0,B,dims[l+1],dims[l],Act[0][l],dims[l],W[l],dims[l+1],Act[0][l+1],dims[l+1]);
  spin_wait(&bar);
  for(int l=L-1;l>=1;l--){
    if(t==0) gemm(0,1,B,dims[l],dims[l+1],dAct[0][l+1],dims[l+1],W[l],dims[l+1],dAct[0][l],dims[l]); // dX
    else gemm(1,0,dims[l],dims[l+1],B,Act[0][l],dims[l],dAct[0][l+1],dims[l+1],dW[0][l],dims[l+1]);   // dW
    spin_wait(&bar);
  }
  // dW1 halves by rows (784 -> 392)
  gemm(1,0,392,100,B,X+t*392,784,dAct[0][1],100,dW[0][0]+t*392*100,100);
  spin_wait(&bar);
}
static void stepC(int t){
  // as A, with W[l] stored transposed (out x in, torch's layout)
  gemm(0,1,64,100,784,X+t*64*784,784,W[0],784,Act[0][1]+t*64*100,100);
  spin_wait(&bar);
  if(t==0) for(int l=1;l<L;l++) gemm(0,1,B,dims[l+1],dims[l],Act[0][l],dims[l],W[l],dims[l],Act[0][l+1],dims[l+1]);
  spin_wait(&bar);
  for(int l=L-1;l>=1;l--){
    if(t==0) gemm(0,0,B,dims[l],dims[l+1],dAct[0][l+1],dims[l+1],W[l],dims[l],dAct[0][l],dims[l]); // dX = dZ W
    else gemm(1,0,dims[l+1],dims[l],B,dAct[0][l+1],dims[l+1],Act[0][l],dims[l],dW[0][l],dims[l]);   // dW = dZ^T X
    spin_wait(&bar);
  }
  // dW1 (100 x 784) halves by columns (784 -> 392)
  gemm(1,0,100,392,B,dAct[0][1],100,X+t*392,784,dW[0][0]+t*392,784);
  spin_wait(&bar);
}
static void stepB(int t){
  int R=64; const float *x=X+t*R*784;
  float *a[L+1]; a[0]=(float*)x; for(int l=1;l<=L;l++) a[l]=Act[t][l];
  for(int l=0;l<L;l++) gemm(0,0,R,dims[l+1],dims[l],a[l],dims[l],W[l],dims[l+1],a[l+1],dims[l+1]);
  for(int l=L-1;l>=0;l--){
    gemm(1,0,dims[l],dims[l+1],R,a[l],dims[l],dAct[t][l+1],dims[l+1],dW[t][l],dims[l+1]);
    if(l>0) gemm(0,1,R,dims[l],dims[l+1],dAct[t][l+1],dims[l+1],W[l],dims[l+1],dAct[t][l],dims[l]);
  }
  spin_wait(&bar);
  // reduce: dW[0] += dW[1], split by layer halves
  for(int l=0;l<L;l++){ size_t n=(size_t)dims[l]*dims[l+1], h=n/2, s=t?h:0, e=t?n:h; for(size_t i=s;i<e;i++) dW[0][l][i]+=dW[1][l][i]; }
  spin_wait(&bar);
}
int steps=3000;
static void *worker(void*p){ int t=(int)(long)p; for(int s=0;s<steps;s++){ if(scheme==0) stepA(t); else if(scheme==1) stepB(t); else stepC(t);} return 0; }
int main(){
  for(int l=0;l<L;l++) W[l]=rnd((size_t)dims[l]*dims[l+1]);
  X=rnd(B*784);
  for(int t=0;t<2;t++){ for(int l=0;l<=L;l++){ Act[t][l]=rnd(B*dims[l]); dAct[t][l]=rnd(B*dims[l]); } for(int l=0;l<L;l++) dW[t][l]=rnd((size_t)dims[l]*dims[l+1]); }
  for(int round=0;round<3;round++) for(scheme=0;scheme<3;scheme++){
    pthread_t th; double t0=now(); pthread_create(&th,0,worker,(void*)1L); worker((void*)0L); pthread_join(th,0);
    double dt=now()-t0; printf("scheme %c: %.1f us/step (%.0f steps/s of GEMM)\n", "ABC"[scheme], dt/steps*1e6, steps/dt);
  }
}
