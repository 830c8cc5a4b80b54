class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items.pop()
    @property
    def top(self):
        return self.items[-1]
s = Stack()
s.items.append(1)
print(s.pop())
def use(st):
    return st.top
lst = [use]
try:
    print(lst[0](s))
except IndexError as e:
    print("IndexError:", e)
print([s.pop() for _ in range(1)])
