# Ends with TypeError for a missing required positional argument.
def rect_area(width, height):
    return width * height
print(rect_area(3, 4))
print(rect_area(width=2, height=5))
shapes = [(1, 2), (3,)]
for s in shapes:
    print(rect_area(*s))
