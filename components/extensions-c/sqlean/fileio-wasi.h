/*
 * fileio-wasi.h: what sqlean's fileio needs of a POSIX system that WASI
 * does not give. `make c-sqlean` compiles sqlean-fileio.c unchanged with
 * `-include` of this file.
 *
 * chmod(): WASI has none (no permission bits: wasi-libc's <sys/stat.h>
 * leaves it out). fileio calls it after every write (fileio_write's perm,
 * 0666 when left out) and when fileio_mkdir finds the directory there
 * already with other bits. Here it does what sqlean's Windows build does
 * with most bits: it ignores them. It succeeds for a path that exists (and
 * fails as stat() does for one that does not), so fileio_write(path, data,
 * perm) writes the file and returns its size, as documented. Files keep
 * the modes the host gives them, and fileio_ls() reports modes with the
 * file type alone (WASI's stat has no permission bits).
 *
 * stat(): in the sandbox a granted directory is the whole file system, so
 * the directories above it (/tmp above /tmp/data) are not there. fileio
 * makes a missing parent directory by stat()ing each ancestor from the
 * root and making those that are missing; here an ancestor of a granted
 * directory is a directory, as it is outside the sandbox, so
 * fileio_write('/tmp/data/new/file.txt', ...) makes /tmp/data/new. Nothing
 * else changes: such a directory cannot be listed, read or written.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static inline int chmod(const char *path, mode_t mode) {
    struct stat st;
    (void)mode;
    return stat(path, &st);
}

/* wasi-libc's own bindings of wasi:filesystem/preopens (libc.a). */
typedef struct { uint8_t *ptr; size_t len; } sqlean_wasi_string;
typedef struct { int32_t descriptor; sqlean_wasi_string path; } sqlean_wasi_preopen;
typedef struct { sqlean_wasi_preopen *ptr; size_t len; } sqlean_wasi_preopens;
extern void filesystem_preopens_get_directories(sqlean_wasi_preopens *ret);
extern void filesystem_descriptor_drop_own(int32_t descriptor);

/* Whether PATH (absolute) is a proper ancestor of a granted directory. */
static inline int sqlean_wasi_above_grant(const char *path) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    if (path[0] != '/') return 0;
    sqlean_wasi_preopens list = {0};
    filesystem_preopens_get_directories(&list);
    int above = 0;
    for (size_t k = 0; k < list.len; k++) {
        sqlean_wasi_string d = list.ptr[k].path;
        if (n == 1 ? d.len > 1 && d.ptr[0] == '/' : d.len > n && !memcmp(d.ptr, path, n) && d.ptr[n] == '/') above = 1;
        filesystem_descriptor_drop_own(list.ptr[k].descriptor);
        free(d.ptr);
    }
    free(list.ptr);
    return above;
}

static inline int sqlean_wasi_stat(const char *path, struct stat *st) {
    int saved = errno;
    if (stat(path, st) == 0) return 0;
    int failure = errno;
    if (!sqlean_wasi_above_grant(path)) {
        errno = failure;
        return -1;
    }
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFDIR;
    errno = saved;
    return 0;
}
#define stat(path, st) sqlean_wasi_stat(path, st)
