//! The `_csv` module: the CSV reader and writer state machines and the dialect registry
//! that CPython's pure-Python `csv` module is built on.

use std::cell::{Cell, RefCell};

use crate::impl_native;
use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{native, new_class, new_module, set, set_int, this};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

#[derive(Clone)]
struct Params {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            delimiter: ',',
            quotechar: Some('"'),
            escapechar: None,
            doublequote: true,
            skipinitialspace: false,
            lineterminator: "\r\n".into(),
            quoting: QUOTE_MINIMAL,
            strict: false,
        }
    }
}

pub struct Dialect {
    p: Params,
}
impl_native!(Dialect, |s, visit| {});

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    let cls = vm.state.borrow().get("_csv.Error").copied().unwrap_or(vm.exc.exception);
    vm.err(cls, msg.into())
}

fn state_dict(vm: &mut Vm, key: &'static str) -> Value {
    if let Some(v) = vm.state.borrow().get(key).copied() {
        return v;
    }
    let d = vm.new_dict();
    vm.state.borrow_mut().insert(key, d);
    d
}

const FIELDS: [&str; 8] =
    ["delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator", "quoting", "strict"];

fn char_param(vm: &Vm, name: &str, v: Value, allow_none: bool) -> PyResult<Option<char>> {
    if v.is_none() && allow_none {
        return Ok(None);
    }
    match v.as_rstr() {
        Some(s) if s.chars().count() == 1 => Ok(s.chars().next()),
        Some(_) => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
        None if allow_none => {
            Err(vm.type_error(format!("\"{name}\" must be string or None, not {}", vm.type_tp_name(v))))
        }
        None => Err(vm.type_error(format!("\"{name}\" must be string, not {}", vm.type_tp_name(v)))),
    }
}

fn apply(vm: &mut Vm, p: &mut Params, quotechar_set: &mut bool, name: &str, v: Value) -> PyResult<()> {
    match name {
        "delimiter" => {
            p.delimiter = char_param(vm, name, v, false)?.unwrap_or(',');
        }
        "quotechar" => {
            p.quotechar = char_param(vm, name, v, true)?;
            *quotechar_set = true;
        }
        "escapechar" => p.escapechar = char_param(vm, name, v, true)?,
        "doublequote" => p.doublequote = vm.truthy(v)?,
        "skipinitialspace" => p.skipinitialspace = vm.truthy(v)?,
        "strict" => p.strict = vm.truthy(v)?,
        "lineterminator" => match v.as_rstr() {
            Some(s) => p.lineterminator = s.to_owned(),
            None => return Err(vm.type_error("\"lineterminator\" must be a string")),
        },
        "quoting" => match v.as_small_int() {
            Some(q) if (0..=3).contains(&q) => p.quoting = q,
            Some(_) => return Err(vm.type_error("bad \"quoting\" value")),
            None => return Err(vm.type_error("\"quoting\" must be an integer")),
        },
        _ => {}
    }
    Ok(())
}

/// The parameters of `dialect` (a registered name, a Dialect, or any object with the
/// attributes), overridden by keyword arguments, validated like CPython.
fn make_params(vm: &mut Vm, dialect: Value, kw: &[(Value, Value)]) -> PyResult<Params> {
    let mut p = Params::default();
    let mut qset = false;
    let mut dialect = dialect;
    if let Some(name) = dialect.as_rstr() {
        let d = state_dict(vm, "_csv.dialects");
        let k = vm.new_str(name);
        dialect = match vm.dict_get(d, k)? {
            Some(x) => x,
            None => return Err(error(vm, "unknown dialect")),
        };
    }
    if !dialect.is_null() && !dialect.is_none() {
        if let Some(d) = native::<Dialect>(&dialect) {
            p = d.p.clone();
            qset = true;
        } else {
            for f in FIELDS {
                let k = vm.intern(f);
                if let Some(v) = vm.get_attr_opt(dialect, k)? {
                    apply(vm, &mut p, &mut qset, f, v)?;
                }
            }
        }
    }
    for (k, v) in kw {
        let name = k.as_rstr().unwrap_or("");
        if !FIELDS.contains(&name) {
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for Dialect()")));
        }
        apply(vm, &mut p, &mut qset, name, *v)?;
    }
    if p.quotechar.is_none() && p.quoting != QUOTE_NONE && qset {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    if p.lineterminator.is_empty() {
        return Err(vm.value_error("lineterminator must be set"));
    }
    Ok(p)
}

fn dialect_cls(vm: &Vm) -> Value {
    vm.state.borrow().get("_csv.Dialect").copied().unwrap_or(vm.types.object)
}

fn new_dialect(vm: &mut Vm, p: Params) -> Value {
    let c = dialect_cls(vm);
    vm.new_native(c, Dialect { p })
}

fn dialect_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    let mut dialect = args.get(1).copied().unwrap_or(Value::NULL);
    let mut rest = Vec::new();
    for (k, v) in kw {
        if k.as_rstr() == Some("dialect") {
            dialect = *v;
        } else {
            rest.push((*k, *v));
        }
    }
    let p = make_params(vm, dialect, &rest)?;
    Ok(vm.new_native(cls, Dialect { p }))
}

