#ifndef PAPERWORK_CPOSIX_SHIM_H
#define PAPERWORK_CPOSIX_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>
#include <stdio.h>
#include <fcntl.h>

/* syncfs is a GNU extension that Swift's Glibc module does not show. */
static inline int paperwork_syncfs(int fd) { return syncfs(fd); }

/* A rename that fails with EEXIST instead of replacing the target (renameat2, RENAME_NOREPLACE): atomic, one call. */
static inline int paperwork_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

#endif
