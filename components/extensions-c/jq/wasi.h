/*
 * wasi.h: what libjq 1.7.1 needs of the C library that wasm32-wasip2's
 * (wasi-libc, musl's math) does not give. extension.mk compiles every
 * source with `-include` of this file; jq's sources stay unchanged.
 *
 * gamma(): jq's `gamma` builtin calls it (configure finds it in glibc,
 * where it is lgamma under its old name); musl has no gamma, so jq.c
 * defines it as lgamma, and `gamma` gives what Linux builds of jq give
 * instead of "Error: gamma/0 not found at build time".
 *
 * raise(): decNumber's decContextSetStatus raises SIGFPE for a status its
 * context traps; jq's contexts trap none, so it is never called, but
 * <signal.h> (which declares it) needs _WASI_EMULATED_SIGNAL, and jq.c
 * defines it (as abort()) in place of wasi-libc's emulation library.
 */
#define _WASI_EMULATED_SIGNAL 1

/* realpath(): wasi-libc's <stdlib.h> leaves it out. */
char *realpath(const char *restrict path, char *restrict resolved);

/*
 * Files: libjq opens them only for jq's modules (`import`/`include`, whose
 * search paths liteJQ never sets) and `import "f" as $data`. wasi-libc's
 * calls would import wasi:filesystem, which loads only with a directory
 * granted; the extension has no file to read, so here every path is
 * missing (ENOENT), as to a liteJQ with no modules installed. The headers
 * are included first, so only calls are renamed (jq.c defines them).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int sqlink_jq_open(const char *path, int flags, ...);
FILE *sqlink_jq_fopen(const char *path, const char *mode);
int sqlink_jq_stat(const char *path, struct stat *st);
int sqlink_jq_fstat(int fd, struct stat *st);
char *sqlink_jq_realpath(const char *path, char *resolved);
long sqlink_jq_pathconf(const char *path, int name);
#define open(...) sqlink_jq_open(__VA_ARGS__)
#define fopen(path, mode) sqlink_jq_fopen(path, mode)
#define stat(path, st) sqlink_jq_stat(path, st)
#define fstat(fd, st) sqlink_jq_fstat(fd, st)
#define realpath(path, resolved) sqlink_jq_realpath(path, resolved)
#define pathconf(path, name) sqlink_jq_pathconf(path, name)
#ifndef SQLINK_JQ_WASI_H
#define SQLINK_JQ_WASI_H

double gamma(double);

#endif
