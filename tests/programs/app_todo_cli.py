# A command-line todo manager driven by sys.argv (arguments in app_todo_cli.args).
import sys
USAGE = "usage: todo <add TEXT [!PRIORITY] | done N | list | rm N | clear> [; ...]"
def run(commands):
    todos = []
    for cmd in commands:
        if not cmd:
            continue
        name, *args = cmd
        if name == "add":
            prio = 3
            words = []
            for a in args:
                if a.startswith("!") and a[1:].isdigit():
                    prio = int(a[1:])
                else:
                    words.append(a)
            todos.append({"text": " ".join(words), "prio": prio, "done": False})
            print(f"added #{len(todos)}: {' '.join(words)} (p{prio})")
        elif name in ("done", "rm"):
            if not args or not args[0].isdigit():
                print(f"error: {name} needs a number")
                continue
            n = int(args[0])
            if not 1 <= n <= len(todos):
                print(f"error: no todo #{n}")
                continue
            if name == "done":
                todos[n - 1]["done"] = True
                print(f"completed #{n}")
            else:
                removed = todos.pop(n - 1)
                print(f"removed #{n}: {removed['text']}")
        elif name == "list":
            if not todos:
                print("(nothing to do)")
            for i, t in sorted(enumerate(todos, 1), key=lambda it: (it[1]["done"], it[1]["prio"], it[0])):
                print(f"  {i:2}. [{'x' if t['done'] else ' '}] p{t['prio']} {t['text']}")
        elif name == "clear":
            before = len(todos)
            todos[:] = [t for t in todos if not t["done"]]
            print(f"cleared {before - len(todos)} finished todo(s)")
        else:
            print(f"unknown command {name!r}; {USAGE}")
    return todos
def split_commands(argv):
    cmds, cur = [], []
    for a in argv:
        if a == ";":
            cmds.append(cur)
            cur = []
        else:
            cur.append(a)
    cmds.append(cur)
    return cmds
if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(USAGE)
        sys.exit(2)
    remaining = run(split_commands(sys.argv[1:]))
    print(f"{sum(not t['done'] for t in remaining)} open, {sum(t['done'] for t in remaining)} done")
