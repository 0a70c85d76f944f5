"""Converts one face of Noto CJK (CFF outlines) to TrueType outlines under its own family name.

Chromium's PDF backend embeds CFF-outlined fonts as Type 3 bitmaps-of-paths (no subsetting, no text search in some
readers, 1.3 MB for the sample); TrueType outlines are embedded as subset CID fonts. Usage:
    python3 truetype-cjk.py SOURCE.ttc "Noto Serif CJK SC" "Noto Serif CJK SC TT" OUT.ttf
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

source, family, new_family, out = sys.argv[1:5]
collection = TTCollection(source)
font = next(
    f for f in collection.fonts if family in [n.toUnicode() for n in f["name"].names if n.nameID in (1, 16)]
)
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyphs)
    # 1 font unit of tolerance: invisible at print sizes, keeps the file near the CFF's size.
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf[name] = pen.glyph()
font["loca"] = newTable("loca")
font["glyf"] = glyf
del font["CFF "]
if "VORG" in font:
    del font["VORG"]
maxp = newTable("maxp")
maxp.tableVersion = 0x00010000
for field in (
    "maxZones",
    "maxTwilightPoints",
    "maxStorage",
    "maxFunctionDefs",
    "maxInstructionDefs",
    "maxStackElements",
    "maxSizeOfInstructions",
    "maxComponentElements",
):
    setattr(maxp, field, 0)
maxp.maxZones = 1
font["maxp"] = maxp
font["head"].glyphDataFormat = 0
font["head"].indexToLocFormat = 0
post = font["post"]
post.formatType = 3.0
post.extraNames = []
post.mapping = {}
post.glyphOrder = None
font.sfntVersion = "\x00\x01\x00\x00"
style = next(n.toUnicode() for n in font["name"].names if n.nameID == 2)
for record in font["name"].names:
    if record.nameID in (1, 16):
        record.string = new_family
    elif record.nameID == 4:
        record.string = f"{new_family} {style}"
    elif record.nameID == 6:
        record.string = (new_family + "-" + style).replace(" ", "")
font.save(out)
