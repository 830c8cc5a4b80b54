"""Word count: dict- and str-heavy text processing.

Generates WORDS words of text (a vocabulary of synthetic words drawn with a skewed,
Zipf-like distribution from a deterministic LCG, with capitals and punctuation), then
does what word-frequency scripts do: split into lines and words, normalize case, strip
punctuation, count words and word pairs in dicts, and sort by frequency. The checksum
gives the totals, the top words and a digest of the sorted table.

Usage: wordcount.py [WORDS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=200000 quick=40000


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 7) % n


SYLLABLES = ["ka", "ra", "it", "py", "tho", "on", "sna", "ke", "lo", "op", "tra", "ce",
             "ji", "te", "mo", "de", "ru", "st", "be", "nch"]
PUNCT = [",", ".", ";", "!", "?", ":", ""]


def make_vocabulary(rng, size):
    words = []
    seen = {}
    while len(words) < size:
        w = "".join(SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(rng.next(3) + 1))
        if w not in seen:
            seen[w] = True
            words.append(w)
    return words


def make_text(rng, vocab, count):
    lines = []
    line = []
    n = len(vocab)
    for _ in range(count):
        # skewed choice: small indices are much more frequent
        a = rng.next(n)
        b = rng.next(n)
        w = vocab[a * b // n]
        r = rng.next(20)
        if r == 0:
            w = w.capitalize()
        elif r == 1:
            w = w.upper()
        if rng.next(8) == 0:
            w += PUNCT[rng.next(len(PUNCT))]
        line.append(w)
        if len(line) >= 12 and rng.next(4) == 0:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    pairs = {}
    total = 0
    for line in text.split("\n"):
        prev = None
        for raw in line.split():
            w = raw.strip(",.;!?:").lower()
            if not w:
                continue
            total += 1
            counts[w] = counts.get(w, 0) + 1
            if prev is not None:
                key = prev + " " + w
                if key in pairs:
                    pairs[key] += 1
                else:
                    pairs[key] = 1
            prev = w
    return total, counts, pairs


def main():
    nwords = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    rng = Lcg(31337)
    vocab = make_vocabulary(rng, 2000)
    text = make_text(rng, vocab, nwords)
    total, counts, pairs = count_words(text)
    table = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top_pairs = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    digest = 0
    for w, c in table:
        for ch in w:
            digest = (digest * 31 + ord(ch)) % 1000000007
        digest = (digest * 31 + c) % 1000000007
    longest = max(counts, key=lambda w: (len(w), w))
    print("wordcount", nwords, "total", total, "distinct", len(counts), "pairs", len(pairs),
          "digest", digest)
    print("top", " ".join("%s=%d" % kv for kv in table[:5]))
    print("top pairs", ", ".join("%s=%d" % kv for kv in top_pairs))
    print("longest", longest, "text chars", len(text))


main()
