/**
 * A strict structural check of an OpenAPI 3.1 document (no OpenAPI validator
 * is installed): the fixed fields and their types, path templates and their
 * declared parameters, unique operation ids, responses, resolvable `$ref`s,
 * declared tags and security schemes. Each embedded schema is validated
 * against JSON Schema 2020-12 by `validateSchema` when given. Returns the
 * problems found (empty when the document is valid).
 */
export function openApiProblems(doc: unknown, validateSchema?: (schema: unknown) => string | undefined): string[] {
  const problems: string[] = []
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`)
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v)
  const onlyKeys = (where: string, v: Record<string, unknown>, allowed: string[]) => {
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k) && !k.startsWith("x-")) {
        fail(where, `unknown field «${k}»`)
      }
    }
  }
  if (!isObject(doc)) {
    return ["document: not an object"]
  }
  onlyKeys("document", doc, [
    "openapi",
    "info",
    "jsonSchemaDialect",
    "servers",
    "paths",
    "webhooks",
    "components",
    "security",
    "tags",
    "externalDocs",
  ])
  if (typeof doc.openapi !== "string" || !/^3\.1\.\d+$/.test(doc.openapi)) {
    fail("openapi", `must be 3.1.x, is ${String(doc.openapi)}`)
  }
  const info = doc.info
  if (!isObject(info) || typeof info.title !== "string" || typeof info.version !== "string") {
    fail("info", "needs a title and a version (strings)")
  } else {
    onlyKeys("info", info, ["title", "summary", "description", "termsOfService", "contact", "license", "version"])
    if (isObject(info.license) && (typeof info.license.name !== "string" || ("url" in info.license && "identifier" in info.license))) {
      fail("info.license", "needs a name, and not both url and identifier")
    }
  }
  if (!isObject(doc.paths)) {
    fail("paths", "missing")
    return problems
  }
  const components = isObject(doc.components) ? doc.components : {}
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {}
  const tags = new Set(Array.isArray(doc.tags) ? doc.tags.map((t) => (isObject(t) ? t.name : undefined)) : [])

  // every $ref must point inside the document
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith("#/")) {
      return undefined
    }
    return ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc)
  }
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${where}[${i}]`))
    } else if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && resolve(v) === undefined) {
          fail(where, `unresolvable $ref ${v}`)
        }
        walk(v, `${where}.${k}`)
      }
    }
  }
  walk(doc, "document")

  const checkSchema = (where: string, schema: unknown) => {
    if (!isObject(schema) && typeof schema !== "boolean") {
      fail(where, "schema must be an object or a boolean")
      return
    }
    const error = validateSchema?.(schema)
    if (error) {
      fail(where, `not JSON Schema 2020-12: ${error}`)
    }
  }
  for (const [name, schema] of Object.entries(isObject(components.schemas) ? components.schemas : {})) {
    if (!/^[a-zA-Z0-9.\-_]+$/.test(name)) {
      fail(`components.schemas.${name}`, "invalid component name")
    }
    checkSchema(`components.schemas.${name}`, schema)
  }

  const operationIds = new Set<string>()
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
  const templates = new Map<string, string>()
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/")) {
      fail(path, "a path must start with /")
    }
    const shape = path.replace(/\{[^}]+\}/g, "{}")
    if (templates.has(shape)) {
      fail(path, `same template as ${templates.get(shape)}`)
    }
    templates.set(shape, path)
    if (!isObject(item)) {
      fail(path, "path item must be an object")
      continue
    }
    onlyKeys(path, item, ["$ref", "summary", "description", "servers", "parameters", ...methods])
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
    for (const method of methods.filter((m) => m in item)) {
      const op = item[method]
      const where = `${method.toUpperCase()} ${path}`
      if (!isObject(op)) {
        fail(where, "operation must be an object")
        continue
      }
      onlyKeys(where, op, [
        "tags",
        "summary",
        "description",
        "externalDocs",
        "operationId",
        "parameters",
        "requestBody",
        "responses",
        "callbacks",
        "deprecated",
        "security",
        "servers",
      ])
      if (typeof op.operationId !== "string" || operationIds.has(op.operationId)) {
        fail(where, `operationId missing or repeated (${String(op.operationId)})`)
      } else {
        operationIds.add(op.operationId)
      }
      if (typeof op.summary !== "string" || !op.summary.trim()) {
        fail(where, "no summary")
      }
      for (const tag of Array.isArray(op.tags) ? op.tags : []) {
        if (!tags.has(tag)) {
          fail(where, `tag «${String(tag)}» is not declared`)
        }
      }
      const params = Array.isArray(op.parameters) ? op.parameters : []
      const seen = new Set<string>()
      for (const p of params) {
        if (!isObject(p) || typeof p.name !== "string" || !["query", "header", "path", "cookie"].includes(String(p.in))) {
          fail(where, `bad parameter ${JSON.stringify(p)}`)
          continue
        }
        onlyKeys(`${where} parameter ${p.name}`, p, [
          "name",
          "in",
          "description",
          "required",
          "deprecated",
          "allowEmptyValue",
          "style",
          "explode",
          "allowReserved",
          "schema",
          "example",
          "examples",
          "content",
        ])
        const key = `${String(p.in)}:${p.in === "header" ? p.name.toLowerCase() : p.name}`
        if (seen.has(key)) {
          fail(where, `parameter ${key} declared twice`)
        }
        seen.add(key)
        if (p.in === "path" && (p.required !== true || !templated.includes(p.name))) {
          fail(where, `path parameter ${p.name} must be required and in the template`)
        }
        if (!("schema" in p) === !("content" in p)) {
          fail(where, `parameter ${p.name} needs exactly one of schema or content`)
        }
        if ("schema" in p) {
          checkSchema(`${where} parameter ${p.name}`, p.schema)
        }
      }
      for (const name of templated) {
        if (!seen.has(`path:${name}`)) {
          fail(where, `path parameter {${name}} not declared`)
        }
      }
      if (op.requestBody !== undefined) {
        const body = op.requestBody
        if (!isObject(body) || !isObject(body.content)) {
          fail(where, "requestBody needs content")
        } else {
          for (const [type, media] of Object.entries(body.content)) {
            if (isObject(media) && "schema" in media) {
              checkSchema(`${where} requestBody ${type}`, media.schema)
            }
          }
        }
      }
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) {
        fail(where, "no responses")
      } else {
        for (const [status, response] of Object.entries(op.responses)) {
          if (status !== "default" && !/^[1-5](\d\d|XX)$/.test(status)) {
            fail(where, `bad response status ${status}`)
          }
          if (!isObject(response) || (!("$ref" in response) && typeof response.description !== "string")) {
            fail(where, `response ${status} needs a description`)
          }
        }
      }
      for (const requirement of Array.isArray(op.security) ? op.security : []) {
        for (const scheme of Object.keys(isObject(requirement) ? requirement : {})) {
          if (!(scheme in schemes)) {
            fail(where, `security scheme ${scheme} is not declared`)
          }
        }
      }
    }
  }
  return problems
}
