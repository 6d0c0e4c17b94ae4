// Small console helpers for long-running scripts: timed steps and a clear
// failure message that says what to do.
const t0 = Date.now()
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

export function elapsed() {
  return since(t0)
}

export async function step(label, fn) {
  const t = Date.now()
  process.stdout.write(`▶ ${label}…\n`)
  try {
    const out = await fn()
    process.stdout.write(`✔ ${label} (${since(t)})\n`)
    return out
  } catch (e) {
    process.stdout.write(`✘ ${label} falló tras ${since(t)}\n`)
    throw e
  }
}

export function fail(message, hint) {
  process.stderr.write(`\n✘ ${message}\n`)
  if (hint) {
    process.stderr.write(`  Qué hacer: ${hint}\n`)
  }
  process.exit(1)
}
