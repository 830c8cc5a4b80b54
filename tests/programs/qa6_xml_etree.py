# xml.etree.ElementTree over Krait's pyexpat: namespaces, entities, CDATA, encodings,
# iterparse and the pull parser, comments and PIs, and Expat's error codes and positions.
import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0" encoding="UTF-8"?>
<!-- catalogue -->
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <book id="bk101" x:rating="5">
    <author>Gambardella, Matthew</author>
    <title>XML Developer&apos;s Guide &amp; more</title>
    <price currency="USD">44.95</price>
    <x:note><![CDATA[<raw> & unescaped]]></x:note>
  </book>
  <book id="bk102">
    <author>Ralls, Kim</author>
    <title>Midnight Rain</title>
    <price>5.95</price>
  </book>
</catalog>"""
root = ET.fromstring(doc)
ns = {"b": "urn:books", "x": "urn:extra"}
print(root.tag, root.attrib, len(root))
for book in root.findall("b:book", ns):
    print(book.get("id"), book.attrib, book.find("b:title", ns).text, float(book.findtext("b:price", namespaces=ns)))
print(repr(root[0].find("x:note", ns).text), repr(root.text), repr(root[0].tail))
print([e.tag for e in root.iter()][:6])
print(ET.tostring(root[1], encoding="unicode"))
tree = ET.ElementTree(ET.fromstring("<r><a n='1'>x<b/>y</a><a n='2'/></r>"))
print([a.get("n") for a in tree.iterfind(".//a")], tree.find("a/b").tail, ET.tostring(tree.getroot()))
print(ET.tostring(ET.fromstring(b"<?xml version='1.0' encoding='iso-8859-1'?><t>caf\xe9</t>"), encoding="unicode"))
print(ET.fromstring("<t>caf\u00e9 \u65e5\u672c</t>").text, ET.fromstring("<t>a&#65;&#x42;\r\nz</t>").text.encode())
print(ET.fromstring(b"\xef\xbb\xbf<t a='1&#10;2\t3'>x</t>").attrib)
print(ET.fromstring('<!DOCTYPE t [<!ENTITY who "World"><!ENTITY greet "Hello, &who;!">]><t>&greet;</t>').text)
events = []
for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=("start", "end", "start-ns", "end-ns")):
    events.append((ev, el if ev in ("start-ns", "end-ns") else el.tag.split("}")[1]))
print(events[:8], len(events))
pp = ET.XMLPullParser(["start", "end"])
pp.feed("<a><b>te")
print([(e, x.tag) for e, x in pp.read_events()])
pp.feed("xt</b></a>")
print([(e, x.tag, x.text) for e, x in pp.read_events()])
pp.close()
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
p = ET.XMLParser(target=tb)
for chunk in ["<a><!--h", "i--><?pi da", "ta?>t</a>"]:
    p.feed(chunk)
r = p.close()
print([(c.tag is ET.Comment, c.text) for c in r])
cases = ["<a></b>", "<a>", "", "<a/><b/>", "<a b></a>", "<a b='1' b='2'/>", "<a>&foo;</a>", "<a>&#0;</a>",
         "<a x='<'/>", "<a><b></a>", "<a>text", "<a>\n<b>\n</c></a>", " <?xml version='1.0'?><a/>",
         "<a><![CDATA[x</a>", "<a><!-- c -- ></a>", "<1a/>", "<a>x</a>y", "<a>&amp</a>", "<a b=1/>",
         "<a>\x01</a>", "<a:b/>", "<a>]]></a>", "<a>&#xZZ;</a>", "<!DOCTYPE a><a/>junk"]
for c in cases:
    try:
        ET.fromstring(c)
        print(repr(c), "parsed")
    except ET.ParseError as e:
        print(repr(c), e, e.code, e.position)
cases2 = ["x<a/>", "ab&amp;<r/>", "  x<r/>", "<r/>\u00e9", "<r>\u00e9]]>\u00e9</r>", "<r>a]]b]</r>", "<r>\u65e5\r\n\u672c</r>"]
for c in cases2:
    # Fed one character at a time, then one byte at a time.
    for feed in (list(c), [bytes([b]) for b in c.encode()]):
        p = ET.XMLParser()
        try:
            for piece in feed:
                p.feed(piece)
            r = p.close()
            print(repr(c), "parsed", repr(r.text))
        except ET.ParseError as e:
            print(repr(c), e, e.position)
