# find/rfind/index/rindex/count/startswith/endswith/in.
s = "abracadabra"
for sub in ["a", "abra", "cad", "z", "", "ra", "bra"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s)
print(s.find("a", 1), s.find("a", 1, 3), s.find("a", -4), s.rfind("a", 0, -1), s.find("a", 100), s.count("a", 2, 8))
print(s.index("c"), s.rindex("b"), s.index("a", 5), s.count("", 3, 5))
for bad in ["z", "abrx"]:
    try:
        s.index(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
print(s.startswith("abr"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.endswith("bra"), s.endswith(("a", "z")), s.endswith("cad", 0, 7))
print(s.startswith(""), "".startswith(""), "".endswith("a"), s.startswith("a", 20))
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError:", e)
text = "the cat sat on the mat with the hat"
pos = []
i = text.find("the")
while i != -1:
    pos.append(i)
    i = text.find("the", i + 1)
print(pos, text.count("the"), text.count("at"), text.count(" "))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "ababab".rfind("ab"), "mississippi".count("ss"))
print("Ünïcödé".find("ï"), "日本語テキスト".index("テ"), "日本語".count("本"))
