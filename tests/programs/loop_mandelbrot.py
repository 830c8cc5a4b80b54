# Mandelbrot set with float arithmetic in tight nested loops.
def mandel(w, h, max_iter):
    rows = []
    total = 0
    for py in range(h):
        y0 = (py / h) * 2.4 - 1.2
        row = []
        for px in range(w):
            x0 = (px / w) * 3.5 - 2.5
            x = 0.0
            y = 0.0
            it = 0
            while x * x + y * y <= 4.0 and it < max_iter:
                xt = x * x - y * y + x0
                y = 2.0 * x * y + y0
                x = xt
                it += 1
            total += it
            row.append(" .:-=+*#%@"[it % 10] if it < max_iter else "@")
        rows.append("".join(row))
    return rows, total
rows, total = mandel(78, 32, 200)
for r in rows:
    print(r)
print("total iterations:", total)
rows2, total2 = mandel(300, 150, 500)
print("second pass iterations:", total2, "inside:", sum(r.count("@") for r in rows2))
