/*
 * pthread.h: the few POSIX thread calls libjq makes (its decNumber
 * context and dtoa state are per-thread), for wasm32-wasip2, where an
 * extension runs on one thread and Debian's wasi-libc has no pthread.h:
 * once runs its function the first time, keys hold one value each, mutexes
 * have nothing to exclude. Destructors never run (no thread ever exits).
 */
#ifndef SQLINK_JQ_PTHREAD_H
#define SQLINK_JQ_PTHREAD_H

#include <errno.h>

typedef int pthread_once_t;
typedef int pthread_mutex_t;
typedef unsigned pthread_key_t;
#define PTHREAD_ONCE_INIT 0
#define PTHREAD_MUTEX_INITIALIZER 0
#define SQLINK_JQ_PTHREAD_KEYS 16

/* The values of the keys made so far. */
extern void *sqlink_jq_pthread_values[SQLINK_JQ_PTHREAD_KEYS];
extern unsigned sqlink_jq_pthread_keys;

static inline int pthread_once(pthread_once_t *once, void (*init)(void)) {
    if (!*once) {
        *once = 1;
        init();
    }
    return 0;
}

static inline int pthread_key_create(pthread_key_t *key, void (*destructor)(void *)) {
    (void)destructor;
    if (sqlink_jq_pthread_keys == SQLINK_JQ_PTHREAD_KEYS) return EAGAIN;
    *key = sqlink_jq_pthread_keys++;
    sqlink_jq_pthread_values[*key] = 0;
    return 0;
}

static inline void *pthread_getspecific(pthread_key_t key) {
    return sqlink_jq_pthread_values[key];
}

static inline int pthread_setspecific(pthread_key_t key, const void *value) {
    sqlink_jq_pthread_values[key] = (void *)value;
    return 0;
}

static inline int pthread_mutex_lock(pthread_mutex_t *m) { (void)m; return 0; }
static inline int pthread_mutex_unlock(pthread_mutex_t *m) { (void)m; return 0; }

#endif
