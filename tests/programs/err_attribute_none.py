# Ends with AttributeError on None returned by a function that found nothing.
def find_user(users, name):
    for u in users:
        if u["name"] == name:
            return u
users = [{"name": "ann", "email": "ann@example.com"}, {"name": "bob", "email": "bob@example.com"}]
print(find_user(users, "ann")["email"])
print(find_user(users, "cy").get("email"))
