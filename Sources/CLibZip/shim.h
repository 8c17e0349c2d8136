#ifndef PAPERWORK_CLIBZIP_SHIM_H
#define PAPERWORK_CLIBZIP_SHIM_H
#include <zip.h>
#endif
