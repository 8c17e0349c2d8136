#ifndef PAPERWORK_CZLIB_SHIM_H
#define PAPERWORK_CZLIB_SHIM_H
#include <zlib.h>

/* zlib's init functions are macros, which Swift does not import: raw deflate (no zlib header), as in a zip entry. */
static inline int paperwork_deflate_init(z_stream *stream, int level, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, memLevel, Z_DEFAULT_STRATEGY);
}

static inline int paperwork_inflate_init(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
