// Sends the messages in a JSON file (written by `Compliance.Web bench smtp`) through nodemailer's pooled SMTP
// transport and prints one JSON line: {"sent":N,"failed":N,"seconds":S,"rate":R,"firstError":"..."}.
// Usage: node bench.mjs --host H --port P --connections K --messages FILE [--warmup N]
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, word, i, all) =>
  word.startsWith('--') ? [...pairs, [word.slice(2), all[i + 1]]] : pairs, []));
const { from, messages } = JSON.parse(readFileSync(args.messages, 'utf8'));
const connections = Number(args.connections ?? 4);
const warmup = Number(args.warmup ?? 0);

const transportFor = () => nodemailer.createTransport({
  pool: true, host: args.host, port: Number(args.port), secure: false, ignoreTLS: true,
  maxConnections: connections, maxMessages: Infinity,
});

async function sendAll(list) {
  const transport = transportFor();
  let failed = 0, firstError = null;
  const started = process.hrtime.bigint();
  await Promise.all(list.map(m => transport.sendMail({
    from, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined, messageId: m.messageId, headers: m.headers ?? {},
  }).catch(e => { failed++; firstError ??= e.message; })));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  transport.close();
  return { sent: list.length - failed, failed, seconds, rate: (list.length - failed) / seconds, firstError };
}

// The same warm-up as the .NET side gets, on a pool of its own, so neither is timed while compiling.
if (warmup > 0) await sendAll(messages.slice(0, warmup));
console.log(JSON.stringify(await sendAll(messages)));
