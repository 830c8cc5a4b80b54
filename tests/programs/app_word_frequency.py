# Word frequency analysis over an inline text.
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way -- in short, the period was so far like the present period,
that some of its noisiest authorities insisted on its being received, for good
or for evil, in the superlative degree of comparison only.
"""
def words(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch == "'" else " ")
    return "".join(cleaned).split()
ws = words(TEXT)
print("total words:", len(ws), "distinct:", len(set(ws)))
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 12:")
for w, n in top[:12]:
    print(f"  {w:<10} {n:>3} {'*' * n}")
print("hapax legomena:", sorted(w for w, n in freq.items() if n == 1)[:15])
by_len = {}
for w in set(ws):
    by_len.setdefault(len(w), []).append(w)
for L in sorted(by_len):
    print(L, sorted(by_len[L]))
longest = max(ws, key=lambda w: (len(w), w))
print("longest word:", longest)
bigrams = {}
for a, b in zip(ws, ws[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print("top bigrams:", sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total_letters = sum(letters.values())
print("letter frequencies (%):")
print(" ".join(f"{ch}:{100 * n / total_letters:.1f}" for ch, n in sorted(letters.items())))
lines = [ln for ln in TEXT.strip().splitlines()]
for i, ln in enumerate(lines, 1):
    print(f"{i:2} words={len(words(ln)):2} chars={len(ln):3} commas={ln.count(','):1}")
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(".") if s.strip()]
print("sentences:", len(sentences), "avg words:", round(len(ws) / len(sentences), 2))
stop = {"the", "of", "it", "was", "we", "in", "to", "for", "or", "on", "its", "all", "so", "that", "us", "had", "were"}
content = [w for w in ws if w not in stop]
cfreq = {}
for w in content:
    cfreq[w] = cfreq.get(w, 0) + 1
print("top content words:", sorted(cfreq.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
