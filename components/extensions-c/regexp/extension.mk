# regexp: sqlean's regexp module (PCRE2 syntax: sqlean vendors PCRE2, which
# its single-file module carries), compiled unchanged with the flags
# sqlean.py's setup.py gives it.
regexp_SOURCES := $(SQLEAN_DIR)/sqlite/sqlean-regexp.c components/extensions-c/sqlean/init.c
regexp_INIT := sqlite3_regexp_init
regexp_VERSION := $(SQLEAN_VERSION)
regexp_CFLAGS := -I$(SQLEAN_DIR)/sqlite -DSQLEAN_ENTRY=sqlite3_regexp_init -DSQLEAN_INIT=regexp_init -DPCRE2_CODE_UNIT_WIDTH=8 -DLINK_SIZE=2 -DHAVE_CONFIG_H=1 -DSUPPORT_UNICODE=1
regexp_DESCRIPTION := Regular expressions with PCRE2 syntax: regexp_like, regexp_substr, regexp_capture, regexp_replace, the REGEXP operator. Compatible with sqlean regexp $(SQLEAN_VERSION) (its C source and PCRE2, compiled unchanged).
