# a stack-based mini language interpreter
class VMError(Exception):
    pass
class StackUnderflow(VMError):
    pass
class UnknownOp(VMError):
    def __init__(self, op, pc):
        super().__init__(f"unknown op {op!r} at pc={pc}")
        self.op = op

class VM:
    def __init__(self, program, trace=False):
        self.program = self.parse(program)
        self.stack = []
        self.vars = {}
        self.pc = 0
        self.output = []
        self.trace = trace
        self.labels = {arg: i for i, (op, arg) in enumerate(self.program) if op == "label"}

    @staticmethod
    def parse(src):
        prog = []
        for line in src.strip().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            op, _, arg = line.partition(" ")
            arg = arg.strip()
            if arg.lstrip("-").isdigit():
                arg = int(arg)
            prog.append((op.lower(), arg or None))
        return prog

    def pop(self):
        if not self.stack:
            raise StackUnderflow(f"stack underflow at pc={self.pc}")
        return self.stack.pop()

    def run(self, max_steps=10000):
        steps = 0
        binops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
                  "div": lambda a, b: a // b, "mod": lambda a, b: a % b, "lt": lambda a, b: int(a < b),
                  "eq": lambda a, b: int(a == b)}
        while self.pc < len(self.program):
            steps += 1
            if steps > max_steps:
                raise VMError("too many steps")
            op, arg = self.program[self.pc]
            if self.trace:
                print(f"  {self.pc:3} {op:6} {arg!s:6} {self.stack}")
            self.pc += 1
            if op == "push":
                self.stack.append(arg)
            elif op in binops:
                b, a = self.pop(), self.pop()
                self.stack.append(binops[op](a, b))
            elif op == "dup":
                v = self.pop(); self.stack += [v, v]
            elif op == "swap":
                b, a = self.pop(), self.pop(); self.stack += [b, a]
            elif op == "store":
                self.vars[arg] = self.pop()
            elif op == "load":
                self.stack.append(self.vars[arg])
            elif op == "print":
                self.output.append(str(self.pop()))
            elif op == "jmp":
                self.pc = self.labels[arg]
            elif op == "jz":
                if self.pop() == 0:
                    self.pc = self.labels[arg]
            elif op == "label":
                pass
            elif op == "halt":
                break
            else:
                raise UnknownOp(op, self.pc - 1)
        return self.output

FACT = """
push 1
store acc
push 10
store n
label loop
load n
jz end
load acc
load n
mul
store acc
load n
push 1
sub
store n
jmp loop
label end
load acc
print
"""
print(VM(FACT).run())
FIB = """
push 0
store a
push 1
store b
push 0
store i
label top
load i
push 15
lt
jz done
load a
print
load a
load b
dup
store a
add
store b
load i
push 1
add
store i
jmp top
label done
"""
print(" ".join(VM(FIB).run()))
print(VM("push 7\npush 3\nmod\nprint\npush -7\npush 2\ndiv\nprint", trace=True).run())
for bad in ["add", "push 1\nfrobnicate", "label x\njmp x", "load nothing"]:
    try:
        VM(bad).run(max_steps=50)
    except UnknownOp as e:
        print("UnknownOp:", e, e.op)
    except VMError as e:
        print(type(e).__name__ + ":", e)
    except KeyError as e:
        print("KeyError:", e)
