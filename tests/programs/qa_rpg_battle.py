# turn-based battle with class hierarchy, super(), and a deterministic RNG
class RNG:
    def __init__(self, seed):
        self.x = seed
    def __call__(self, lo, hi):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return lo + (self.x >> 33) % (hi - lo + 1)
rng = RNG(7)
class Character:
    def __init__(self, name, hp, atk, defense):
        self.name, self.max_hp, self.hp, self.atk, self.defense = name, hp, hp, atk, defense
        self.effects = {}
    @property
    def alive(self):
        return self.hp > 0
    def take(self, dmg):
        dmg = max(0, dmg - self.defense)
        self.hp = max(0, self.hp - dmg)
        return dmg
    def attack(self, other):
        dmg = other.take(self.atk + rng(0, 4))
        return f"{self.name} hits {other.name} for {dmg}"
    def tick(self):
        msgs = []
        for eff in list(self.effects):
            turns = self.effects[eff]
            if eff == "poison":
                self.hp = max(0, self.hp - 3)
                msgs.append(f"{self.name} suffers 3 poison")
            if turns <= 1:
                del self.effects[eff]
                msgs.append(f"{self.name}'s {eff} wears off")
            else:
                self.effects[eff] = turns - 1
        return msgs
    def __str__(self):
        bar = "#" * (10 * self.hp // self.max_hp)
        return f"{self.name:<8} [{bar:<10}] {self.hp:>3}/{self.max_hp}"
class Warrior(Character):
    def __init__(self, name):
        super().__init__(name, hp=60, atk=9, defense=3)
        self.rage = 0
    def attack(self, other):
        self.rage += 1
        if self.rage >= 3:
            self.rage = 0
            dmg = other.take(self.atk * 2)
            return f"{self.name} RAGE-smashes {other.name} for {dmg}"
        return super().attack(other)
class Mage(Character):
    def __init__(self, name):
        super().__init__(name, hp=40, atk=5, defense=1)
        self.mana = 10
    def attack(self, other):
        if self.mana >= 4:
            self.mana -= 4
            other.effects["poison"] = 3
            dmg = other.take(12)
            return f"{self.name} casts venom bolt on {other.name} for {dmg}"
        self.mana += 2
        return super().attack(other) + " (staff)"
class Goblin(Character):
    def __init__(self, n):
        super().__init__(f"Goblin{n}", hp=25, atk=6, defense=1)
heroes = [Warrior("Brakka"), Mage("Ilsa")]
foes = [Goblin(i) for i in range(1, 4)]
rnd = 0
while any(h.alive for h in heroes) and any(f.alive for f in foes):
    rnd += 1
    print(f"-- round {rnd} --")
    for actor in heroes + foes:
        if not actor.alive:
            continue
        for m in actor.tick():
            print("  " + m)
        if not actor.alive:
            print(f"  {actor.name} succumbs")
            continue
        targets = [f for f in foes if f.alive] if actor in heroes else [h for h in heroes if h.alive]
        if not targets:
            break
        target = min(targets, key=lambda t: (t.hp, t.name))
        print("  " + actor.attack(target))
        if not target.alive:
            print(f"  {target.name} falls!")
    for c in heroes + foes:
        print("   ", c)
    if rnd >= 30:
        break
print("heroes win" if any(h.alive for h in heroes) else "foes win", "after", rnd, "rounds")
print(sorted((c.name, c.hp) for c in heroes + foes), Warrior.__mro__[1].__name__, isinstance(heroes[1], Character))
