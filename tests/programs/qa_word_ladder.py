# word ladder with BFS, anagram groups, and edit distance
WORDS = """cold cord card ward warm word worm wore core bore bare barn born corn cord lord load goad gold
golf wolf woof hoof hook look lock rock sock sick silk sulk bulk hulk hull hall ball bell belt bolt boat coat cost
most mist list lost last fast mast malt salt halt hale tale tall tell tail tall toll told cold""".split()
WORDS = sorted(set(WORDS))
def neighbors(w, words):
    out = []
    for i in range(len(w)):
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c != w[i]:
                cand = w[:i] + c + w[i + 1:]
                if cand in words:
                    out.append(cand)
    return out
def ladder(start, goal):
    words = set(WORDS)
    prev = {start: None}
    frontier = [start]
    while frontier:
        nxt = []
        for w in frontier:
            for n in neighbors(w, words):
                if n not in prev:
                    prev[n] = w
                    nxt.append(n)
                    if n == goal:
                        path = [n]
                        while prev[path[-1]]:
                            path.append(prev[path[-1]])
                        return path[::-1]
        frontier = nxt
    return None
for a, b in [("cold", "warm"), ("gold", "wolf"), ("look", "sick"), ("cold", "cold"), ("bulk", "mast"), ("cold", "zzzz")]:
    p = ladder(a, b)
    print(f"{a}->{b}:", " > ".join(p) if p else "no path", len(p) - 1 if p else "")
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("intention", "execution")]
for a, b in pairs:
    print(f"{a!r:12} {b!r:12} {edit_distance(a, b)}")
groups = {}
for w in "listen silent enlist google elgoog inlets banana tinsel".split():
    groups.setdefault("".join(sorted(w)), []).append(w)
for key, ws in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(key, ws)
degree = {w: len(neighbors(w, set(WORDS))) for w in WORDS}
hub = max(degree, key=lambda w: (degree[w], w))
print(hub, degree[hub], sorted(w for w, d in degree.items() if d == 0))
print(len(WORDS), WORDS[:5], WORDS[-3:])
