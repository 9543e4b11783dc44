export { a, ed, gr, rd, sh, u, wr } from "./envelopes.mjs";
/** S(phase, complexity, topic, turns, extra) — extra: {acc, mode, ag} */
export const S = (p, c, t, m, o = {}) => ({ p, c, t, m, ...o });
