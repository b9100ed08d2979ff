"""Read an image as Chromium draws it: grayscale pixels for a real QR decoder (zbar)."""
from __future__ import annotations

import base64
import dataclasses

_DRAW = """async ([src, size]) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const w = size || img.naturalWidth, h = size || img.naturalHeight;
  const canvas = document.createElement("canvas");
  canvas.width = w; canvas.height = h;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#808080";  /* neither light nor dark: a transparent quiet zone would show */
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const gray = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) gray[i] = Math.round((rgba[4*i] + rgba[4*i+1] + rgba[4*i+2]) / 3);
  let text = "";
  for (let i = 0; i < gray.length; i += 8192) text += String.fromCharCode.apply(null, gray.subarray(i, i + 8192));
  return [btoa(text), w, h, img.naturalWidth, img.naturalHeight];
}"""


@dataclasses.dataclass(frozen=True)
class Gray:
    data: bytes
    width: int
    height: int
    natural: tuple[int, int]
    """The image's own size in pixels (before any scaling to ``size``)."""

    def dark_box(self) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) of the pixels darker than mid-gray; right/bottom exclusive."""
        rows = [y for y in range(self.height) if min(self.data[y * self.width:(y + 1) * self.width]) < 64]
        cols = [x for x in range(self.width) if min(self.data[x::self.width]) < 64]
        return cols[0], rows[0], cols[-1] + 1, rows[-1] + 1

    def darkest_outside(self, box: tuple[int, int, int, int]) -> int:
        """The darkest pixel outside ``box``: 255 when the margin is all white (not transparent)."""
        left, top, right, bottom = box
        return min(self.data[y * self.width + x] for y in range(self.height) for x in range(self.width)
                   if not (left <= x < right and top <= y < bottom))


def draw(page, src: str, size: int = 0) -> Gray:
    """Load ``src`` (a URL relative to ``page``) into an ``<img>``, draw it at ``size`` (0: natural) px."""
    encoded, width, height, nat_w, nat_h = page.evaluate(_DRAW, [src, size])
    return Gray(base64.b64decode(encoded), width, height, (nat_w, nat_h))
