import os
import tempfile
from pathlib import Path, PurePosixPath

p = PurePosixPath("/usr/lib/python3.11/os.py")
print(p.name, p.stem, p.suffix, p.parent, p.parts, p.anchor, p.is_absolute())
print(PurePosixPath("a/b") / "c" / "d.tar.gz", PurePosixPath("x.tar.gz").suffixes, p.with_suffix(".pyc").name)
print(PurePosixPath("a/b/c").relative_to("a"), list(map(str, PurePosixPath("/a/b/c").parents)), p.match("*.py"))
print(PurePosixPath("a//b/./c/"), PurePosixPath("a") == PurePosixPath("a/"), p.with_name("x.txt"), p.as_posix())
with tempfile.TemporaryDirectory() as d:
    base = Path(d)
    (base / "sub").mkdir()
    f = base / "sub" / "hello.txt"
    f.write_text("line1\nline2\n")
    print(f.exists(), f.is_file(), f.parent.is_dir(), f.read_text().splitlines(), f.stat().st_size)
    (base / "b.py").write_bytes(b"x = 1\n")
    (base / "a.py").touch()
    print(sorted(x.name for x in base.iterdir()), sorted(x.name for x in base.glob("*.py")))
    print(sorted(str(x.relative_to(base)) for x in base.rglob("*")))
    g = f.rename(base / "moved.txt")
    print(g.name, f.exists(), g.read_bytes())
    g.unlink()
    print(g.exists(), Path(d).resolve() == Path(os.path.realpath(d)))
    with open(base / "b.py") as fh:
        print(fh.read().strip())
print(Path("~").expanduser() == Path(os.path.expanduser("~")), Path(".").absolute() == Path(os.getcwd()))
