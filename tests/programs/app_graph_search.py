# Graph algorithms: BFS, DFS (recursive and iterative), shortest paths, topological sort, components.
edges = [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("D", "E"), ("E", "F"), ("C", "G"), ("G", "F"), ("H", "I")]
graph = {}
for a, b in edges:
    graph.setdefault(a, []).append(b)
    graph.setdefault(b, []).append(a)
for k in graph:
    graph[k].sort()
print({k: graph[k] for k in sorted(graph)})
def bfs(start):
    order, dist, parent = [], {start: 0}, {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        order.append(node)
        for nb in graph[node]:
            if nb not in dist:
                dist[nb] = dist[node] + 1
                parent[nb] = node
                queue.append(nb)
    return order, dist, parent
order, dist, parent = bfs("A")
print("bfs order", order)
print("distances", dist)
def path_to(parent, target):
    path = []
    while target is not None:
        path.append(target)
        target = parent[target]
    return path[::-1]
print("shortest A->F", path_to(parent, "F"))
def dfs_recursive(node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nb in graph[node]:
        if nb not in seen:
            dfs_recursive(nb, seen)
    return seen
def dfs_iterative(start):
    seen, stack = [], [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.append(node)
        stack.extend(reversed(graph[node]))
    return seen
print("dfs rec ", dfs_recursive("A"))
print("dfs iter", dfs_iterative("A"))
def components():
    seen, comps = set(), []
    for node in sorted(graph):
        if node not in seen:
            comp = dfs_iterative(node)
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print("components", components())
weighted = {"S": {"A": 7, "B": 2, "C": 3}, "A": {"D": 4}, "B": {"A": 3, "D": 8, "E": 1}, "C": {"E": 6}, "D": {"T": 1}, "E": {"D": 2, "T": 9}, "T": {}}
def dijkstra(src):
    dist = {n: float("inf") for n in weighted}
    prev = {n: None for n in weighted}
    dist[src] = 0
    todo = set(weighted)
    while todo:
        u = min(sorted(todo), key=lambda n: dist[n])
        todo.remove(u)
        for v, w in weighted[u].items():
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev
d, prev = dijkstra("S")
print("dijkstra", d)
print("path S->T", path_to(prev, "T"))
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": [], "tests": ["app"]}
def topo(deps):
    state, out = {}, []
    def visit(n):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError(f"cycle at {n}")
        state[n] = "active"
        for d in deps[n]:
            visit(d)
        state[n] = "done"
        out.append(n)
    for n in sorted(deps):
        visit(n)
    return out
print("build order", topo(deps))
deps["core"] = ["tests"]
try:
    topo(deps)
except ValueError as e:
    print("ValueError:", e)
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def maze():
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
    q, seen = [(start, 0)], {start}
    i = 0
    while i < len(q):
        (r, c), steps = q[i]
        i += 1
        if grid[r][c] == "E":
            return steps
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), steps + 1))
    return -1
print("maze steps", maze())
