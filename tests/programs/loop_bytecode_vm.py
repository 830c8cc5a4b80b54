# A tiny stack-based bytecode VM running loops: dispatch-heavy interpreter code.
PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JMP, JZ, PRINT, HALT, DUP, POP = range(14)
NAMES = ["PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "MOD", "LT", "JMP", "JZ", "PRINT", "HALT", "DUP", "POP"]
def run(code, nvars, out):
    stack = []
    vars_ = [0] * nvars
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        steps += 1
        if op == PUSH:
            stack.append(arg)
        elif op == LOAD:
            stack.append(vars_[arg])
        elif op == STORE:
            vars_[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop(); a = stack.pop(); stack.append(a + b)
        elif op == SUB:
            b = stack.pop(); a = stack.pop(); stack.append(a - b)
        elif op == MUL:
            b = stack.pop(); a = stack.pop(); stack.append(a * b)
        elif op == MOD:
            b = stack.pop(); a = stack.pop(); stack.append(a % b)
        elif op == LT:
            b = stack.pop(); a = stack.pop(); stack.append(1 if a < b else 0)
        elif op == JMP:
            pc = arg
        elif op == JZ:
            if stack.pop() == 0:
                pc = arg
        elif op == DUP:
            stack.append(stack[-1])
        elif op == POP:
            stack.pop()
        elif op == PRINT:
            out.append(stack.pop())
        elif op == HALT:
            return steps
def assemble(src):
    labels, words = {}, []
    lines = [ln.split("#")[0].split() for ln in src.strip().splitlines()]
    lines = [ln for ln in lines if ln]
    pc = 0
    for ln in lines:
        if ln[0].endswith(":"):
            labels[ln[0][:-1]] = pc
        else:
            pc += 2
    for ln in lines:
        if ln[0].endswith(":"):
            continue
        op = NAMES.index(ln[0])
        arg = 0
        if len(ln) > 1:
            arg = labels[ln[1]] if ln[1] in labels else int(ln[1])
        words += [op, arg]
    return words
SUM_SRC = """
    PUSH 0
    STORE 0          # i = 0
    PUSH 0
    STORE 1          # acc = 0
loop:
    LOAD 0
    PUSH 150000
    LT
    JZ done
    LOAD 1
    LOAD 0
    LOAD 0
    MUL
    PUSH 7
    MOD
    ADD
    STORE 1          # acc += i*i % 7
    LOAD 0
    PUSH 1
    ADD
    STORE 0
    JMP loop
done:
    LOAD 1
    PRINT
    HALT
"""
PRIMES_SRC = """
    PUSH 2
    STORE 0              # n = 2
outer:
    LOAD 0
    PUSH 1200
    LT
    JZ end
    PUSH 2
    STORE 1              # d = 2
inner:
    LOAD 1
    LOAD 1
    MUL
    LOAD 0
    PUSH 1
    ADD
    LT                   # d*d < n+1
    JZ prime
    LOAD 0
    LOAD 1
    MOD
    JZ notprime
    LOAD 1
    PUSH 1
    ADD
    STORE 1
    JMP inner
prime:
    LOAD 0
    PRINT
notprime:
    LOAD 0
    PUSH 1
    ADD
    STORE 0
    JMP outer
end:
    HALT
"""
code = assemble(SUM_SRC)
print("program length", len(code) // 2, "instructions")
out = []
steps = run(code, 2, out)
print("sum result", out, "steps", steps)
print("check", sum(i * i % 7 for i in range(150000)))
code2 = assemble(PRIMES_SRC)
out2 = []
steps2 = run(code2, 2, out2)
print("primes found", len(out2), "last", out2[-5:], "steps", steps2)
