# Huffman compression: build the tree with a hand-made heap, encode, decode, and measure compression.
class Leaf:
    def __init__(self, ch, freq):
        self.ch, self.freq = ch, freq
class Internal:
    def __init__(self, left, right):
        self.left, self.right = left, right
        self.freq = left.freq + right.freq
def heap_push(h, item):
    h.append(item)
    i = len(h) - 1
    while i and h[(i - 1) // 2][:2] > h[i][:2]:
        h[i], h[(i - 1) // 2] = h[(i - 1) // 2], h[i]
        i = (i - 1) // 2
def heap_pop(h):
    top = h[0]
    last = h.pop()
    if h:
        h[0] = last
        i = 0
        while True:
            s = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < len(h) and h[c][:2] < h[s][:2]:
                    s = c
            if s == i:
                break
            h[i], h[s] = h[s], h[i]
            i = s
    return top
def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    heap, seq = [], 0
    for ch in sorted(freq):
        heap_push(heap, (freq[ch], seq, Leaf(ch, freq[ch])))
        seq += 1
    while len(heap) > 1:
        f1, _, a = heap_pop(heap)
        f2, _, b = heap_pop(heap)
        heap_push(heap, (f1 + f2, seq, Internal(a, b)))
        seq += 1
    return heap[0][2], freq
def codes(node, prefix="", out=None):
    out = {} if out is None else out
    if isinstance(node, Leaf):
        out[node.ch] = prefix or "0"
    else:
        codes(node.left, prefix + "0", out)
        codes(node.right, prefix + "1", out)
    return out
def encode(text, table):
    return "".join(table[ch] for ch in text)
def decode(bits, root):
    out, node = [], root
    if isinstance(root, Leaf):
        return root.ch * len(bits)
    for b in bits:
        node = node.left if b == "0" else node.right
        if isinstance(node, Leaf):
            out.append(node.ch)
            node = root
    return "".join(out)
samples = ["abracadabra", "mississippi river", "aaaaaaa", "the quick brown fox jumps over the lazy dog",
           "Peter Piper picked a peck of pickled peppers; a peck of pickled peppers Peter Piper picked."]
for text in samples:
    root, freq = build(text)
    table = codes(root)
    bits = encode(text, table)
    ok = decode(bits, root) == text
    print(repr(text[:30]), "distinct", len(freq), "bits", len(bits), "vs", 8 * len(text), f"ratio {len(bits) / (8 * len(text)):.3f}", "roundtrip", ok)
    for ch in sorted(table, key=lambda c: (len(table[c]), c))[:6]:
        print(f"   {ch!r}: {table[ch]} (x{freq[ch]})")
root, freq = build(samples[0])
bits = encode(samples[0], codes(root))
print(bits)
packed = int(bits, 2).to_bytes((len(bits) + 7) // 8, "big")
print(packed.hex(), len(packed), "bytes")
