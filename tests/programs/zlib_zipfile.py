# zipfile (CPython's pure-Python module) with ZIP_DEFLATED over Krait's zlib: an archive
# written to and read back from an io.BytesIO, with fixed timestamps.
import io
import zipfile
import zlib

text = b"".join(b"%04d the same old line of text, again and again\n" % i for i in range(800))
ramp = bytes(range(256)) * 40

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    info = zipfile.ZipInfo("docs/readme.txt", date_time=(2021, 6, 15, 12, 30, 10))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, text)
    info = zipfile.ZipInfo("bin/ramp.bin", date_time=(1999, 12, 31, 23, 59, 58))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, ramp, compresslevel=9)
    info = zipfile.ZipInfo("stored.txt", date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    zf.writestr(info, b"not compressed\n")
    info = zipfile.ZipInfo("fast.txt", date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, text[:3000], compresslevel=1)
    info = zipfile.ZipInfo("streamed.txt", date_time=(2010, 5, 5, 5, 5, 4))
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w") as w:
        for k in range(0, len(text), 1000):
            w.write(text[k:k + 1000])
    zf.comment = b"an archive"
archive = buf.getvalue()
print("archive", len(archive), zlib.crc32(archive), archive[:4])

with zipfile.ZipFile(io.BytesIO(archive)) as zf:
    print("names", zf.namelist())
    print("comment", zf.comment)
    for i in zf.infolist():
        print(i.filename, i.compress_type, i.file_size, i.compress_size, i.CRC, i.date_time)
    print("testzip", zf.testzip())
    print("readme", zf.read("docs/readme.txt") == text)
    print("ramp", zf.read("bin/ramp.bin") == ramp)
    print("stored", zf.read("stored.txt"))
    print("streamed", zf.read("streamed.txt") == text)
    with zf.open("docs/readme.txt") as f:
        print("read(30)", f.read(30))
        print("readline", f.readline())
        f.seek(10000)
        print("seek", f.tell(), f.read(20))
        print("rest", len(f.read()))
    with zf.open("bin/ramp.bin") as f:
        sizes = []
        while True:
            chunk = f.read(3000)
            if not chunk:
                break
            sizes.append(len(chunk))
        print("chunks", sizes)

# A damaged member: its CRC no longer matches.
data = bytearray(archive)
start = archive.index(b"docs/readme.txt") + len("docs/readme.txt")
data[start + 100] ^= 0x55
with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
    try:
        zf.read("docs/readme.txt")
    except Exception as e:
        print("damaged", type(e).__name__, str(e)[:60])

# Appending to an existing archive.
buf2 = io.BytesIO(archive)
with zipfile.ZipFile(buf2, "a", compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(zipfile.ZipInfo("added.txt", date_time=(2022, 2, 2, 2, 2, 2)), b"appended " * 50)
with zipfile.ZipFile(buf2) as zf:
    print("appended", zf.namelist()[-1], zf.read("added.txt")[:18], zf.getinfo("added.txt").compress_type)
