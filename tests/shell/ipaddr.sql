-- sqlean's ipaddr module (sqlite/sqlean-ipaddr.c of sqlean.py 3.50.4.5),
-- compiled unchanged by `make c-catalog` (components/extensions-c/ipaddr/extension.mk): the examples of sqlean's
-- docs/ipaddr.md, with the results of the same source compiled natively
-- into Debian's sqlite3.
.load dist/extensions/ipaddr.wasm
select ipfamily('192.168.1.1'), ipfamily('2001:db8::1'), ipfamily('192.168.1.1/24');
-- => 4|6|4
select iphost('192.168.1.1'), iphost('192.168.1.1/24'), iphost('2001:db8::123/64');
-- => 192.168.1.1|192.168.1.1|2001:db8::123
select ipmasklen('192.168.1.1/24'), ipmasklen('192.168.1.1'), ipmasklen('2001:db8::123/64');
-- => 24|32|64
select ipnetwork('192.168.16.12/24'), ipnetwork('2001:db8::123/64');
-- => 192.168.16.0/24|2001:db8::/64
select ipcontains('192.168.16.0/24', '192.168.16.3'), ipcontains('192.168.16.0/24', '192.168.17.3'), ipcontains('192.168.16.0/24', '192.168.16.0/28');
-- => 1|0|1
select ipfamily('not an address') is null;
-- => 1