fn d_get(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let p = this::<Dialect>(vm, args, name, "_csv.Dialect")?.p.clone();
    let ch = |vm: &mut Vm, c: Option<char>| match c {
        Some(c) => vm.new_string(c.to_string()),
        None => Value::NONE,
    };
    Ok(match name {
        "delimiter" => ch(vm, Some(p.delimiter)),
        "quotechar" => ch(vm, p.quotechar),
        "escapechar" => ch(vm, p.escapechar),
        "doublequote" => Value::bool(p.doublequote),
        "skipinitialspace" => Value::bool(p.skipinitialspace),
        "strict" => Value::bool(p.strict),
        "lineterminator" => vm.new_string(p.lineterminator),
        _ => vm.new_int(p.quoting),
    })
}

macro_rules! getter {
    ($f:ident, $n:literal) => {
        fn $f(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
            d_get(vm, args, $n)
        }
    };
}
getter!(g_delimiter, "delimiter");
getter!(g_quotechar, "quotechar");
getter!(g_escapechar, "escapechar");
getter!(g_doublequote, "doublequote");
getter!(g_skipinitialspace, "skipinitialspace");
getter!(g_strict, "strict");
getter!(g_lineterminator, "lineterminator");
getter!(g_quoting, "quoting");

/// Splits `(dialect, **fmtparams)` out of a reader/writer call's arguments.
fn dialect_args(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<(Value, Params)> {
    let Some(&file) = args.first() else {
        return Err(vm.type_error("expected at least 1 argument, got 0"));
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!("{fname} expected at most 2 arguments, got {}", args.len())));
    }
    let mut dialect = args.get(1).copied().unwrap_or(Value::NULL);
    let mut rest = Vec::new();
    for (k, v) in kw {
        if k.as_rstr() == Some("dialect") {
            dialect = *v;
        } else {
            rest.push((*k, *v));
        }
    }
    if dialect.is_null() {
        dialect = vm.new_str("excel");
        let d = state_dict(vm, "_csv.dialects");
        if vm.dict_get(d, dialect)?.is_none() {
            dialect = Value::NULL;
        }
    }
    let p = make_params(vm, dialect, &rest)?;
    Ok((file, p))
}

fn field_limit(vm: &Vm) -> i64 {
    vm.state.borrow().get("_csv.limit").and_then(|v| v.as_small_int()).unwrap_or(128 * 1024)
}

// ----- reader -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum St {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

pub struct Reader {
    input: Value,
    dialect: Value,
    p: Params,
    line_num: Cell<i64>,
    state: Cell<St>,
    field: RefCell<String>,
    field_len: Cell<usize>,
    numeric: Cell<bool>,
    fields: RefCell<Vec<Value>>,
}
impl_native!(Reader, |s, visit| {
    visit(s.input);
    visit(s.dialect);
    for v in s.fields.borrow().iter() {
        visit(*v);
    }
});

fn reader_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (file, p) = dialect_args(vm, "reader", args, kw)?;
    let input = vm.iter(file)?;
    let dialect = new_dialect(vm, p.clone());
    let cls = vm.state.borrow().get("_csv.Reader").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(
        cls,
        Reader {
            input,
            dialect,
            p,
            line_num: Cell::new(0),
            state: Cell::new(St::StartRecord),
            field: RefCell::new(String::new()),
            field_len: Cell::new(0),
            numeric: Cell::new(false),
            fields: RefCell::new(Vec::new()),
        },
    ))
}

impl Reader {
    fn save_field(&self, vm: &mut Vm) -> PyResult<()> {
        let text = std::mem::take(&mut *self.field.borrow_mut());
        self.field_len.set(0);
        let v = if self.numeric.get() {
            self.numeric.set(false);
            let s = vm.new_string(text);
            let f = vm.types.float;
            vm.call(f, &[s], &[])?
        } else {
            vm.new_string(text)
        };
        self.fields.borrow_mut().push(v);
        Ok(())
    }

