# Ends with OverflowError converting a huge int to float.
n = 1
for k in range(1, 200):
    n *= k
    if k % 40 == 0:
        print(k, "digits:", len(str(n)), "as float:", float(n))
print("final digits", len(str(n)))
print(float(n))
