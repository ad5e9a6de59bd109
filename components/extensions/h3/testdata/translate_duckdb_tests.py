# Translates isaacbrodsky/h3-duckdb test/sql/h3/h3_functions_*.test (commit de5de2f) into
# (file, sql, expected rows) cases for tests/shell/h3.sql: DuckDB lists become JSON arrays,
# booleans 1/0, ::ubigint/::bigint casts are dropped. Usage: translate_duckdb_tests.py FILE.test...
import re, sys, json
impl = set("""h3_latlng_to_cell h3_latlng_to_cell_string h3_cell_to_lat h3_cell_to_lng h3_cell_to_latlng h3_cell_to_boundary_wkt h3_get_resolution h3_get_base_cell_number h3_get_index_digit h3_string_to_h3 h3_h3_to_string h3_is_valid_cell h3_is_valid_index h3_is_pentagon h3_is_res_class_iii h3_get_num_cells h3_cell_to_parent h3_cell_to_center_child h3_cell_to_children h3_cell_to_children_size h3_cell_to_child_pos h3_child_pos_to_cell h3_max_grid_disk_size h3_grid_disk h3_grid_disk_unsafe h3_grid_disk_distances h3_grid_disk_distances_unsafe h3_grid_disk_distances_safe h3_grid_ring h3_grid_ring_unsafe h3_grid_distance h3_grid_path_cells h3_are_neighbor_cells""".split())
def conv_list(s):
    # DuckDB list -> JSON
    s=s.strip()
    def tok(m):
        t=m.group(0)
        if re.fullmatch(r'-?\d+(\.\d+)?', t): return t
        return '"%s"'%t
    if s.startswith('['):
        inner=re.sub(r'[^\[\], ]+', tok, s)
        return inner.replace(', ', ',')
    return s
out=[]
skipped=0
for fn in sys.argv[1:]:
    txt=open(fn).read()
    blocks=re.split(r'\n(?=query |statement )', txt)
    for b in blocks:
        if not b.startswith('query'): continue
        parts=b.split('\n----\n')
        if len(parts)!=2: continue
        sql=' '.join(l for l in parts[0].split('\n')[1:] if l.strip()).strip().rstrip(';')
        exp=[l for l in parts[1].split('\n') if l.strip()!='']
        fns=set(re.findall(r'h3_\w+', sql))
        if not fns or not fns<=impl or 'list_transform' in sql or 'printf' in sql or '[' in sql:
            skipped+=1; continue
        sql=re.sub(r'::u?bigint','',sql); sql=re.sub(r'cast\((.*?) as u?bigint\)',r'\1',sql, flags=re.I)
        rows=[]
        for l in exp:
            cols=[conv_list(c) for c in l.split('\t')]
            cols=['' if c=='NULL' else '1' if c=='true' else '0' if c=='false' else c for c in cols]
            rows.append('|'.join(cols))
        out.append((fn.split('/')[-1], sql, rows))
print('-- skipped', skipped, file=sys.stderr)
with open('/tmp/h3t/cases.json','w') as f: json.dump(out,f)
