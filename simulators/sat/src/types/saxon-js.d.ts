// SaxonJS 2 ships no type declarations; this is the part of its API the
// cadena original uses (https://www.saxonica.com/saxon-js/documentation2/).
declare module "saxon-js" {
  type TransformOptions = {
    stylesheetInternal: Record<string, unknown>
    sourceText: string
    destination: "serialized"
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: "sync"): { principalResult: unknown }
  }
  export default SaxonJS
}
