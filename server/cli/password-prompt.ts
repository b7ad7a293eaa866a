import { createInterface } from 'node:readline'

/** Reads a password: the first line of stdin when it is not a terminal, else typed twice at a prompt without echo. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = ''
    for await (const chunk of process.stdin)
      text += String(chunk)
    return text.split(/\r?\n/)[0] ?? ''
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  // Echo nothing while the password is typed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void }
  const ask = (prompt: string) => new Promise<string>((resolve) => {
    process.stderr.write(prompt)
    output._writeToOutput = () => {}
    rl.question('', (answer) => {
      process.stderr.write('\n')
      resolve(answer)
    })
  })
  try {
    const first = await ask('Password: ')
    const second = await ask('Repeat password: ')
    if (first !== second)
      throw new Error('the passwords differ')
    return first
  }
  finally {
    rl.close()
  }
}
