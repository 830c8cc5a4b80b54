# '=' instead of '==' in a condition
score = 70
grade = None
if score = 100:
    grade = "perfect"
else:
    grade = "ok"
print(grade)
