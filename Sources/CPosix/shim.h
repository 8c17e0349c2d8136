#ifndef PAPERWORK_CPOSIX_SHIM_H
#define PAPERWORK_CPOSIX_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>
#include <stdio.h>
#include <fcntl.h>
#include <errno.h>

/* syncfs is a GNU extension that Swift's Glibc module does not show. No header here may pull in <sys/select.h>
   (<sys/types.h> does): its fd_set, seen with _GNU_SOURCE, would differ from the one other modules build. */
static inline int paperwork_syncfs(int fd) { return syncfs(fd); }

/* A rename that fails with EEXIST instead of replacing the target (renameat2, RENAME_NOREPLACE): atomic, one call. */
static inline int paperwork_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

/* A file with no name yet in a folder (O_TMPFILE), open for reading and writing; fails with EOPNOTSUPP, EISDIR or
   EINVAL where the file system has no such files. */
static inline int paperwork_open_unnamed(const char *folder, unsigned int mode) {
    return open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
}

/* Gives a file opened by paperwork_open_unnamed its name; fails with EEXIST when the name is taken. Linking the
   descriptor itself needs CAP_DAC_READ_SEARCH (AT_EMPTY_PATH, else ENOENT); without it the link goes through /proc. */
static inline int paperwork_link_unnamed(int fd, const char *to) {
    if (linkat(fd, "", AT_FDCWD, to, AT_EMPTY_PATH) == 0) return 0;
    if (errno != ENOENT) return -1;
    char path[40];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, path, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
}

#endif
