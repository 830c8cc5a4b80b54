# Young objects stored into old containers of every builtin kind survive the collections
# that follow (the stress mode's minor collections trace an old container only when a
# write barrier recorded a store into it). Run under KRAIT_GC_STRESS=1 (every allocation
# safepoint collects, minor and full collections alternating) this checks the barriers.


def churn(n):
    # Allocation safepoints: every iteration allocates and loops back.
    junk = None
    for i in range(n):
        junk = [i, str(i)]
    return junk


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%r)" % (self.v,)


# Old containers: made, then aged by collections.
lst = [None] * 8
lst2 = []
dct = {}
dct2 = {"a": None}
st = set()
fs_holder = [frozenset()]
churn(50)


def fill_list(n):
    for i in range(n):
        lst[i % 8] = Box([i, "x%d" % i])  # item store
        lst2.append(("t", i, Box(str(i))))  # append
        if i % 5 == 0:
            lst2.insert(0, {"ins": [i]})  # insert
        churn(2)


fill_list(40)
print(lst)
print(len(lst2), lst2[0], lst2[-1])
lst2[2:4] = [Box("slice%d" % k) for k in range(3)]  # slice assignment
churn(10)
print(lst2[1:6])
lst2.extend([Box(k) for k in range(3)])
churn(10)
print(lst2[-3:])
lst2.sort(key=lambda x: repr(x))
churn(10)
print(lst2[:2])
lst2.reverse()
lst2 += [Box("iadd")]
churn(10)
print(lst2[-1], lst2[0])
lst2 *= 2
churn(10)
print(len(lst2), lst2[-1])


def fill_dict(n):
    for i in range(n):
        dct["k%d" % i] = Box([i])  # new key, young key and value
        dct2["a"] = [i, i]  # overwrite
        dct.setdefault(("t", i), [i * 2])
        churn(2)


fill_dict(30)
print(len(dct), dct["k0"], dct["k29"], dct[("t", 7)], dct2)
dct.update({("u", k): Box(k) for k in range(5)})
churn(10)
print(dct[("u", 4)])
dct |= {"or": [1, 2, 3]}
churn(10)
print(dct["or"])
for k in list(dct)[:20]:
    del dct[k]
churn(10)
dct["after_del"] = Box("ad")
churn(10)
print(len(dct), dct["after_del"], sorted(map(repr, dct.values()))[:3])


def fill_set(n):
    for i in range(n):
        st.add(("s", i, str(i)))
        churn(2)


fill_set(30)
print(len(st), sorted(st)[:3])
st.update({("u", str(k)) for k in range(4)})
churn(10)
st |= {("or", "x")}
churn(10)
st ^= {("xor", "y"), ("s", 0, "0")}
churn(10)
st -= {("s", 1, "1")}
churn(10)
print(len(st), sorted(st)[:3], sorted(st)[-3:])
st.intersection_update({("u", "1"), ("u", "2"), ("or", "x"), ("xor", "y")})
churn(10)
print(sorted(st))

# Frozensets: stored, not mutated.
for i in range(20):
    fs_holder.append(frozenset([("f", i), ("g", str(i))]))
    churn(2)
print(len(fs_holder), sorted(map(sorted, fs_holder[-2:])))

# bytearray (holds no references) and nested containers.
ba = bytearray(b"abc")
nest = [[], {}, set()]
churn(20)
for i in range(20):
    ba += bytes([65 + i])
    nest[0].append(Box(i))
    nest[1][str(i)] = [Box(i)]
    nest[2].add(str(i * 3))
    churn(2)
print(ba, nest[0][-1], nest[1]["19"], sorted(nest[2])[:4])
print(sum(b.v for b in nest[0]), sum(v[0].v for v in nest[1].values()))