    fn add_char(&self, vm: &Vm, c: char) -> PyResult<()> {
        let limit = field_limit(vm);
        if self.field_len.get() as i64 >= limit {
            return Err(error(vm, format!("field larger than field limit ({limit})")));
        }
        self.field.borrow_mut().push(c);
        self.field_len.set(self.field_len.get() + 1);
        Ok(())
    }

    /// One character of input; None is the end of a line.
    fn process(&self, vm: &mut Vm, c: Option<char>) -> PyResult<()> {
        let p = &self.p;
        let is_nl = |c: Option<char>| matches!(c, Some('\n') | Some('\r'));
        let mut st = self.state.get();
        if st == St::StartRecord {
            if c.is_none() {
                return Ok(());
            }
            if is_nl(c) {
                self.state.set(St::EatCrnl);
                return Ok(());
            }
            st = St::StartField;
        }
        if st == St::AfterEscapedCrnl {
            if c.is_none() {
                return Ok(());
            }
            st = St::InField;
        }
        let quote_on = p.quoting != QUOTE_NONE;
        let next = match st {
            St::StartField => {
                if c.is_none() || is_nl(c) {
                    self.save_field(vm)?;
                    if c.is_none() {
                        St::StartRecord
                    } else {
                        St::EatCrnl
                    }
                } else if c == p.quotechar && quote_on {
                    St::InQuotedField
                } else if c.is_some() && c == p.escapechar {
                    St::EscapedChar
                } else if c == Some(' ') && p.skipinitialspace {
                    St::StartField
                } else if c == Some(p.delimiter) {
                    self.save_field(vm)?;
                    St::StartField
                } else {
                    if p.quoting == QUOTE_NONNUMERIC {
                        self.numeric.set(true);
                    }
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    St::InField
                }
            }
            St::EscapedChar => {
                if is_nl(c) {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    St::AfterEscapedCrnl
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    St::InField
                }
            }
            St::InField => {
                if c.is_none() || is_nl(c) {
                    self.save_field(vm)?;
                    if c.is_none() {
                        St::StartRecord
                    } else {
                        St::EatCrnl
                    }
                } else if c == p.escapechar {
                    St::EscapedChar
                } else if c == Some(p.delimiter) {
                    self.save_field(vm)?;
                    St::StartField
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    St::InField
                }
            }
            St::InQuotedField => {
                if c.is_none() {
                    St::InQuotedField
                } else if c == p.escapechar {
                    St::EscapeInQuotedField
                } else if c == p.quotechar && quote_on {
                    if p.doublequote {
                        St::QuoteInQuotedField
                    } else {
                        St::InField
                    }
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    St::InQuotedField
                }
            }
            St::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or('\n'))?;
                St::InQuotedField
            }
            St::QuoteInQuotedField => {
                if quote_on && c.is_some() && c == p.quotechar {
                    self.add_char(vm, c.unwrap_or('"'))?;
                    St::InQuotedField
                } else if c == Some(p.delimiter) {
                    self.save_field(vm)?;
                    St::StartField
                } else if c.is_none() || is_nl(c) {
                    self.save_field(vm)?;
                    if c.is_none() {
                        St::StartRecord
                    } else {
                        St::EatCrnl
                    }
                } else if !p.strict {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    St::InField
                } else {
                    return Err(error(
                        vm,
                        format!("'{}' expected after '{}'", p.delimiter, p.quotechar.unwrap_or('"')),
                    ));
                }
            }
            St::EatCrnl => {
                if is_nl(c) {
                    St::EatCrnl
                } else if c.is_none() {
                    St::StartRecord
                } else {
                    return Err(error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the file with newline=''?",
                    ));
                }
            }
            St::StartRecord | St::AfterEscapedCrnl => st,
        };
        self.state.set(next);
        Ok(())
    }
}

fn reader_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this::<Reader>(vm, args, "__next__", "_csv.reader")?;
    r.fields.borrow_mut().clear();
    r.field.borrow_mut().clear();
    r.field_len.set(0);
    r.numeric.set(false);
    r.state.set(St::StartRecord);
    loop {
        let line = match vm.next(r.input)? {
            Some(l) => l,
            None => {
                if r.field_len.get() != 0 || r.state.get() == St::InQuotedField {
                    if r.p.strict {
                        return Err(error(vm, "unexpected end of data"));
                    }
                    r.save_field(vm)?;
                    break;
                }
                return Err(vm.err(vm.exc.stop_iteration, String::new()));
            }
        };
        let Some(text) = line.as_rstr().map(str::to_owned) else {
            return Err(error(
                vm,
                format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    vm.type_tp_name(line)
                ),
            ));
        };
        r.line_num.set(r.line_num.get() + 1);
        // Since 3.11 a NUL is an ordinary character (no "line contains NUL" error).
        for c in text.chars() {
            r.process(vm, Some(c))?;
        }
        r.process(vm, None)?;
        if r.state.get() == St::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut *r.fields.borrow_mut());
    Ok(vm.new_list(fields))
}

