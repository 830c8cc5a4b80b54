# Case conversion methods.
samples = ["hello world", "HELLO World", "hElLo wOrLd", "they're bill's friends", "ß straße", "ǅemal", "123abc def-ghi", "", "ÀÉÎõü", "ﬁnance", "σίσυφος ΣΊΣΥΦΟΣ"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), sep=" | ")
print("ΣΑΣ".lower(), "İ".lower().encode("unicode_escape"), "ŉ".upper())
print("straße".upper() == "STRASSE", "Straße".casefold() == "strasse".casefold())
print("hello_world_foo".title(), "hello2world".title(), "a.b-c d".title())
def snake_to_camel(s):
    first, *rest = s.split("_")
    return first + "".join(w.capitalize() for w in rest)
def camel_to_snake(s):
    out = []
    for ch in s:
        if ch.isupper():
            out.append("_" + ch.lower())
        else:
            out.append(ch)
    return "".join(out).lstrip("_")
for n in ["get_user_name", "x", "parse_http_response_code"]:
    c = snake_to_camel(n)
    print(n, c, camel_to_snake(c))
print("HeLLo".islower(), "hello".islower(), "HELLO".isupper(), "Hello World".istitle(), "Hello world".istitle())
print("123".islower(), "a1".islower(), "".isupper())
