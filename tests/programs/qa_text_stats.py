# text statistics and report formatting
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
words = [w.strip(".,;:!?").lower() for w in TEXT.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
width = max(len(w) for w, _ in top)
for w, c in top:
    print(f"{w:>{width}} {c:3d} {'*' * c}")
print(f"words={len(words)} unique={len(freq)} avg_len={sum(map(len, words)) / len(words):.3f}")
lines = TEXT.splitlines()
for i, line in enumerate(lines, 1):
    print(f"{i:02d}: {line[:40]:<40}... ({len(line)} chars, {len(line.split())} words)")
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total = sum(letters.values())
for ch in sorted(letters, key=lambda c: -letters[c])[:5]:
    print(f"{ch}: {letters[ch] / total:6.2%}")
longest = max(words, key=len)
print("longest:", longest, len(longest))
by_len = {}
for w in set(words):
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
def wrap(text, width):
    out, line = [], ""
    for w in text.split():
        if len(line) + len(w) + (1 if line else 0) > width:
            out.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        out.append(line)
    return out
for l in wrap(TEXT, 30):
    print("|" + l.ljust(30) + "|")
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, TEXT.count("it was"), TEXT.lower().count("it was"), TEXT.find("age"), TEXT.rfind("age"))
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), sentences[-1])
print("%-12s%8s" % ("word", "count"))
for w, c in top[:3]:
    print("%-12s%8d" % (w, c))
print("{:=^40}".format(" END "))
