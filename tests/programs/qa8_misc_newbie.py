# todo list manager with scripted commands
import shlex
class TaskError(Exception):
    pass
class TodoList:
    def __init__(self):
        self.tasks = []
        self._next = 1
    def add(self, title, prio="normal"):
        if prio not in ("low", "normal", "high"):
            raise TaskError(f"unknown priority {prio!r}")
        task = {"id": self._next, "title": title, "prio": prio, "done": False}
        self._next += 1
        self.tasks.append(task)
        return task["id"]
    def find(self, tid):
        for t in self.tasks:
            if t["id"] == tid:
                return t
        raise TaskError(f"no task #{tid}")
    def done(self, tid):
        t = self.find(tid)
        if t["done"]:
            raise TaskError(f"task #{tid} already done")
        t["done"] = True
    def remove(self, tid):
        self.tasks.remove(self.find(tid))
    def show(self):
        order = {"high": 0, "normal": 1, "low": 2}
        for t in sorted(self.tasks, key=lambda t: (t["done"], order[t["prio"]], t["id"])):
            mark = "x" if t["done"] else " "
            print(f"  [{mark}] #{t['id']:<3}{t['title']:<20}({t['prio']})")
        left = sum(not t["done"] for t in self.tasks)
        print(f"  {left} of {len(self.tasks)} left")
script = '''
add "buy milk" high
add "walk dog"
add "read book" low
add "call mom" urgent
done 2
done 2
done 9
remove 3
show
add "fix bike" high
done x
show
quit
'''
todo = TodoList()
for line in script.strip().splitlines():
    cmd, *args = shlex.split(line)
    print(f"> {line}")
    try:
        match cmd:
            case "add":
                print("  added", todo.add(*args))
            case "done":
                todo.done(int(args[0]))
            case "remove":
                todo.remove(int(args[0]))
            case "show":
                todo.show()
            case "quit":
                break
            case _:
                print("  unknown command")
    except TaskError as e:
        print("  error:", e)
    except ValueError as e:
        print("  bad number:", e)
print("bye")