fn reader_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Reader>(vm, args, "__iter__", "_csv.reader")?;
    Ok(args[0])
}

fn reader_dialect(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Reader>(vm, args, "dialect", "_csv.reader")?.dialect)
}

fn reader_line_num(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = this::<Reader>(vm, args, "line_num", "_csv.reader")?.line_num.get();
    Ok(vm.new_int(n))
}

// ----- writer -----

pub struct Writer {
    write: Value,
    dialect: Value,
    p: Params,
}
impl_native!(Writer, |s, visit| {
    visit(s.write);
    visit(s.dialect);
});

fn writer_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (file, p) = dialect_args(vm, "writer", args, kw)?;
    let k = vm.intern("write");
    let Some(write) = vm.get_attr_opt(file, k)? else {
        return Err(vm.type_error("argument 1 must have a \"write\" method"));
    };
    let dialect = new_dialect(vm, p.clone());
    let cls = vm.state.borrow().get("_csv.Writer").copied().unwrap_or(vm.types.object);
    Ok(vm.new_native(cls, Writer { write, dialect, p }))
}

fn append_field(vm: &Vm, p: &Params, out: &mut String, field: &str, mut quoted: bool) -> PyResult<()> {
    let mut body = String::with_capacity(field.len() + 2);
    for c in field.chars() {
        let mut want_escape = false;
        if c == p.delimiter || Some(c) == p.escapechar || Some(c) == p.quotechar || p.lineterminator.contains(c) {
            if p.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == p.quotechar {
                    if p.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == p.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                match p.escapechar {
                    Some(e) => body.push(e),
                    None => return Err(error(vm, "need to escape, but no escapechar set")),
                }
            }
        }
        body.push(c);
    }
    if quoted {
        let q = p.quotechar.unwrap_or('"');
        out.push(q);
        out.push_str(&body);
        out.push(q);
    } else {
        out.push_str(&body);
    }
    Ok(())
}

fn writer_writerow(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let w = this::<Writer>(vm, args, "writerow", "_csv.writer")?;
    let (write, p) = (w.write, w.p.clone());
    let Some(&row) = args.get(1) else {
        return Err(vm.type_error("writerow() takes exactly one argument (0 given)"));
    };
    let items = match vm.iter(row) {
        Ok(it) => {
            let mut v = Vec::new();
            while let Some(x) = vm.next(it)? {
                v.push(x);
            }
            v
        }
        Err(e) if vm.err_matches(&e, vm.exc.type_error) => {
            return Err(error(vm, format!("iterable expected, not {}", vm.type_name(row))));
        }
        Err(e) => return Err(e),
    };
    let mut out = String::new();
    for (i, &f) in items.iter().enumerate() {
        if i > 0 {
            out.push(p.delimiter);
        }
        let quoted = match p.quoting {
            QUOTE_NONNUMERIC => {
                !(vm.isinstance(f, vm.types.int)
                    || vm.isinstance(f, vm.types.float)
                    || vm.isinstance(f, vm.types.complex))
            }
            QUOTE_ALL => true,
            _ => false,
        };
        let text = if f.is_none() {
            String::new()
        } else if let Some(s) = f.as_rstr() {
            s.to_owned()
        } else {
            let s = vm.str(f)?;
            s.as_rstr().unwrap_or("").to_owned()
        };
        append_field(vm, &p, &mut out, &text, quoted)?;
    }
    if items.len() == 1 && out.is_empty() {
        if p.quoting == QUOTE_NONE {
            return Err(error(vm, "single empty field record must be quoted"));
        }
        let q = p.quotechar.unwrap_or('"');
        out.push(q);
        out.push(q);
    }
    out.push_str(&p.lineterminator);
    let s = vm.new_string(out);
    vm.call(write, &[s], &[])
}

fn writer_writerows(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this::<Writer>(vm, args, "writerows", "_csv.writer")?;
    let Some(&rows) = args.get(1) else {
        return Err(vm.type_error("writerows() takes exactly one argument (0 given)"));
    };
    let it = vm.iter(rows)?;
    while let Some(r) = vm.next(it)? {
        writer_writerow(vm, &[args[0], r], &[])?;
    }
    Ok(Value::NONE)
}

