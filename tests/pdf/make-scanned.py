"""Writes scanned.pdf: one page holding only an image (a 'scan'), no text.

Run: python3 make-scanned.py  (no dependencies)
"""
import zlib

w, h = 64, 32
rows = []
for y in range(h):
    # stripes that look like lines of print
    rows.append(bytes(0 if (y % 6 in (2, 3) and 4 < x < 60) else 255 for x in range(w)))
data = zlib.compress(b"".join(rows))
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data)) + data + b"\nendstream",
]
content = b"q 512 0 0 256 50 400 cm /Im1 Do Q"
objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("scanned.pdf", "wb").write(out)
