#ifndef PAPERWORK_CPOSIX_SHIM_H
#define PAPERWORK_CPOSIX_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>

/* syncfs is a GNU extension that Swift's Glibc module does not show. */
static inline int paperwork_syncfs(int fd) { return syncfs(fd); }

#endif
