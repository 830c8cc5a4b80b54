# help(obj) is pydoc's help, as in CPython (plain text to stdout when not a terminal).
class Animal:
    """Base class of all animals."""
    legs = 4
    def __init__(self, name):
        """Create an animal called name."""
        self.name = name
    def speak(self):
        """Return the animal's sound."""
        raise NotImplementedError
class Dog(Animal):
    """A good dog.

    Dogs bark and fetch.
    """
    sound = "woof"
    def speak(self, times: int = 1) -> str:
        """Bark `times` times."""
        return self.sound * times
    @property
    def title(self):
        """The dog's title."""
        return "Sir " + self.name
    @classmethod
    def puppy(cls):
        """Make a puppy."""
        return cls("pup")
    @staticmethod
    def kinds():
        return ["lab", "pug"]
def greet(name: str, loud: bool = False, *rest, sep=", ", **opts) -> str:
    """Greet someone.

    Longer description here.
    """
    return name
square = lambda x: x * x
class Slotted:
    __slots__ = ("a", "b")
help(greet)
help(Dog)
help(square)
help(Slotted)
help(Dog.speak)
help(Dog("rex").speak)
print(Dog.__doc__)
