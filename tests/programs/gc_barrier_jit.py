# Hot loops (compiled by the tracing JIT) storing young objects into old lists and
# instance attributes, with collections in between. See gc_barrier_containers.py.


def churn(n):
    junk = None
    for i in range(n):
        junk = [i, str(i)]
    return junk


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


old_list = [0] * 64
old_objs = [Point(0, 0) for _ in range(16)]
old_pt = Point(None, None)
churn(100)


def store_items(n):
    for i in range(n):
        old_list[i % 64] = (i, i + 1)
        old_list[(i * 7) % 64] = [i]
        old_pt.x = (i,)
        old_pt.y = [i, i]
        p = old_objs[i % 16]
        p.x = (i * 2, str(i % 10))


def store_floats(n):
    for i in range(n):
        old_pt.x = i * 0.5
        old_objs[i % 16].y = i * 1.5
        old_list[i % 64] = i * 0.25


store_items(5000)
churn(20)
print(old_list[:4], old_list[-2:])
print(old_pt.x, old_pt.y, [p.x for p in old_objs[:3]])
store_floats(3000)
churn(20)
print(old_pt.x, old_objs[3].y, old_list[5])
store_items(3000)
churn(20)
total = 0
for v in old_list:
    total += v[0]
print(total, sum(p.x[0] for p in old_objs), old_pt.y)


def append_loop(n):
    acc = []
    for i in range(n):
        acc.append((i, str(i)))
        if i % 500 == 0:
            churn(3)
    return acc


big = append_loop(4000)
churn(20)
print(len(big), big[0], big[1234], big[-1])
