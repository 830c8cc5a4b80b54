import os
import os.path
import tempfile

print(os.path.join("a", "b", "c.txt"), os.path.split("/x/y/z.py"), os.path.splitext("arch.tar.gz"), os.sep, os.curdir)
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.normpath("a/./b/../c//d"), os.path.isabs("/x"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]), os.path.relpath("/a/b/c", "/a"))
print(os.path.exists("/definitely/not/here"), os.path.isdir("/"), os.path.expanduser("~") == os.environ.get("HOME", os.path.expanduser("~")))
print(type(os.getpid()), os.name, isinstance(os.environ, os.PathLike) or "PATH" in os.environ, os.getcwd() == os.path.abspath("."))
os.environ["KRAIT_TEST_VAR"] = "v1"
print(os.environ["KRAIT_TEST_VAR"], os.getenv("KRAIT_TEST_VAR"), os.getenv("KRAIT_NOPE", "dflt"))
del os.environ["KRAIT_TEST_VAR"]
print("KRAIT_TEST_VAR" in os.environ)
with tempfile.TemporaryDirectory() as d:
    sub = os.path.join(d, "s1", "s2")
    os.makedirs(sub)
    fn = os.path.join(sub, "f.txt")
    with open(fn, "w") as f:
        f.write("hello")
    print(sorted(os.listdir(d)), os.path.getsize(fn), os.path.isfile(fn))
    walked = [(os.path.relpath(root, d), sorted(dirs), sorted(files)) for root, dirs, files in os.walk(d)]
    print(walked)
    os.rename(fn, fn + ".bak")
    print(sorted(e.name for e in os.scandir(sub)), [e.is_file() for e in os.scandir(sub)])
    st = os.stat(fn + ".bak")
    print(st.st_size, oct(st.st_mode & 0o777) != "", os.access(fn + ".bak", os.R_OK))
    os.remove(fn + ".bak")
    os.rmdir(sub)
    print(os.listdir(os.path.join(d, "s1")))
    fd = os.open(os.path.join(d, "raw"), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"abc")
    os.close(fd)
    fd = os.open(os.path.join(d, "raw"), os.O_RDONLY)
    print(os.read(fd, 10), os.fstat(fd).st_size)
    os.close(fd)
print(os.fspath("x"), os.path.splitdrive("/a/b"), os.linesep == "\n", os.devnull, os.strerror(2))
try:
    os.stat("/no/such/file")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
