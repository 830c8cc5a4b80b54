import os, tempfile, pathlib, shutil
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "notes.txt")
with open(path, "w") as f:
    f.write("first line\n")
    f.writelines(["second\n", "third\n"])
    print(f.tell(), f.name == path, f.mode, f.closed)
print(f.closed)
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path, "a") as f:
    print("appended", 42, file=f)
with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip())
with open(path, "rb") as f:
    data = f.read()
    print(data[:10], len(data), f.seek(6), f.read(4))
with open(path, "r+") as f:
    f.seek(0); f.write("FIRST")
print(open(path).read().splitlines()[0])
p = pathlib.Path(tmp) / "sub" / "data.csv"
p.parent.mkdir(parents=True, exist_ok=True)
p.write_text("a,b\n1,2\n")
print(p.name, p.stem, p.suffix, p.parent.name, p.exists(), p.is_file(), p.read_text().count("\n"))
print(sorted(x.name for x in pathlib.Path(tmp).iterdir()), sorted(str(x.relative_to(tmp)) for x in pathlib.Path(tmp).rglob("*")))
print(pathlib.PurePosixPath("/a/b/c.tar.gz").suffixes, pathlib.PurePosixPath("a/b").with_name("z.py"), pathlib.PurePosixPath("/x/y").parts)
print(os.path.splitext("arch.tar.gz"), os.path.basename("/a/b.txt"), os.path.dirname("/a/b.txt"), os.path.join("a", "/b", "c"))
print(os.path.normpath("a//b/../c/./d"), os.path.isabs("/x"), os.path.split("/a/b/"))
try:
    open(os.path.join(tmp, "missing.txt"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
try:
    with open(path) as f:
        f.write("x")
except Exception as e:
    print(type(e).__name__, e)
try:
    os.mkdir(os.path.join(tmp, "sub"))
except FileExistsError as e:
    print("FileExistsError", e.strerror)
try:
    open(tmp)
except IsADirectoryError as e:
    print("IsADirectoryError", e.strerror)
with open(os.path.join(tmp, "u.txt"), "w", encoding="utf-8") as f:
    f.write("naïve café\n")
with open(os.path.join(tmp, "u.txt"), "rb") as f:
    raw = f.read()
print(raw, raw.decode("utf-8"), len(raw))
try:
    raw.decode("ascii")
except UnicodeDecodeError as e:
    print(e)
shutil.copy(path, os.path.join(tmp, "copy.txt"))
os.rename(os.path.join(tmp, "copy.txt"), os.path.join(tmp, "moved.txt"))
print(sorted(os.listdir(tmp)), os.path.getsize(path))
os.remove(os.path.join(tmp, "moved.txt"))
shutil.rmtree(tmp)
print(os.path.exists(tmp))
with tempfile.TemporaryFile("w+") as tf:
    tf.write("hello tmp")
    tf.seek(0)
    print(tf.read())
f = open(os.devnull, "w"); f.close()
try:
    f.write("x")
except ValueError as e:
    print(e)
