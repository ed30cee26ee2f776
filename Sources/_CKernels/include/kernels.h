#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H
#include <stddef.h>
#endif
