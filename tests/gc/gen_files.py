# Unreachable suspended generators are closed when collected (their finally blocks and
# context managers run); files left open are flushed and closed when collected.
import gc
import os
import sys

log = []


def gen(name):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally " + name)


def abandon(name):
    g = gen(name)
    next(g)


abandon("a")
gc.collect()
print(log)


def fresh():
    gen("never started")


fresh()
gc.collect()
print(log)


def catches():
    try:
        yield 1
    except GeneratorExit:
        log.append("caught GeneratorExit")
        raise


def abandon2():
    g = catches()
    next(g)


abandon2()
gc.collect()
print(log)


def bad():
    try:
        yield 1
    finally:
        yield 2


def abandon3():
    g = bad()
    next(g)


abandon3()
gc.collect()
sys.stderr.flush()
print("after bad generator")

path = "gc_files_test.tmp"


def write_unclosed():
    f = open(path, "w")
    f.write("hello from an unclosed file\n")


write_unclosed()
gc.collect()
with open(path) as f:
    print(repr(f.read()))
os.remove(path)


class Res:
    def __init__(self):
        self.items = []

    def __del__(self):
        print("Res.__del__", len(self.items))


def cycle_with_del():
    r = Res()
    r.items.append(r)


cycle_with_del()
n = gc.collect()
print("collect found garbage", n > 0)
print("second collect", gc.collect() >= 0)
