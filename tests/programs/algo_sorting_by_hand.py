# Classic sorting algorithms written by hand, with comparison counting.
class Counted:
    comparisons = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        Counted.comparisons += 1
        return self.v < o.v
    def __le__(self, o):
        Counted.comparisons += 1
        return self.v <= o.v
    def __repr__(self):
        return str(self.v)
def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and x < a[j]:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a
def selection_sort(a):
    a = a[:]
    for i in range(len(a)):
        m = i
        for j in range(i + 1, len(a)):
            if a[j] < a[m]:
                m = j
        a[i], a[m] = a[m], a[i]
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a[:]
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
def quick_sort(a):
    if len(a) <= 1:
        return a[:]
    pivot = a[len(a) // 2]
    less = [x for x in a if x < pivot]
    equal = [x for x in a if not (x < pivot) and not (pivot < x)]
    greater = [x for x in a if pivot < x]
    return quick_sort(less) + equal + quick_sort(greater)
def heap_sort(a):
    a = a[:]
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 < end:
            child = 2 * root + 1
            if child + 1 < end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for s in range(n // 2 - 1, -1, -1):
        sift(s, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a
def counting_sort(a, k):
    counts = [0] * (k + 1)
    for x in a:
        counts[x] += 1
    out = []
    for v, c in enumerate(counts):
        out.extend([v] * c)
    return out
data = [(i * 37 + 11) % 53 for i in range(60)]
expected = sorted(data)
for fn in (insertion_sort, selection_sort, merge_sort, quick_sort, heap_sort):
    Counted.comparisons = 0
    result = [c.v for c in fn([Counted(v) for v in data])]
    print(f"{fn.__name__:15} correct={result == expected} comparisons={Counted.comparisons}")
print(counting_sort(data, 52) == expected)
print(expected[:20])
pairs = [(3, "c"), (1, "a"), (3, "a"), (2, "b"), (1, "z")]
class Key:
    def __init__(self, p):
        self.p = p
    def __lt__(self, o):
        return self.p[0] < o.p[0]
    def __le__(self, o):
        return self.p[0] <= o.p[0]
print("merge sort stable:", [k.p for k in merge_sort([Key(p) for p in pairs])])
print("insertion stable: ", [k.p for k in insertion_sort([Key(p) for p in pairs])])
print(merge_sort([]), quick_sort([1]), heap_sort([2, 1]), insertion_sort(list("sorting")))
