//! `.help`: the text of every dot command the shell has, and sqlite3's
//! lookup rules (a prefix shows that command's details; otherwise a
//! substring search shows every command whose text mentions it).

/// Help lines: a line starting with `.` opens a command's entry, the lines
/// after it (up to the next command) are its details.
const HELP: &[&str] = &[
    ".backup ?DB? FILE        Backup DB (default \"main\") to FILE",
    "   Options:",
    "       --async             Write to FILE without journal and fsync()",
    ".bail on|off             Stop after hitting an error.  Default OFF",
    ".cd DIRECTORY            Change the working directory to DIRECTORY",
    ".changes on|off          Show number of rows changed by SQL",
    ".databases               List names and files of attached databases",
    ".dump ?OBJECTS?          Render database content as SQL",
    "   Options:",
    "     --data-only            Output only INSERT statements",
    "     --newlines             Allow unescaped newline characters in output",
    "     --nosys                Omit system tables (ex: \"sqlite_stat1\")",
    "     --preserve-rowids      Include ROWID values in the output",
    "   OBJECTS is a LIKE pattern for tables, indexes, triggers or views to dump",
    "   Additional LIKE patterns can be given in subsequent arguments",
    ".echo on|off             Turn command echo on or off",
    ".eqp on|off|full|...     Enable or disable automatic EXPLAIN QUERY PLAN",
    "   Other Modes:",
    "      trigger               Like \"full\" but also show trigger bytecode",
    ".exit ?CODE?             Exit this program with return-code CODE",
    ".explain ?on|off|auto?   Change the EXPLAIN formatting mode.  Default: auto",
    ".extensions ?--catalog?  List loaded extensions: functions, grants, limits",
    "   Options:",
    "     --catalog ?DIR?       Instead, every extension of a catalog directory,",
    "                           loaded or not (default: ../extensions beside",
    "                           this program, or $SQLINK_CATALOG)",
    ".headers on|off          Turn display of headers on or off",
    ".help ?-all? ?PATTERN?   Show help text for PATTERN",
    ".import FILE TABLE       Import data from FILE into TABLE",
    "   Options:",
    "     --ascii               Use \\037 and \\036 as column and row separators",
    "     --csv                 Use , and \\n as column and row separators",
    "     --skip N              Skip the first N rows of input",
    "     --schema S            Target table to be S.TABLE",
    "     -v                    \"Verbose\" - increase auxiliary output",
    "   Notes:",
    "     *  If TABLE does not exist, it is created.  The first row of input",
    "        determines the column names.",
    "     *  If neither --csv or --ascii are used, the input mode is derived",
    "        from the \".mode\" output mode",
    "     *  If FILE begins with \"|\" then it is a command that generates the",
    "        input text.",
    ".indexes ?TABLE?         Show names of indexes",
    "                           If TABLE is specified, only show indexes for",
    "                           tables matching TABLE using the LIKE operator.",
    ".load FILE ?OPTIONS?     Load a WebAssembly extension (.wasm component)",
    "   Options:",
    "     --grant CAP          Grant a capability: spi, fs:DIR[:ro], env:NAME",
    "     --mem BYTES          Memory limit, e.g. 67108864 or 64M",
    "     --timeout MS         CPU time limit per call in milliseconds",
    "     --pin NAME           Take bare function NAME even if another holds it",
    "     --prefix P           Use prefix P for qualified names (P__name)",
    ".mode MODE ?OPTIONS?     Set output mode",
    "   MODE is one of:",
    "     ascii       Columns/rows delimited by 0x1F and 0x1E",
    "     box         Tables using unicode box-drawing characters",
    "     csv         Comma-separated values",
    "     column      Output in columns.  (See .width)",
    "     count       Only the number of result rows",
    "     html        HTML <table> code",
    "     insert      SQL insert statements for TABLE",
    "     json        Results in a JSON array",
    "     line        One value per line",
    "     list        Values delimited by \"|\"",
    "     markdown    Markdown table format",
    "     off         No output",
    "     qbox        Shorthand for \"box --wrap 60 --quote\"",
    "     quote       Escape answers as for SQL",
    "     table       ASCII-art table",
    "     tabs        Tab-separated values",
    "     tcl         TCL list elements",
    "   OPTIONS: (for columnar modes or insert mode):",
    "     --wrap N       Wrap output lines to no longer than N characters",
    "     --wordwrap B   Wrap or not at word boundaries per B (on/off)",
    "     --ww           Shorthand for \"--wordwrap 1\"",
    "     --quote        Quote output text as SQL literals",
    "     --noquote      Do not quote output text",
    "     TABLE          The name of SQL table used for \"insert\" mode",
    ".nullvalue STRING        Use STRING in place of NULL values",
    ".once ?FILE?             Output for the next SQL command only to FILE",
    ".open ?OPTIONS? ?FILE?   Close existing database and reopen FILE",
    "     Options:",
    "        --new           Initialize FILE to an empty database",
    "        --readonly      Open FILE readonly",
    ".output ?FILE?           Send output to FILE or stdout if FILE is omitted",
    "   FILE may be \"stdout\", \"stderr\" or \"off\".",
    ".parameter CMD ...       Manage SQL parameter bindings",
    "   clear                   Erase all bindings",
    "   init                    Initialize the TEMP table that holds bindings",
    "   list                    List the current parameter bindings",
    "   set PARAMETER VALUE     Given SQL parameter PARAMETER a value of VALUE",
    "                           PARAMETER should start with one of: $ : @ ?",
    "   unset PARAMETER         Remove PARAMETER from the binding table",
    ".print STRING...         Print literal STRING",
    ".prompt MAIN CONTINUE    Replace the standard prompts",
    ".quit                    Exit this program",
    ".read FILE               Read input from FILE",
    ".restore ?DB? FILE       Restore content of DB (default \"main\") from FILE",
    ".save ?OPTIONS? FILE     Write database to FILE (an alias for .backup ...)",
    ".schema ?PATTERN?        Show the CREATE statements matching PATTERN",
    "   Options:",
    "      --nosys              Omit objects whose names start with \"sqlite_\"",
    ".separator COL ?ROW?     Change the column and row separators",
    ".shell CMD ARGS...       Run CMD ARGS... in a system shell",
    ".show                    Show the current values for various settings",
    ".system CMD ARGS...      Run CMD ARGS... in a system shell",
    ".tables ?TABLE?          List names of tables matching LIKE pattern TABLE",
    ".timer on|off            Turn SQL timer on or off",
    ".unload NAME             Unload a loaded extension",
    ".width NUM1 NUM2 ...     Set minimum column widths for columnar output",
];

