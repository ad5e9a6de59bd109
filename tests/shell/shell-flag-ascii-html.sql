-- args: -html -header
select 1 as a, '<b> & "c"' as b;
-- => <TR><TH>a</TH>
-- => <TH>b</TH>
-- => </TR>
-- => <TR><TD>1</TD>
-- => <TD>&lt;b&gt; &amp; &quot;c&quot;</TD>
-- => </TR>
