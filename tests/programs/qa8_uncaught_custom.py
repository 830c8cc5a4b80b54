class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
class User:
    def __init__(self, name, age):
        if not name:
            raise ValidationError("name", "must not be empty")
        if age < 0:
            raise ValidationError("age", f"must be >= 0, got {age}")
        self.name, self.age = name, age
users = []
for n, a in [("ann", 3), ("bob", -1)]:
    try:
        users.append(User(n, a))
    except ValidationError as e:
        print("skip:", e)
print(len(users))
User("", 5)
