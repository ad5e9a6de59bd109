//! The shell's display and behaviour settings (what `.show` reports).

/// An output mode (`.mode`). `tabs` is `List` with a tab separator, as in sqlite3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One `name = value` line per column.
    Line,
    /// Aligned columns with a dashed header rule.
    Column,
    /// Values joined by the column separator (also `tabs`).
    List,
    /// HTML table rows.
    Html,
    /// `INSERT INTO table VALUES(...)` statements.
    Insert,
    /// Values as SQL literals.
    Quote,
    /// TCL list elements.
    Tcl,
    /// Comma-separated values, quoted where needed.
    Csv,
    /// Unit and record separators 0x1F and 0x1E.
    Ascii,
    /// A JSON array of objects.
    Json,
    /// A Markdown table.
    Markdown,
    /// An ASCII-art table.
    Table,
    /// A table drawn with Unicode box characters.
    Box,
    /// Only the number of rows.
    Count,
    /// Nothing.
    Off,
    /// The layout of EXPLAIN output, for every statement (`.explain on`).
    Explain,
}

impl Mode {
    /// The name `.mode` and `.show` print.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Line => "line",
            Mode::Column => "column",
            Mode::List => "list",
            Mode::Html => "html",
            Mode::Insert => "insert",
            Mode::Quote => "quote",
            Mode::Tcl => "tcl",
            Mode::Csv => "csv",
            Mode::Ascii => "ascii",
            Mode::Json => "json",
            Mode::Markdown => "markdown",
            Mode::Table => "table",
            Mode::Box => "box",
            Mode::Count => "count",
            Mode::Off => "off",
            Mode::Explain => "explain",
        }
    }

    /// Whether the mode lays rows out in aligned columns (and so takes
    /// `--wrap`, `--wordwrap` and `--quote`).
    pub fn is_columnar(self) -> bool {
        matches!(self, Mode::Column | Mode::Table | Mode::Box | Mode::Markdown)
    }
}

/// Options of the columnar modes: `.mode column --wrap N --wordwrap B --quote`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColumnOptions {
    /// Maximum width of a column before its text wraps; 0 for no limit.
    pub wrap: usize,
    /// Wrap at word boundaries where possible.
    pub word_wrap: bool,
    /// Show values as SQL literals.
    pub quote: bool,
}

/// Automatic EXPLAIN QUERY PLAN before each statement (`.eqp`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Eqp {
    /// None.
    #[default]
    Off,
    /// The plan of each statement.
    On,
    /// The plan including the plans of triggers.
    Trigger,
    /// The plan including triggers, then the statement's bytecode.
    Full,
}

impl Eqp {
    /// The name `.show` prints.
    pub fn name(self) -> &'static str {
        match self {
            Eqp::Off => "off",
            Eqp::On => "on",
            Eqp::Trigger => "trigger",
            Eqp::Full => "full",
        }
    }
}

/// Everything `.show` reports, plus the flags that change how input runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The output mode.
    pub mode: Mode,
    /// Options of the columnar modes.
    pub column: ColumnOptions,
    /// Table name for `.mode insert`, already quoted if needed.
    pub insert_table: String,
    /// Column separator.
    pub col_sep: Vec<u8>,
    /// Row separator.
    pub row_sep: Vec<u8>,
    /// Text shown for NULL.
    pub null_value: Vec<u8>,
    /// Show column names.
    pub headers: bool,
    /// Whether headers were set explicitly (then `.mode column` keeps them).
    pub headers_set: bool,
    /// Print input before running it (`.echo`).
    pub echo: bool,
    /// Stop at the first error (`.bail`, `-bail`).
    pub bail: bool,
    /// Print run times (`.timer`).
    pub timer: bool,
    /// Print change counts after each statement (`.changes`).
    pub changes: bool,
    /// Prompt for a new statement.
    pub main_prompt: String,
    /// Prompt for a continuation line.
    pub continue_prompt: String,
    /// Column widths of the columnar modes (`.width`); negative aligns
    /// right, 0 sizes the column to its content.
    pub widths: Vec<i32>,
    /// Automatic query plans (`.eqp`).
    pub eqp: Eqp,
    /// Lay out EXPLAIN statements as EXPLAIN output whatever the mode
    /// (`.explain auto`, the default).
    pub auto_explain: bool,
    /// The mode to go back to after `.explain on`.
    pub normal_mode: Mode,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mode: Mode::List,
            column: ColumnOptions::default(),
            insert_table: "\"table\"".into(),
            col_sep: b"|".to_vec(),
            row_sep: b"\n".to_vec(),
            null_value: Vec::new(),
            headers: false,
            headers_set: false,
            echo: false,
            bail: false,
            timer: false,
            changes: false,
            main_prompt: "sqlink> ".into(),
            continue_prompt: "   ...> ".into(),
            widths: Vec::new(),
            eqp: Eqp::Off,
            auto_explain: true,
            normal_mode: Mode::List,
        }
    }
}
