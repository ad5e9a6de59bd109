#!/bin/sh
# Puts PostgreSQL's own unaccent.rules (from Debian's postgresql-15 binary
# package, pinned by hash) at components/target/unaccent/unaccent.rules,
# where the unit test `generated_table_matches_postgres_rules` compares the
# generated table with it. Not committed: it is PostgreSQL's data.
set -e
cd "$(dirname "$0")/../../../target"
mkdir -p unaccent && cd unaccent
apt-get download postgresql-15=15.20-0+deb12u1
echo "8566850f295c2cb5034ff5dd5b40caf97eea81b75a841c8d1f691c05ab8815db  postgresql-15_15.20-0+deb12u1_amd64.deb" | sha256sum -c
dpkg-deb --fsys-tarfile postgresql-15_15.20-0+deb12u1_amd64.deb | tar -xO ./usr/share/postgresql/15/tsearch_data/unaccent.rules > unaccent.rules
echo "0976b49849393a5d501ceb9020775114a203da84d2c8ecf70b8054368c543210  unaccent.rules" | sha256sum -c
rm postgresql-15_15.20-0+deb12u1_amd64.deb
