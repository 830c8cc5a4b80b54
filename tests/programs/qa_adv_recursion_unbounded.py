class Tree:
    def __init__(self, kids=()):
        self.kids = list(kids)
    def size(self):
        return 1 + sum(k.size() for k in self.kids)
t = Tree()
t.kids.append(t)
print(t.size())
