# List methods that rely on __eq__/__lt__ of user objects: in, index, count, remove, sort, min/max.
class Item:
    compares = 0
    def __init__(self, name, weight):
        self.name, self.weight = name, weight
    def __eq__(self, other):
        Item.compares += 1
        if isinstance(other, Item):
            return self.name == other.name
        if isinstance(other, str):
            return self.name == other
        return NotImplemented
    def __lt__(self, other):
        return self.weight < other.weight
    def __hash__(self):
        return hash(self.name)
    def __repr__(self):
        return f"{self.name}:{self.weight}"
bag = [Item("rock", 5), Item("feather", 1), Item("book", 3), Item("rock", 7), Item("pen", 1)]
print("rock" in bag, "cloud" in bag, Item("book", 0) in bag)
print(bag.index("book"), bag.index(Item("rock", 99)), bag.count("rock"), bag.count(Item("pen", 0)))
bag.remove("rock")
print(bag)
try:
    bag.remove("cloud")
except ValueError as e:
    print("ValueError:", e)
try:
    bag.index("cloud")
except ValueError as e:
    print("ValueError:", e)
print(sorted(bag), min(bag), max(bag), sorted(bag, reverse=True))
bag.sort()
print(bag, "stable for equal weights:", [i.name for i in bag if i.weight == 1])
print(bag == [Item("feather", 0), Item("pen", 0), Item("book", 0), Item("rock", 0)])
print(bag != ["feather", "pen", "book", "rock"], ["feather"] == [Item("feather", 9)])
print(len(set(bag + [Item("pen", 100)])), {Item("a", 1): "x"}.get(Item("a", 2)))
Item.compares = 0
_ = "pen" in bag
print("comparisons for membership:", Item.compares)
t = (Item("x", 1), Item("y", 2))
print(t.index("y"), t.count("x"), Item("y", 0) in t, t == (Item("x", 0), Item("y", 0)))
nested = [[Item("a", 1)], [Item("b", 2)]]
print([Item("b", 0)] in nested, nested.index([Item("a", 5)]))
