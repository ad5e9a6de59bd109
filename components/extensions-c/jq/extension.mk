# jq: jq(json, filter) as Florents-Tselai/liteJQ (commit 973fbdbe) defines
# it, over libjq 1.7.1 and Oniguruma (jq's regular expressions), both
# compiled unchanged. The SQL glue (jq.c), Oniguruma's config.h, the
# single-threaded pthread.h and wasi.h (what jq needs of the C library
# that WASI does not give) are this directory's.
#
# Sources: Debian's source packages (the upstream tarballs), pinned by
# SHA-256, into target/third-party/. jq's git tarball leaves out
# modules/oniguruma (a submodule, at kkos/oniguruma 660f097 of June 2023,
# between releases 6.9.8 and 6.9.9): Oniguruma 6.9.8 comes from Debian's
# libonig.
JQ_VERSION := 1.7.1
JQ_SHA256 := fc75b1824aba7a954ef0886371d951c3bf4b6e0a921d1aefc553f309702d6ed1
JQ_URL := http://deb.debian.org/debian/pool/main/j/jq/jq_$(JQ_VERSION).orig.tar.gz
JQ_DIR := target/third-party/jq-$(JQ_VERSION)
ONIG_VERSION := 6.9.8
ONIG_SHA256 := 26372720bab6733c869a9eb69377f73971138dc5e3eff4a81f5ba8aea5435fb2
ONIG_URL := http://deb.debian.org/debian/pool/main/libo/libonig/libonig_$(ONIG_VERSION).orig.tar.gz
ONIG_DIR := target/third-party/oniguruma-$(ONIG_VERSION)

# libjq (jq's Makefile.am LIBJQ_SRC, without its test runner jq_test.c).
JQ_LIB := builtin bytecode compile execute jv jv_alloc jv_aux jv_dtoa jv_dtoa_tsd jv_file jv_parse jv_print \
	jv_unicode lexer linker locfile parser util decNumber/decContext decNumber/decNumber
# Oniguruma's core and the encodings jq uses (UTF-8; ASCII is the default).
ONIG_LIB := regparse regcomp regexec regenc regerror regext regsyntax regtrav regversion st unicode \
	unicode_unfold_key unicode_fold1_key unicode_fold2_key unicode_fold3_key ascii utf8

jq_SOURCES := components/extensions-c/jq/jq.c $(foreach f,$(JQ_LIB),$(JQ_DIR)/src/$(f).c) $(foreach f,$(ONIG_LIB),$(ONIG_DIR)/src/$(f).c) \
	$(JQ_DIR)/src/builtin.inc
jq_INIT := sqlite3_jq_init
jq_VERSION := $(JQ_VERSION)
# jq's configure results for wasm32-wasip2 (its -D flags: jq 1.7.1 has no
# config.h), with decNumber number literals as jq's default build has.
# -Os: 0.99 MB (1.10 MB at -O2), a third of it Oniguruma's Unicode tables.
# Stack: jq's printer, parser and jv_free recurse once per nesting level
# (about 0.6 KiB a level): with wasm-ld's default 64 KiB stack after the
# data, a value nested ~80 deep overflowed into static data. sqlink-cc
# links every C extension with a 1 MiB stack placed first, so jq's own
# limits apply (depth 256 to parse and print) and deeper recursion traps.
jq_CFLAGS := -std=gnu11 -Os -include components/extensions-c/jq/wasi.h -Icomponents/extensions-c/jq \
	-I$(JQ_DIR) -I$(JQ_DIR)/src -I$(ONIG_DIR)/src -DUSE_DECNUM=1 -DIEEE_8087=1 -DHAVE_LIBONIG=1 \
	-DHAVE_PTHREAD=1 -DHAVE_PTHREAD_KEY_CREATE=1 -DHAVE_PTHREAD_ONCE=1 -DHAVE_ATEXIT=1 -DHAVE___THREAD=1 -DHAVE_ALLOCA=1 -DHAVE_ALLOCA_H=1 \
	-DHAVE_GETTIMEOFDAY=1 -DHAVE_GMTIME=1 -DHAVE_GMTIME_R=1 -DHAVE_LOCALTIME=1 -DHAVE_LOCALTIME_R=1 -DHAVE_STRFTIME=1 \
	-DHAVE_STRPTIME=1 -DHAVE_TIMEGM=1 -DHAVE_TM___TM_GMT_OFF=1 -DHAVE_SETENV=1 -DHAVE_MEMMEM=1 -DHAVE_ISATTY=1 \
	$(foreach f,ACOS ACOSH ASIN ASINH ATAN ATAN2 ATANH CBRT CEIL COPYSIGN COS COSH DREM ERF ERFC EXP EXP10 EXP2 EXPM1 \
		FABS FDIM FLOOR FMA FMAX FMIN FMOD FREXP GAMMA HYPOT ILOGB J0 J1 JN LDEXP LGAMMA LGAMMA_R LOG LOG10 LOG1P LOG2 \
		LOGB MODF NEARBYINT NEXTAFTER NEXTTOWARD POW REMAINDER RINT ROUND SCALB SCALBLN SCALBN SIGNIFICAND SIN SINH \
		SQRT TAN TANH TGAMMA TRUNC Y0 Y1 YN,-DHAVE_$(f)=1)
jq_DESCRIPTION := jq filters over JSON text: jq(json, filter) returns the last output of the filter as an SQL value. Compatible with Florents-Tselai/liteJQ 973fbdbe (2024-07-08) over jq $(JQ_VERSION) (libjq and Oniguruma $(ONIG_VERSION), compiled unchanged).

.SECONDARY: $(JQ_DIR)/extracted $(ONIG_DIR)/extracted
$(JQ_DIR)/extracted:
	$(call fetch,$(JQ_DIR),$(JQ_URL),$(JQ_SHA256),jq $(JQ_VERSION)'s source (Debian),z --strip-components=1,jq-jq-$(JQ_VERSION)/src jq-jq-$(JQ_VERSION)/COPYING)
$(JQ_DIR)/src/%.c: $(JQ_DIR)/extracted
	@test -f $@ || { echo "$@: no such file in jq $(JQ_VERSION)" >&2; exit 1; }
# What jq's Makefile generates for builtin.c: builtin.jq as a C string.
$(JQ_DIR)/src/builtin.inc: $(JQ_DIR)/extracted
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $(JQ_DIR)/src/builtin.jq > $@

$(ONIG_DIR)/extracted:
	$(call fetch,$(ONIG_DIR),$(ONIG_URL),$(ONIG_SHA256),Oniguruma $(ONIG_VERSION)'s source (Debian),z --strip-components=1,oniguruma-$(ONIG_VERSION)/src oniguruma-$(ONIG_VERSION)/COPYING)
$(ONIG_DIR)/src/%.c: $(ONIG_DIR)/extracted
	@test -f $@ || { echo "$@: no such file in Oniguruma $(ONIG_VERSION)" >&2; exit 1; }
