# ipaddr: sqlean's ipaddr module, compiled unchanged.
ipaddr_SOURCES := $(SQLEAN_DIR)/sqlite/sqlean-ipaddr.c components/extensions-c/sqlean/init.c
ipaddr_INIT := sqlite3_ipaddr_init
ipaddr_VERSION := $(SQLEAN_VERSION)
ipaddr_CFLAGS := -I$(SQLEAN_DIR)/sqlite -DSQLEAN_ENTRY=sqlite3_ipaddr_init -DSQLEAN_INIT=ipaddr_init
ipaddr_DESCRIPTION := IPv4 and IPv6 addresses and networks: ipfamily, iphost, ipmasklen, ipnetwork, ipcontains. Compatible with sqlean ipaddr $(SQLEAN_VERSION) (its C source, compiled unchanged).
