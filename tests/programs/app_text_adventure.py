# A scripted text adventure: rooms, inventory, and a state machine driven by commands.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["bread"]},
    "cellar": {"desc": "a dark cellar", "exits": {"up": "kitchen"}, "items": ["treasure"], "locked": True, "dark": True},
}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.state = "playing"
        self.score = 0
    def say(self, msg):
        print(f"[{self.moves:02d}] {msg}")
    def look(self):
        r = ROOMS[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("It is pitch black.")
            return
        items = ", ".join(r["items"]) or "nothing"
        self.say(f"You are in {r['desc']}. Exits: {', '.join(sorted(r['exits']))}. You see: {items}.")
    def go(self, direction):
        r = ROOMS[self.room]
        if direction not in r["exits"]:
            self.say(f"You can't go {direction}.")
            return
        dest = r["exits"][direction]
        if ROOMS[dest].get("locked"):
            if "key" in self.inventory:
                ROOMS[dest]["locked"] = False
                self.say("You unlock the way with the key.")
            else:
                self.say("The way is locked.")
                return
        self.room = dest
        self.look()
    def take(self, item):
        r = ROOMS[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("You fumble in the dark.")
        elif item in r["items"]:
            r["items"].remove(item)
            self.inventory.append(item)
            self.score += 10 if item != "treasure" else 100
            self.say(f"Taken: {item}.")
            if item == "treasure":
                self.state = "won"
        else:
            self.say(f"There is no {item} here.")
    def drop(self, item):
        if item in self.inventory:
            self.inventory.remove(item)
            ROOMS[self.room]["items"].append(item)
            self.say(f"Dropped: {item}.")
        else:
            self.say(f"You don't have {item}.")
    def command(self, line):
        self.moves += 1
        words = line.lower().split()
        match words:
            case ["look"] | ["l"]:
                self.look()
            case ["go", d] | [("north" | "south" | "east" | "west" | "up" | "down") as d]:
                self.go(d)
            case ["take", item]:
                self.take(item)
            case ["drop", item]:
                self.drop(item)
            case ["inventory"] | ["i"]:
                self.say("You carry: " + (", ".join(sorted(self.inventory)) or "nothing"))
            case ["eat", "bread"] if "bread" in self.inventory:
                self.inventory.remove("bread")
                self.say("Delicious.")
            case ["quit"]:
                self.state = "quit"
            case _:
                self.say(f"I don't understand {line!r}.")
game = Game()
game.look()
script = ["north", "take book", "take key", "take sword", "south", "east", "take bread", "down",
          "i", "dance", "up", "west", "take lamp", "east", "down", "take treasure", "eat bread", "look", "quit"]
for line in script:
    if game.state != "playing":
        break
    print("> " + line)
    game.command(line)
print("final state:", game.state, "score:", game.score, "moves:", game.moves, "inventory:", sorted(game.inventory))
