// The error codes a plugin's source throws, read from its syntax tree: the
// string codes at `new MedusaError(type, message, code)`, at the code-first
// helpers (`invalid`, `notFound`, …), at catalogue references
// (`E.KEY`, `BUDGET_ERRORS.KEY`, …), in `code:` properties (refusal reasons
// thrown later by their code) and in `withDomainErrors`' `conflict` and
// `unavailable` lists. docs/conventions.md, "Errors".
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"

export const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/

/** Functions whose string arguments are error codes. */
const HELPERS = new Set([
  "MedusaError",
  "invalid",
  "notFound",
  "notAllowed",
  "conflict",
  "forbidden",
  "budgetError",
  "efirmaError",
  "refuse",
  "deny",
])

/** Medusa's error types: the first argument of `budgetError`, not codes. */
const MEDUSA_TYPES = new Set([
  "NOT_FOUND",
  "INVALID_DATA",
  "NOT_ALLOWED",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "UNEXPECTED_STATE",
  "DB_ERROR",
])

export type CodeSite = {
  code: string
  file: string
  line: number
  /** "call" (thrown), "code" (a reason's code), "conflict" / "unavailable" (a route's status list). */
  how: "call" | "code" | "conflict" | "unavailable"
  /** The MedusaError type at `new MedusaError(MedusaError.Types.X, …)`. */
  type?: string
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (!["node_modules", ".medusa", "__tests__", "__fixtures__", "migrations", "admin"].includes(e.name)) {
        out.push(...sourceFiles(p))
      }
    } else if (/\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name)) {
      out.push(p)
    }
  }
  return out
}

/**
 * Every code site of a plugin's `src`; `names` maps the keys of the plugin's
 * name maps (`SPECIFIC_CONTRACT_ERRORS.NOT_FOUND`, …) to their codes.
 */
export function codeSites(pluginSrc: string, names: Record<string, string> = {}, root = pluginSrc): CodeSite[] {
  const sites: CodeSite[] = []
  for (const file of sourceFiles(pluginSrc)) {
    const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)
    const at = (node: ts.Node) => src.getLineAndCharacterOfPosition(node.getStart()).line + 1
    const codeOf = (n: ts.Node): string | undefined => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
        return CODE.test(n.text) ? n.text : undefined
      }
      if (ts.isPropertyAccessExpression(n) && /(^E|_ERRORS)$/.test(n.expression.getText(src))) {
        return names[n.name.text] ?? `?${n.getText(src)}`
      }
      return undefined
    }
    const visit = (n: ts.Node) => {
      if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.arguments) {
        const callee = n.expression.getText(src).split(".").pop() ?? ""
        if (HELPERS.has(callee)) {
          const type = callee === "MedusaError" ? n.arguments[0]?.getText(src).split(".").pop() : undefined
          for (const a of n.arguments) {
            const code = codeOf(a)
            if (code && !MEDUSA_TYPES.has(code)) {
              sites.push({ code, file: relative(root, file), line: at(a), how: "call", type })
            }
          }
        }
      }
      if (ts.isPropertyAssignment(n)) {
        const name = n.name.getText(src)
        if (name === "code" || name === "conflict" || name === "unavailable") {
          const values = ts.isArrayLiteralExpression(n.initializer) ? [...n.initializer.elements] : [n.initializer]
          for (const v of values) {
            const code = codeOf(v)
            if (code) {
              sites.push({ code, file: relative(root, file), line: at(v), how: name })
            }
          }
        }
      }
      ts.forEachChild(n, visit)
    }
    visit(src)
  }
  return sites
}
