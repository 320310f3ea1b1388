#ifndef PLANSITE_CVIPS_SHIM_H
#define PLANSITE_CVIPS_SHIM_H
#include <vips/vips.h>
#endif
