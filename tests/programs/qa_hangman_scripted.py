# hangman with a scripted sequence of guesses
WORDS = ["python", "interpreter", "generator", "dictionary"]
ART = ["", "O", "O\n|", "O\n/|", "O\n/|\\", "O\n/|\\\n/", "O\n/|\\\n/ \\"]
class Game:
    def __init__(self, word, max_misses=6):
        self.word = word
        self.guessed = set()
        self.misses = []
        self.max_misses = max_misses
    @property
    def masked(self):
        return " ".join(c if c in self.guessed else "_" for c in self.word)
    @property
    def won(self):
        return set(self.word) <= self.guessed
    @property
    def lost(self):
        return len(self.misses) >= self.max_misses
    def guess(self, ch):
        ch = ch.lower().strip()
        if len(ch) != 1 or not ch.isalpha():
            raise ValueError(f"invalid guess {ch!r}")
        if ch in self.guessed or ch in self.misses:
            return "already guessed"
        if ch in self.word:
            self.guessed.add(ch)
            return f"yes, {self.word.count(ch)} x {ch!r}"
        self.misses.append(ch)
        return "no"
def play(word, guesses):
    g = Game(word)
    for ch in guesses:
        if g.won or g.lost:
            break
        try:
            res = g.guess(ch)
        except ValueError as e:
            res = f"error: {e}"
        print(f"  {ch!r:6} {res:<22} {g.masked}  misses={''.join(g.misses)}")
    print(ART[len(g.misses)] or "(no drawing)")
    return "won" if g.won else ("lost" if g.lost else "unfinished")
scripts = ["etaoinshrdlu", "zqxjkv", "py thon", "aeiou", "eeee"]
for word, script in zip(WORDS, scripts):
    print(f"word #{WORDS.index(word) + 1} ({len(word)} letters):")
    print("result:", play(word, script))
print(play("dictionary", ["d", "1", "ic", "t", "I", "o", "n", "a", "r", "y"]))
