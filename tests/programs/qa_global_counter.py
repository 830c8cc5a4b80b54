# global counters and scoping
counter = 0
log = []
def inc(n=1):
    global counter
    counter += n
    log.append(counter)

def reset():
    global counter, log
    counter = 0
    log = []

for i in range(5):
    inc(i)
print(counter, log)
reset()
inc()
print(counter, log)

def make_global():
    global created
    created = "yes"
make_global()
print(created)

def reads_global():
    return counter * 10
print(reads_global())

def unbound():
    print(counter)
    counter = 5
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def use_undefined():
    return undefined_name_xyz
try:
    use_undefined()
except NameError as e:
    print("NameError:", e)

class K:
    counter = "class-level"
    def m(self):
        return counter
    print("in class body:", counter)
print(K().m(), K.counter)

x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        global x
        x = "modified global"
        return x
    r = inner()
    return r, x
print(outer(), x)

print(sorted(k for k in globals() if not k.startswith("__")))
g = globals()
g["dynamic"] = 42
print(dynamic)
def loc():
    a = 1
    b = 2
    return sorted(locals().items())
print(loc())
total = 0
for v in range(10):
    total += v
print(total, v)
[w for w in range(3)]
try:
    print(w)
except NameError as e:
    print("NameError:", e)
del x
try:
    x
except NameError as e:
    print("NameError:", e)
def deleter():
    y = 1
    del y
    return y
try:
    deleter()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
if True:
    inblock = 1
print(inblock)