/// Renders `.help [PATTERN]`. `extra` are (usage, help) pairs of dot
/// commands contributed by loaded extensions.
pub fn render(pattern: Option<&str>, extra: &[(String, String)]) -> String {
    let mut lines: Vec<String> = HELP.iter().map(|s| s.to_string()).collect();
    for (usage, help) in extra {
        lines.push(format!("{usage:<24} {help}"));
    }
    let mut out = String::new();
    let mut emit = |l: &str| {
        out.push_str(l);
        out.push('\n');
    };
    match pattern {
        None => lines.iter().filter(|l| l.starts_with('.')).for_each(|l| emit(l)),
        Some(p) if p.starts_with('0') || p == "-a" || p == "-all" || p == "--all" => lines.iter().for_each(|l| emit(l)),
        Some(p) => {
            let prefix = format!(".{p}");
            let hits: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].starts_with(&prefix)).collect();
            if !hits.is_empty() {
                for &i in &hits {
                    emit(&lines[i]);
                }
                if hits.len() == 1 {
                    lines[hits[0] + 1..].iter().take_while(|l| !l.starts_with('.')).for_each(|l| emit(l));
                }
            } else {
                let needle = p.to_ascii_lowercase();
                let mut i = 0;
                let mut found = false;
                while i < lines.len() {
                    let start = (0..=i).rev().find(|&j| lines[j].starts_with('.')).unwrap_or(0);
                    if lines[i].to_ascii_lowercase().contains(&needle) {
                        found = true;
                        let mut j = start;
                        emit(&lines[j]);
                        while j + 1 < lines.len() && !lines[j + 1].starts_with('.') {
                            j += 1;
                            emit(&lines[j]);
                        }
                        i = j;
                    }
                    i += 1;
                }
                if !found {
                    emit(&format!("Nothing matches '{p}'"));
                }
            }
        }
    }
    out
}
