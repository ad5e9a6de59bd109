-- exit: 1
.load dist/extensions/geohash.wasm
-- Wikipedia / geohash.org: ezs42 is about 42.6, -5.6; u4pruydqqvj is 57.64911, 10.40744
select geohash_encode(42.6, -5.6, 5), geohash_encode(57.64911, 10.40744, 11);
-- => ezs42|u4pruydqqvj
select geohash_decode('ezs42');
-- => {"lat":42.60498046875,"lon":-5.60302734375,"lat_err":0.02197265625,"lon_err":0.02197265625}
select geohash_decode('u4pruydqqvj');
-- => {"lat":57.64911063015461,"lon":10.407439693808556,"lat_err":6.705522537231445e-7,"lon_err":6.705522537231445e-7}
select round(geohash_decode('u4pruydqqvj') ->> 'lat', 5), round(geohash_decode('u4pruydqqvj') ->> 'lon', 5);
-- => 57.64911|10.40744
-- PostGIS docs: ST_GeoHash(ST_Point(-126,48)) and with maxchars 5
select geohash_encode(48, -126), geohash_encode(48, -126, 5), geohash_encode(48, -126, 0), geohash_encode(48, -126, NULL);
-- => c0w3hf1s70w3hf1s70w3|c0w3h|c0w3hf1s70w3hf1s70w3|
-- PostGIS docs: ST_PointFromGeoHash('9qqj7nmxncgyy4d0dbxqz0') = POINT(-115.172816 36.114646), precision 4 = POINT(-115.13671875 36.123046875)
select round(geohash_decode('9qqj7nmxncgyy4d0dbxqz0') ->> 'lon', 6), round(geohash_decode('9qqj7nmxncgyy4d0dbxqz0') ->> 'lat', 6);
-- => -115.172816|36.114646
select geohash_decode('9qqj7nmxncgyy4d0dbxqz0', 4);
-- => {"lat":36.123046875,"lon":-115.13671875,"lat_err":0.087890625,"lon_err":0.17578125}
select geohash_decode('9QQJ'), geohash_decode(''), geohash_decode('9qqj', 0), geohash_decode('9qqj', 10);
-- => {"lat":36.123046875,"lon":-115.13671875,"lat_err":0.087890625,"lon_err":0.17578125}|{"lat":0.0,"lon":0.0,"lat_err":90.0,"lon_err":180.0}|{"lat":36.123046875,"lon":-115.13671875,"lat_err":0.087890625,"lon_err":0.17578125}|{"lat":36.123046875,"lon":-115.13671875,"lat_err":0.087890625,"lon_err":0.17578125}
-- neighbours
select geohash_neighbors('ezs42');
-- => {"n":"ezs48","ne":"ezs49","e":"ezs43","se":"ezs41","s":"ezs40","sw":"ezefp","w":"ezefr","nw":"ezefx"}
select geohash_neighbors('u');
-- => {"n":null,"ne":null,"e":"v","se":"t","s":"s","sw":"e","w":"g","nw":null}
select geohash_neighbors('b'), geohash_neighbors('0');
-- => {"n":null,"ne":null,"e":"c","se":"9","s":"8","sw":"x","w":"z","nw":null}|{"n":"2","ne":"3","e":"1","se":null,"s":null,"sw":null,"w":"p","nw":"r"}
select geohash_encode(90, 180, 4), geohash_encode(-90, -180, 4), geohash_encode(0, 0, 4);
-- => zzzz|0000|s000
-- NULLs
select geohash_encode(NULL, 1) is null, geohash_encode(1, NULL) is null, geohash_decode(NULL) is null, geohash_neighbors(NULL) is null;
-- => 1|1|1|1
-- errors: out of range, bad characters, empty, wrong types, invalid UTF-8
select geohash_encode(91, 0);
-- !! Runtime error near line 35: Geohash requires inputs in decimal degrees, got (0 91, 0 91).
select geohash_encode(0, -180.5);
-- !! Runtime error near line 37: Geohash requires inputs in decimal degrees, got (-180.5 0, -180.5 0).
select geohash_decode('ezs4a');
-- !! Runtime error near line 39: decode_geohash_bbox: Invalid character 'a'
select geohash_neighbors('');
-- !! Runtime error near line 41: geohash_neighbors(): empty geohash
select geohash_encode('x', 1);
-- !! Runtime error near line 43: geohash_encode(): argument 1 must be a number, got text 'x' (20)
select geohash_decode(cast(x'ff' as text));
-- !! Runtime error near line 45: geohash_decode(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- deterministic: usable in a generated column
create table g(lat real, lon real, h text as (geohash_encode(lat, lon, 7)));
insert into g values (42.6, -5.6);
select h from g;
-- => ezs42e4
