/*
 * compat.h: what the files of the sqlite3ext.h compatibility layer share
 * (not for extensions: they include SQLite's sqlite3ext.h).
 */
#ifndef SQLINK_COMPAT_H
#define SQLINK_COMPAT_H

/* Called by every stub of sqlite3_api_routines (api.c, generated): a
 * function outside the layer. During the extension's init it fails the
 * load; during a call, it makes the call's result an error naming it. */
void sqlink_compat_unsupported(const char *function);

/* Frees P when the running call returns (memory a value hands out, such
 * as its UTF-16 text), and until then sqlink_compat_call_memory(KEY)
 * finds it: SQLite hands out the same text for the same value. Outside a
 * call, P lives as long as the instance. */
void sqlink_compat_free_after_call(const void *key, void *p);
void *sqlink_compat_call_memory(const void *key);

/* registry.c: whether the extension's init function is running; the
 * database handle it receives; the function outside the layer called
 * since the last take (NULL: none), peeked at or taken. */
struct sqlite3;
struct sqlink_item;
int sqlink_compat_in_init(void);
/* Whether the init function runs to build the manifest (the first time;
 * it runs again at attach when it ran SQL); sqlink_compat_defer_sql says
 * so too, noting that the SQL it asks for waits for attach. */
int sqlink_compat_manifest_init(void);
int sqlink_compat_defer_sql(void);
struct sqlite3 *sqlink_compat_db(void);
const char *sqlink_compat_peek_unsupported(void);
const char *sqlink_compat_take_unsupported(void);

/* vtab.c: the modules registered, as SQLINK_TABLE items (written to OUT,
 * count of them). */
int sqlink_compat_module_count(void);
void sqlink_compat_module_items(struct sqlink_item *out);

/* spi.c (extensions built with --spi): records the connection's error,
 * CODE with MESSAGE (from malloc, taken; NULL: SQLite's words), as
 * sqlite3_errmsg reports it; returns CODE's primary code. */
int sqlink_compat_set_error(int code, char *message);

/* spi.c: declares scalar function NAME (ARITY, sqlink FLAGS) on the
 * connection, its calls reaching scalar.invoke with ID; forgets one. An
 * SQLite code (the connection's error says why). nospi.c: fail, naming
 * sqlite3_create_function. */
int sqlink_compat_declare(const char *name, int arity, unsigned flags, unsigned id);
int sqlink_compat_forget(const char *name, int arity);
/* spi.c: CODE's words with the message of the connection's last error
 * when it has that code (from malloc), else NULL; nospi.c: NULL. */
char *sqlink_compat_explain(int code);

#endif
