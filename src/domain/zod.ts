import { z } from 'zod'

// zod compiles fast validators with `new Function` when it may; the app's CSP forbids eval, and merely probing for
// it logs a CSP violation. Validate without code generation everywhere the schemas are used.
z.config({ jitless: true })

export { z }
