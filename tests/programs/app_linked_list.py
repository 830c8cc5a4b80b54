# A singly linked list with iteration, indexing, reversal, sorting and cycle detection.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self.size = 0
        for v in iterable:
            self.append(v)
    def append(self, v):
        node = Node(v)
        if not self.head:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def prepend(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("linked list index out of range")
        for j, v in enumerate(self):
            if j == i:
                return v
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.value == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        raise ValueError(f"{v!r} not in list")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def insert_sorted(self, v):
        if not self.head or v < self.head.value:
            self.prepend(v)
            return
        cur = self.head
        while cur.next and cur.next.value <= v:
            cur = cur.next
        cur.next = Node(v, cur.next)
        self.size += 1
    def middle(self):
        slow = fast = self.head
        while fast and fast.next:
            slow, fast = slow.next, fast.next.next
        return slow.value if slow else None
    def __repr__(self):
        return " -> ".join(map(repr, self)) + " -> None"
def merge_sort(node):
    if not node or not node.next:
        return node
    slow, fast = node, node.next
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
    right = slow.next
    slow.next = None
    a, b = merge_sort(node), merge_sort(right)
    dummy = tail = Node(None)
    while a and b:
        if a.value <= b.value:
            tail.next, a = a, a.next
        else:
            tail.next, b = b, b.next
        tail = tail.next
    tail.next = a or b
    return dummy.next
def has_cycle(head):
    slow = fast = head
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            return True
    return False
ll = LinkedList([5, 3, 8, 1])
ll.prepend(0)
ll.append(13)
print(ll, len(ll), ll[0], ll[-1], ll[2], ll.middle())
ll.remove(8)
ll.remove(0)
print(ll, len(ll))
try:
    ll.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
ll.reverse()
print("reversed:", ll)
ll.head = merge_sort(ll.head)
print("sorted:", ll)
s = LinkedList()
for v in [7, 2, 9, 4, 4, 1, 8]:
    s.insert_sorted(v)
print("insert_sorted:", s, "middle", s.middle())
big = LinkedList(range(1000, 0, -7))
big.head = merge_sort(big.head)
vals = list(big)
print(len(vals), vals[:8], vals == sorted(vals), sum(big))
print("cycle?", has_cycle(big.head))
tail = big.head
while tail.next:
    tail = tail.next
tail.next = big.head.next.next
print("cycle after linking tail?", has_cycle(big.head))
words = LinkedList("the quick brown fox".split())
print([w.upper() for w in words], "fox" in words, "cat" in words, max(words, key=len))
