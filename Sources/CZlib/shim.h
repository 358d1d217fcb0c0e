#ifndef WARD_CZLIB_SHIM_H
#define WARD_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro; Swift cannot call it directly.
static inline int ward_inflate_init2(z_streamp strm, int windowBits) {
  return inflateInit2(strm, windowBits);
}
/// deflateInit2 is a macro; Swift cannot call it directly.
static inline int ward_deflate_init2(z_streamp strm, int level, int windowBits) {
  return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
