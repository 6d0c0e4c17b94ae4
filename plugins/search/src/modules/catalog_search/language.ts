/**
 * Spanish vocabulary help shared by both providers: synonyms buyers use for
 * the same goods (Mexican usage) and stop words. Keys and values are
 * unaccented, lower case, one word each.
 */
export const SYNONYMS: Record<string, string[]> = {
  boligrafo: ["pluma", "lapicero"],
  pluma: ["boligrafo"],
  lapicero: ["boligrafo"],
  toner: ["cartucho"],
  cartucho: ["toner"],
  engrapadora: ["grapadora"],
  grapadora: ["engrapadora"],
  folder: ["carpeta"],
  carpeta: ["folder"],
  diurex: ["cinta"],
  resaltador: ["marcatextos"],
  subrayador: ["marcatextos"],
  marcatextos: ["resaltador"],
  sujetapapeles: ["clip"],
  clip: ["sujetapapeles"],
  hojas: ["papel"],
  cloro: ["blanqueador"],
  blanqueador: ["cloro"],
  trapeador: ["mechudo", "trapero"],
  mechudo: ["trapeador"],
  garrafon: ["agua"],
}

export const STOP_WORDS = [
  "a",
  "al",
  "con",
  "de",
  "del",
  "el",
  "en",
  "la",
  "las",
  "lo",
  "los",
  "o",
  "para",
  "por",
  "sin",
  "su",
  "un",
  "una",
  "y",
]
