# xml.dom.minidom, xml.sax and plistlib over Krait's pyexpat, and pyexpat used directly
# with handlers (character data comes line by line unless buffer_text is set).
import xml.dom.minidom as minidom
import xml.sax
import plistlib
from xml.parsers import expat

d = minidom.parseString("<root><item k='1'>one</item><item k='2'>two<sub/></item><!--c--></root>")
print([(i.getAttribute("k"), i.firstChild.data) for i in d.getElementsByTagName("item")])
print(d.documentElement.toxml())
print(d.toprettyxml(indent="  "))


class H(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.out = []

    def startElement(self, name, attrs):
        self.out.append(("start", name, dict(attrs)))

    def endElement(self, name):
        self.out.append(("end", name))

    def characters(self, c):
        self.out.append(("chars", c))


h = H()
xml.sax.parseString(b"<a x='1'>hi\nthere<b/>&lt;</a>", h)
print(h.out)
data = {"name": "demo", "n": 3, "items": [1.5, True, "s"], "nested": {"k": b"\x00\x01"}}
blob = plistlib.dumps(data)
print(plistlib.loads(blob) == data, blob.decode().splitlines()[3])

log = []
p = expat.ParserCreate(namespace_separator="|")
p.StartElementHandler = lambda name, attrs: log.append(("start", name, attrs, p.CurrentLineNumber))
p.EndElementHandler = lambda name: log.append(("end", name))
p.CharacterDataHandler = lambda data: log.append(("data", data))
p.StartNamespaceDeclHandler = lambda prefix, uri: log.append(("ns", prefix, uri))
p.XmlDeclHandler = lambda v, e, s: log.append(("decl", v, e, s))
p.CommentHandler = lambda c: log.append(("comment", c))
p.Parse("<?xml version='1.0'?>\n<r xmlns:q='urn:q' q:a='1'>\n<q:s>x\ny</q:s><!--z--></r>", True)
for entry in log:
    print(entry)
p = expat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
chunks = []
p.StartElementHandler = lambda name, attrs: chunks.append(attrs)
p.CharacterDataHandler = chunks.append
p.Parse(b"<r b='2' a='1'>one\ntwo &amp; ", False)
p.Parse(b"three</r>", True)
print(chunks, p.ErrorCode, p.ErrorLineNumber)
try:
    p.Parse(b"<more/>", True)
except expat.ExpatError as e:
    print(e.code, expat.ErrorString(e.code), expat.errors.messages[e.code], e)
p = expat.ParserCreate()
try:
    p.Parse("<a>\n <b>\n</a>", True)
except expat.ExpatError as e:
    print(e, e.code == expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH], e.lineno, e.offset)
print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber)
try:
    minidom.parseString("<a></b>")
except expat.ExpatError as e:
    print(type(e).__name__, e)