fn writer_dialect(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(this::<Writer>(vm, args, "dialect", "_csv.writer")?.dialect)
}

// ----- the registry -----

fn register_dialect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&name) = args.first() else {
        return Err(vm.type_error("register_dialect() expected at least 1 argument, got 0"));
    };
    if name.as_rstr().is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("register_dialect() expected at most 2 arguments, got {}", args.len())));
    }
    let dialect = args.get(1).copied().unwrap_or(Value::NULL);
    let p = make_params(vm, dialect, kw)?;
    let d = new_dialect(vm, p);
    let reg = state_dict(vm, "_csv.dialects");
    vm.dict_set(reg, name, d)?;
    Ok(Value::NONE)
}

fn unregister_dialect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [name] = vm.bind_args("unregister_dialect", args, kw, ["name"], 1)?;
    let reg = state_dict(vm, "_csv.dialects");
    if vm.dict_get(reg, name)?.is_none() {
        return Err(error(vm, "unknown dialect"));
    }
    vm.call_method(reg, "__delitem__", &[name])?;
    Ok(Value::NONE)
}

fn get_dialect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [name] = vm.bind_args("get_dialect", args, kw, ["name"], 1)?;
    let reg = state_dict(vm, "_csv.dialects");
    match vm.dict_get(reg, name)? {
        Some(d) => Ok(d),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn list_dialects(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::nargs(vm, "list_dialects", args, kw, 0, 0)?;
    let reg = state_dict(vm, "_csv.dialects");
    let keys = vm.collect(reg)?;
    Ok(vm.new_list(keys))
}

fn field_size_limit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let [n] = vm.bind_args("field_size_limit", args, kw, ["new_limit"], 0)?;
    let old = field_limit(vm);
    if !n.is_null() {
        let Some(v) = n.as_small_int() else {
            return Err(vm.type_error("limit must be an integer"));
        };
        let v = vm.new_int(v);
        vm.state.borrow_mut().insert("_csv.limit", v);
    }
    Ok(vm.new_int(old))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(
        vm,
        "_csv",
        &[
            ("reader", reader_new),
            ("writer", writer_new),
            ("register_dialect", register_dialect),
            ("unregister_dialect", unregister_dialect),
            ("get_dialect", get_dialect),
            ("list_dialects", list_dialects),
            ("field_size_limit", field_size_limit),
        ],
    );
    let v = vm.new_str("1.0");
    set(vm, m, "__version__", v);
    set_int(vm, m, "QUOTE_MINIMAL", QUOTE_MINIMAL);
    set_int(vm, m, "QUOTE_ALL", QUOTE_ALL);
    set_int(vm, m, "QUOTE_NONNUMERIC", QUOTE_NONNUMERIC);
    set_int(vm, m, "QUOTE_NONE", QUOTE_NONE);
    use class_flags::*;
    let err = new_class(vm, "_csv", "Error", vm.exc.exception, Layout::Exception, BASETYPE | HAS_DICT | EXCEPTION);
    vm.state.borrow_mut().insert("_csv.Error", err);
    set(vm, m, "Error", err);

    let d = new_class(vm, "_csv", "Dialect", vm.types.object, Layout::Other, BASETYPE);
    vm.add_staticmethod(d, "__new__", dialect_new);
    vm.add_getter(d, "delimiter", g_delimiter);
    vm.add_getter(d, "quotechar", g_quotechar);
    vm.add_getter(d, "escapechar", g_escapechar);
    vm.add_getter(d, "doublequote", g_doublequote);
    vm.add_getter(d, "skipinitialspace", g_skipinitialspace);
    vm.add_getter(d, "strict", g_strict);
    vm.add_getter(d, "lineterminator", g_lineterminator);
    vm.add_getter(d, "quoting", g_quoting);
    vm.state.borrow_mut().insert("_csv.Dialect", d);
    set(vm, m, "Dialect", d);

    let r = new_class(vm, "_csv", "reader", vm.types.object, Layout::Other, 0);
    vm.add_method(r, "__iter__", reader_iter);
    vm.add_method(r, "__next__", reader_next);
    vm.add_getter(r, "dialect", reader_dialect);
    vm.add_getter(r, "line_num", reader_line_num);
    vm.state.borrow_mut().insert("_csv.Reader", r);

    let w = new_class(vm, "_csv", "writer", vm.types.object, Layout::Other, 0);
    vm.add_method(w, "writerow", writer_writerow);
    vm.add_method(w, "writerows", writer_writerows);
    vm.add_getter(w, "dialect", writer_dialect);
    vm.state.borrow_mut().insert("_csv.Writer", w);
    Ok(m)
}
