//! The `_ast` module: the node classes of Python's abstract syntax tree (`ast.AST`,
//! `ast.BinOp`, ...) with their `_fields`, `_attributes` and CPython's constructor, so
//! that `ast`, `inspect` and `dataclasses` import. Producing trees from source
//! (`compile(..., PyCF_ONLY_AST)`, `ast.parse`) is not supported yet.

use crate::object::{class_flags, Layout};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{new_class, new_module, set, set_int};

/// (class, base, own `_fields`, own `_attributes`): space-separated names; "-" when the
/// class inherits the attribute. The node set of CPython 3.11's grammar.
const NODES: &[(&str, &str, &str, &str)] = &[
    ("operator", "AST", "", ""),
    ("Add", "operator", "", "-"),
    ("boolop", "AST", "", ""),
    ("And", "boolop", "", "-"),
    ("stmt", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("AnnAssign", "stmt", "target annotation value simple", "-"),
    ("Assert", "stmt", "test msg", "-"),
    ("Assign", "stmt", "targets value type_comment", "-"),
    ("AsyncFor", "stmt", "target iter body orelse type_comment", "-"),
    ("AsyncFunctionDef", "stmt", "name args body decorator_list returns type_comment", "-"),
    ("AsyncWith", "stmt", "items body type_comment", "-"),
    ("expr", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("Attribute", "expr", "value attr ctx", "-"),
    ("AugAssign", "stmt", "target op value", "-"),
    ("Await", "expr", "value", "-"),
    ("BinOp", "expr", "left op right", "-"),
    ("BitAnd", "operator", "", "-"),
    ("BitOr", "operator", "", "-"),
    ("BitXor", "operator", "", "-"),
    ("BoolOp", "expr", "op values", "-"),
    ("Break", "stmt", "", "-"),
    ("Call", "expr", "func args keywords", "-"),
    ("ClassDef", "stmt", "name bases keywords body decorator_list", "-"),
    ("Compare", "expr", "left ops comparators", "-"),
    ("Constant", "expr", "value kind", "-"),
    ("Continue", "stmt", "", "-"),
    ("expr_context", "AST", "", ""),
    ("Del", "expr_context", "", "-"),
    ("Delete", "stmt", "targets", "-"),
    ("Dict", "expr", "keys values", "-"),
    ("DictComp", "expr", "key value generators", "-"),
    ("Div", "operator", "", "-"),
    ("cmpop", "AST", "", ""),
    ("Eq", "cmpop", "", "-"),
    ("excepthandler", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("ExceptHandler", "excepthandler", "type name body", "-"),
    ("Expr", "stmt", "value", "-"),
    ("mod", "AST", "", ""),
    ("Expression", "mod", "body", "-"),
    ("FloorDiv", "operator", "", "-"),
    ("For", "stmt", "target iter body orelse type_comment", "-"),
    ("FormattedValue", "expr", "value conversion format_spec", "-"),
    ("FunctionDef", "stmt", "name args body decorator_list returns type_comment", "-"),
    ("FunctionType", "mod", "argtypes returns", "-"),
    ("GeneratorExp", "expr", "elt generators", "-"),
    ("Global", "stmt", "names", "-"),
    ("Gt", "cmpop", "", "-"),
    ("GtE", "cmpop", "", "-"),
    ("If", "stmt", "test body orelse", "-"),
    ("IfExp", "expr", "test body orelse", "-"),
    ("Import", "stmt", "names", "-"),
    ("ImportFrom", "stmt", "module names level", "-"),
    ("In", "cmpop", "", "-"),
    ("Interactive", "mod", "body", "-"),
    ("unaryop", "AST", "", ""),
    ("Invert", "unaryop", "", "-"),
    ("Is", "cmpop", "", "-"),
    ("IsNot", "cmpop", "", "-"),
    ("JoinedStr", "expr", "values", "-"),
    ("LShift", "operator", "", "-"),
    ("Lambda", "expr", "args body", "-"),
    ("List", "expr", "elts ctx", "-"),
    ("ListComp", "expr", "elt generators", "-"),
    ("Load", "expr_context", "", "-"),
    ("Lt", "cmpop", "", "-"),
    ("LtE", "cmpop", "", "-"),
    ("MatMult", "operator", "", "-"),
    ("Match", "stmt", "subject cases", "-"),
    ("pattern", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("MatchAs", "pattern", "pattern name", "-"),
    ("MatchClass", "pattern", "cls patterns kwd_attrs kwd_patterns", "-"),
    ("MatchMapping", "pattern", "keys patterns rest", "-"),
    ("MatchOr", "pattern", "patterns", "-"),
    ("MatchSequence", "pattern", "patterns", "-"),
    ("MatchSingleton", "pattern", "value", "-"),
    ("MatchStar", "pattern", "name", "-"),
    ("MatchValue", "pattern", "value", "-"),
    ("Mod", "operator", "", "-"),
    ("Module", "mod", "body type_ignores", "-"),
    ("Mult", "operator", "", "-"),
    ("Name", "expr", "id ctx", "-"),
    ("NamedExpr", "expr", "target value", "-"),
    ("Nonlocal", "stmt", "names", "-"),
    ("Not", "unaryop", "", "-"),
    ("NotEq", "cmpop", "", "-"),
    ("NotIn", "cmpop", "", "-"),
    ("Or", "boolop", "", "-"),
    ("Pass", "stmt", "", "-"),
    ("Pow", "operator", "", "-"),
    ("RShift", "operator", "", "-"),
    ("Raise", "stmt", "exc cause", "-"),
    ("Return", "stmt", "value", "-"),
    ("Set", "expr", "elts", "-"),
    ("SetComp", "expr", "elt generators", "-"),
    ("Slice", "expr", "lower upper step", "-"),
    ("Starred", "expr", "value ctx", "-"),
    ("Store", "expr_context", "", "-"),
    ("Sub", "operator", "", "-"),
    ("Subscript", "expr", "value slice ctx", "-"),
    ("Try", "stmt", "body handlers orelse finalbody", "-"),
    ("TryStar", "stmt", "body handlers orelse finalbody", "-"),
    ("Tuple", "expr", "elts ctx", "-"),
    ("type_ignore", "AST", "", ""),
    ("TypeIgnore", "type_ignore", "lineno tag", "-"),
    ("UAdd", "unaryop", "", "-"),
    ("USub", "unaryop", "", "-"),
    ("UnaryOp", "expr", "op operand", "-"),
    ("While", "stmt", "test body orelse", "-"),
    ("With", "stmt", "items body type_comment", "-"),
    ("Yield", "expr", "value", "-"),
    ("YieldFrom", "expr", "value", "-"),
    ("alias", "AST", "name asname", "lineno col_offset end_lineno end_col_offset"),
    ("arg", "AST", "arg annotation type_comment", "lineno col_offset end_lineno end_col_offset"),
    ("arguments", "AST", "posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults", ""),
    ("comprehension", "AST", "target iter ifs is_async", ""),
    ("keyword", "AST", "arg value", "lineno col_offset end_lineno end_col_offset"),
    ("match_case", "AST", "pattern guard body", ""),
    ("withitem", "AST", "context_expr optional_vars", ""),
];

/// Optional fields and attributes (`?` in CPython's ASDL): the class holds `None` for
/// them, so a node built without one reads `None` and `ast.dump` leaves it out.
const OPTIONAL: &[(&str, &str)] = &[
    ("AnnAssign", "value"),
    ("Assert", "msg"),
    ("Assign", "type_comment"),
    ("AsyncFor", "type_comment"),
    ("AsyncFunctionDef", "returns type_comment"),
    ("AsyncWith", "type_comment"),
    ("Constant", "kind"),
    ("ExceptHandler", "type name"),
    ("For", "type_comment"),
    ("FormattedValue", "format_spec"),
    ("FunctionDef", "returns type_comment"),
    ("ImportFrom", "module level"),
    ("MatchAs", "pattern name"),
    ("MatchMapping", "rest"),
    ("MatchStar", "name"),
    ("Raise", "exc cause"),
    ("Return", "value"),
    ("Slice", "lower upper step"),
    ("With", "type_comment"),
    ("Yield", "value"),
    ("alias", "asname end_lineno end_col_offset"),
    ("arg", "annotation type_comment end_lineno end_col_offset"),
    ("arguments", "vararg kwarg"),
    ("excepthandler", "end_lineno end_col_offset"),
    ("expr", "end_lineno end_col_offset"),
    ("keyword", "arg end_lineno end_col_offset"),
    ("match_case", "guard"),
    ("stmt", "end_lineno end_col_offset"),
    ("withitem", "optional_vars"),
];

fn names_tuple(vm: &mut Vm, spec: &str) -> Value {
    let items: Vec<Value> = spec.split_whitespace().map(|n| vm.new_str(n)).collect();
    vm.new_tuple(items)
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill `_fields` in order,
/// keywords set attributes of any name.
fn ast_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'ast.AST' object needs an argument"));
    };
    let pos = &args[1..];
    let cls = vm.type_of(this);
    let k = vm.intern("_fields");
    let fields = vm.get_attr_opt(cls, k)?.unwrap_or(vm.empty_tuple);
    let fields: Vec<Value> = vm.collect(fields)?;
    if pos.len() > fields.len() {
        let name = vm.class_name(cls);
        let n = fields.len();
        return Err(vm.type_error(format!(
            "{name} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    for (f, v) in fields.iter().zip(pos) {
        vm.set_attr(this, *f, *v)?;
    }
    for (k, v) in kw {
        if !pos.is_empty() && fields[..pos.len()].iter().any(|f| f.as_rstr() == k.as_rstr()) {
            let name = vm.class_name(cls);
            let kn = k.as_rstr().unwrap_or("?");
            return Err(vm.type_error(format!("{name} got multiple values for argument '{kn}'")));
        }
        vm.set_attr(this, *k, *v)?;
    }
    Ok(Value::NONE)
}

fn ast_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let this = args.first().copied().unwrap_or(Value::NONE);
    let cls = vm.type_of(this);
    let k = vm.intern("__dict__");
    let d = vm.get_attr_opt(this, k)?;
    let empty = vm.empty_tuple;
    let mut items = vec![cls, empty];
    if let Some(d) = d {
        items.push(d);
    }
    Ok(vm.new_tuple(items))
}

pub fn init_module(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let m = new_module(vm, "_ast", &[]);
    let flags = class_flags::BASETYPE | class_flags::HAS_DICT;
    let ast = new_class(vm, "ast", "AST", vm.types.object, Layout::Object, flags);
    vm.add_method(ast, "__init__", ast_init);
    vm.add_method(ast, "__reduce__", ast_reduce);
    let empty = vm.empty_tuple;
    set(vm, ast, "_fields", empty);
    set(vm, ast, "_attributes", empty);
    set(vm, ast, "__match_args__", empty);
    set(vm, m, "AST", ast);
    let module_name = vm.new_str("ast");
    for &(name, base, fields, attributes) in NODES {
        let k = vm.intern(base);
        let Some(b) = vm.get_attr_opt(m, k)? else {
            return Err(vm.runtime_error(format!("_ast: base class {base} of {name} is missing")));
        };
        let ns = vm.new_dict();
        let key = vm.intern("__module__");
        vm.dict_set_str(ns, key, module_name);
        if fields != "-" {
            let t = names_tuple(vm, fields);
            let key = vm.intern("_fields");
            vm.dict_set_str(ns, key, t);
            let key = vm.intern("__match_args__");
            vm.dict_set_str(ns, key, t);
        }
        if attributes != "-" {
            let t = names_tuple(vm, attributes);
            let key = vm.intern("_attributes");
            vm.dict_set_str(ns, key, t);
        }
        let n = vm.new_str(name);
        let bases = vm.new_tuple(vec![b]);
        let ty = vm.types.type_;
        if let Some((_, opt)) = OPTIONAL.iter().find(|(c, _)| *c == name) {
            for f in opt.split_whitespace() {
                let key = vm.intern(f);
                vm.dict_set_str(ns, key, Value::NONE);
            }
        }
        let cls = vm.call(ty, &[n, bases, ns], &[])?;
        set(vm, m, name, cls);
    }
    set_int(vm, m, "PyCF_ONLY_AST", 1024);
    set_int(vm, m, "PyCF_TYPE_COMMENTS", 4096);
    set_int(vm, m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 8192);
    Ok(m)
}
