# replace, comparisons, membership, and string building.
s = "one fish two fish red fish blue fish"
print(s.replace("fish", "cat"), s.replace("fish", "cat", 2), s.replace("", "-", 5), s.replace("xyz", "abc"))
print("aaa".replace("a", "aa"), "aaa".replace("aa", "b"), "".replace("", "x"), "abc".replace("", "|"))
print("banana".replace("an", "AN", -1), "banana".replace("na", "", 1))
words = ["pear", "Apple", "banana", "apple", "Banana", "cherry", "éclair", ""]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words), min(words))
print("a" < "b" < "c", "abc" == "ab" + "c", "abc" != "ABC", "abc" <= "abc", "Z" < "a")
print("ell" in "hello", "" in "", "xyz" not in "hello", "h" in "Hello")
parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
acc = ""
for ch in "abcdef":
    acc = ch + acc + ch
print(acc)
print(str.upper("x"), str.join("-", ["a", "b"]), str.__add__("a", "b"))
template = "Dear NAME, your balance is AMOUNT."
for name, amount in [("Ann", "$10"), ("Bob", "$-5")]:
    print(template.replace("NAME", name).replace("AMOUNT", amount))
print("x".join("abc"), "%".join(["", ""]), "abc".count("") , len("abc" * 1000))
