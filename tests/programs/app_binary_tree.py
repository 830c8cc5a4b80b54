# A binary search tree: insert, search, delete, traversals, height, balance check.
class BST:
    class Node:
        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None
    def __init__(self):
        self.root = None
        self.count = 0
    def insert(self, key, val=None):
        def _ins(node):
            if node is None:
                self.count += 1
                return BST.Node(key, val)
            if key < node.key:
                node.left = _ins(node.left)
            elif key > node.key:
                node.right = _ins(node.right)
            else:
                node.val = val
            return node
        self.root = _ins(self.root)
    def get(self, key, default=None):
        node = self.root
        while node:
            if key == node.key:
                return node.val
            node = node.left if key < node.key else node.right
        return default
    def __contains__(self, key):
        return self.get(key, KeyError) is not KeyError
    def delete(self, key):
        def _del(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _del(node.left, key)
            elif key > node.key:
                node.right = _del(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.val = succ.key, succ.val
                node.right = _del(node.right, succ.key)
            return node
        self.root = _del(self.root, key)
        self.count -= 1
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return list(walk(self.root))
    def preorder(self):
        out, stack = [], [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
        return out
    def levels(self):
        out, frontier = [], [self.root] if self.root else []
        while frontier:
            out.append([n.key for n in frontier])
            frontier = [c for n in frontier for c in (n.left, n.right) if c]
        return out
    def height(self, n="root"):
        n = self.root if n == "root" else n
        return 0 if n is None else 1 + max(self.height(n.left), self.height(n.right))
    def is_balanced(self):
        def check(n):
            if n is None:
                return 0
            l, r = check(n.left), check(n.right)
            if l < 0 or r < 0 or abs(l - r) > 1:
                return -1
            return 1 + max(l, r)
        return check(self.root) >= 0
    def draw(self):
        lines = []
        def rec(n, prefix, is_left):
            if n is None:
                return
            rec(n.right, prefix + ("|   " if is_left else "    "), False)
            lines.append(prefix + ("\\-- " if is_left else "/-- ") + str(n.key))
            rec(n.left, prefix + ("    " if is_left else "|   "), True)
        rec(self.root, "", True)
        return "\n".join(lines)
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, f"v{k}")
print("inorder ", t.inorder())
print("preorder", t.preorder())
print("levels  ", t.levels())
print("height", t.height(), "balanced", t.is_balanced(), "count", t.count)
print(t.draw())
print(t.get(45), t.get(99, "missing"), 60 in t, 61 in t)
for k in [20, 30, 50]:
    t.delete(k)
    print("deleted", k, "->", t.inorder(), "root", t.root.key)
try:
    t.delete(1234)
except KeyError as e:
    print("KeyError:", e)
skewed = BST()
for k in range(1, 12):
    skewed.insert(k)
print("skewed height", skewed.height(), "balanced", skewed.is_balanced())
def build_balanced(keys):
    tree = BST()
    def rec(lo, hi):
        if lo > hi:
            return
        mid = (lo + hi) // 2
        tree.insert(keys[mid])
        rec(lo, mid - 1)
        rec(mid + 1, hi)
    rec(0, len(keys) - 1)
    return tree
bal = build_balanced(list(range(1, 32)))
print("balanced build height", bal.height(), bal.is_balanced(), bal.levels()[:3])
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w, (words.get(w) or 0) + 1)
print([(w, words.get(w)) for w in words.inorder()])
