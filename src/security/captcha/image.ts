import { randomInt } from 'node:crypto';
import { PNG } from 'pngjs';
import { glyphs } from './glyphs.ts';

const W = 120;
const H = 44;
type Segment = [number, number, number, number];

const rand = (min: number, max: number) => min + Math.random() * (max - min);

function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: Segment): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Rasterises thick segments onto the picture with soft edges. */
function stroke(png: PNG, segments: Segment[], width: number, rgb: [number, number, number]) {
  const half = width / 2;
  for (const seg of segments) {
    const [x1, y1, x2, y2] = seg;
    for (let y = Math.max(0, Math.floor(Math.min(y1, y2) - half - 1)); y <= Math.min(H - 1, Math.ceil(Math.max(y1, y2) + half + 1)); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(x1, x2) - half - 1)); x <= Math.min(W - 1, Math.ceil(Math.max(x1, x2) + half + 1)); x++) {
        const alpha = Math.max(0, Math.min(1, half + 0.5 - distanceToSegment(x + 0.5, y + 0.5, seg)));
        if (!alpha) continue;
        const i = (y * W + x) * 4;
        for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(png.data[i + c]! * (1 - alpha) + rgb[c]! * alpha);
      }
    }
  }
}

/** One digit's strokes, each placed with its own offset, size, rotation and shear. */
function digitSegments(digit: number, slot: number): Segment[] {
  const size = rand(22, 28);
  const cx = 22 + slot * 36 + rand(-4, 4);
  const cy = H / 2 + rand(-3, 3);
  const angle = rand(-0.3, 0.3);
  const shear = rand(-0.25, 0.25);
  const place = ([u, v]: [number, number]): [number, number] => {
    const x = (u - 0.5) * size * 0.62 + (v - 0.5) * size * shear;
    const y = (v - 0.5) * size;
    return [cx + x * Math.cos(angle) - y * Math.sin(angle), cy + x * Math.sin(angle) + y * Math.cos(angle)];
  };
  return glyphs[digit]!.flatMap((line) =>
    line.slice(1).map((p, i) => [...place(line[i]!), ...place(p)] as Segment),
  );
}

/** A thin wavy curve in ink colour through all three digits, so they cannot be told apart from the noise by colour. */
function arc(png: PNG) {
  const x0 = rand(0, 15);
  const x1 = rand(W - 15, W);
  const [mid, amp, freq, phase] = [H / 2 + rand(-6, 6), rand(4, 9), rand(0.03, 0.07), rand(0, 2 * Math.PI)];
  const at = (x: number): [number, number] => [x, mid + amp * Math.sin(freq * x + phase)];
  const segs: Segment[] = [];
  for (let x = x0; x < x1; x += 4) segs.push([...at(x), ...at(Math.min(x + 4, x1))]);
  const ink = randomInt(20, 80);
  stroke(png, segs, rand(1.2, 1.8), [ink, ink + randomInt(0, 30), ink + randomInt(0, 50)]);
}

/** Three digits in a grey box, distorted and crossed with noise; no two pictures of the same digits alike. */
export function captchaPng(digits: string): Buffer {
  if (!/^\d{3}$/.test(digits)) throw new TypeError('captcha must be three digits');
  const png = new PNG({ width: W, height: H });
  for (let i = 0; i < W * H; i++) {
    const grey = 205 + randomInt(0, 30);
    png.data.set([grey, grey, grey, 255], i * 4);
  }
  const noise = (count: number, width: () => number) => {
    for (let n = 0; n < count; n++) {
      const shade = randomInt(60, 150);
      const segs: Segment[] = [];
      let x = rand(0, W);
      let y = rand(0, H);
      for (let k = 0; k < 4; k++) {
        const nx = x + rand(-40, 40);
        const ny = y + rand(-15, 15);
        segs.push([x, y, nx, ny]);
        [x, y] = [nx, ny];
      }
      stroke(png, segs, width(), [shade, shade, shade]);
    }
  };
  noise(4, () => rand(1, 2));
  [...digits].forEach((d, slot) => {
    const ink = randomInt(10, 70);
    stroke(png, digitSegments(Number(d), slot), rand(2.6, 3.6), [ink, ink + randomInt(0, 30), ink + randomInt(0, 50)]);
  });
  noise(3, () => rand(0.8, 1.5));
  arc(png);
  for (let n = 0; n < 120; n++) {
    const i = (randomInt(0, H) * W + randomInt(0, W)) * 4;
    const v = randomInt(0, 2) ? 40 : 250;
    png.data.set([v, v, v], i);
  }
  return PNG.sync.write(png);
}
