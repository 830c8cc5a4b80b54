# _socket, select and _posixsubprocess: socketpair, a TCP round trip on 127.0.0.1,
# timeouts, select.select/poll readiness, and subprocess.run of a shell command.
import select
import socket
import subprocess
import sys

a, b = socket.socketpair()
print(a.family, a.type, b.getblocking())
a.sendall(b"ping")
print(b.recv(10))
r, w, x = select.select([a, b], [a], [], 0)
print([s is b for s in r], len(w), x)
b.send(b"pong")
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
print(sorted((fd == a.fileno(), ev) for fd, ev in p.poll(0)))
p.unregister(a)
try:
    p.unregister(a)
except KeyError:
    print("unregister twice: KeyError")
print(a.recv(10))
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
a.close()
b.close()
try:
    a.send(b"x")
except OSError as e:
    print("closed:", e.errno)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
c = socket.create_connection((host, port), timeout=5)
conn, addr = srv.accept()
c.sendall(b"data over tcp")
print(host, conn.recv(100), addr[0], conn.getpeername() == c.getsockname())
conn.settimeout(0.05)
try:
    conn.recv(10)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__, conn.gettimeout())
with c, conn, srv:
    pass
print(c._closed, c.fileno())
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(socket.htons(1), socket.ntohl(socket.htonl(123456)))
print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)[0])
try:
    socket.create_connection(("127.0.0.1", 1), timeout=1)
except ConnectionRefusedError as e:
    print("refused", e.errno)

r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.run("echo $((6*7))", shell=True, stdout=subprocess.PIPE).stdout)
proc = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = proc.communicate(b"piped\n" * 3)
print(out, proc.returncode)
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
sys.stdout.flush()
