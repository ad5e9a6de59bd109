# python-stdnum's data, which the isn and iban extensions are compiled from
# (their build.rs reads it; see components/extensions/isn/build.rs and
# components/extensions/iban/build.rs). Included by the Makefile; the
# `components` target runs this download first.
#
# python-stdnum 2.2's source distribution comes from PyPI at build time,
# pinned by version and SHA-256, into target/third-party/ (never committed);
# only its `stdnum` package (the .dat files and the modules whose tables
# build.rs reads) and its licence are extracted. A build elsewhere can point
# at another copy with SQLINK_THIRD_PARTY=DIR (the directory holding
# python-stdnum-2.2/).
#
# This file lives in components/, not components/extensions/: every entry of
# that directory is taken as an extension crate (the Makefile's EXTENSIONS,
# the workspace's members).

STDNUM_VERSION := 2.2
STDNUM_SHA256 := e95fcfa858a703d4a40130cb3eaac133c60d8808a7f3c98efeedac968c2479b9
STDNUM_URL := https://files.pythonhosted.org/packages/15/7f/96c2b9de6024353177dc6139c33730d5ac25877bc33215515d6b95b84555/python_stdnum-$(STDNUM_VERSION).tar.gz
STDNUM_DIR := target/third-party/python-stdnum-$(STDNUM_VERSION)

.PHONY: stdnum-data
.SECONDARY: $(STDNUM_DIR)/extracted
stdnum-data: $(STDNUM_DIR)/extracted

$(STDNUM_DIR)/extracted:
	$(call fetch,$(STDNUM_DIR),$(STDNUM_URL),$(STDNUM_SHA256),python-stdnum $(STDNUM_VERSION)'s source (PyPI) for the isn and iban extensions,z --strip-components=1,python_stdnum-$(STDNUM_VERSION)/stdnum python_stdnum-$(STDNUM_VERSION)/COPYING)
