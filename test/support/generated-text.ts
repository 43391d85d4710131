// Seeded generated texts for tests that compare a fast path with the plain one it stands for.

/** A small seeded generator (an LCG), so that a failing text can be made again from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Pieces that move emphasis, end words, open a shortlog or a trailer, or are blank: letters
 * outside ASCII, apostrophes, quotes, CR, tabs, digits and "#", and the empty string.
 */
export const TEXT_PIECES: readonly string[] = [
  "", " ", "  ", "\t", "\r", "word", "Fix", "the", "cache", "_really_", "*not*", "_also_", "*ptr", "strbuf_addf",
  "don't", "it's", "'quoted'", '"said"', "(*bold*)", "naïve", "café", "日本語", "—", "…", "_", "*", "__init__",
  "**strong**", "*emph*.", "_x_,", "* jk/topic:", "* np/pack (3 commits):", "-", ".", "?", "!", ":", "#12",
  "v2.3", "gh-7", "OPS-12", "https://example.com/a", "Signed-off-by:", "Fixes:", "Why:",
];

/** A line of up to `most` pieces, sometimes indented. */
export function generatedLine(random: () => number, most = 6, pieces: readonly string[] = TEXT_PIECES): string {
  let text = random() < 0.2 ? (random() < 0.5 ? "  " : "\t") : "";
  const count = Math.floor(random() * (most + 1));
  for (let part = 0; part < count; part++) text += (part > 0 && random() < 0.7 ? " " : "") + pieces[Math.floor(random() * pieces.length)];
  return text;
}
