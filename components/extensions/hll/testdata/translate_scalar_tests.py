# Translates citusdata/postgresql-hll expected/*.out (commit 0bdacc2) scalar SELECTs into
# cases for tests/shell/hll.sql (equal/notequal left out: they test the = operator).
import re, sys, json
impl = set("hll_empty hll_hash_text hll_hash_bytea hll_hash_bigint hll_hash_integer hll_hash_smallint hll_hash_boolean hll_add hll_add_rev hll_union hll_cardinality hll_schema_version hll_type hll_log2m hll_regwidth hll_sparseon".split())
cases=[]; skipped=0
for fn in sys.argv[1:]:
    lines=open(fn).read().split('\n')
    i=0
    while i < len(lines):
        l=lines[i]
        if 'hll_set_max_sparse' in l or 'hll_set_defaults' in l: break
        if not l.upper().startswith('SELECT'):
            i+=1; continue
        stmt=l; j=i
        while not stmt.rstrip().endswith(';'):
            j+=1; stmt+=' '+lines[j].strip()
        i=j+1
        # result
        res=None; err=None
        if i < len(lines) and lines[i].startswith('ERROR:'):
            err=lines[i][len('ERROR:'):].strip(); i+=1
        elif i+1 < len(lines) and re.match(r'^-+(\+-+)*$', lines[i+1]):
            header=lines[i]; k=i+2; rows=[]
            while k < len(lines) and not re.match(r'^\(\d+ rows?\)$', lines[k]):
                rows.append(lines[k]); k+=1
            i=k+1
            if '|' in header: skipped+=1; continue
            res=[r.strip() for r in rows]
            if any(r.endswith('+') for r in rows): skipped+=1; continue
        else:
            skipped+=1; continue
        fns=set(re.findall(r'hll_\w+', stmt))
        if 'hll_set_output_version' in fns or not fns<=impl or re.search(r'\bFROM\b|::hll\(|\|\||#', stmt, re.I):
            skipped+=1; continue
        s=stmt.rstrip().rstrip(';')
        s=re.sub(r"E'\\\\x([0-9a-fA-F]*)'::bytea", r"x'\1'", s)
        s=re.sub(r"hll_hash_bytea\(E'\\\\x([0-9a-fA-F]*)'", r"hll_hash_bytea(x'\1'", s)
        if 'hll_hash_boolean(FALSE, -1)' in s: skipped+=1; continue
        s=re.sub(r"E'\\\\x([0-9a-fA-F]*)'", r"'\\x\1'", s)
        s=re.sub(r"::(hll_hashval|hll|bigint|integer|smallint|int4|int8|int2|text)\b", "", s)
        s=re.sub(r"\bTRUE\b","1",s); s=re.sub(r"\bFALSE\b","0",s)
        exp=[]
        if err is not None:
            exp=[('err',err)]
        else:
            if len(res)!=1: skipped+=1; continue
            v=res[0]
            if v.startswith('\\x'):
                m=re.match(r'(?i)SELECT\s+(.*)$', s)
                s="SELECT '\\x' || lower(hex(%s))" % m.group(1)
            elif v in ('t','f'):
                v={'t':'1','f':'0'}[v]
            elif 'hll_cardinality' in s and re.fullmatch(r'-?\d+', v):
                v=v+'.0'
            exp=[('out',v)]
        cases.append((fn.split('/')[-1], s, exp))
print('skipped',skipped,'kept',len(cases),file=sys.stderr)
json.dump(cases, open('/tmp/hllt/cases.json','w'))
