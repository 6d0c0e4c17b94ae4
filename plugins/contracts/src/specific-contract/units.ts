/**
 * Names of the SAT c_ClaveUnidad keys the catalog uses most. The full
 * catalog lives in the framework-contracts plugin (which validates items);
 * contracts only need a readable name next to the key, and print the key
 * alone when it is not listed here.
 */
const UNIT_NAMES: Record<string, string> = {
  H87: "Pieza",
  XBX: "Caja",
  XPK: "Paquete",
  KGM: "Kilogramo",
  LTR: "Litro",
  MTR: "Metro",
  E48: "Unidad de servicio",
  EA: "Elemento",
  MIL: "Millar",
  XRO: "Rollo",
  XBJ: "Cubeta",
  XBO: "Botella",
  SET: "Conjunto",
  PR: "Par",
  XUN: "Unidad",
  ACT: "Actividad",
}

export function satUnitName(clave: string): string {
  return UNIT_NAMES[clave] ?? ""
}
