# Spectral norm benchmark: nested loops, function calls, float division.
def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
def eval_A_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(i, j) * u[j]
        out.append(s)
    return out
def eval_At_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(j, i) * u[j]
        out.append(s)
    return out
def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))
n = 250
u = [1.0] * n
for _ in range(10):
    v = eval_AtA_times_u(u)
    u = eval_AtA_times_u(v)
vBv = vv = 0.0
for ue, ve in zip(u, v):
    vBv += ue * ve
    vv += ve * ve
print("%0.9f" % ((vBv / vv) ** 0.5))
print([round(x, 6) for x in u[:5]])
