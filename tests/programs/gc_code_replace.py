# code.replace() makes a new code object holding new values (here fresh name strs): the
# collector must see them for as long as the code object lives. Under
# KRAIT_GC_STRESS=minor the names were once freed and reused (a name printed twice).
def f():
    return 1


codes = []
for i in range(200):
    c = f.__code__.replace(co_name="n" + str(i), co_qualname="q" + str(i * 7))
    codes.append(c)
    if i % 10 == 0:
        codes = codes[-3:]
print([c.co_name for c in codes], codes[-1].co_qualname)
print(sorted(set(c.co_name for c in codes)) == sorted(c.co_name for c in codes))
