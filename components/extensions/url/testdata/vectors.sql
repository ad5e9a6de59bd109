-- The corpus of testdata/vectors.txt, after inputs.py's table of inputs:
-- each input through url_valid, every part function, url_escape and
-- url_unescape. One line per input: the input and each result as hex
-- (NULL as N).
.mode tabs
.headers off
create temp table parts(name);
insert into parts values ('scheme'), ('host'), ('path'), ('query'), ('fragment'), ('user'), ('password'), ('options'), ('zoneid');
select hex(url), url_valid(url),
  iif(url_scheme(url) is null, 'N', hex(url_scheme(url))), iif(url_user(url) is null, 'N', hex(url_user(url))), iif(url_password(url) is null, 'N', hex(url_password(url))),
  iif(url_options(url) is null, 'N', hex(url_options(url))), iif(url_host(url) is null, 'N', hex(url_host(url))), iif(url_port(url) is null, 'N', hex(url_port(url))),
  iif(url_path(url) is null, 'N', hex(url_path(url))), iif(url_query(url) is null, 'N', hex(url_query(url))), iif(url_fragment(url) is null, 'N', hex(url_fragment(url))),
  iif(url_zoneid(url) is null, 'N', hex(url_zoneid(url))), hex(url_escape(url)), hex(url_unescape(url))
from inputs;
