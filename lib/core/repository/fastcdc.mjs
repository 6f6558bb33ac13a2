// FastCDC (Xia et al. 2016/2020) with normalized chunking level 2 over a 32-bit gear hash.
// Before `avgSize` a cut needs log2(avg)+2 zero bits (harder), after it log2(avg)-2 (easier): the
// chunk size distribution concentrates around avg. The first `minSize` bytes of every chunk are
// skipped, not hashed ("cut-point skipping"): with min = avg/2 half the input is never hashed.
// The masks take the hash's top bits: with a left-shifting gear hash bit k depends on the last k+1
// bytes, so the top bits see a 32-byte window.
// Plain JavaScript (types in fastcdc.d.mts) because the chunk worker (chunk-worker.mjs) runs it
// too, and a worker must load without tsx: the cut points are those of one implementation.

function topMask(bits) {
  return bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

export function createCutScanner(params, gear) {
  const { minSize, avgSize, maxSize } = params;
  const bits = Math.round(Math.log2(avgSize));
  const maskS = topMask(bits + 2) | 0;
  const maskL = topMask(bits - 2) | 0;
  // Int32 view: Uint32 values above 2^31 would be boxed as doubles in the hot loop (3x slower).
  const g = new Int32Array(gear.buffer, gear.byteOffset, 256);
  return {
    scan(buf, from, state) {
      const len = buf.length;
      // base + i = position within the chunk of buf[i]
      const base = state.pos - from;
      let i = Math.max(from, minSize - base);
      let h = state.hash;
      const end1 = Math.min(len, avgSize - base);
      for (; i < end1; i++) {
        h = ((h << 1) + g[buf[i]]) | 0;
        if ((h & maskS) === 0) return reset(state, i + 1);
      }
      const end2 = Math.min(len, maxSize - base);
      for (i = Math.max(i, from); i < end2; i++) {
        h = ((h << 1) + g[buf[i]]) | 0;
        if ((h & maskL) === 0) return reset(state, i + 1);
      }
      if (base + len >= maxSize) return reset(state, maxSize - base);
      state.pos = base + len;
      state.hash = h;
      return -1;
    },
  };
}

function reset(state, at) {
  state.pos = 0;
  state.hash = 0;
  return at;
}
